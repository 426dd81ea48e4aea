import type { EmbeddedText } from '../../text/embeddedText';
import { adds, argumentOf, ipCommandsOf } from './ipCommand';
import { routesOf, unitTextsOf, type ConfigRoute, type IgnitionConfig } from './model';
import { attributeOf, isRemoval } from '../../routes/routeFacts';
import { hasExpansion } from '../../formats/shellScript';

/**
 * Routing tables: which tables the routes of a config go to, and which tables something
 * in the config consults (a routing rule or a VRF). A route in a table nothing consults
 * is never used: the kernel looks up the main table unless a rule sends it elsewhere.
 */

/** The tables every node consults without a rule of the config: main (254), local (255), default (253); 0 means main to NetworkManager. */
const BUILT_IN: ReadonlyMap<string, string> = new Map([['main', '254'], ['local', '255'], ['default', '253'], ['0', '254'], ['unspec', '254']]);

/** `100`, `0100` → `100`; names stay names; main/local/default become their numbers. */
function tableKey(text: string): string {
  const t = text.trim();
  if (/^\d+$/.test(t)) return BUILT_IN.get(String(Number(t))) ?? String(Number(t));
  return BUILT_IN.get(t) ?? t;
}

function isBuiltInTable(key: string): boolean {
  return key === '253' || key === '254' || key === '255';
}

/** A route placed in a table by its own words. */
export interface TableUse {
  /** The table as written (`100`, `custom`). */
  table: EmbeddedText;
  key: string;
  route?: ConfigRoute;
}

/** Routes of the config in a table other than the built-in ones: NetworkManager routes (`table=N`) and `ip route add … table N`. */
export function routeTablesOf(mc: IgnitionConfig): TableUse[] {
  const uses: TableUse[] = [];
  for (const route of routesOf(mc)) {
    const table = attributeOf(route, 'table')?.value;
    if (!table || isRemoval(route) || hasExpansion(table.value)) continue;
    const key = tableKey(table.value);
    if (!isBuiltInTable(key) && /^\d+$/.test(table.value.trim())) uses.push({ table, key, route });
  }
  for (const command of ipCommandsOf(mc)) {
    if (command.object !== 'route' || !adds(command)) continue;
    const table = argumentOf(command, 'table');
    if (!table || hasExpansion(table.value)) continue;
    const key = tableKey(table.value);
    if (!isBuiltInTable(key)) uses.push({ table, key });
  }
  return uses;
}

export interface ConsultedTables {
  keys: Set<string>;
  /** Something consults a table the file cannot tell (`lookup $TABLE`, a compressed file): then say nothing. */
  unknown: boolean;
}

/**
 * Tables a routing rule or a VRF of the config consults. Read from the text of every unit
 * and every decoded file, line by line, so that a rule inside `sh -c "…"`, a here-document
 * or a dispatcher script counts as well: a line that speaks of a rule, a routing rule, a
 * lookup or a VRF, and names `table N` or `lookup N` (`ip rule add … table 100`,
 * `ipv4.routing-rules "priority 5 from 10.0.0.0/24 table 100"`, `routing-rule1=…`,
 * `ip link add vrf0 type vrf table 100`, `vrf.table 100`); NMState's `route-table:` and
 * `route-table-id:`; a keyfile's `[vrf] table=N`; every line of a rule-NAME file.
 */
export function consultedTablesOf(mc: IgnitionConfig): ConsultedTables {
  const result: ConsultedTables = { keys: new Set(), unknown: false };
  const take = (value: string) => {
    if (hasExpansion(value)) result.unknown = true;
    else result.keys.add(tableKey(value.replace(/^["']|["',;]+$/g, '')));
  };
  const scan = (text: string, everyLine: boolean) => {
    for (const line of text.split('\n')) {
      if (everyLine || /rule|vrf|lookup/i.test(line)) {
        for (const match of line.matchAll(/\b(?:table|lookup)(?:\s+|\s*=\s*)([^\s,;"']+)/g)) take(match[1]);
      }
      for (const match of line.matchAll(/route-table(?:-id)?\s*:\s*["']?([^\s"',]+)/g)) take(match[1]);
    }
  };
  for (const unit of unitTextsOf(mc)) scan(unit.text.value, false);
  for (const file of mc.files) {
    if (!file.text) {
      // A file whose contents cannot be read here (compressed, another URL scheme) may hold the rule.
      if (file.source && file.source.value !== null && file.source.value !== '') result.unknown = true;
      continue;
    }
    const name = file.pathValue?.slice(file.pathValue.lastIndexOf('/') + 1) ?? '';
    scan(file.text.value, /^rule6?-/.test(name));
    for (const group of file.keyfile?.groups ?? []) {
      if (group.name !== 'vrf') continue;
      for (const entry of group.entries) if (entry.key.value === 'table') take(entry.value.value);
    }
  }
  return result;
}
