/**
 * The findings part of a hover: for each finding under the cursor, in a couple of lines,
 * its severity, its rule id (a link to the rule's documentation when the caller has one),
 * its sentence and the title of its first quick fix. The rule's whole explanation stays in
 * the documentation the link opens: the hover box is small, and the element's own help
 * comes before this part.
 */
import { code } from '../text/doc';
import type { Problem, RuleId, Severity } from '../text/problem';

/** Where the documentation of a rule is, as a link target; undefined when there is none to link to. */
export type RuleDocsLink = (id: RuleId) => string | undefined;

/** More findings at one place than this are counted, not shown: about ten lines at most. */
export const MAX_FINDINGS_SHOWN = 4;

const LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export interface FindingsHover {
  markdown: string;
  /** The finding shown first (the most severe): its characters are the hover's range when no element has help. */
  first: Problem;
}

/** The findings whose range holds `offset`, most severe first; undefined when there are none. */
export function findingsHover(problems: readonly Problem[], offset: number, docsLink: RuleDocsLink): FindingsHover | undefined {
  const here: Problem[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    if (problem.start > offset || offset > problem.end) continue;
    // Two readers of one route can report the same sentence at the same place: one line is enough.
    const key = `${problem.code}\n${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    here.push(problem);
  }
  if (here.length === 0) return undefined;
  // Stable: findings of one severity keep the order of the file.
  here.sort((a, b) => (RANK[a.severity] ?? RANK.warning) - (RANK[b.severity] ?? RANK.warning));
  const shown = here.slice(0, MAX_FINDINGS_SHOWN).map((problem) => findingMarkdown(problem, docsLink));
  const more = here.length - MAX_FINDINGS_SHOWN;
  if (more > 0) shown.push(`… and ${more} more ${more === 1 ? 'finding' : 'findings'} here: see the Problems panel.`);
  return { markdown: shown.join('\n\n'), first: here[0] };
}

/**
 * "**Warning** [unit-network-online](link): the sentence" and, on a line of its own,
 * "Quick fix: the title". Lines end in two spaces: a line break inside one paragraph.
 */
function findingMarkdown(problem: Problem, docsLink: RuleDocsLink): string {
  const href = docsLink(problem.code);
  const id = href ? `[${problem.code}](${href} "Documentation of ${problem.code}")` : code(problem.code);
  const lines = [`**${LABELS[problem.severity] ?? LABELS.warning}** ${id}: ${plainText(problem.message)}`];
  const fix = problem.fixes?.[0];
  if (fix) lines.push(`Quick fix: ${plainText(fix.title)}`);
  return lines.join('  \n');
}

/**
 * A rule's sentence as Markdown that shows it as written: the characters Markdown would
 * read as emphasis, links or HTML are escaped. Backquotes stay: rules use them for code.
 */
export function plainText(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_[\]<>]/g, (c) => `\\${c}`)))
    .join('');
}
