import { contains, parseAddress, parseCidr, type Family, type Network } from '../net/address';
import { bulletList, code, codeBlock, renderDoc, type Doc } from '../text/doc';
import {
  attributeDoc,
  CONNECTION_SELECTOR_DOCS,
  DEVICE_METRICS,
  NMCLI_OBJECTS,
  NMCLI_OPTIONS,
  NMCLI_PROGRAM,
  NMCLI_TARGETS,
  NMCLI_VERB,
  PROPERTY_OPERATIONS,
  propertyDoc,
  ROUTE_PARTS,
} from '../formats/nmcliDocs';
import type { EmbeddedText } from '../text/embeddedText';
import type { ConfigRoute, IgnitionConfig } from '../kinds/machineconfig/model';
import type { NmcliCommand, NmcliProperty, NmcliRoute } from '../formats/nmcli';
import { looksLikeNic, nmcliCommandsOf, reservedInterface } from '../kinds/machineconfig/nmcliCommands';
import { defaultRouteMetric, ipRouteCommand, ipRouteLine, NMSTATE_DEFAULT_METRIC, type DefaultMetric } from '../routes/ipRoute';
import type { RouteAttribute } from '../routes/route';
import { ROUTE_ATTRIBUTES, attributeValueProblem } from '../routes/routeAttributes';
import { destinationNetwork, isOnlink, isRemoval, metricOf } from '../routes/routeFacts';
import type { Settings } from '../text/settings';
import { addressKind, clusterRangesOf, describeTouch, formatCount, subnetFacts, touchingRanges, type RangeTouch } from '../net/subnet';
import { routeDevice } from '../kinds/machineconfig/configRoutes';

/**
 * Hover text computed from the file: the arithmetic of an address or CIDR and where it
 * sits among the cluster's ranges, each part of a route with the `ip route` line it
 * produces, and each word of an nmcli command.
 */

export interface NetworkContext {
  /** The Ignition config of the route (a MachineConfig's, a Butane config's); none for an NMState document's routes. */
  ignition?: IgnitionConfig;
  settings: Settings;
}

/** The metric a route without one gets: nmstate's 0 for an nmstate route, else NetworkManager's default for the device. */
function impliedMetric(route: ConfigRoute, device: string | undefined, settings: Settings): DefaultMetric {
  return route.origin === 'nmstate' ? NMSTATE_DEFAULT_METRIC : defaultRouteMetric(device, settings);
}

/** What rejects a route whose part cannot be read. */
function refuser(route: ConfigRoute): string {
  return route.origin === 'nmstate' ? 'nmstate rejects the state' : 'nmcli refuses it';
}

/**
 * The size of an address block in one line: its netmask and address count (IPv4), its
 * address count (IPv6), or that it is a single host.
 */
export function sizeFact(network: Network): string {
  const facts = subnetFacts(network.address, network.prefix);
  if (network.prefix === (network.family === 4 ? 32 : 128)) return `**Host:** ${code(network.address.toString())} (a single address, /${network.prefix})`;
  if (!facts.netmask) return `**Addresses:** ${formatCount(facts.size)}`;
  const usable = facts.usable !== facts.size ? `, ${formatCount(facts.usable)} usable` : '';
  return `**Netmask:** ${code(facts.netmask.toString())} · ${formatCount(facts.size)} addresses${usable}`;
}

/** The facts of an address block after its size, as bullets: usable range and broadcast, host bits written. */
function blockDetails(network: Network, written: { address: string; prefix: number; explicitPrefix: boolean }): string[] {
  const facts = subnetFacts(network.address, network.prefix);
  const lines: string[] = [];
  if (network.prefix !== (network.family === 4 ? 32 : 128)) {
    lines.push(`**Usable:** ${code(facts.first.toString())} – ${code(facts.last.toString())}${facts.broadcast ? ` · **Broadcast:** ${code(facts.broadcast.toString())}` : ''}`);
  }
  if (written.explicitPrefix && parseAddress(written.address)?.address.toNormalizedString() !== facts.network.toNormalizedString()) {
    lines.push(`**Host bits set:** ${code(`${written.address}/${written.prefix}`)} means the network ${code(`${facts.network.toString()}/${facts.prefix}`)}.`);
  }
  return lines;
}

/** The facts of an address block, as bullets: size (netmask), usable range and broadcast, host bits written. */
export function blockFacts(network: Network, written: { address: string; prefix: number; explicitPrefix: boolean }): string[] {
  return [sizeFact(network), ...blockDetails(network, written)];
}

function impliedPrefixFact(impliedPrefix: number | undefined): string[] {
  return impliedPrefix === undefined ? [] : [`**No prefix written:** NetworkManager's keyfile reader assumes /${impliedPrefix}.`];
}

