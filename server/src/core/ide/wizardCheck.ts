/**
 * The route wizard's judgement of each answer, by the same rules the diagnostics use:
 * the answer is put into a small generated config (generate.ts), the config is linted,
 * and the findings that lie on the answer's characters are its verdict. So "192.168.1.5/24"
 * is told what route-host-bits says and offered its `data.replacement`, and a route into
 * the service network is refused with route-overlaps-cluster's reason. Only what no rule
 * can see from a config (an empty answer, a pool name, the answer surviving the round trip
 * into the text and back) is checked here.
 */
import type { FileRange } from '../text/embeddedText';
import {
  familyOf, generateConfigFrom, readAddressing, readBackInterfaces, ROUTE_METHODS, STANDARD_ROLES, withPrefix,
  type RouteInput, type RouteMethod, type WizardAnswers,
} from './generate';
import { acceptedIgnitionVersions, ANY_RELEASE_IGNITION_MINOR, firstReleaseAccepting, NEWEST_IGNITION_MINOR } from '../kinds/machineconfig/ignitionVersions';
import { lintText } from '../analysis/lint';
import { routesOf, type MachineConfigModel } from '../kinds/machineconfig/model';
import { formatNetwork, parseNetwork } from '../net/address';
import { nmstateKind } from '../kinds/nmstate/kind';
import type { NmstateModel } from '../kinds/nmstate/model';
import { nmcliCommandsOf, OVN_RESERVED_INTERFACES, reservedInterface } from '../kinds/machineconfig/nmcliCommands';
import type { Problem, RuleId, Severity } from '../text/problem';
import type { Settings } from '../text/settings';
import { mapAt, pairOf, rangeOfNode, scalarAt } from '../text/yamlDocuments';
import { ROLE_LABEL } from '../kinds/machineconfig/pools';

/**
 * The questions, in the wizard's order. `pool` (include the MachineConfigPool of a custom
 * role: yes or no) is asked for MachineConfig methods with a custom role only, `addressing`
 * (the NIC's addresses or dhcp) for a keyfile only: see stepsFor.
 */
export type WizardStep = 'role' | 'name' | 'method' | 'pool' | 'interface' | 'addressing' | 'destination' | 'gateway' | 'metric' | 'ignitionVersion';
export const WIZARD_STEPS: readonly WizardStep[] = ['role', 'name', 'method', 'pool', 'interface', 'addressing', 'destination', 'gateway', 'metric', 'ignitionVersion'];

/** The steps a draft asks, in order: the pool only for a custom role's MachineConfig, the addressing only for a keyfile, no Ignition version for NMState. */
export function stepsFor(draft: WizardDraft): WizardStep[] {
  const role = typeof draft.role === 'string' ? draft.role.trim() : '';
  return WIZARD_STEPS.filter((step) => {
    if (step === 'pool') return draft.method !== 'nmstate' && role !== '' && !STANDARD_ROLES.includes(role);
    if (step === 'addressing') return draft.method === 'keyfile';
    if (step === 'ignitionVersion') return draft.method !== 'nmstate';
    return true;
  });
}

/** The answers given so far; `route` is the route being entered (its destination, then its gateway). */
export interface WizardDraft {
  role?: string;
  name?: string;
  method?: RouteMethod;
  interface?: string;
  /** Keyfile: the NIC's addressing as answered (`dhcp` or addresses with prefix). */
  addressing?: string;
  /** Include the custom role's MachineConfigPool. */
  withPool?: boolean;
  routes?: RouteInput[];
  route?: RouteInput;
  ignitionVersion?: string;
}

export interface WizardCheck {
  /** The answer may be taken; `message` may still advise (`severity` warning or info). */
  ok: boolean;
  message?: string;
  /** What to use instead, when a rule knows (`data.replacement`): the network address, br-ex, a valid name. */
  suggestion?: string;
  severity?: Severity;
  /** The rule that spoke, when one did. */
  rule?: RuleId;
}

