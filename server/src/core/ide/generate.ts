/**
 * The route wizard's and `mcroutes new`'s output: from the answers to the YAML of a
 * MachineConfig (a systemd unit running nmcli, or a NetworkManager keyfile) or of a
 * Kubernetes NMState NodeNetworkConfigurationPolicy, written the way RULES.md §3, §4 and
 * §6 call today's best practice, so that the linter finds nothing to say about it. And
 * the way back (`readBackRoutes`), through the same parse the linter uses.
 */
import { isMap, isSeq, type Node } from 'yaml';
import { writeYaml } from '../text/yamlWrite';
import { networkOf, parseCidr } from '../net/address';
import { percentEncode } from '../formats/dataUrl';
import { parseText } from '../analysis/lint';
import { MACHINECONFIG_API_VERSION, routesOf, KEYFILE_DIRECTORY } from '../kinds/machineconfig/model';
import type { NetworkType } from '../text/settings';
import { ROLE_LABEL } from '../kinds/machineconfig/pools';

/** How the route reaches the node. */
export type RouteMethod = 'nmcli-unit' | 'keyfile' | 'nmstate';
export const ROUTE_METHODS: readonly RouteMethod[] = ['nmcli-unit', 'keyfile', 'nmstate'];

/** One static route as the user enters it. */
export interface RouteAnswer {
  /** `address/prefix`; an address without a prefix is a host route (written with /32 or /128). */
  destination: string;
  /** The next hop; none means the destination is on the link. */
  gateway?: string;
  /** A u32; none means NetworkManager's default for the device. */
  metric?: number;
}

/** A route as typed, before it is judged: the metric still text (the wizard's probes write it as given). */
export interface RouteInput {
  destination: string;
  gateway?: string;
  metric?: number | string;
}

/** Everything the wizard asks, and `mcroutes new` takes as flags. */
export interface WizardAnswers<R extends RouteInput = RouteAnswer> {
  /** The MachineConfigPool: worker, master, or a custom pool's name. */
  role: string;
  /** metadata.name of the generated object. */
  name: string;
  method: RouteMethod;
  /**
   * The interface the routes go on: br-ex (OVN-Kubernetes) or the node's NIC for the nmcli
   * unit; a secondary NIC for a keyfile or an NMState policy, never br-ex (configure-ovs owns
   * it, and the NMState Operator must not change it).
   */
  interface: string;
  /**
   * Keyfile only: the NIC's own addressing, which the profile must carry since it replaces
   * the NIC's profile: `dhcp`, or its static addresses with their prefix (`10.0.5.10/24`,
   * comma-separated, one or more per family). See readAddressing.
   */
  addressing?: string;
  /** MachineConfig methods, custom roles: also write the MachineConfigPool that selects the role. */
  withPool?: boolean;
  routes: R[];
  /** spec.config.ignition.version (MachineConfig methods only). */
  ignitionVersion: string;
  /** Decides the unit's ordering after ovs-configuration.service; OVN-Kubernetes when absent. */
  networkType?: NetworkType;
}

export const NMSTATE_API_VERSION = 'nmstate.io/v1';
export const NMSTATE_KIND = 'NodeNetworkConfigurationPolicy';
/** Unit and keyfile names derive from the config name; systemd and the file system allow 255 bytes. */
const MAX_DERIVED_BASE = 240;

/** A keyfile NIC's addressing: DHCP, or static addresses (as written, trimmed) per family. */
export type Addressing = { dhcp: true } | { dhcp: false; addresses: { text: string; family: 4 | 6 }[] };

/** The roles whose pools every cluster has. */
export const STANDARD_ROLES: readonly string[] = ['worker', 'master'];

/**
 * Reads the addressing answer: `dhcp`, or addresses with their prefix separated by commas
 * (`10.0.5.10/24, fd00:5::10/64`). A string saying what is wrong when it is neither: the
 * address of the NIC itself is wanted, so a network address or one without a prefix is refused.
 */
