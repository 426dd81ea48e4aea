/**
 * `mcroutes new`: the route wizard's answers as flags, the generated YAML on stdout. Every
 * answer is judged by checkWizardInput, the same check the wizard makes while the user
 * types, so the command refuses what the wizard refuses (exit status 2, the reason on stderr).
 */
import { generateConfig, ROUTE_METHODS, type RouteAnswer, type RouteMethod } from '../core/ide/generate';
import { checkWizardInput, proposedInterface, proposedName, type WizardCheck, type WizardDraft, type WizardStep } from '../core/ide/wizardCheck';
import { acceptedIgnitionVersions } from '../core/kinds/machineconfig/ignitionVersions';
import { machineConfigToButane } from '../core/kinds/butane/translate';
import { butaneVersionOfRelease } from '../core/kinds/butane/versions';
import { parseFlags, readFlagSettings, SETTING_FLAGS, SETTING_FLAGS_USAGE, SETTING_SWITCHES, UsageError } from './flags';

export interface NewOutput {
  out(text: string): void;
  err(text: string): void;
}

export const NEW_USAGE = `usage: mcroutes new --route DEST[,GATEWAY[,METRIC]] [--route ...] [options]

Prints a MachineConfig (or an NMState policy) that adds static routes, checked by
the same rules as \`mcroutes lint\`.

  --route DEST[,GATEWAY[,METRIC]]
                          a route, repeatable; IPv4 and IPv6 may be mixed, e.g.
                          192.168.1.0/24,172.18.0.1,100  fd00:1::/64,fd00::1
                          192.168.2.0/24,,50 (a metric without a gateway)
  --role ROLE             the MachineConfigPool: worker (default), master, or a
                          custom pool's name
  --name NAME             metadata.name (default 99-ROLE-static-routes)
  --method METHOD         nmcli-unit (default): a systemd unit running nmcli;
                          keyfile: a NetworkManager connection profile;
                          nmstate: a NodeNetworkConfigurationPolicy
  --interface IFACE       where the routes go: for nmcli-unit br-ex on
                          OVN-Kubernetes (the default) or the node's NIC; for
                          keyfile and nmstate the secondary NIC (required; never
                          br-ex, which configure-ovs owns)
  --address ADDR/PREFIX   keyfile: the NIC's static address, e.g. 10.0.5.10/24
                          (repeatable, one or more per family of the routes)
  --dhcp                  keyfile: the NIC gets its address by DHCP (keyfile needs
                          --address or --dhcp: the profile replaces the NIC's)
  --with-pool             custom role: also print the MachineConfigPool that
                          selects worker and the role (not for nmstate)
  --format FORMAT         yaml (default): the MachineConfig; butane: the same
                          config as a Butane config (variant openshift) to
                          compile with butane (not for nmstate or --with-pool)
  --ignition-version V    Ignition spec (default: the newest --openshift-version
                          accepts, or 3.4.0 (4.13 and later) when it is not
                          given; not used by nmstate)
${SETTING_FLAGS_USAGE}:
                          routes into them are refused
  -h, --help              show this help

Exit status 0 when the YAML was printed, 2 when an argument was refused.
`;

const VALUE_FLAGS = ['--route', '--role', '--name', '--method', '--interface', '--address', '--ignition-version', '--format', ...Object.keys(SETTING_FLAGS)];
const SWITCHES = ['--dhcp', '--with-pool', ...Object.keys(SETTING_SWITCHES)];