/** What the wizard proposes for a draft under the current settings and the open file. */
export interface WizardDefaults {
  networkType: Settings['networkType'];
  /** The target release; absent when unset (any supported release). */
  openshiftVersion?: string;
  /** Spec versions the target release (unset: every supported release) accepts, newest first; the first is proposed. */
  ignitionVersions: string[];
  /** What the versions offered depend on, for the version question: "OpenShift 4.19 accepts up to 3.5.0". */
  ignitionNote: string;
  /** 99-<role>-static-routes, once the role is known. */
  name?: string;
  /** The interface proposed for the draft's method ('' when there is nothing sensible to propose). */
  interface: string;
  /** Interfaces the open file's routes use (nmcli targets, keyfile interface-names, NMState next hops). */
  fileInterfaces: string[];
  /** The interface question for the draft's method: which NIC, and why that one. */
  interfaceNote: string;
  /** An example answer for it. */
  interfaceExample: string;
  /** An example next hop for the gateway question: of the family of the draft's route (IPv6: fd00::1). */
  gatewayExample: string;
  /** The steps the draft asks, in order (stepsFor): the wizard shows these and no others. */
  steps: WizardStep[];
}

const OK: WizardCheck = { ok: true };
/** A route the probe config carries when the answer under test is not a route: nothing to say about it. */
const PROBE_ROUTE: RouteInput = { destination: '192.0.2.0/24' };
/** The NIC of a probe whose interface is not answered yet: one no rule questions (not NIC-like, not the cluster's). */
const PROBE_NIC = 'net0';

export function proposedName(role: string): string {
  return `99-${role.trim()}-static-routes`;
}

/**
 * br-ex for the nmcli unit on OVN-Kubernetes, else the open file's interface; for a keyfile
 * or an NMState policy only a secondary NIC (never br-ex, an OVS interface or the NIC under
 * br-ex), and nothing when the file names none: that NIC is the user's to say.
 */
export function proposedInterface(method: RouteMethod, settings: Settings, fileInterfaces: readonly string[]): string {
  if (settings.networkType === 'OVNKubernetes' && method === 'nmcli-unit') return 'br-ex';
  const usable = fileInterfaces.filter((name) => !reservedInterface(name, settings.networkType) &&
    (method === 'nmcli-unit' || secondaryNicProblem(name, method, settings) === undefined));
  return usable[0] ?? '';
}

/** Open vSwitch's own interfaces: br-ex and the datapath, and OVN-Kubernetes' bridges and ports (whatever the network type). */
const OVS_INTERFACES = ['br-ex', 'ovs-system', ...OVN_RESERVED_INTERFACES];

/**
 * Why `name` cannot be the NIC of a keyfile or an NMState policy: both are for a secondary
 * NIC. configure-ovs owns br-ex and the profiles of the NIC under it; the NMState Operator
 * must not change either (RULES.md §6).
 */
