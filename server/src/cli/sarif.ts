/** SARIF 2.1.0 for code-scanning dashboards: every rule with its docs/rules.md help, every finding with its region. */
import rulesMarkdown from '../../../docs/rules.md';
import { RULE_IDS, type Severity } from '../core/text/problem';
import { ruleSection } from '../core/analysis/ruleDocs';
import type { Finding } from './format';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifTool {
  version: string;
  informationUri?: string;
}

export function sarifOutput(findings: Finding[], tool: SarifTool): string {
  const rules = RULE_IDS.map((id) => sarifRule(id));
  const index = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
  const results = findings.map((f) => ({
    ruleId: f.code,
    ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: toUri(f.file) },
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      },
    }],
    // The other config a finding across files names (mc-overridden's winner).
    ...(f.related?.length ? {
      relatedLocations: f.related.map((r, id) => ({
        id,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri: toUri(r.file) }, region: { startLine: r.line, startColumn: r.column } },
      })),
    } : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'mcroutes', version: tool.version, semanticVersion: tool.version, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), rules } },
      // Columns count UTF-16 code units, SARIF's default, said explicitly.
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(id: string): Record<string, unknown> {
  const section = ruleSection(rulesMarkdown, id) ?? `## ${id}`;
  const body = section.split('\n').slice(1).join('\n').trim();
  return {
    id,
    name: id,
    shortDescription: { text: firstSentence(body) || id },
    help: { text: plain(body) || id, markdown: section },
  };
}

/** The first sentence of the section's first paragraph, without the bold severity word. */
function firstSentence(body: string): string {
  const paragraph = plain(body.split(/\n\s*\n/)[0] ?? '').replace(/^(Error|Warning|Info|Hint)( \([^)]*\))?\.\s+/, '').replace(/\s+/g, ' ');
  const m = /^(.*?(?<!\be\.g|\bi\.e)[.!?])(\s|$)/.exec(paragraph);
  return (m ? m[1] : paragraph).trim();
}

function plain(markdown: string): string {
  return markdown.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(?<!`)`([^`\n]+)`(?!`)/g, '$1').trim();
}

/** A relative path as a URI reference ('/'-separated, each segment percent-encoded). */
function toUri(file: string): string {
  if (file === '-') return 'stdin';
  return file.split(/[\\/]/).map((s) => encodeURIComponent(s)).join('/');
}
