import { replaceVerbatimEdit } from '../../../text/edits';
import type { EmbeddedText } from '../../../text/embeddedText';
import { ABSENT_FROM_RHCOS, RHCOS_UNITS } from '../../../kinds/machineconfig/rhcosUnits';
import { directivesOf } from '../../../formats/unitFile';
import { templateOf, textsOfUnit } from '../../../kinds/machineconfig/unitStarters';
import { stringValue } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/** Directives whose units are started with this one, and what a missing one does there. */
const STARTING: Record<string, string> = {
  Requires: 'this Requires= fails the unit',
  BindsTo: 'this BindsTo= fails the unit',
  Requisite: 'this Requisite= fails the unit',
  Wants: 'this Wants= pulls in nothing',
};
const ORDERING: Record<string, string> = {
  After: 'this After= orders against nothing',
  Before: 'this Before= orders against nothing',
};
/** The directives judged, in the order their findings are reported. */
const JUDGED = [...Object.entries(STARTING), ...Object.entries(ORDERING)];
/** Unit types a config names by hand; .mount, .device, .slice… are made from paths and devices of each node. */
const CHECKED_TYPES = /\.(service|target|socket|timer|path)$/;

/**
 * A dependency on a unit that exists on no RHCOS node and that the config does not define:
 * Requires=/BindsTo=/Requisite= make the unit fail, Wants= pulls in nothing (warning); After=
 * and Before= order against nothing (info). Which units a node has cannot be known for sure
 * (extensions, other MachineConfigs), so only two cases are reported: a name RHCOS is known
 * to lack (systemd-resolved.service, ntpd.service), and a name one slip away from a unit RHCOS
 * has (systemd-udevd.target for systemd-udevd.service, NetworkManager-wait-online.target, a
 * typo), where the near name is offered as a fix to review. A name one slip away from a unit
 * of this config is an info: another MachineConfig may define the name as written.
 */
export const unitDependency: Rule = {
  id: 'unit-dependency',
  check({ text, ignition: mc, report }) {
    if (!mc) return;
    const defined = new Set<string>();
    for (const unit of mc.units) {
      const name = stringValue(unit.name);
      if (name) defined.add(name);
    }
    for (const unit of mc.units) {
      for (const unitText of textsOfUnit(unit)) {
        for (const [key, effect] of JUDGED) {
          const starting = key in STARTING;
          for (const directive of directivesOf(unitText.file, 'Unit', key)) {
            for (const word of directive.value.words()) {
              const finding = judge(word.value, defined);
              if (!finding) continue;
              const severity = finding.fromConfig || !starting ? 'info' : 'warning';
              const message = finding.fromConfig
                ? `${word.value} is no unit of RHCOS or of this config: did you mean ${finding.instead}?`
                : finding.instead
                  ? `${word.value} exists on no RHCOS node: did you mean ${finding.instead}?`
                  : `${word.value} exists on no RHCOS node, so ${effect}: remove it.`;
              report({
                severity,
                message,
                range: word.rangeOf(),
                data: { unit: word.value, ...(finding.instead ? { replacement: finding.instead } : {}) },
                ...fixOf(text, word, finding.instead),
              });
            }
          }
        }
      }
    }
  },
};

function fixOf(text: string, word: EmbeddedText, instead: string | undefined) {
  const edit = instead ? replaceVerbatimEdit(text, word, instead) : undefined;
  return edit ? { fixes: [{ title: `Change to ${instead}`, edits: [edit], safe: false }] } : {};
}

interface Judgement {
  instead?: string;
  /** The near name is a unit of the config, not of RHCOS. */
  fromConfig?: boolean;
}

/** Whether a unit name a dependency names is missing, and what was probably meant; undefined when it is fine or cannot be told. */
function judge(name: string, defined: ReadonlySet<string>): Judgement | undefined {
  // Specifiers and variables are filled in by systemd; the name is not what is written.
  if (/[%$]/.test(name) || !CHECKED_TYPES.test(name)) return undefined;
  if (defined.has(name)) return undefined;
  const template = templateOf(name);
  if (template && defined.has(template)) return undefined;
  if (ABSENT_FROM_RHCOS.has(name)) return { instead: ABSENT_FROM_RHCOS.get(name) };
  if (RHCOS_UNITS.has(name) || (template && RHCOS_UNITS.has(template))) return undefined;
  // An instance of a template nobody lists may come from anywhere: say nothing.
  if (name.includes('@')) return undefined;
  const rhcos = nearName(name, RHCOS_UNITS);
  if (rhcos) return { instead: rhcos };
  const own = nearName(name, defined);
  return own ? { instead: own, fromConfig: true } : undefined;
}

/**
 * The one known name `name` is a slip away from: the same stem as a .service where a .target
 * was written or the reverse (systemd-udevd.target), the same letters in another case, or
 * one edit (two for a stem of twelve characters or more; none below five, where one edit
 * makes another plausible name) within the same unit type. Undefined when none, or when two
 * are equally near (no guessing between them).
 */
function nearName(name: string, known: Iterable<string>): string | undefined {
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  const type = name.slice(dot);
  const swapped = type === '.target' ? `${stem}.service` : type === '.service' ? `${stem}.target` : undefined;
  let best: string | undefined;
  let bestDistance = stem.length >= 12 ? 3 : 2;
  let tie = false;
  for (const candidate of known) {
    if (candidate === swapped) return candidate;
    if (!candidate.endsWith(type) || candidate.includes('@')) continue;
    const other = candidate.slice(0, candidate.length - type.length);
    if (other.toLowerCase() === stem.toLowerCase()) return candidate;
    if (stem.length < 5 || Math.abs(other.length - stem.length) > bestDistance) continue;
    const distance = editDistance(stem, other, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && best !== undefined) tie = true;
  }
  return tie ? undefined : best;
}

/** Levenshtein distance, or `limit` as soon as it is known to be at least that. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length];
}
