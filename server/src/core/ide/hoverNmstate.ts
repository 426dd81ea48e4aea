import { isMap, type Node } from 'yaml';
import { contains, parseAddress, type Network } from '../net/address';
import { bulletList, code } from '../text/doc';
import type { EmbeddedText, FileRange } from '../text/embeddedText';
import type { Settings } from '../text/settings';
import type { NmstateInterface, NmstateRoute, NmstateState, StaticAddress } from '../formats/nmstateState';
import type { NmstateModel } from '../kinds/nmstate/model';
import { MAIN_TABLE, tableOf, isRemoval } from '../routes/routeFacts';
import { subnetFacts } from '../net/subnet';
import { addressHover, blockFacts, destinationHover, expectedRoutes, gatewayHover, metricHover, rangeFacts, type NetworkContext } from './hoverNetwork';
import type { HoverResult } from './hoverResult';
import type { Location } from './locate';
import { selectorInWords, selectorLabels } from './nodeSelection';
import { ipRuleWords } from './previewNmstate';

/**
 * Hovers computed from an NMState document (a policy, an NMStateConfig, a bare state):
 * a route's parts with the `ip route` line nmstate produces, the nodes `spec.nodeSelector`
 * picks, which route rules and VRFs use a routing table, and what an interface's static
 * address reaches. The keys' own documentation is another hover's (hoverNmstateKeys.ts).
 */
export function nmstateHover(location: Location, settings: Settings): HoverResult | undefined {
  const model = location.document?.model as NmstateModel | undefined;
  if (!model) return undefined;
  const { offset } = location;
  const ctx: NetworkContext = { settings };
  const state = model.state;
  return (state && (routePartHover(state, offset, ctx) ?? tableUseHover(state, offset) ?? addressOfInterfaceHover(state, offset, ctx)))
    ?? selectorHover(model, offset);
}

function result(markdown: string | undefined, range: FileRange | undefined): HoverResult | undefined {
  return markdown && range ? { markdown, start: range.start, end: range.end } : undefined;
}

function routePartHover(state: NmstateState, offset: number, ctx: NetworkContext): HoverResult | undefined {
  for (const route of state.routes) {
    if (!route.text.exact || !route.text.covers(offset)) continue;
    if (route.destination.length > 0 && route.destination.covers(offset)) return result(destinationHover(route, ctx), route.destination.rangeOf());
    if (route.gateway?.covers(offset)) return result(gatewayHover(route, ctx), route.gateway.rangeOf());
    if (route.metric?.covers(offset)) return result(metricHover(route, ctx), route.metric.rangeOf());
    if (route.table?.covers(offset)) return result(tableHover(route.table, state, { route, ctx }), route.table.rangeOf());
  }
  return undefined;
}

/** `route-table` of a route rule, `route-table-id` of a VRF. */
function tableUseHover(state: NmstateState, offset: number): HoverResult | undefined {
  for (const rule of state.routeRules) {
    if (rule.routeTable?.covers(offset)) return result(tableHover(rule.routeTable, state), rule.routeTable.rangeOf());
  }
  for (const iface of state.interfaces) {
    if (iface.vrfTable?.covers(offset)) return result(tableHover(iface.vrfTable, state), iface.vrfTable.rangeOf());
  }
  return undefined;
}

const TABLE_MEANINGS: Readonly<Record<number, string>> = {
  [MAIN_TABLE]: 'the main table: every packet the rules do not send elsewhere looks here (`ip route show`)',
  255: 'the local table: the kernel\'s own local and broadcast routes',
  253: 'the default table: consulted after main by the kernel\'s last rule',
};

/**
 * Which rules and VRFs of the state send packets to table `text`, and which of its routes go
 * there; on a route's own `table-id`, that route's `ip route` line.
 */
function tableHover(text: EmbeddedText, state: NmstateState, own?: { route: NmstateRoute; ctx: NetworkContext }): string {
  const written = text.value;
  if (!/^\+?\d+$/.test(written)) return `**Routing table ${code(written)}**\n\n⚠ Not a number: nmstate rejects the state.`;
  const table = Number(written) === 0 ? MAIN_TABLE : Number(written);
  const title = `**Routing table ${table}**${Number(written) === 0 ? ' (0 means the main table, 254)' : ''}`;
  const routes = state.routes.filter((r) => !isRemoval(r) && tableOf(r) === table);
  const blocks = [title];
  const meaning = TABLE_MEANINGS[table];
  if (meaning) blocks.push(`This is ${meaning}.`);
  else {
    const rules = state.routeRules.filter((r) => !r.removal && ruleTable(r.routeTable?.value) === table);
    const vrfs = state.interfaces.filter((i) => i.vrfTable && ruleTable(i.vrfTable.value) === table);
    const users = [
      ...rules.map((r) => `route rule ${code(ipRuleWords(r))}`),
      ...vrfs.map((i) => `VRF ${code(i.name?.value ?? '(no name)')} (\`route-table-id: ${table}\`): the traffic of its ports`),
    ];
    if (users.length > 0) blocks.push(`Used by:\n\n${bulletList(users)}`);
    else {
      blocks.push(`⚠ No \`route-rules\` entry with \`route-table: ${table}\` and no VRF with \`route-table-id: ${table}\` in this state: ` +
        'the kernel looks in this table only when a rule sends packets there, so its routes are never used unless a rule already on the node does.');
    }
  }
  if (own === undefined) {
    blocks.push(routes.length === 0
      ? `No route of this state goes into table ${table}: a packet a rule sends here finds nothing and goes on to the next rule.`
      : `Routes of this state in table ${table}: ${routes.map((r) => code(r.destination.value)).join(', ')}.`);
  } else {
    const expected = expectedRoutes([own.route], own.ctx);
    if (expected) blocks.push(expected);
  }
  return blocks.join('\n\n');
}

