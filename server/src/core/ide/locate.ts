import { isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { EmbeddedText } from '../text/embeddedText';
import type { AnalysedDocument, ParsedText } from '../analysis/lint';
import type { KeyfileEntry, KeyfileGroup } from '../formats/keyfile';
import { ConfigRoute, ExecLine, FileModel, routesOf, unitTextsOf, UnitText } from '../kinds/machineconfig/model';
import type { RouteAttribute } from '../formats/nmcli';
import type { UnitDirective, UnitSection } from '../formats/unitFile';

/**
 * What lies at one offset of a file, from the YAML document down to the part of a
 * route: the one position lookup that hover, completion and the preview share.
 */
export interface Location {
  offset: number;
  document?: AnalysedDocument;
  /** Keys (strings) and sequence indexes (numbers) from the root to the innermost node at the offset. */
  path: (string | number)[];
  /** The innermost mapping around the offset. */
  map?: YAMLMap;
  /** The pair whose key holds the offset. */
  key?: Pair<Scalar, Node | null>;
  /** The pair whose scalar value holds the offset. */
  value?: Pair<Scalar, Node | null>;
  /** Inside an embedded systemd unit. */
  unit?: UnitLocation;
  /** Inside an Exec*= command line. */
  exec?: ExecLocation;
  /** Inside a route (nmcli argument or keyfile entry). */
  route?: RouteLocation;
  /** Inside a NetworkManager keyfile written by storage.files (exactly mapped: percent-encoded, not base64). */
  keyfile?: KeyfileLocation;
}

export interface KeyfileLocation {
  file: FileModel;
  /** The group the offset is in (the last `[group]` header before it). */
  group?: KeyfileGroup;
  /** The offset is on this group's `[header]`. */
  onHeader?: KeyfileGroup;
  entry?: KeyfileEntry;
  /** On the entry's key (before `=`), else on its value. */
  onKey?: boolean;
}

export interface UnitLocation {
  text: UnitText;
  /** Index into the unit value; undefined when the mapping is not exact. */
  index?: number;
  /** The section the offset is in (the last header before it). */
  section?: UnitSection;
  /** The offset is on this section's `[Header]`. */
  onHeader?: UnitSection;
  directive?: UnitDirective;
  /** On the directive's key (before `=`), else on its value. */
  onKey?: boolean;
}

export interface ExecLocation {
  line: ExecLine;
  /** Index of the argument at the offset, or undefined between arguments. */
  argIndex?: number;
  arg?: EmbeddedText;
}

export type RoutePart = 'destination' | 'gateway' | 'metric' | 'attribute' | 'other';

export interface RouteLocation {
  route: ConfigRoute;
  part: RoutePart;
  attribute?: RouteAttribute;
}

export function locate(parsed: ParsedText, offset: number): Location {
  const location: Location = { offset, path: [] };
  const document = parsed.documents.find((d) => {
    const range = d.document.range;
    return range[0] <= offset && offset <= range[2];
  });
  if (!document) return location;
  location.document = document;
  walkYaml(document.document.contents, offset, location);

  // A MachineConfig's spec.config or a Butane config: the same units, files and routes.
  const mc = document.ignition;
  if (!mc) return location;
  for (const unit of unitTextsOf(mc)) {
    if (!unit.text.covers(offset)) continue;
    location.unit = locateInUnit(unit, offset);
    const exec = unit.execLines.find((line) => line.directive.whole.covers(offset));
    if (exec) {
      const argIndex = exec.command.argv.findIndex((arg) => arg.covers(offset));
      location.exec = { line: exec, argIndex: argIndex < 0 ? undefined : argIndex, arg: argIndex < 0 ? undefined : exec.command.argv[argIndex] };
    }
    break;
  }
  for (const route of routesOf(mc)) {
    // A keyfile route's attributes stand on their own line, `routeN_options=`.
    const onOptions = route.origin === 'keyfile' && route.options !== undefined && route.options.value.covers(offset);
    if (!route.text.covers(offset) && !onOptions) continue;
    location.route = locateInRoute(route, offset);
    break;
  }
  for (const file of mc.files) {
    // A base64 keyfile maps its characters to their groups of 4, three to a group: no offset names one entry.
    if (!file.keyfile || !file.text?.exact || !file.text.covers(offset)) continue;
    location.keyfile = locateInKeyfile(file, offset);
    break;
  }
  return location;
}

function locateInKeyfile(file: FileModel, offset: number): KeyfileLocation {
  const found: KeyfileLocation = { file };
  for (const group of file.keyfile!.groups) {
    if (group.header.covers(offset)) return { file, group, onHeader: group };
    if (group.header.rangeOf().start <= offset) found.group = group;
    for (const entry of group.entries) {
      if (!entry.line.covers(offset)) continue;
      found.entry = entry;
      found.onKey = entry.key.covers(offset) && !entry.value.covers(offset);
      return found;
    }
  }
  return found;
}

function walkYaml(node: unknown, offset: number, location: Location): void {
  if (isMap(node)) {
    location.map = node;
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const pair = item as Pair<Scalar, Node | null>;
      const keyRange = pair.key.range;
      if (keyRange && keyRange[0] <= offset && offset <= keyRange[1]) {
        location.path.push(String(pair.key.value));
        location.key = pair;
        return;
      }
      const value = pair.value;
      const valueRange = value?.range;
      if (valueRange && valueRange[0] <= offset && offset <= valueRange[1]) {
        location.path.push(String(pair.key.value));
        if (isScalar(value)) {
          location.value = pair;
          return;
        }
        walkYaml(value, offset, location);
        return;
      }
    }
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const range = (item as Node | null)?.range;
      if (range && range[0] <= offset && offset <= range[1]) {
        location.path.push(index);
        walkYaml(item, offset, location);
      }
    });
  }
}

function locateInUnit(text: UnitText, offset: number): UnitLocation {
  const found: UnitLocation = { text, index: text.text.indexAt(offset) };
  for (const section of text.file.sections) {
    if (section.header.covers(offset)) {
      found.onHeader = section;
      found.section = section;
      return found;
    }
    if (section.header.rangeOf().start <= offset) found.section = section;
    for (const directive of section.directives) {
      if (!directive.whole.covers(offset)) continue;
      found.directive = directive;
      found.onKey = directive.key.covers(offset) && !directive.value.covers(offset);
      return found;
    }
  }
  return found;
}

function locateInRoute(route: ConfigRoute, offset: number): RouteLocation {
  if (route.destination?.covers(offset)) return { route, part: 'destination' };
  if (route.gateway?.covers(offset)) return { route, part: 'gateway' };
  if (route.metric?.covers(offset)) return { route, part: 'metric' };
  const attribute = route.attributes.find((a) => a.whole.covers(offset));
  if (attribute) return { route, part: 'attribute', attribute };
  return { route, part: 'other' };
}
