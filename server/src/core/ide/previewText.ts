import type { Node } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import type { Problem } from '../text/problem';
import type { Settings } from '../text/settings';
import { isExpanded, type ConfigRoute } from '../kinds/machineconfig/model';
import { destinationNetwork, destinationReading, gatewayAddress, isRemoval, metricOf, tableOf } from '../routes/routeFacts';
import { defaultRouteMetric, ipRouteCommand, ipRouteLine, type DefaultMetric } from '../routes/ipRoute';

/** The parts of the preview's text (preview.ts) that the MachineConfig and the NMState previews share. */

/** A YAML entry from the start of its line (the `- ` counts) to its last character (not the line breaks after it). */
export function entryRange(text: string, node: Node): { start: number; end: number } {
  const [start, nodeEnd] = node.range ?? [0, 0];
  let end = nodeEnd;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start: lineStart(text, start), end };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function inside(problem: Problem, range: { start: number; end: number }): boolean {
  return range.start <= problem.start && problem.start <= range.end;
}

export class Output {
  private readonly lines: string[] = [];
  private index?: LineIndex;

  constructor(private readonly source: string) {}

  line(text: string): void {
    this.lines.push(text);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  /** 1-based line of a file offset. */
  lineOf(offset: number): number {
    return this.lineIndex().positionAt(offset).line + 1;
  }

  /** `line:column`, 1-based, as `mcroutes lint` prints positions. */
  position(offset: number): string {
    const { line, character } = this.lineIndex().positionAt(offset);
    return `${line + 1}:${character + 1}`;
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }

  private lineIndex(): LineIndex {
    this.index ??= new LineIndex(this.source);
    return this.index;
  }
}

export interface RenderContext {
  out: Output;
  text: string;
  settings: Settings;
  problems: readonly Problem[];
}

/** The expected `ip route` lines of some routes, grouped by the command that lists them. */
export class RouteLines {
  private readonly groups = new Map<string, string[]>();
  private readonly metricNotes = new Set<string>();
  private readonly deviceNotes = new Set<string>();
  private readonly other: string[] = [];
  private refused = 0;

  constructor(private problems: readonly Problem[], private readonly settings: Settings) {}

  /** The findings of the file the routes added next come from (lines of several files: the pool preview). */
  readingFrom(problems: readonly Problem[]): void {
    this.problems = problems;
  }

  /**
   * `defaultMetric`: the profile's own route-metric, when it sets one; else NetworkManager's
   * default for the device. `label`: the route in messages (its text as written by default).
   */
  add(route: ConfigRoute, device: Device, profileMetric?: DefaultMetric, label = route.text.value): void {
    const defaultMetric = profileMetric ?? defaultRouteMetric(device.note ? undefined : device.name, this.settings);
    if (isRemoval(route)) {
      this.other.push(`removes: ${label}`);
      return;
    }
    if (route.origin === 'nmcli' && isExpanded(route)) {
      this.other.push(`known when it runs: ${route.text.value} — it holds a variable`);
      return;
    }
    const refusal = this.refusal(route) ?? whyNotAdded(route);
    if (refusal) {
      this.refused++;
      this.other.push(`not added: ${label} — ${refusal}`);
      return;
    }
    const command = ipRouteCommand(route);
    const group = this.groups.get(command) ?? [];
    group.push(ipRouteLine(route, device.name, defaultMetric.metric));
    this.groups.set(command, group);
    if (metricOf(route) === undefined) this.metricNotes.add(`(metric ${defaultMetric.metric} where the route gives none: ${defaultMetric.why})`);
    if (device.note) this.deviceNotes.add(`(${device.name}: ${device.note})`);
  }

  /** A line of its own after the `ip route` lines (a removal, a route known only on the node). */
  note(line: string): void {
    this.other.push(line);
  }

  /** Whether nothing was added: render() would print nothing. */
  get isEmpty(): boolean {
    return this.groups.size === 0 && this.other.length === 0;
  }