/** What touching a range means, by the range's kind. */
function consequence(touch: RangeTouch): string {
  const what = touch.range.what;
  if (what.includes('OVN')) return 'OVN-Kubernetes uses it internally';
  if (what.includes('machine')) return 'the nodes\' own network';
  if (what.includes('service')) return 'service traffic would follow this route';
  return 'pod traffic would follow this route';
}

/** One bullet on the configured ranges a network touches (or that it touches none). */
export function rangeFacts(network: Network, settings: Settings): string {
  const touches = touchingRanges(network, clusterRangesOf(settings));
  if (touches.length === 0) return `**Cluster ranges:** ${outsideRanges(network)}`;
  return `**Cluster ranges:** ${touches.map((t) => `${t.range.what.includes('machine') ? '' : '⚠ '}${describeTouch(t)} (${consequence(t)})`).join('; ')}.`;
}

function outsideRanges(network: Network): string {
  return `outside the ${network.family === 4 ? 'cluster, service and machine networks' : 'configured networks'}`;
}

/**
 * The kind of addresses a block holds (private, link-local…) and the cluster ranges it
 * touches: one bullet when it touches none, a ⚠ bullet of its own for what it touches.
 */
export function placeFacts(network: Network, settings: Settings): string[] {
  const facts = subnetFacts(network.address, network.prefix);
  const kind = network.prefix === 0 ? 'every address: the default route' : addressKind(facts.network, facts.broadcast ?? facts.last);
  if (!kind) return [rangeFacts(network, settings)];
  if (touchingRanges(network, clusterRangesOf(settings)).length === 0) return [`**Kind:** ${kind}, ${outsideRanges(network)}`];
  return [`**Kind:** ${kind}`, rangeFacts(network, settings)];
}

/** Hover for any address or CIDR in the file that is not a route part: a scalar value, a word in a unit, a keyfile value. */
export function addressHover(text: string, settings: Settings): string | undefined {
  const reading = parseCidr(text);
  if (!reading.ok) return undefined;
  const facts = subnetFacts(reading.address, reading.prefix);
  const network: Network = { family: reading.family, address: facts.network, prefix: reading.prefix };
  const single = reading.prefix === (reading.family === 4 ? 32 : 128);
  const bullets = blockFacts(network, { address: text.split('/')[0], prefix: reading.prefix, explicitPrefix: reading.explicitPrefix });
  return [
    `**${code(text)} — IPv${reading.family} ${single ? 'address' : 'network'}**`,
    single ? `One IPv${reading.family} address.` : `An IPv${reading.family} block of ${formatCount(facts.size)} addresses.`,
    bulletList([...(single ? [] : bullets), ...placeFacts(network, settings)]),
  ].join('\n\n');
}

/** The `ip route show` lines of routes, with the command that lists them. */
export function expectedRoutes(routes: readonly ConfigRoute[], ctx: NetworkContext): string | undefined {
  const added = routes.filter((r) => !isRemoval(r) && destinationNetwork(r));
  if (added.length === 0) return undefined;
  const byCommand = new Map<string, string[]>();
  for (const route of added.slice(0, 12)) {
    const device = routeDevice(route, ctx.ignition);
    const line = ipRouteLine(route, device ?? (route.origin === 'nmstate' ? '<next-hop-interface>' : undefined), impliedMetric(route, device, ctx.settings).metric);
    const command = ipRouteCommand(route);
    byCommand.set(command, [...(byCommand.get(command) ?? []), line]);
  }
  const blocks: string[] = [];
  for (const [command, lines] of byCommand) {
    blocks.push(`On the node, ${code(command)} should then list:`, codeBlock(lines.join('\n')));
  }
  return blocks.join('\n\n');
}

function deviceText(route: ConfigRoute, ctx: NetworkContext): string {
  const device = routeDevice(route, ctx.ignition);
  if (device) return code(device);
  const nmcli = route.origin === 'nmcli' && ctx.ignition ? commandOf(route, ctx.ignition) : undefined;
  if (nmcli?.object === 'connection' && nmcli.target) return `the device of connection ${code(nmcli.target.value)}`;
  return 'its device';
}

function commandOf(route: NmcliRoute, mc: IgnitionConfig): NmcliCommand | undefined {
  return nmcliCommandsOf(mc).find((use) => use.nmcli.routes.includes(route))?.nmcli;
}