export function secondaryNicProblem(name: string, method: RouteMethod, settings: Settings): string | undefined {
  if (method === 'nmcli-unit') return undefined;
  const what = method === 'keyfile' ? 'a keyfile' : 'an NMState policy';
  if (name === 'br-ex') {
    return method === 'keyfile'
      ? 'br-ex is the OVS bridge configure-ovs builds and owns: a keyfile for it is not applied. Use the nmcli unit for br-ex; a keyfile is for a secondary NIC.'
      : 'The NMState Operator must not change br-ex (routes with next-hop-interface br-ex are not supported). Use the nmcli unit for br-ex; NMState is for a secondary NIC.';
  }
  const ovs = OVS_INTERFACES.find((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
  if (ovs) return `${name} is an Open vSwitch interface the cluster network owns: ${what} is for a secondary NIC outside OVS.`;
  if (settings.networkType === 'OVNKubernetes' && name === settings.brExInterface) {
    return `${name} is the NIC br-ex is built on (mcroutes.brExInterface), whose profiles configure-ovs owns: ${what} is for a secondary NIC. Use the nmcli unit on br-ex.`;
  }
  return undefined;
}

export function wizardDefaults(settings: Settings, draft: WizardDraft = {}, openText?: string): WizardDefaults {
  const fileInterfaces = openText === undefined ? [] : readBackInterfaces(openText);
  const method = draft.method ?? 'nmcli-unit';
  const interfaceProposed = proposedInterface(method, settings, fileInterfaces);
  return {
    networkType: settings.networkType,
    ...(settings.openshiftVersion ? { openshiftVersion: settings.openshiftVersion } : {}),
    ignitionVersions: acceptedIgnitionVersions(settings.openshiftVersion),
    ignitionNote: ignitionNote(settings),
    ...(draft.role && poolNameProblem(draft.role) === undefined ? { name: proposedName(draft.role) } : {}),
    interface: interfaceProposed,
    fileInterfaces,
    ...interfaceQuestion(method, settings, interfaceProposed),
    gatewayExample: `e.g. ${gatewayExample(draft.route)}`,
    steps: stepsFor(draft),
  };
}

function interfaceQuestion(method: RouteMethod, settings: Settings, proposed: string): { interfaceNote: string; interfaceExample: string } {
  if (method === 'keyfile' || method === 'nmstate') {
    const what = method === 'keyfile' ? 'A keyfile' : 'An NMState policy';
    return { interfaceNote: `The secondary NIC the routes go on. ${what} is for a secondary NIC, not br-ex.`, interfaceExample: 'e.g. ens6' };
  }
  const why = settings.networkType === 'OVNKubernetes' && proposed === 'br-ex'
    ? 'On OVN-Kubernetes br-ex carries the node\'s IP.' : `Network type ${settings.networkType}.`;
  return { interfaceNote: `The interface the routes go on. ${why}`, interfaceExample: 'e.g. ens5' };
}

function ignitionNote(settings: Settings): string {
  const newest = acceptedIgnitionVersions(settings.openshiftVersion)[0];
  if (settings.openshiftVersion) return `OpenShift ${settings.openshiftVersion} accepts up to ${newest}; setting mcroutes.openshiftVersion`;
  return `${newest} for any release from ${firstReleaseAccepting(ANY_RELEASE_IGNITION_MINOR)}; 3.${NEWEST_IGNITION_MINOR}.0 needs ${firstReleaseAccepting(NEWEST_IGNITION_MINOR)} or later: set mcroutes.openshiftVersion`;
}

/**
 * A pool name becomes the role label's value, a MachineConfigPool's name and (NMState) a
 * node-role label key: lower case letters, digits, `-` and `.`, at most 63 characters.
 * No rule sees this in a config (mc-role-label only asks for a role), so it is checked here.
 */
export function poolNameProblem(role: string): string | undefined {
  const name = role.trim();
  if (name === '') return 'Enter the name of a MachineConfigPool, such as infra.';
  if (name.length > 63) return `A pool name is used as a label value: at most 63 characters (this one has ${name.length}).`;
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
    return `${JSON.stringify(name)} cannot name a MachineConfigPool: use lower case letters, digits, "-" and ".", starting and ending with a letter or digit.`;
  }
  return undefined;
}

/**
 * Judges one answer in the context of the answers before it. Never throws: an internal
 * failure answers ok (the generated document is linted in the editor anyway).
 */
export function checkWizardInput(step: WizardStep, value: string, draft: WizardDraft, settings: Settings): WizardCheck {
  try {
    return check(step, value, draft, settings);
  } catch {
    return OK;
  }
}

function check(step: WizardStep, raw: string, draft: WizardDraft, settings: Settings): WizardCheck {
  const value = raw.trim();
  switch (step) {
    case 'role': {
      const problem = poolNameProblem(value);
      if (problem) return refuse(problem);
      return judgeProbe({ ...draft, role: value, name: undefined, method: 'nmcli-unit' }, settings, 'advise', (mc) => [rangeOfNode(scalarAt(mapAt(mc.metadata, 'labels'), ROLE_LABEL))]).verdict;
    }
    case 'name':
      // An empty name is mc-name's to refuse, like any other.
      return judgeProbe({ ...draft, name: value, method: 'nmcli-unit' }, settings, 'advise', (mc) => {
        const pair = pairOf(mc.metadata, 'name');
        return pair ? [rangeOfNode(pair.key), rangeOfNode(pair.value)] : [];
      }).verdict;
    case 'method':
      return (ROUTE_METHODS as readonly string[]).includes(value) ? OK : refuse(`The method is one of ${ROUTE_METHODS.join(', ')}.`);
    case 'pool':
      return checkPool(value, draft, settings);
    case 'interface':
      return checkInterface(value, draft, settings);
    case 'addressing':
      return checkAddressing(value, draft, settings);
    case 'destination':
    case 'gateway':
    case 'metric':
      return checkRoutePart(step, value, draft, settings);
    case 'ignitionVersion': {
      if (draft.method === 'nmstate') return OK; // an NMState policy is no Ignition config
      if (value === '') return refuse(`Choose an Ignition spec version, e.g. ${acceptedIgnitionVersions(settings.openshiftVersion)[0]}.`);
      return judgeProbe({ ...draft, ignitionVersion: value, method: draft.method ?? 'nmcli-unit' }, settings, 'strict',
        (mc) => [rangeOfNode(scalarAt(mapAt(mc.config, 'ignition'), 'version'))]).verdict;
    }
    default:
      return refuse(`There is no wizard step ${JSON.stringify(step)}.`);
  }
}

function checkInterface(value: string, draft: WizardDraft, settings: Settings): WizardCheck {
  const method = draft.method ?? 'nmcli-unit';
  if (value === '') {
    return refuse(method === 'nmcli-unit'
      ? 'Enter the interface the routes go on, e.g. br-ex on OVN-Kubernetes or the NIC (ens5) otherwise.'
      : `Enter the secondary NIC the routes go on, e.g. ens6: ${method === 'keyfile' ? 'a keyfile' : 'an NMState policy'} is for a NIC outside br-ex.`);
  }
  const secondary = secondaryNicProblem(value, method, settings);
  if (secondary) return refuse(secondary);
  // The interface rules read nmcli's `dev modify IFACE`; for a keyfile or an NMState policy
  // only those about the name itself apply there (iface-name, nmcli-reserved-iface).
  const rules: RuleId[] | undefined = method === 'nmcli-unit' ? undefined : ['iface-name', 'nmcli-reserved-iface'];
  const probe = { ...draft, interface: value, method: 'nmcli-unit' as const };
  const { probe: mc, verdict } = judgeProbe(probe, settings, 'advise', (mc) => nmcliCommandsOf(mc).flatMap(({ nmcli }) => (nmcli.target ? [nmcli.target.rangeOf()] : [])), rules);
  if (!verdict.ok) return verdict;
  // The name must come back from the unit as it went in (no quotes, spaces or separators that split it).
  const written = mc ? nmcliCommandsOf(mc).map(({ nmcli }) => nmcli.target?.value) : [];
  const keyfileOk = method !== 'keyfile' || !/[\s\\]/.test(value); // GKeyFile escapes; whitespace is iface-name's anyway
  if (written.length !== 1 || written[0] !== value || !keyfileOk) {
    return refuse(`${JSON.stringify(value)} cannot be written as one interface name: Linux interface names have no whitespace, quotes, "/" or ":".`);
  }
  return verdict;
}

/**
 * The keyfile NIC's addressing. DHCP on OVN-Kubernetes draws nmcli-ovn-port's question on
 * the keyfile (under br-ex configure-ovs keeps none of a DHCP profile's routes); static
 * addressing does not (configure-ovs clones a static profile, routes included).
 */
function checkAddressing(value: string, draft: WizardDraft, settings: Settings): WizardCheck {
  const addressing = readAddressing(value);
  if (typeof addressing === 'string') return refuse(addressing);
  if (!addressing.dhcp || draft.method !== 'keyfile' || !draft.interface) return OK;
  return judgeProbe({ ...draft, addressing: 'dhcp', method: 'keyfile' }, settings, 'advise', (mc) => mc.files.flatMap((file) =>
    (file.keyfile?.groups ?? []).flatMap((group) => group.entries.filter((e) => e.key.value === 'interface-name').map((e) => e.value.rangeOf()))), ['nmcli-ovn-port']).verdict;
}

/** Include the custom role's MachineConfigPool: yes or no. */
function checkPool(value: string, draft: WizardDraft, settings: Settings): WizardCheck {
  const answer = value.toLowerCase();
  if (!['yes', 'no', 'true', 'false'].includes(answer)) return refuse('Answer yes (include the MachineConfigPool) or no.');
  const role = draft.role?.trim() ?? '';
  const include = answer === 'yes' || answer === 'true';
  if (include && STANDARD_ROLES.includes(role)) return refuse(`Every cluster has the ${role} pool: there is no MachineConfigPool to include.`);
  if (include && draft.method === 'nmstate') return refuse('An NMState policy selects nodes by their node-role label: it needs no MachineConfigPool.');
  if (include || role === '' || STANDARD_ROLES.includes(role)) return OK;
  // Without the pool: what mc-role-label says of the role.
  return judgeProbe({ ...draft, role, withPool: false, method: draft.method === 'keyfile' ? 'keyfile' : 'nmcli-unit' }, settings, 'advise',
    (mc) => [rangeOfNode(scalarAt(mapAt(mc.metadata, 'labels'), ROLE_LABEL))], ['mc-role-label']).verdict;
}

function checkRoutePart(step: 'destination' | 'gateway' | 'metric', value: string, draft: WizardDraft, settings: Settings): WizardCheck {
  const current = draft.route ?? { destination: '' };
  let candidate: RouteInput;
  if (step === 'destination') {
    if (value === '') return refuse('Enter the destination network, e.g. 192.168.1.0/24 or fd00:1::/64.');
    candidate = { destination: value };
    const missing = missingFamily(candidate, draft);
    if (missing) return refuse(missing);
  } else {
    if (value === '') return OK; // optional
    if (!current.destination) return refuse('Enter the destination first.');
    candidate = step === 'gateway'
      ? { destination: current.destination, gateway: value }
      : { destination: current.destination, ...(current.gateway ? { gateway: current.gateway } : {}), metric: value };
  }
  // The route rules judge the route in a MachineConfig first (the probe reads its parts back);
  // an NMState policy is then linted as written, for what only the NMState rules see.
  const method = draft.method === 'keyfile' ? 'keyfile' : 'nmcli-unit';
  const probe: WizardDraft = { ...draft, method, routes: [...(draft.routes ?? []), candidate], route: undefined };
  const partRange = (mc: MachineConfigModel): FileRange[] => {
    const route = candidateRoute(mc, candidate);
    if (!route) return [];
    const part = step === 'destination' ? route.destination : step === 'gateway' ? route.gateway : route.metric;
    return part ? [part.rangeOf()] : [];
  };
  const { probe: mc, verdict } = judgeProbe(probe, settings, 'strict', partRange);
  if (verdict.message || !mc) return inWizardWords(verdict, step, candidate, draft);
  if (step !== 'destination') {
    // The next hop and the metric decide whether the route repeats an earlier one; route-duplicate marks the destination.
    const repeated = judgeProbe(probe, settings, 'strict', (probed) => {
      const destination = candidateRoute(probed, candidate)?.destination;
      return destination ? [destination.rangeOf()] : [];
    }, ['route-duplicate']).verdict;
    if (repeated.message) return inWizardWords(repeated, step, candidate, draft);
  }

  // The answer must come back from the text as it went in: "192.168.1.0/24 172.18.0.1" is
  // two words, not one destination; "a, b" would be two routes.
  const route = candidateRoute(mc, candidate);
  const metric = candidate.metric === undefined ? undefined : String(candidate.metric).trim();
  const same = route !== undefined && routesOf(mc).length === (probe.routes?.length ?? 0) &&
    route.gateway?.value === (candidate.gateway?.trim() || undefined) &&
    (metric === undefined ? route.metric === undefined : /^\d+$/.test(metric) && route.metric !== undefined && Number(route.metric.value) === Number(metric));
  if (!same) {
    const what = step === 'destination' ? 'one network as address/prefix, e.g. 192.168.1.0/24'
      : step === 'gateway' ? `one IP address, e.g. ${gatewayExample(current)}` : 'one number from 0 to 4294967295';
    return refuse(`Enter ${what}.`);
  }
  return draft.method === 'nmstate' ? policyVerdict(step, candidate, draft, settings) : OK;
}

/**
 * route-duplicate speaks of the list the config holds (`this ipv4.routes value`), which the
 * wizard's user never sees: say it of the routes they entered, numbered as the prompts number them.
 */
function inWizardWords(verdict: WizardCheck, step: 'destination' | 'gateway' | 'metric', candidate: RouteInput, draft: WizardDraft): WizardCheck {
  if (verdict.rule !== 'route-duplicate') return verdict;
  const network = parseNetwork(withPrefix(candidate.destination));
  const routes = draft.routes ?? [];
  const index = network ? routes.findIndex((route) => {
    const earlier = parseNetwork(withPrefix(route.destination));
    return earlier !== undefined && formatNetwork(earlier) === formatNetwork(network);
  }) : -1;
  if (!network || index < 0) return verdict;
  const earlier = routes[index];
  const details = [earlier.gateway ? `via ${earlier.gateway}` : '', String(earlier.metric ?? '').trim() !== '' ? `metric ${earlier.metric}` : ''].filter(Boolean);
  const what = step === 'destination' ? 'destination' : step === 'gateway' ? 'next hop' : 'metric';
  return { ...verdict, message: `You entered ${formatNetwork(network)} already as route ${index + 1}${details.length ? ` (${details.join(', ')})` : ''}: enter another ${what}.` };
}

/** An example next hop of the route's family, for the gateway question. */
export function gatewayExample(route: RouteInput | undefined): string {
  return route?.destination && familyOf(route) === 6 ? 'fd00::1' : '172.18.0.1';
}

/**
 * The policy the draft writes, linted: a warning or an error on the candidate route's part
 * refuses it (strict, like the MachineConfig probe), so the wizard writes only what the
 * NMState rules accept.
 */
function policyVerdict(step: 'destination' | 'gateway' | 'metric', candidate: RouteInput, draft: WizardDraft, settings: Settings): WizardCheck {
  const text = generateConfigFrom(probeAnswers({ ...draft, routes: [...(draft.routes ?? []), candidate], route: undefined }, settings));
  const result = lintText(text, settings);
  const routes = result.parsed.documents.flatMap((d) => (d.kind === nmstateKind ? (d.model as NmstateModel).routes : []));
  const route = routes.filter((r) => r.destination.value === withPrefix(candidate.destination)).pop();
  const part = route && (step === 'destination' ? route.destination : step === 'gateway' ? route.gateway : route.metric);
  if (!part) return OK;
  const range = part.rangeOf();
  const found = result.problems.find((p) => (p.severity === 'error' || p.severity === 'warning') && overlaps(p, range));
  if (!found) return OK;
  const replacement = found.data?.replacement;
  return { ok: false, message: found.message, severity: found.severity, rule: found.code, ...(typeof replacement === 'string' ? { suggestion: replacement } : {}) };
}

/**
 * A keyfile with static addressing gives the NIC only the families it has addresses for
 * (the others are disabled): a route of another family would never be added.
 */
function missingFamily(route: RouteInput, draft: WizardDraft): string | undefined {
  if (draft.method !== 'keyfile' || draft.addressing === undefined) return undefined;
  const addressing = readAddressing(draft.addressing);
  if (typeof addressing === 'string' || addressing.dhcp) return undefined;
  const family = familyOf(route);
  if (addressing.addresses.some((address) => address.family === family)) return undefined;
  return `The NIC gets no IPv${family} address from this keyfile (${draft.addressing.trim()}): give it one in the addressing step, or use dhcp.`;
}

/** The route of the probe config that is the candidate (the last one with its destination as written). */
function candidateRoute(mc: MachineConfigModel, candidate: RouteInput) {
  const destination = withPrefix(candidate.destination);
  const routes = routesOf(mc).filter((route) => route.destination.value === destination);
  return routes[routes.length - 1];
}

/**
 * Generates the config for the draft (defaults for what is not answered yet), lints it
 * with the user's settings, and turns the findings on `ranges` into a verdict. `strict`:
 * errors, warnings and infos refuse (a route the wizard writes has nothing wrong with it);
 * `advise`: only errors refuse, warnings and infos are shown. Hints never speak: they are
 * true of correct configs too.
 */
function judgeProbe(
  draft: WizardDraft,
  settings: Settings,
  mode: 'strict' | 'advise',
  ranges: (mc: MachineConfigModel) => FileRange[],
  rules?: readonly RuleId[],
): { verdict: WizardCheck; probe?: MachineConfigModel } {
  const text = generateConfigFrom(probeAnswers(draft, settings));
  const result = lintText(text, settings);
  const mc = result.parsed.documents.find((d) => d.machineConfig)?.machineConfig;
  if (!mc) return { verdict: OK };
  const targets = ranges(mc);
  const relevant = result.problems.filter((p) => p.severity !== 'hint' && (!rules || rules.includes(p.code)) && targets.some((r) => overlaps(p, r)));
  if (relevant.length === 0) return { verdict: OK, probe: mc };
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  const worst = [...relevant].sort((a, b) => rank[a.severity] - rank[b.severity])[0];
  const refuses = worst.severity === 'error' || mode === 'strict';
  const replacement = worst.data?.replacement;
  return {
    verdict: {
      ok: !refuses,
      message: worst.message,
      severity: worst.severity,
      rule: worst.code,
      ...(typeof replacement === 'string' ? { suggestion: replacement } : {}),
    },
    probe: mc,
  };
}

function overlaps(problem: Problem, range: FileRange): boolean {
  if (problem.start === problem.end) return problem.start >= range.start && problem.start <= range.end;
  return problem.start < range.end && problem.end > range.start;
}

function refuse(message: string): WizardCheck {
  return { ok: false, message, severity: 'error' };
}

/** The draft completed with answers that the linter has nothing to say about. */
function probeAnswers(draft: WizardDraft, settings: Settings): WizardAnswers<RouteInput> {
  const role = draft.role?.trim() || 'worker';
  const method = draft.method ?? 'nmcli-unit';
  const routes = draft.routes && draft.routes.length > 0 ? draft.routes : [PROBE_ROUTE];
  return {
    role,
    name: draft.name ?? proposedName(poolNameProblem(role) ? 'worker' : role),
    method,
    interface: draft.interface?.trim() || (settings.networkType === 'OVNKubernetes' && method === 'nmcli-unit' ? 'br-ex' : PROBE_NIC),
    ...(draft.addressing !== undefined ? { addressing: draft.addressing } : {}),
    ...(draft.withPool ? { withPool: true } : {}),
    routes,
    ignitionVersion: draft.ignitionVersion?.trim() || acceptedIgnitionVersions(settings.openshiftVersion)[0],
    networkType: settings.networkType,
  };
}
