import type { IgnitionConfig, UnitModel, UnitText } from './model';
import { directivesOf } from '../../formats/unitFile';
import { stringValue } from '../../text/yamlDocuments';

/**
 * What starts the units of a config other than their own [Install] section: a .timer, .path
 * or .socket of the same config that activates them, or a unit (or a dropin of any unit,
 * kubelet.service's included) that pulls them in with Wants=, Requires=, BindsTo= or
 * Upholds= (systemd.unit(5), systemd.timer(5), systemd.path(5), systemd.socket(5)).
 */

export type StartKind = 'timer' | 'path' | 'socket' | 'dependency';

export interface UnitStarter {
  /** The unit that starts it: `routes.timer`, or the unit whose dropin pulls it in. */
  by: string;
  kind: StartKind;
}

/** Directives of [Unit] that start the units they name along with this one. */
const PULLING = ['Wants', 'Requires', 'BindsTo', 'Upholds'];
const TRUE = /^(1|yes|y|true|t|on)$/i;

/** A unit's text followed by its dropins' texts, in the order systemd reads them. */
export function textsOfUnit(unit: UnitModel): UnitText[] {
  const texts: UnitText[] = [];
  if (unit.contents) texts.push(unit.contents);
  for (const dropin of unit.dropins) if (dropin.contents) texts.push(dropin.contents);
  return texts;
}

/** The last value of `key` in `section` over a unit and its dropins (the last assignment wins). */
function lastValue(texts: UnitText[], section: string, key: string): string | undefined {
  let value: string | undefined;
  for (const text of texts) for (const d of directivesOf(text.file, section, key)) value = d.value.value.trim();
  return value;
}

/** `foo@bar.service` → `foo@.service`: the file an instance is made from. */
export function templateOf(name: string): string | undefined {
  const match = /^([^@]+@)[^.]+(\.[a-z]+)$/.exec(name);
  return match ? match[1] + match[2] : undefined;
}

/** The unit a .timer, .path or .socket activates, as systemd picks it; undefined for other units. */
function activatedBy(name: string, texts: UnitText[]): string | undefined {
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  switch (name.slice(dot + 1)) {
    case 'timer':
      return lastValue(texts, 'Timer', 'Unit') || `${stem}.service`;
    case 'path':
      return lastValue(texts, 'Path', 'Unit') || `${stem}.service`;
    case 'socket':
      // Accept=yes starts an instance of foo@.service per connection; Service= only counts without it.
      if (TRUE.test(lastValue(texts, 'Socket', 'Accept') ?? '')) return `${stem}@.service`;
      return lastValue(texts, 'Socket', 'Service') || `${stem}.service`;
    default:
      return undefined;
  }
}

/**
 * Every unit the config starts from another unit, by name; an instance is also listed under
 * its template, so `foo@.service` is found when a timer starts `foo@daily.service`.
 */
export function startersOf(mc: IgnitionConfig): ReadonlyMap<string, UnitStarter[]> {
  // Several rules ask for the same document; the model lives as long as its document does.
  let starters = cache.get(mc);
  if (!starters) cache.set(mc, (starters = computeStarters(mc)));
  return starters;
}

const cache = new WeakMap<IgnitionConfig, Map<string, UnitStarter[]>>();

function computeStarters(mc: IgnitionConfig): Map<string, UnitStarter[]> {
  const starters = new Map<string, UnitStarter[]>();
  const add = (name: string, starter: UnitStarter) => {
    for (const key of [name, templateOf(name)]) {
      if (!key || key === starter.by) continue;
      const list = starters.get(key);
      if (list) list.push(starter);
      else starters.set(key, [starter]);
    }
  };
  for (const unit of mc.units) {
    const name = stringValue(unit.name);
    if (!name) continue;
    const texts = textsOfUnit(unit);
    const activated = activatedBy(name, texts);
    if (activated) add(activated, { by: name, kind: name.slice(name.lastIndexOf('.') + 1) as StartKind });
    for (const text of texts) {
      for (const key of PULLING) {
        for (const directive of directivesOf(text.file, 'Unit', key)) {
          for (const word of directive.value.words()) add(word.value, { by: name, kind: 'dependency' });
        }
      }
    }
  }
  return starters;
}
