/**
 * Hover: first the explanation of each finding under the cursor (its docs/rules.md
 * section), then, after a separator, the help for the element itself (core hoverAt).
 */
import type { Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/ide/hover';
import type { LintResult } from '../core/analysis/lint';
import type { Problem } from '../core/text/problem';
import { ruleSection } from '../core/analysis/ruleDocs';
import type { Settings } from '../core/text/settings';
import rulesMarkdown from '../../../docs/rules.md';

const SEPARATOR = '\n\n---\n\n';

/** The hover at `position`, from the cached analysis of the document's current version. */
export function hover(document: TextDocument, position: Position, analysis: LintResult, settings: Settings): Hover | null {
  const offset = document.offsetAt(position);
  const findings = findingsAt(analysis.problems, offset);
  const element = hoverAt(analysis.parsed, offset, settings);
  const parts = [...findings.sections, ...(element ? [element.markdown] : [])];
  if (parts.length === 0) return null;
  // The range is the hovered element; without one, the first finding's characters.
  const range = element ?? findings.first!;
  return {
    contents: { kind: 'markdown', value: parts.join(SEPARATOR) },
    range: { start: document.positionAt(range.start), end: document.positionAt(range.end) },
  };
}

/** The docs/rules.md section of each rule with a finding at `offset`, once per rule. */
function findingsAt(problems: Problem[], offset: number): { sections: string[]; first?: Problem } {
  const here = problems.filter((p) => p.start <= offset && offset <= p.end);
  const sections: string[] = [];
  for (const code of new Set(here.map((p) => p.code))) {
    const section = ruleSection(rulesMarkdown, code);
    if (section) sections.push(section.replace(/^## (.*)$/m, '**mcroutes: $1**'));
  }
  return { sections, first: sections.length > 0 ? here[0] : undefined };
}