/** "Traffic to 192.168.1.0/24 leaves through `ens5` via the router `172.18.0.1`." */
function routeSentence(route: ConfigRoute, ctx: NetworkContext): string {
  const network = destinationNetwork(route);
  const where = network ? code(`${network.address.toString()}/${network.prefix}`) : code(route.destination.value);
  const device = deviceText(route, ctx);
  if (isRemoval(route)) return `This route to ${where} is removed from ${device} (${route.origin === 'nmstate' ? '`state: absent`' : `\`-${route.propertyName}\``}).`;
  const gateway = route.gateway && parseAddress(route.gateway.value) ? ` via the router ${code(route.gateway.value)}` : ' directly (no next hop: the destination is on the link)';
  return `Traffic to ${where} leaves through ${device}${gateway}.`;
}

function metricSentence(route: ConfigRoute, ctx: NetworkContext): string {
  const written = metricOf(route);
  if (written !== undefined) return `**Metric:** ${written} (written)`;
  const device = routeDevice(route, ctx.ignition);
  const fallback = impliedMetric(route, device, ctx.settings);
  if (!device && route.origin !== 'nmstate') return `**Metric:** none written: the profile's \`${route.propertyFamily === 4 ? 'ipv4' : 'ipv6'}.route-metric\`, else the device type's default (100 for ethernet)`;
  return `**Metric:** ${fallback.metric} — none written, so ${fallback.why}`;
}

/**
 * A route's destination. Its size (the netmask) and the `ip route` line come first, in a
 * few lines: the hover box shows about 250 px before it scrolls, and the editor puts the
 * findings on the destination above this help.
 */
export function destinationHover(route: ConfigRoute, ctx: NetworkContext): string {
  const reading = parseCidr(route.destination.value);
  const title = `**Route destination ${code(route.destination.value)}**`;
  if (!reading.ok) return [title, `${ROUTE_PARTS.destination.summary}`, `⚠ ${reading.message}`].join('\n\n');
  if (reading.family !== route.propertyFamily) {
    return [title, ROUTE_PARTS.destination.summary, `⚠ An IPv${reading.family} destination in \`${route.propertyName}\`: ${refuser(route)}.`].join('\n\n');
  }
  const network = destinationNetwork(route);
  if (!network) {
    const why = route.origin === 'route-file' ? route.prefixProblem?.message : undefined;
    return [title, ROUTE_PARTS.destination.summary, `⚠ ${why ?? 'NetworkManager cannot read this destination.'}`].join('\n\n');
  }
  const implied = route.origin === 'keyfile' && !reading.explicitPrefix ? route.impliedPrefix : undefined;
  const written = { address: route.destination.value.split('/')[0], prefix: reading.prefix, explicitPrefix: reading.explicitPrefix };
  // Hard line breaks: the size belongs to the title, without a paragraph's margin.
  const blocks = [[title, ...impliedPrefixFact(implied), sizeFact(network)].join('  \n')];
  const expected = expectedRoutes([route], ctx);
  // The ip route line names the device; where it cannot (a connection's device, a removal), a sentence does.
  if (!expected || !routeDevice(route, ctx.ignition)) blocks.push(routeSentence(route, ctx));
  if (expected) blocks.push(expected);
  blocks.push(bulletList([
    ...blockDetails(network, written),
    ...placeFacts(network, ctx.settings),
    ...(isRemoval(route) ? [] : [metricSentence(route, ctx)]),
  ]));
  return blocks.join('\n\n');
}

export function gatewayHover(route: ConfigRoute, ctx: NetworkContext): string {
  const text = route.gateway!.value;
  const title = `**Next hop ${code(text)}**`;
  const device = deviceText(route, ctx);
  const onlink = route.origin === 'nmstate' ? ': nmstate has no onlink' : isOnlink(route) ? '; `onlink=true` says it is, whatever the subnets' : ', unless the route says `onlink=true`';
  const summary = `The router this node hands the packets for ${code(route.destination.value)} to. It must be reachable directly on ${device} (inside one of its subnets)${onlink}.`;
  const address = parseAddress(text);
  if (!address) return [title, summary, `⚠ ${code(text)} is not an IP address: ${route.origin === 'nmstate' ? 'nmstate rejects the state' : 'nmcli refuses the route'}.`].join('\n\n');
  if (address.family !== route.propertyFamily) {
    return [title, summary, `⚠ An IPv${address.family} next hop in \`${route.propertyName}\`: ${refuser(route)}.`].join('\n\n');
  }
  const bits = address.family === 4 ? 32 : 128;
  const host: Network = { family: address.family, address: address.address, prefix: bits };
  const bullets: string[] = [];
  const kind = addressKind(address.address, address.address);
  if (kind) bullets.push(`**Kind:** ${kind}`);
  const destination = destinationNetwork(route);
  if (destination) {
    bullets.push(contains(destination.address, destination.prefix, address.address)
      ? `**Route destination:** ⚠ inside ${code(`${destination.address.toString()}/${destination.prefix}`)}, the network it routes: the node cannot reach its next hop through this very route${isOnlink(route) ? ' (onlink=true: the kernel takes it as on the link)' : ''}.`
      : `**Route destination:** outside ${code(`${destination.address.toString()}/${destination.prefix}`)}, as it should be.`);
  }
  const touches = touchingRanges(host, clusterRangesOf(ctx.settings));
  if (touches.length === 0) {
    bullets.push(`**Known networks:** in none of the configured cluster, service or machine networks: make sure ${device} has an address in the next hop's subnet.`);
  } else {
    for (const touch of touches) {
      const machine = touch.range.what.includes('machine');
      bullets.push(`**Known networks:** ${machine ? '' : '⚠ '}${describeTouch(touch)}${machine ? ' — the nodes\' own network, reachable from every node' : ': no node link is in that network, so it cannot be a next hop'}.`);
    }
  }
  return [title, summary, bulletList(bullets)].join('\n\n');
}