export function readAddressing(text: string | undefined): Addressing | string {
  const value = (text ?? '').trim();
  if (value === '') return "Give the NIC's address with its prefix (e.g. 10.0.5.10/24), or dhcp.";
  if (value.toLowerCase() === 'dhcp') return { dhcp: true };
  const addresses: { text: string; family: 4 | 6 }[] = [];
  for (const part of value.split(',').map((p) => p.trim())) {
    const reading = parseCidr(part);
    if (!reading.ok || !reading.explicitPrefix) {
      return `${JSON.stringify(part)} is not an address with its prefix: write the NIC's address as 10.0.5.10/24 (or fd00:5::10/64), or dhcp.`;
    }
    const kind = reading.address.range();
    const classE = reading.family === 4 && reading.address.toByteArray()[0] >= 240;
    if (['unspecified', 'broadcast', 'multicast', 'loopback', 'linkLocal'].includes(kind) || classE) {
      return `${part} cannot be the NIC's own address (${classE ? 'reserved' : kind}): give its unicast address with the prefix.`;
    }
    const bits = reading.family === 4 ? 32 : 128;
    if (reading.prefix < bits - 1 && networkOf(reading.address, reading.prefix).toString() === reading.address.toString()) {
      return `${part} is the network address of its subnet: give the NIC's own address in it, e.g. ${reading.family === 4 ? '10.0.5.10/24' : 'fd00:5::10/64'}.`;
    }
    addresses.push({ text: part, family: reading.family });
  }
  return { dhcp: false, addresses };
}

/** `192.168.1.7` → `192.168.1.7/32`: the destination with an explicit prefix, as every method writes it. */
export function withPrefix(destination: string): string {
  const text = destination.trim();
  if (text.includes('/')) return text;
  const reading = parseCidr(text);
  if (!reading.ok) return text;
  return `${text}/${reading.family === 4 ? 32 : 128}`;
}

/** IPv4 or IPv6, by the destination as written (IPv6 addresses have a colon). */
export function familyOf(route: RouteInput): 4 | 6 {
  return route.destination.includes(':') ? 6 : 4;
}

/**
 * The routes the way the generated text holds them: destinations with a prefix, strings
 * trimmed, empty gateways dropped; IPv4 routes first, then IPv6, each family in the order
 * entered (nmcli and keyfiles keep one list per family).
 */
export function normalizeRoutes<R extends RouteInput>(routes: readonly R[]): R[] {
  const normal = routes.map((route): R => {
    const gateway = route.gateway?.trim();
    const metric = typeof route.metric === 'string' ? route.metric.trim() : route.metric;
    return {
      destination: withPrefix(route.destination),
      ...(gateway ? { gateway } : {}),
      ...(metric !== undefined && metric !== '' ? { metric } : {}),
    } as R;
  });
  return [...normal.filter((r) => familyOf(r) === 4), ...normal.filter((r) => familyOf(r) === 6)];
}

/** The name units and keyfiles get: the config's, so two configs never write the same file. */
function derivedBase(name: string): string {
  return name.slice(0, MAX_DERIVED_BASE).replace(/[-.]+$/, '') || 'static-routes';
}

export function unitNameFor(answers: Pick<WizardAnswers, 'name'>): string {
  return `${derivedBase(answers.name)}.service`;
}

export function keyfilePathFor(answers: Pick<WizardAnswers, 'name'>): string {
  return `${KEYFILE_DIRECTORY}${derivedBase(answers.name)}.nmconnection`;
}

/** The YAML text for the answers. Pure; never throws for strings, whatever they hold (the checks are elsewhere). */
export function generateConfig(answers: WizardAnswers): string {
  return generateConfigFrom(answers);
}

/** generateConfig for routes as typed (metrics as text): the wizard's checks write an answer before it is a number. */
export function generateConfigFrom(answers: WizardAnswers<RouteInput>): string {
  const routes = normalizeRoutes(answers.routes);
  const a = {
    ...answers, role: answers.role.trim(), name: answers.name.trim(), interface: answers.interface.trim(),
    ...(typeof answers.addressing === 'string' ? { addressing: answers.addressing.trim() } : {}),
  };
  switch (a.method) {
    case 'nmstate':
      return nmstatePolicy(a, routes);
    case 'keyfile':
      return keyfileMachineConfig(a, routes);
    default:
      return unitMachineConfig(a, routes);
  }
}

/** `192.168.1.0/24 172.18.0.1 100`: one route in nmcli's syntax (ip[/prefix] [next-hop] [metric]). */
function nmcliRoute(route: RouteInput): string {
  return [route.destination, route.gateway, route.metric?.toString()].filter((w) => w !== undefined).join(' ');
}

