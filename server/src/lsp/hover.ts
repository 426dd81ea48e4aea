/** Hover: the explanation of each finding under the cursor, from docs/rules.md. */
import type { Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../core/problem';
import { ruleSection } from '../core/ruleDocs';
import rulesMarkdown from '../../../docs/rules.md';

export function hoverOnFindings(document: TextDocument, position: Position, problems: Problem[]): Hover | null {
  const offset = document.offsetAt(position);
  const here = problems.filter((p) => p.start <= offset && offset <= p.end);
  if (here.length === 0) return null;
  const sections: string[] = [];
  for (const code of new Set(here.map((p) => p.code))) {
    const section = ruleSection(rulesMarkdown, code);
    if (section) sections.push(section.replace(/^## (.*)$/m, '**mcroutes: $1**'));
  }
  if (sections.length === 0) return null;
  const first = here[0];
  return {
    contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') },
    range: { start: document.positionAt(first.start), end: document.positionAt(first.end) },
  };
}