function ruleTable(value: string | undefined): number | undefined {
  if (value === undefined) return MAIN_TABLE;
  if (!/^\+?\d+$/.test(value)) return undefined;
  return Number(value) === 0 ? MAIN_TABLE : Number(value);
}

/** A static `ipv4`/`ipv6` address of an interface: its subnet, and the routes of the state that leave through the interface. */
function addressOfInterfaceHover(state: NmstateState, offset: number, ctx: NetworkContext): HoverResult | undefined {
  for (const iface of state.interfaces) {
    for (const config of [iface.ipv4, iface.ipv6]) {
      for (const address of config?.addresses ?? []) {
        if (address.ip?.exact && address.ip.covers(offset)) return result(staticAddressHover(iface, address, state, ctx), address.ip.rangeOf());
      }
    }
  }
  return undefined;
}

function staticAddressHover(iface: NmstateInterface, address: StaticAddress, state: NmstateState, ctx: NetworkContext): string {
  const ip = address.ip!.value;
  const name = iface.name?.value;
  const parsed = parseAddress(ip);
  const on = name ? ` on ${code(name)}` : '';
  if (!parsed || address.prefixLength === undefined) {
    return addressHover(ip, ctx.settings) ?? `**Static address ${code(ip)}${on}**\n\n⚠ Not an IP address with a \`prefix-length\`: nmstate rejects the state.`;
  }
  const bits = parsed.family === 4 ? 32 : 128;
  if (address.prefixLength > bits) return `**Static address ${code(ip)}${on}**\n\n⚠ \`prefix-length: ${address.prefixLength}\` is longer than ${bits}: nmstate rejects the state.`;
  const prefix = address.prefixLength;
  const facts = subnetFacts(parsed.address, prefix);
  const network: Network = { family: parsed.family, address: facts.network, prefix };
  const blocks = [
    `**Static address ${code(`${ip}/${address.prefixLength}`)}${on}**`,
    `The interface gets this address; every host of ${code(`${facts.network.toString()}/${address.prefixLength}`)} is then reachable on it without a route.`,
    bulletList([...blockFacts(network, { address: facts.network.toString(), prefix: address.prefixLength, explicitPrefix: false }), rangeFacts(network, ctx.settings)]),
  ];
  const routes = name ? state.routes.filter((r) => !isRemoval(r) && r.nextHopInterface?.value === name) : [];
  if (routes.length === 0) {
    blocks.push(name ? `No route of this state leaves through ${code(name)}.` : 'The interface has no name: no route can name it.');
    return blocks.join('\n\n');
  }
  const lines = routes.slice(0, 12).map((route) => {
    const gateway = route.gateway ? parseAddress(route.gateway.value) : undefined;
    const reach = !gateway
      ? 'no next hop: the destination is on the link'
      : gateway.family !== parsed.family
        ? `next hop ${route.gateway!.value} is IPv${gateway.family}: another family`
        : contains(facts.network, prefix, gateway.address)
          ? `next hop ${route.gateway!.value} is inside this subnet`
          : `⚠ next hop ${route.gateway!.value} is outside this subnet`;
    return `${code(route.destination.value)} — ${reach}`;
  });
  if (routes.length > 12) lines.push(`… and ${routes.length - 12} more`);
  blocks.push(`Routes of this state through ${code(name!)}:`, bulletList(lines));
  const expected = expectedRoutes(routes, ctx);
  if (expected) blocks.push(expected);
  return blocks.join('\n\n');
}

/** `spec.nodeSelector` or one of its labels: which nodes get the policy. */
function selectorHover(model: NmstateModel, offset: number): HoverResult | undefined {
  const pair = model.nodeSelector;
  if (!pair || model.form !== 'policy') return undefined;
  const keyRange = pair.key.range;
  const onKey = keyRange !== undefined && keyRange !== null && keyRange[0] <= offset && offset <= keyRange[1];
  const value = pair.value as Node | null;
  const valueRange = value?.range;
  const onValue = valueRange !== undefined && valueRange !== null && valueRange[0] <= offset && offset <= valueRange[1];
  if (!onKey && !onValue) return undefined;
  let range: FileRange = onKey ? { start: keyRange![0], end: keyRange![1] } : { start: valueRange![0], end: valueRange![1] };
  if (onValue && isMap(value)) {
    for (const item of value.items) {
      const start = (item.key as Node | null)?.range?.[0];
      const end = (item.value as Node | null)?.range?.[1] ?? (item.key as Node | null)?.range?.[1];
      if (start !== undefined && end !== undefined && start <= offset && offset <= end) range = { start, end };
    }
  }
  const labels = selectorLabels(value);
  const facts = [`**Nodes:** ${selectorInWords(value)}.`];
  if (labels && labels.length > 1) facts.push('A node must carry every label listed (the labels are ANDed).');
  if (labels && labels.length > 0) facts.push(`List them: ${code(`oc get nodes -l '${labels.map((l) => `${l.key}=${l.value}`).join(',')}'`)}`);
  return result([
    '**`spec.nodeSelector` — the nodes this policy configures**',
    'The NMState Operator applies the desired state on every node whose labels match, `spec.maxUnavailable` nodes at a time.',
    bulletList(facts),
  ].join('\n\n'), range);
}
