import type { Problem, RuleId } from '../text/problem';
import { RULE_IDS } from '../text/problem';
import { LineIndex } from '../text/lineIndex';
import { quoted } from '../text/quote';
import { RULES_ACROSS_FILES } from './workspaceIndex';

/**
 * `# mcroutes-disable-next-line route-default, unit-exec-shell` silences those rules (all
 * rules when none is named) on the next line. It works as a YAML comment and, because
 * `#` starts a comment in unit files too, inside an embedded unit. A next line that ends
 * in a backslash continues on the line after it (a unit directive, a shell command, a
 * double-quoted YAML scalar): the suppression covers those continuation lines too, so it
 * can stand above the first line instead of inside the continued one.
 */
export interface Suppression {
  /** The line the comment stands on (zero-based). */
  line: number;
  /** How many lines after its own it covers: 1, more when they end in a backslash. */
  covers: number;
  /** Rule ids named, each with its range in the file; empty means every rule. */
  rules: { id: string; start: number; end: number }[];
  /** The whole directive, for a finding when it silences nothing. */
  start: number;
  end: number;
}

export const SUPPRESSION_DIRECTIVE = 'mcroutes-disable-next-line';

const DIRECTIVE = /(?<=^|[ \t])#[ \t]*mcroutes-disable-next-line\b([^\n\r]*)/gm;

export function findSuppressions(text: string): Suppression[] {
  const found: Suppression[] = [];
  if (!text.includes(SUPPRESSION_DIRECTIVE)) return found;
  const lines = new LineIndex(text);
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const listStart = m.index + m[0].length - m[1].length;
    const rules: Suppression['rules'] = [];
    const idPattern = /[A-Za-z0-9-]+/g;
    for (let id = idPattern.exec(m[1]); id; id = idPattern.exec(m[1])) {
      rules.push({ id: id[0], start: listStart + id.index, end: listStart + id.index + id[0].length });
    }
    found.push({ line: lines.positionAt(m.index).line, covers: linesCovered(text, m.index + m[0].length), rules, start: m.index, end: m.index + m[0].trimEnd().length });
  }
  return found;
}

/** The lines after the one ending at `lineEnd` that a directive there covers: the next, and each continuation line after it. */
function linesCovered(text: string, lineEnd: number): number {
  let covers = 1;
  let start = nextLineStart(text, lineEnd);
  while (start < text.length) {
    const end = lineEndAt(text, start);
    if (text[end - 1] !== '\\') break;
    covers++;
    start = nextLineStart(text, end);
  }
  return covers;
}

function lineEndAt(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}

function nextLineStart(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') return lineEnd + 2;
  return lineEnd + 1;
}

/** The suppressions by each line they cover. */
export function suppressionsByLine(suppressions: readonly Suppression[]): Map<number, Suppression[]> {
  const byLine = new Map<number, Suppression[]>();
  for (const s of suppressions) {
    for (let line = s.line + 1; line <= s.line + s.covers; line++) byLine.set(line, [...(byLine.get(line) ?? []), s]);
  }
  return byLine;
}

/** The suppression (and the named id of it) that silences `problem`, if one does. */
function silencer(problem: Problem, byLine: Map<number, Suppression[]>, lines: LineIndex): { suppression: Suppression; rule?: Suppression['rules'][number] } | undefined {
  for (const suppression of byLine.get(lines.positionAt(problem.start).line) ?? []) {
    if (suppression.rules.length === 0) return { suppression };
    const rule = suppression.rules.find((r) => r.id === problem.code);
    if (rule) return { suppression, rule };
  }
  return undefined;
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
  const byLine = suppressionsByLine(suppressions);

  const used = new Set<number>();
  const kept = problems.filter((problem) => {
    const by = silencer(problem, byLine, lines);
    if (!by) return true;
    used.add(by.rule ? by.rule.start : by.suppression.start);
    return false;
  });

  const cappedAt = (at: number) => capped.find((c) => c.start <= at && at < c.end)?.rules;
  for (const s of suppressions) {
    const unknown = cappedAt(s.start);
    if (s.rules.length === 0) {
      if (!used.has(s.start) && !unknown?.size) kept.push(unused(s.start, s.end, 'This mcroutes-disable-next-line silences nothing on the next line; remove it.', text, s));
      continue;
    }
    for (const rule of s.rules) {
      if (!(RULE_IDS as readonly string[]).includes(rule.id)) {
        kept.push(unused(rule.start, rule.end, `There is no rule ${quoted(rule.id)} to disable.`, text, s, rule));
      } else if (!used.has(rule.start) && !unknown?.has(rule.id)) {
        kept.push(unused(rule.start, rule.end, `${rule.id} does not fire on the next line: this suppression is unused; remove it.`, text, s, rule));
      }
    }
  }
  return kept;
}

/**
 * Findings across files (workspaceIndex.ts) are known only after the file's own were
 * judged, and a suppression covers them the same way: a covered one is dropped, and with it
 * the unused-suppression finding its suppression got from the file alone. `inFile` are the
 * file's findings after applySuppressions; the result holds both lists.
 */
export function applySuppressionsAcrossFiles(text: string, inFile: Problem[], across: Problem[]): Problem[] {
  if (across.length === 0) return inFile;
  if (!text.includes(SUPPRESSION_DIRECTIVE)) return [...inFile, ...across];
  const byLine = suppressionsByLine(findSuppressions(text));
  const lines = new LineIndex(text);
  const used = new Set<number>();
  const kept = across.filter((problem) => {
    const by = silencer(problem, byLine, lines);
    if (!by) return true;
    used.add(by.rule ? by.rule.start : by.suppression.start);
    return false;
  });
  if (used.size === 0) return [...inFile, ...across];
  // An unused-suppression finding starts where the id (or the directive naming none) does.
  return [...inFile.filter((p) => p.code !== 'unused-suppression' || !used.has(p.start)), ...kept];
}

function unused(start: number, end: number, message: string, text: string, s: Suppression, rule?: { id: string; start: number; end: number }): Problem {
  const code: RuleId = 'unused-suppression';
  // Whether a rule across files fires there depends on files the caller may not have read
  // (\`mcroutes lint --fix\` fixes one file at a time): its removal is left to the user.
  const safe = !rule || !RULES_ACROSS_FILES.has(rule.id as RuleId);
  return { code, severity: 'warning', message, start, end, fixes: [{ title: 'Remove the unused suppression', safe, edits: [removalOf(text, s, rule)] }] };
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