/** The unit's text: RULES.md §3 (Wants= with After=, oneshot that remains, [Install]) and §4 (absolute nmcli, `+` to add). */
export function unitText(a: WizardAnswers<RouteInput>, routes: readonly RouteInput[] = normalizeRoutes(a.routes)): string {
  const ovn = (a.networkType ?? 'OVNKubernetes') === 'OVNKubernetes';
  const properties: string[] = [];
  for (const family of [4, 6] as const) {
    const list = routes.filter((r) => familyOf(r) === family);
    if (list.length > 0) properties.push(`+ipv${family}.routes "${list.map(nmcliRoute).join(', ')}"`);
  }
  return [
    '[Unit]',
    `Description=Static routes on ${a.interface}`,
    'Wants=network-online.target',
    // On OVN-Kubernetes configure-ovs (ovs-configuration.service) builds br-ex after the network is online.
    `After=network-online.target${ovn ? ' ovs-configuration.service' : ''}`,
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `ExecStart=/usr/bin/nmcli dev modify ${a.interface} ${properties.join(' ')}`,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

/**
 * A connection profile for a secondary NIC with the routes (RULES.md §6). It replaces the
 * NIC's profile, so it carries the NIC's addressing: DHCP (method=auto, never-default so
 * the node's default route stays on br-ex), or its static addresses (method=manual); a
 * family without an address is disabled. Without an answer, DHCP.
 */
export function keyfileText(a: WizardAnswers<RouteInput>, routes: readonly RouteInput[] = normalizeRoutes(a.routes)): string {
  const lines = [
    '[connection]',
    `id=${derivedBase(a.name)}`,
    'type=ethernet',
    `interface-name=${a.interface}`,
  ];
  const read = readAddressing(a.addressing ?? 'dhcp');
  const addressing: Addressing = typeof read === 'string' ? { dhcp: true } : read;
  for (const family of [4, 6] as const) {
    lines.push('', `[ipv${family}]`);
    if (addressing.dhcp) {
      lines.push('method=auto', 'never-default=true');
    } else {
      const own = addressing.addresses.filter((address) => address.family === family);
      lines.push(own.length > 0 ? 'method=manual' : 'method=disabled');
      own.forEach((address, i) => lines.push(`address${i + 1}=${address.text}`));
    }
    routes.filter((r) => familyOf(r) === family).forEach((route, i) => {
      // address/plen,gateway,metric; an empty gateway field when only the metric is given (nm-keyfile-reader).
      const fields = [route.destination, route.gateway ?? (route.metric !== undefined ? '' : undefined), route.metric?.toString()];
      lines.push(`route${i + 1}=${fields.filter((f) => f !== undefined).join(',')}`);
    });
  }
  lines.push('');
  return lines.join('\n');
}

function machineConfigEnvelope(a: WizardAnswers<RouteInput>, config: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: MACHINECONFIG_API_VERSION,
    kind: 'MachineConfig',
    metadata: {
      name: a.name,
      labels: { [ROLE_LABEL]: a.role },
    },
    spec: {
      config: {
        ignition: { version: a.ignitionVersion.trim() },
        ...config,
      },
    },
  };
}

function unitMachineConfig(a: WizardAnswers<RouteInput>, routes: RouteInput[]): string {
  const object = machineConfigEnvelope(a, {
    systemd: {
      units: [{ name: unitNameFor(a), enabled: true, contents: unitText(a, routes) }],
    },
  });
  return render(object, `Static routes for the ${a.role} pool on ${a.interface}: a systemd unit runs nmcli at every boot.`,
    ['spec', 'config', 'systemd', 'units', 0, 'contents']) + poolDocument(a);
}

/**
 * With `withPool` and a custom role: a second document, the MachineConfigPool that applies
 * the worker configs and the role's own (as the mc-pool-route snippet writes it), so that
 * the config reaches the nodes labelled node-role.kubernetes.io/<role>.
 */
function poolDocument(a: WizardAnswers<RouteInput>): string {
  if (!a.withPool || STANDARD_ROLES.includes(a.role)) return '';
  const pool = {
    apiVersion: MACHINECONFIG_API_VERSION,
    kind: 'MachineConfigPool',
    metadata: { name: a.role },
    spec: {
      machineConfigSelector: {
        matchExpressions: [{ key: ROLE_LABEL, operator: 'In', values: ['worker', a.role] }],
      },
      nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${a.role}`]: '' } },
    },
  };
  return `---
${render(pool, `The ${a.role} pool: the worker configs and its own; label nodes node-role.kubernetes.io/${a.role}= to move them in.`)}`;
}

function keyfileMachineConfig(a: WizardAnswers<RouteInput>, routes: RouteInput[]): string {
  const object = machineConfigEnvelope(a, {
    storage: {
      files: [{
        path: keyfilePathFor(a),
        // 0600: NetworkManager ignores a keyfile that others can read.
        mode: 0o600,
        overwrite: true,
        contents: { source: `data:,${percentEncode(keyfileText(a, routes))}` },
      }],
    },
  });
  return render(object, `Static routes for the ${a.role} pool on ${a.interface}: a NetworkManager connection profile (keyfile).`) + poolDocument(a);
}

function nmstatePolicy(a: WizardAnswers<RouteInput>, routes: RouteInput[]): string {
  const object = {
    apiVersion: NMSTATE_API_VERSION,
    kind: NMSTATE_KIND,
    metadata: { name: a.name },
    spec: {
      nodeSelector: { [`node-role.kubernetes.io/${a.role}`]: '' },
      desiredState: {
        routes: {
          config: routes.map((route) => ({
            destination: route.destination,
            ...(route.gateway ? { 'next-hop-address': route.gateway } : {}),
            'next-hop-interface': a.interface,
            ...(route.metric !== undefined ? { metric: route.metric } : {}),
          })),
        },
      },
    },
  };
  return render(object, `Static routes for the ${a.role} nodes on ${a.interface}, applied by the Kubernetes NMState operator.`);
}

/** The generated YAML: the comment on top, the unit text (when there is one) as a literal block scalar. */
function render(object: Record<string, unknown>, comment: string, blockPath?: (string | number)[]): string {
  return writeYaml(object, { comment: [comment], ...(blockPath ? { blockPaths: [blockPath] } : {}) });
}

/**
 * The routes a generated (or any) text holds: every MachineConfig route the linter reads
 * (nmcli units and keyfiles, through parseText and routesOf) and every route of an NMState
 * policy's desiredState, in the order the text lists them. Metrics as numbers.
 */
export function readBackRoutes(text: string): RouteAnswer[] {
  const routes: RouteAnswer[] = [];
  for (const { document, machineConfig } of parseText(text).documents) {
    if (machineConfig) {
      for (const route of routesOf(machineConfig)) {
        routes.push({
          destination: route.destination.value,
          ...(route.gateway ? { gateway: route.gateway.value } : {}),
          ...(route.metric ? { metric: Number(route.metric.value) } : {}),
        });
      }
      continue;
    }
    routes.push(...nmstateRoutes(document.contents));
  }
  return routes;
}

/** spec.desiredState.routes.config of a NodeNetworkConfigurationPolicy. */
function nmstateRoutes(root: Node | null): RouteAnswer[] {
  if (!isMap(root) || String(root.get('kind')) !== NMSTATE_KIND) return [];
  const config = root.getIn(['spec', 'desiredState', 'routes', 'config']);
  if (!isSeq(config)) return [];
  const routes: RouteAnswer[] = [];
  for (const item of config.items) {
    if (!isMap(item)) continue;
    const destination = item.get('destination');
    if (typeof destination !== 'string') continue;
    const gateway = item.get('next-hop-address');
    const metric = item.get('metric');
    routes.push({
      destination,
      ...(typeof gateway === 'string' && gateway !== '' ? { gateway } : {}),
      ...(typeof metric === 'number' ? { metric } : {}),
    });
  }
  return routes;
}

/** The interfaces a text's routes are put on: nmcli `dev modify` targets, keyfile interface-names, NMState next-hop-interfaces. */
export function readBackInterfaces(text: string): string[] {
  const names: string[] = [];
  const add = (name: string | undefined) => {
    if (name !== undefined && name !== '' && !names.includes(name)) names.push(name);
  };
  for (const { document, machineConfig } of parseText(text).documents) {
    if (machineConfig) {
      for (const unit of machineConfig.units) {
        for (const text of [unit.contents, ...unit.dropins.map((d) => d.contents)]) {
          for (const exec of text?.execLines ?? []) {
            if (exec.nmcli?.object === 'device') add(exec.nmcli.target?.value);
          }
        }
      }
      for (const file of machineConfig.files) {
        for (const group of file.keyfile?.groups ?? []) {
          if (group.name !== 'connection') continue;
          for (const entry of group.entries) if (entry.key.value === 'interface-name') add(entry.value.value);
        }
      }
      continue;
    }
    const root = document.contents;
    if (!isMap(root) || String(root.get('kind')) !== NMSTATE_KIND) continue;
    const config = root.getIn(['spec', 'desiredState', 'routes', 'config']);
    if (!isSeq(config)) continue;
    for (const item of config.items) {
      const name = isMap(item) ? item.get('next-hop-interface') : undefined;
      if (typeof name === 'string') add(name);
    }
  }
  return names;
}