/** Runs `mcroutes new ARGS` and returns the exit status. */
export function newCommand(args: string[], io: NewOutput): number {
  try {
    return run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mcroutes new: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function run(args: string[], io: NewOutput): number {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(NEW_USAGE);
    return 0;
  }
  const flags = parseFlags(args, { command: 'new', values: VALUE_FLAGS, switches: SWITCHES, positional: false });
  const single = flags.single;
  const settings = readFlagSettings(flags);

  // Known before the role is judged, so that a custom role with its pool gets no note about the pool.
  const draft: WizardDraft = flags.switches.has('--with-pool') ? { withPool: true } : {};
  const accept = (step: WizardStep, flag: string, value: string, shown = value): WizardCheck => {
    const verdict = checkWizardInput(step, value, draft, settings);
    // The wizard shows the suggestion as a choice; here it is said once, unless the message already says it.
    const said = verdict.suggestion !== undefined && verdict.message?.includes(`use ${verdict.suggestion}`);
    const use = verdict.suggestion !== undefined && !said ? ` (use ${verdict.suggestion})` : '';
    const what = shown === '' ? flag : `${flag} ${shown}`;
    if (!verdict.ok) throw new UsageError(`${what}: ${verdict.message ?? 'refused'}${use}`);
    if (verdict.message) io.err(`mcroutes new: ${verdict.severity ?? 'note'}: ${what}: ${verdict.message}\n`);
    return verdict;
  };

  const format = (single('--format') ?? 'yaml').trim();
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${format}: use one of ${FORMATS.join(', ')}`);
  if (format === 'butane' && single('--method')?.trim() === 'nmstate') {
    throw new UsageError('--format butane writes a MachineConfig as Butane; an NMState policy has no Butane form (use --method nmcli-unit or keyfile)');
  }
  if (format === 'butane' && flags.switches.has('--with-pool')) {
    throw new UsageError('--format butane writes one Butane config, which cannot hold the MachineConfigPool: print the pool with --format yaml');
  }

  const role = single('--role') ?? 'worker';
  // A custom role no pool is known to select: the pool can come with the config (as the wizard offers).
  if (accept('role', '--role', role).rule === 'mc-role-label' && single('--method')?.trim() !== 'nmstate') {
    io.err(`mcroutes new: --with-pool also prints the MachineConfigPool that selects ${role.trim()}\n`);
  }
  draft.role = role.trim();

  const name = single('--name') ?? proposedName(draft.role);
  accept('name', '--name', name);
  draft.name = name.trim();

  const method = (single('--method') ?? 'nmcli-unit').trim();
  if (!(ROUTE_METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`--method ${method}: use one of ${ROUTE_METHODS.join(', ')}`);
  }
  draft.method = method as RouteMethod;

  if (draft.withPool) accept('pool', '--with-pool', 'yes', '');

  const iface = single('--interface') ?? proposedInterface(draft.method, settings, []);
  if (iface === '') {
    throw new UsageError(draft.method === 'nmcli-unit'
      ? `--interface is needed for networkType ${settings.networkType}: name the node's interface, e.g. --interface ens5`
      : `--interface is needed for --method ${draft.method}: name the secondary NIC the routes go on, e.g. --interface ens6 (not br-ex, which configure-ovs owns)`);
  }
  accept('interface', '--interface', iface);
  draft.interface = iface.trim();

  const addresses = flags.values.get('--address') ?? [];
  const dhcp = flags.switches.has('--dhcp');
  if (draft.method === 'keyfile') {
    if (dhcp && addresses.length > 0) throw new UsageError('give --address or --dhcp, not both');
    if (!dhcp && addresses.length === 0) {
      throw new UsageError(`--method keyfile needs the NIC's addressing, since the profile replaces the NIC's: --address ADDR/PREFIX (static, e.g. 10.0.5.10/24) or --dhcp`);
    }
    const addressing = dhcp ? 'dhcp' : addresses.map((a) => a.trim()).join(', ');
    accept('addressing', dhcp ? '--dhcp' : '--address', addressing, dhcp ? '' : addresses.join(' --address '));
    draft.addressing = addressing;
  } else if (dhcp || addresses.length > 0) {
    throw new UsageError(`${dhcp ? '--dhcp' : '--address'} is for --method keyfile (the NIC's own addressing); ${draft.method} leaves the NIC's addressing alone`);
  }

  const routeArgs = flags.values.get('--route') ?? [];
  if (routeArgs.length === 0) throw new UsageError('give at least one --route DEST[,GATEWAY[,METRIC]]');
  draft.routes = [];
  for (const text of routeArgs) {
    const parts = text.split(',');
    if (parts.length > 3) throw new UsageError(`--route ${text}: write DEST[,GATEWAY[,METRIC]]`);
    const [destination, gateway = '', metric = ''] = parts.map((p) => p.trim());
    draft.route = undefined;
    accept('destination', '--route', destination, text);
    draft.route = { destination };
    accept('gateway', '--route', gateway, text);
    if (gateway !== '') draft.route.gateway = gateway;
    accept('metric', '--route', metric, text);
    const route: RouteAnswer = { destination, ...(gateway !== '' ? { gateway } : {}), ...(metric !== '' ? { metric: Number(metric) } : {}) };
    draft.routes.push(route);
    draft.route = undefined;
  }

  const ignitionVersion = single('--ignition-version') ?? acceptedIgnitionVersions(settings.openshiftVersion)[0];
  accept('ignitionVersion', '--ignition-version', ignitionVersion);

  const yaml = generateConfig({
    role: draft.role,
    name: draft.name,
    method: draft.method,
    interface: draft.interface,
    ...(draft.addressing !== undefined ? { addressing: draft.addressing } : {}),
    ...(draft.withPool ? { withPool: true } : {}),
    routes: draft.routes as RouteAnswer[],
    ignitionVersion: ignitionVersion.trim(),
    networkType: settings.networkType,
  });
  if (format === 'yaml') {
    io.out(yaml);
    return 0;
  }
  // The wizard's comment, then the Butane form of the MachineConfig through the same translation the convert command uses.
  const comment = /^# (.*)\n/.exec(yaml)?.[1];
  const butane = machineConfigToButane(yaml, {
    preferredVersion: butaneVersionOfRelease(settings.openshiftVersion),
    comment: comment ? [comment, `Compile it with: butane ${draft.name}.bu -o ${draft.name}.yaml`] : [],
  });
  for (const note of butane.notes) io.err(`mcroutes new: note: ${note}\n`);
  io.out(butane.text);
  return 0;
}

const FORMATS: readonly string[] = ['yaml', 'butane'];
