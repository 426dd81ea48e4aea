import type { Problem, RuleId } from '../text/problem';
import { RULE_IDS } from '../text/problem';
import { LineIndex } from '../text/lineIndex';
import { quoted } from '../text/quote';

/**
 * `# mcroutes-disable-next-line route-default, unit-exec-shell` silences those rules (all
 * rules when none is named) on the next line. It works as a YAML comment and, because
 * `#` starts a comment in unit files too, inside an embedded unit.
 */
export interface Suppression {
  /** The line the comment stands on (zero-based). */
  line: number;
  /** Rule ids named, each with its range in the file; empty means every rule. */
  rules: { id: string; start: number; end: number }[];
  /** The whole directive, for a finding when it silences nothing. */
  start: number;
  end: number;
}

const DIRECTIVE = /(?<=^|[ \t])#[ \t]*mcroutes-disable-next-line\b([^\n\r]*)/gm;

export function findSuppressions(text: string): Suppression[] {
  const found: Suppression[] = [];
  if (!text.includes('mcroutes-disable-next-line')) return found;
  const lines = new LineIndex(text);
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const listStart = m.index + m[0].length - m[1].length;
    const rules: Suppression['rules'] = [];
    const idPattern = /[A-Za-z0-9-]+/g;
    for (let id = idPattern.exec(m[1]); id; id = idPattern.exec(m[1])) {
      rules.push({ id: id[0], start: listStart + id.index, end: listStart + id.index + id[0].length });
    }
    found.push({ line: lines.positionAt(m.index).line, rules, start: m.index, end: m.index + m[0].trimEnd().length });
  }
  return found;
}

/**
 * Drops the problems a suppression covers and reports the suppressions (or named ids)
 * that covered nothing, and ids that name no rule. Where a rule stopped at its limit of
 * findings (`capped`), whether a suppression of it covers something is not known: it is
 * not reported.
 */
export function applySuppressions(text: string, problems: Problem[], capped: readonly { start: number; end: number; rules: ReadonlySet<string> }[] = []): Problem[] {
  const suppressions = findSuppressions(text);
  if (suppressions.length === 0) return problems;
  const lines = new LineIndex(text);
  const byLine = new Map<number, Suppression[]>();
  for (const s of suppressions) byLine.set(s.line + 1, [...(byLine.get(s.line + 1) ?? []), s]);

  const used = new Set<string>();
  const kept = problems.filter((problem) => {
    const line = lines.positionAt(problem.start).line;
    for (const s of byLine.get(line) ?? []) {
      if (s.rules.length === 0) {
        used.add(`${s.start}`);
        return false;
      }
      const rule = s.rules.find((r) => r.id === problem.code);
      if (rule) {
        used.add(`${s.start}:${rule.start}`);
        return false;
      }
    }
    return true;
  });

  const cappedAt = (at: number) => capped.find((c) => c.start <= at && at < c.end)?.rules;
  for (const s of suppressions) {
    const unknown = cappedAt(s.start);
    if (s.rules.length === 0) {
      if (!used.has(`${s.start}`) && !unknown?.size) kept.push(unused(s.start, s.end, 'This mcroutes-disable-next-line silences nothing on the next line; remove it.', text, s));
      continue;
    }
    for (const rule of s.rules) {
      if (!(RULE_IDS as readonly string[]).includes(rule.id)) {
        kept.push(unused(rule.start, rule.end, `There is no rule ${quoted(rule.id)} to disable.`, text, s, rule));
      } else if (!used.has(`${s.start}:${rule.start}`) && !unknown?.has(rule.id)) {
        kept.push(unused(rule.start, rule.end, `${rule.id} does not fire on the next line: this suppression is unused; remove it.`, text, s, rule));
      }
    }
  }
  return kept;
}

function unused(start: number, end: number, message: string, text: string, s: Suppression, rule?: { start: number; end: number }): Problem {
  const code: RuleId = 'unused-suppression';
  return { code, severity: 'warning', message, start, end, fixes: [{ title: 'Remove the unused suppression', safe: true, edits: [removalOf(text, s, rule)] }] };
}

/** Removes one id from the list, or the whole comment line when it is the only thing on it. */
function removalOf(text: string, s: Suppression, rule?: { start: number; end: number }) {
  if (rule && s.rules.length > 1) {
    const index = s.rules.findIndex((r) => r.start === rule.start);
    const next = s.rules[index + 1];
    const previous = s.rules[index - 1];
    return next ? { start: rule.start, end: next.start, newText: '' } : { start: previous.end, end: rule.end, newText: '' };
  }
  const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
  const lineEnd = text.indexOf('\n', s.end);
  if (text.slice(lineStart, s.start).trim() === '') {
    return { start: lineStart, end: lineEnd < 0 ? text.length : lineEnd + 1, newText: '' };
  }
  let start = s.start;
  while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: lineEnd < 0 ? text.length : lineEnd, newText: '' };
}