export function metricHover(route: ConfigRoute, ctx: NetworkContext): string {
  const text = route.metric!.value;
  const device = routeDevice(route, ctx.ignition);
  const fallback = impliedMetric(route, device, ctx.settings);
  const nmstate = route.origin === 'nmstate';
  const doc: Doc = {
    title: `Route metric ${code(text)}`,
    summary: nmstate ? 'The route\'s priority: among routes to the same destination the lowest metric wins.' : ROUTE_PARTS.metric.summary,
    ...(nmstate ? {} : { values: DEVICE_METRICS }),
    details: [
      'Valid: a number from 0 to 4294967295. For IPv6, 0 means 1024.',
      `Without this number the route would get ${fallback.metric}: ${fallback.why}.`,
    ],
    source: nmstate ? 'nmstate devel/yaml_api.md (routes); nm/settings/route.rs' : 'nm-settings-nmcli(5); NetworkManager nm-device.c',
  };
  const metric = metricOf(route);
  const facts = metric === undefined
    ? [`⚠ ${code(text)} is not a number from 0 to 4294967295: ${route.origin === 'nmstate' ? 'nmstate rejects the state' : 'nmcli refuses the route'}.`]
    : [nmstate ? `This route: metric ${metric}.` : `This route: metric ${metric}. The table lists the defaults NetworkManager gives routes without one:`];
  return renderDoc(doc, { facts });
}

export function attributeHover(route: ConfigRoute, attribute: RouteAttribute, ctx: NetworkContext): string {
  const name = attribute.name.value;
  const value = attribute.value.value;
  const doc = attributeDoc(name, route.propertyFamily);
  const facts: string[] = [];
  const spec = ROUTE_ATTRIBUTES[name];
  if (spec) {
    const problem = attributeValueProblem(name, spec, value, route.propertyFamily);
    if (problem) facts.push(`⚠ ${problem}`);
    else if (spec.type === 'address' || spec.type === 'address-prefix') {
      const reading = parseCidr(value);
      if (reading.ok) facts.push(bulletList([rangeFacts({ family: reading.family, address: reading.address, prefix: reading.prefix }, ctx.settings)]));
    } else if (name === 'table') {
      const command = ipRouteCommand(route);
      facts.push(`This route: ${command === 'ip route show' || command === 'ip -6 route show' ? 'the main table' : `table ${value}`}; ${code(command)} lists it.`);
    }
  }
  return renderDoc(doc, { title: `${code(attribute.whole.value)} — route attribute`, facts, current: value });
}

/** Hover on a route as a whole (between its parts). */
export function routeSummaryHover(route: ConfigRoute, ctx: NetworkContext): string {
  const blocks = [`**Static route ${code(route.text.value)}**`, routeSentence(route, ctx), bulletList([metricSentence(route, ctx)])];
  const expected = expectedRoutes([route], ctx);
  if (expected) blocks.push(expected);
  return blocks.join('\n\n');
}

// ---------------------------------------------------------------------------------------
// The words of an nmcli command.

