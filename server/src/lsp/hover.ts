/**
 * Hover: first the help for the element under the cursor (core hoverAt: a destination's
 * netmask and `ip route` line), then, after a separator, a few lines per finding there
 * (core findingsHover: severity, rule id linked to its documentation, sentence, quick fix),
 * unless the client shows the diagnostics in its hover itself (findingsInHover: false).
 */
import type { Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/ide/hover';
import { findingsHover, type RuleDocsLink } from '../core/ide/hoverFindings';
import type { LintResult } from '../core/analysis/lint';
import type { Settings } from '../core/text/settings';

const SEPARATOR = '\n\n---\n\n';

/** The hover at `position`, from the cached analysis of the document's current version. */
export function hover(document: TextDocument, position: Position, analysis: LintResult, settings: Settings, docsLink: RuleDocsLink, withFindings = true): Hover | null {
  const offset = document.offsetAt(position);
  const element = hoverAt(analysis.parsed, offset, settings);
  const findings = withFindings ? findingsHover(analysis.problems, offset, docsLink) : undefined;
  const parts = [element?.markdown, findings?.markdown].filter((part): part is string => part !== undefined);
  if (parts.length === 0) return null;
  // The range is the hovered element; without one, the first finding's characters.
  const range = element ?? findings!.first;
  return {
    contents: { kind: 'markdown', value: parts.join(SEPARATOR) },
    range: { start: document.positionAt(range.start), end: document.positionAt(range.end) },
  };
}
