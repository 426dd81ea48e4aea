/**
 * `mcroutes new`: the route wizard's answers as flags, the generated YAML on stdout. Every
 * answer is judged by checkWizardInput, the same check the wizard makes while the user
 * types, so the command refuses what the wizard refuses (exit status 2, the reason on stderr).
 */
import { generateConfig, ROUTE_METHODS, type RouteAnswer, type RouteMethod } from '../core/generate';
import { checkWizardInput, proposedInterface, proposedName, type WizardDraft, type WizardStep } from '../core/wizardCheck';
import { acceptedIgnitionVersions } from '../core/ignitionVersions';
import { parseFlags, readFlagSettings, SETTING_FLAGS, SETTING_FLAGS_USAGE, UsageError } from './flags';

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
  --interface IFACE       where the routes go (default br-ex on OVN-Kubernetes;
                          required otherwise, and for keyfile)
  --ignition-version V    Ignition spec (default: the newest --openshift-version
                          accepts, or 3.4.0 (4.13 and later) when it is not
                          given; not used by nmstate)
${SETTING_FLAGS_USAGE}:
                          routes into them are refused
  -h, --help              show this help

Exit status 0 when the YAML was printed, 2 when an argument was refused.
`;

const VALUE_FLAGS = ['--route', '--role', '--name', '--method', '--interface', '--ignition-version', ...Object.keys(SETTING_FLAGS)];

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
  const flags = parseFlags(args, { command: 'new', values: VALUE_FLAGS, positional: false });
  const single = flags.single;
  const settings = readFlagSettings(flags);

  const draft: WizardDraft = {};
  const accept = (step: WizardStep, flag: string, value: string, shown = value): void => {
    const verdict = checkWizardInput(step, value, draft, settings);
    const use = verdict.suggestion !== undefined ? ` (use ${verdict.suggestion})` : '';
    if (!verdict.ok) throw new UsageError(`${flag} ${shown}: ${verdict.message ?? 'refused'}${use}`);
    if (verdict.message) io.err(`mcroutes new: ${verdict.severity ?? 'note'}: ${flag} ${shown}: ${verdict.message}\n`);
  };

  const role = single('--role') ?? 'worker';
  accept('role', '--role', role);
  draft.role = role.trim();

  const name = single('--name') ?? proposedName(draft.role);
  accept('name', '--name', name);
  draft.name = name.trim();

  const method = (single('--method') ?? 'nmcli-unit').trim();
  if (!(ROUTE_METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`--method ${method}: use one of ${ROUTE_METHODS.join(', ')}`);
  }
  draft.method = method as RouteMethod;

  const iface = single('--interface') ?? proposedInterface(draft.method, settings, []);
  if (iface === '') {
    throw new UsageError(`--interface is needed for ${draft.method === 'keyfile' ? 'a keyfile' : `networkType ${settings.networkType}`}: name the node's interface, e.g. --interface ens5`);
  }
  accept('interface', '--interface', iface);
  draft.interface = iface.trim();

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

  io.out(generateConfig({
    role: draft.role,
    name: draft.name,
    method: draft.method,
    interface: draft.interface,
    routes: draft.routes as RouteAnswer[],
    ignitionVersion: ignitionVersion.trim(),
    networkType: settings.networkType,
  }));
  return 0;
}
