/**
 * Random valid answers to the route wizard (seeded, so a failing case can be replayed):
 * the generator of the property tests over generateConfig (generate.test.ts) and over the
 * MachineConfig ⇄ Butane translation (butaneTranslate.test.ts).
 */
import * as ipaddr from 'ipaddr.js';
import type { RouteAnswer, RouteMethod, WizardAnswers } from '../../server/src/core/ide/generate';
import { acceptedIgnitionVersions } from '../../server/src/core/kinds/machineconfig/ignitionVersions';
import { DEFAULT_SETTINGS, type NetworkType, type Settings } from '../../server/src/core/text/settings';

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
export const pickOne = <T>(r: Random, list: readonly T[]): T => list[int(r, 0, list.length - 1)];

/**
 * Ranges a random route must stay out of (either way round): the default cluster, service
 * and machine networks, OVN-Kubernetes' join, transit and masquerade subnets (both the
 * 4.17+ and the older one), and address kinds that are no route destination.
 */
const EXCLUDED = [
  '10.128.0.0/14', '172.30.0.0/16', '10.0.0.0/16', '100.64.0.0/16', '100.88.0.0/16', '169.254.0.0/16',
  'fd98::/64', 'fd97::/64', 'fd69::/112',
].map((cidr) => ipaddr.parseCIDR(cidr));
const USABLE_V4 = new Set(['unicast', 'private']);
const USABLE_V6 = new Set(['unicast', 'uniqueLocal']);

function overlapsExcluded(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): boolean {
  return EXCLUDED.some(([network, length]) => {
    if (network.kind() !== address.kind()) return false;
    const shorter = Math.min(prefix, length);
    return (address as ipaddr.IPv4).match(network as ipaddr.IPv4, shorter);
  });
}

function networkAddress(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes = address.toByteArray();
  for (let bit = prefix; bit < bytes.length * 8; bit++) bytes[bit >> 3] &= ~(0x80 >> (bit & 7));
  return ipaddr.fromByteArray(bytes);
}

function randomV4(r: Random): ipaddr.IPv4 {
  return ipaddr.fromByteArray([int(r, 1, 223), int(r, 0, 255), int(r, 0, 255), int(r, 0, 255)]) as ipaddr.IPv4;
}

function randomV6(r: Random): ipaddr.IPv6 {
  // Unique local fdxx:… or global unicast 2xxx:…
  const first = r() < 0.5 ? 0xfd00 + int(r, 0, 255) : 0x2000 + int(r, 0, 0x0fff);
  const parts = [first, ...Array.from({ length: 7 }, () => int(r, 0, 0xffff))];
  return new ipaddr.IPv6(parts);
}

interface Network { address: ipaddr.IPv4 | ipaddr.IPv6; prefix: number }

function randomNetwork(r: Random, family: 4 | 6): Network {
  for (;;) {
    const address = family === 4 ? randomV4(r) : randomV6(r);
    const prefix = family === 4 ? int(r, 8, 32) : int(r, 16, 128);
    const network = networkAddress(address, prefix);
    const usable = family === 4 ? USABLE_V4 : USABLE_V6;
    if (!usable.has(network.range()) || overlapsExcluded(network, prefix)) continue;
    return { address: network, prefix };
  }
}

/** A next hop of the route's family, unicast, outside the destination it serves. */
function randomGateway(r: Random, destination: Network): string {
  for (;;) {
    const candidate = destination.address.kind() === 'ipv4'
      ? ipaddr.fromByteArray([172, 18, int(r, 0, 255), int(r, 1, 254)])
      : r() < 0.3 ? ipaddr.parse(`fe80::${int(r, 1, 0xffff).toString(16)}`) : randomV6(r);
    const usable = destination.address.kind() === 'ipv4' ? USABLE_V4 : new Set([...USABLE_V6, 'linkLocal']);
    if (!usable.has(candidate.range())) continue;
    if ((candidate as ipaddr.IPv4).match(destination.address as ipaddr.IPv4, destination.prefix)) continue;
    return candidate.toString();
  }
}

const NICS = ['ens3', 'ens5', 'ens192', 'eth0', 'eth1', 'enp1s0', 'enp0s31f6', 'bond0', 'eno1'];