  /** How many routes an error or an unreadable part keeps from being added. */
  get refusedCount(): number {
    return this.refused;
  }

  /**
   * `wholeProfile`: one unreadable route makes NetworkManager refuse the whole profile
   * (the key format of ifcfg-rh route files), so then no route of it is added.
   */
  render(heading: string, out: Output, wholeProfile?: string): void {
    if (this.groups.size === 0 && this.other.length === 0) return;
    out.blank();
    out.line(heading);
    if (wholeProfile && this.refused > 0) {
      out.line(`  none: NetworkManager refuses the whole profile ${wholeProfile} over the route${this.refused === 1 ? '' : 's'} below`);
    } else {
      for (const [command, lines] of this.groups) {
        out.line(`  $ ${command}`);
        for (const line of lines) out.line(`  ${line}`);
      }
      for (const note of this.metricNotes) out.line(`  ${note}`);
      for (const note of this.deviceNotes) out.line(`  ${note}`);
    }
    for (const line of this.other) out.line(`  ${line}`);
  }

  /** An error the rules found in the route's own characters that makes nmcli, NetworkManager or nmstate refuse the route. */
  private refusal(route: ConfigRoute): string | undefined {
    const ranges = [route.text];
    if (route.origin === 'route-file' && route.netmask) ranges.push(route.netmask);
    for (const text of ranges) {
      if (!text.exact) continue;
      const range = text.rangeOf();
      const found = this.problems.find((p) => p.severity === 'error' && REFUSED_BY.has(p.code) && range.start <= p.start && p.end <= range.end);
      if (found) return `${found.code}: ${oneLine(found.message)}`;
    }
    return undefined;
  }
}

/**
 * The rules whose errors mean the route is not added at all. Others (a destination inside the
 * cluster network) are added and do harm: the preview shows them as added.
 */
const REFUSED_BY: ReadonlySet<string> = new Set([
  'route-cidr', 'route-family', 'route-gateway', 'route-metric', 'route-attribute',
  'nmstate-iface-family', 'nmstate-next-hop-unreachable', 'nmstate-value', 'nmstate-unknown-key',
]);

/** The device a route goes on, as shown in its `ip route` line; `note` says what a placeholder stands for. */
export interface Device {
  name: string;
  note?: string;
}

/** Why NetworkManager would not add the route, read from the route itself; undefined when it would. */
export function whyNotAdded(route: ConfigRoute): string | undefined {
  const reading = destinationReading(route);
  if (!reading.ok) return `the destination ${reading.part === 'prefix' ? 'prefix' : 'address'} is wrong: ${reading.message}`;
  if (reading.family !== route.propertyFamily) return `an IPv${reading.family} destination in ${route.propertyName}`;
  if (route.origin === 'route-file' && route.prefixProblem) return route.prefixProblem.message;
  if (route.gateway) {
    const gateway = gatewayAddress(route);
    if (!gateway) return `the next hop ${route.gateway.value} is not an address`;
    if (gateway.family !== route.propertyFamily) return `an IPv${gateway.family} next hop in ${route.propertyName}`;
  }
  if (route.metric && metricOf(route) === undefined) return `the metric ${route.metric.value} is not a number from 0 to 4294967295`;
  if (tableOf(route) === undefined) return 'the table is not a number';
  if (!destinationNetwork(route)) return 'NetworkManager cannot read it';
  return undefined;
}

export function renderProblems(what: string, context: RenderContext, range: { start: number; end: number }, excluded: { start: number; end: number }[]): void {
  const { out } = context;
  const mine = context.problems.filter((p) => inside(p, range) && !excluded.some((r) => inside(p, r)));
  out.blank();
  if (mine.length === 0) {
    out.line(`Problems in this ${what}: none`);
    return;
  }
  out.line(`Problems in this ${what} (${mine.length}):`);
  for (const problem of mine) {
    out.line(`  ${out.position(problem.start)} ${problem.severity} ${problem.code} ${oneLine(problem.message)}`);
  }
}

export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