/** Hover for the argument `arg` of an nmcli command line, or undefined when it is no part nmcli reads. */
export function nmcliWordHover(command: NmcliCommand, argv: readonly EmbeddedText[], arg: EmbeddedText, ctx: NetworkContext): string | undefined {
  if (arg === command.program) {
    const bare = !arg.value.includes('/');
    return renderDoc(NMCLI_PROGRAM, { facts: bare ? ['Written without a path: systemd finds it in /usr/bin on systemd 239 and later (RHCOS); `/usr/bin/nmcli` says so plainly.'] : [] });
  }
  if (arg === command.objectWord) {
    const facts = command.object === 'device' && command.target
      ? [`Here: the routes live on ${code(command.target.value)} until its connection is activated again or the node reboots; the unit adds them again at every boot.`]
      : command.temporary ? ['Here with `--temporary`: the profile on disk is not changed.'] : [];
    return renderDoc(NMCLI_OBJECTS[command.object], { facts, current: `${command.object} modify` });
  }
  if (arg === command.verbWord) return renderDoc(NMCLI_VERB);
  if (arg === command.target) return targetHover(command, arg.value, ctx);
  const property = command.properties.find((p) => p.token === arg || p.value === arg);
  if (property) return propertyHover(command, property, ctx);
  const index = argv.indexOf(arg);
  const option = NMCLI_OPTIONS[arg.value];
  if (option && index > 0) return `**${code(arg.value)} — nmcli option**\n\n${option}`;
  const selector = CONNECTION_SELECTOR_DOCS[arg.value];
  if (selector && command.object === 'connection' && argv[index + 1] === command.target) return `**${code(arg.value)} — how the connection is named**\n\n${selector}`;
  return undefined;
}

function targetHover(command: NmcliCommand, name: string, ctx: NetworkContext): string {
  const doc = NMCLI_TARGETS[command.object];
  const facts: string[] = [];
  if (command.object === 'device') {
    const ovn = ctx.settings.networkType === 'OVNKubernetes';
    const reserved = reservedInterface(name, ctx.settings.networkType);
    if (reserved) {
      facts.push(`⚠ ${code(name)} belongs to the cluster network (${code(reserved)}): the network plugin owns it and may undo or break on changes.`);
    } else if (name === 'br-ex') {
      facts.push(ovn
        ? 'The OVS bridge that configure-ovs.sh creates on OVN-Kubernetes. It holds the node\'s IP address, so host routes belong here. Routes without a metric get 48, the route-metric configure-ovs.sh gives it.'
        : '`br-ex` exists only on OVN-Kubernetes; the setting `mcroutes.networkType` says this cluster runs OpenShift SDN.');
    } else if (ovn && name === ctx.settings.brExInterface) {
      facts.push(`⚠ ${code(name)} is the NIC \`br-ex\` is built on (\`mcroutes.brExInterface\`): a port of the OVS bridge, without an IP of its own. Put the route on \`br-ex\` (nmcli-ovn-port).`);
    } else if (ovn && ctx.settings.brExInterface === undefined && looksLikeNic(name)) {
      facts.push(`On OVN-Kubernetes the NIC \`br-ex\` is built on is a port of the bridge and carries no IP: if ${code(name)} is that NIC, the route belongs on \`br-ex\`; a secondary NIC keeps its own. \`mcroutes.brExInterface\` names it (nmcli-ovn-port).`);
    }
    facts.push(`List the devices on a node: ${code('oc debug node/<node> -- chroot /host nmcli device status')}.`);
  } else {
    facts.push(`List the profiles on a node: ${code('oc debug node/<node> -- chroot /host nmcli connection show')}.`);
  }
  return renderDoc({ ...doc, title: `${code(name)} — ${doc.title}` }, { facts });
}

function propertyHover(command: NmcliCommand, property: NmcliProperty, ctx: NetworkContext): string {
  const doc = propertyDoc(property.name);
  const isRoutes = property.name === 'ipv4.routes' || property.name === 'ipv6.routes';
  if (!isRoutes) return renderDoc(doc, { title: `${code(property.token.value)} — ${doc.title.replace(/^`[^`]*` — /, '')}` });
  const where = command.target ? code(command.target.value) : 'the target';
  const family: Family = property.name === 'ipv4.routes' ? 4 : 6;
  const meaning = property.operation === '+'
    ? `\`+\` adds these routes to the IPv${family} routes ${where} already has.`
    : property.operation === '-'
      ? `\`-\` removes these routes from ${where}.`
      : `⚠ Without \`+\` this list replaces every static IPv${family} route of ${where} (route-replaces-all).`;
  const routes = command.routes.filter((r) => r.property === property);
  const expected = expectedRoutes(routes, ctx);
  return renderDoc(
    { ...doc, values: PROPERTY_OPERATIONS },
    {
      title: `${code(property.token.value)} — ${property.operation === '+' ? 'add' : property.operation === '-' ? 'remove' : 'set'} IPv${family} static routes`,
      facts: [meaning],
      current: property.operation === '' ? '(none)' : property.operation,
      after: expected ? [expected] : [],
    },
  );
}