/** An interface the linter has nothing to say about for this method and network type. */
function randomInterface(r: Random, method: RouteMethod, networkType: NetworkType): string {
  const nic = pickOne(r, NICS);
  const vlan = `${nic}.${int(r, 1, 4094)}`.slice(0, 15);
  // A keyfile and an NMState policy are for a secondary NIC: configure-ovs owns br-ex's
  // profiles, and the NMState Operator must not change br-ex.
  if (method !== 'nmcli-unit') return pickOne(r, [nic, vlan]);
  // br-ex carries the node's IP; whether a NIC is br-ex's port is a question (nmcli-ovn-port), a VLAN on it is not.
  if (networkType === 'OVNKubernetes') return pickOne(r, ['br-ex', vlan]);
  return pickOne(r, [nic, vlan]);
}

function randomName(r: Random, role: string): string {
  if (r() < 0.5) return `99-${role}-static-routes`;
  const label = () => Array.from({ length: int(r, 1, 12) }, () => pickOne(r, [...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
  return [label(), ...Array.from({ length: int(r, 0, 2) }, label)].join(pickOne(r, ['-', '.']));
}

export interface Case {
  seed: number;
  answers: WizardAnswers;
  settings: Settings;
}

const OPENSHIFT_VERSIONS = ['4.6', '4.10', '4.12', '4.14', '4.16', '4.17', '4.18', '4.19', '4.20'];

export function randomCase(seed: number): Case {
  const r = prng(seed);
  const method = pickOne(r, ['nmcli-unit', 'keyfile', 'nmstate'] as const);
  const networkType = pickOne(r, ['OVNKubernetes', 'OpenShiftSDN'] as const);
  // OpenShift SDN was removed in 4.17: the settings would contradict each other (settings-network-type).
  const openshiftVersion = pickOne(r, networkType === 'OpenShiftSDN' ? OPENSHIFT_VERSIONS.filter((v) => Number(v.split('.')[1]) < 17) : OPENSHIFT_VERSIONS);
  const role = pickOne(r, ['worker', 'master']);
  const routes: RouteAnswer[] = [];
  const taken: Network[] = [];
  for (let n = int(r, 1, 6); routes.length < n;) {
    const family = r() < 0.6 ? 4 : 6;
    const network = randomNetwork(r, family);
    // One route per network: the same destination twice is route-duplicate's business.
    if (taken.some((t) => t.address.kind() === network.address.kind() &&
        (network.address as ipaddr.IPv4).match(t.address as ipaddr.IPv4, Math.min(t.prefix, network.prefix)))) continue;
    taken.push(network);
    const host = network.prefix === (family === 4 ? 32 : 128);
    const destination = host && r() < 0.5 ? network.address.toString() : `${network.address.toString()}/${network.prefix}`;
    routes.push({
      destination,
      ...(r() < 0.7 ? { gateway: randomGateway(r, network) } : {}),
      ...(r() < 0.5 ? { metric: pickOne(r, [0, 1, 100, 4294967295, int(r, 0, 1_000_000)]) } : {}),
    });
  }
  const answers: WizardAnswers = {
    role,
    name: randomName(r, role),
    method,
    interface: randomInterface(r, method, networkType),
    routes,
    ignitionVersion: pickOne(r, acceptedIgnitionVersions(openshiftVersion)),
    networkType,
  };
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, networkType, openshiftVersion };
  // Drawn after the others, so that the answers above stay what each seed always gave.
  if (method === 'keyfile') answers.addressing = randomAddressing(r, routes);
  // A custom pool: its MachineConfigPool comes with a MachineConfig (an NMState policy selects nodes by label).
  if (r() < 0.3) {
    answers.role = pickOne(r, ['infra', 'worker-rt', 'cnv']);
    answers.name = randomName(r, answers.role);
    if (method !== 'nmstate') answers.withPool = true;
  }
  // The NIC under br-ex known (one no case routes over) or not.
  if (r() < 0.5) settings.brExInterface = 'ens4';
  return { seed, answers, settings };
}

/**
 * A keyfile NIC's addressing: DHCP, or static addresses for the families of its routes (the
 * IPv4 one covers every IPv4 next hop randomGateway draws, 172.18.0.0/16).
 */
function randomAddressing(r: Random, routes: readonly RouteAnswer[]): string {
  if (r() < 0.4) return 'dhcp';
  const addresses: string[] = [];
  if (routes.some((route) => !route.destination.includes(':')) || r() < 0.3) addresses.push(`172.18.${int(r, 0, 255)}.${int(r, 1, 254)}/16`);
  if (routes.some((route) => route.destination.includes(':'))) addresses.push(`fd00:${int(r, 1, 0xffff).toString(16)}::${int(r, 1, 0xffff).toString(16)}/64`);
  return addresses.join(', ');
}

