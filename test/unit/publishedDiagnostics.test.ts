/**
 * The server's conversion of findings into diagnostics from the last conversion
 * (server/src/lsp/publishedDiagnostics.ts) and their JSON from kept templates
 * (diagnosticsJson.ts): through random edits of a file of many documents, each conversion
 * equals toDiagnostic's of the same findings, and each message's JSON (as a string or in
 * UTF-8) equals JSON.stringify's. test/protocol/keystroke.test.ts checks the same against a fresh server.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { messageBytes, noteConverted } from '../../server/src/lsp/diagnosticsJson';
import { PublishedDiagnostics } from '../../server/src/lsp/publishedDiagnostics';
import { RuleLinks } from '../../server/src/lsp/ruleLinks';
import { fixture, SEED } from '../support/seed';

const URI = 'file:///unit/many.yaml';
const TEXT = [SEED, ...['routes.yaml', 'unit-install.yaml', 'files-mode.yaml', 'suppressions.yaml', 'nmstate-routes.yaml'].map((name) => fixture(`cases/${name}`))]
  .map((part) => (part.endsWith('\n') ? part : `${part}\n`)).join('---\n');

/** A small deterministic PRNG, so failures reproduce. */
function random(seedValue: number): () => number {
  let state = seedValue;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** One edit at a random place: a space, a deleted character, a new line, or a destination with host bits. */
function randomEdit(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const choice = next();
  if (choice < 0.35) return text.slice(0, at) + ' ' + text.slice(at);
  if (choice < 0.6) return text.slice(0, at) + text.slice(at + 1);
  if (choice < 0.85) return text.slice(0, at) + '\n' + text.slice(at);
  return text.slice(0, at) + '192.168.1.5/24' + text.slice(at);
}

/** The message's JSON as the stdio transport's UTF-8 (its note is taken once) and as JSON.stringify makes it. */
function publishJson(version: number, diagnostics: unknown[]): { json: string; expected: string } {
  const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: URI, version, diagnostics } };
  const json = messageBytes(message).toString('utf-8');
  return { json, expected: JSON.stringify(message) };
}

describe('diagnostics from the last conversion', function () {
  this.timeout(60_000);

  it('equal a fresh conversion, and their JSON JSON.stringify\'s, through random edits', () => {
    const next = random(21);
    const linter = new IncrementalLinter();
    const published = new PublishedDiagnostics();
    const links = RuleLinks.for({ runsCommand: true });
    let text = TEXT;
    let reused = 0;
    let converted = 0;
    for (let version = 1; version <= 60; version++) {
      if (version > 1) text = randomEdit(text, next);
      const document = TextDocument.create(URI, 'yaml', version, text);
      const { problems } = linter.lint(text, DEFAULT_SETTINGS);
      const diagnostics = published.convert(problems, document, (p) => linter.originOf(p), undefined, links);
      const fresh = problems.map((p) => toDiagnostic(p, document, undefined, links));
      assert.equal(JSON.stringify(diagnostics), JSON.stringify(fresh), `version ${version}`);
      const { json, expected } = publishJson(version, diagnostics);
      assert.equal(json, expected, `version ${version}: the message's JSON`);
      converted += problems.length;
      reused += problems.filter((p) => linter.originOf(p) !== p).length;
    }
    assert.ok(reused > converted / 4, `findings moved with their documents were kept (${reused} of ${converted})`);
  });

  it('a finding moved by lines keeps its diagnostic, lines shifted, with the new version in its data when it has fixes', () => {
    const linter = new IncrementalLinter();
    const published = new PublishedDiagnostics();
    const first = linter.lint(TEXT, DEFAULT_SETTINGS).problems;
    const before = published.convert(first, TextDocument.create(URI, 'yaml', 1, TEXT), (p) => linter.originOf(p));
    const text = `# one more line\n${TEXT}`;
    const after = published.convert(linter.lint(text, DEFAULT_SETTINGS).problems, TextDocument.create(URI, 'yaml', 2, text), (p) => linter.originOf(p));
    const moved = before.map((d) => ({
      ...d,
      range: { start: { ...d.range.start, line: d.range.start.line + 1 }, end: { ...d.range.end, line: d.range.end.line + 1 } },
    }));
    const versionless = (d: { data?: unknown }) => ({ ...d, data: d.data && { ...(d.data as object), version: undefined, fixes: undefined } });
    assert.deepEqual(after.filter((d) => !d.relatedInformation).map(versionless), moved.filter((d) => !d.relatedInformation).map(versionless));
    const data = (d: { data?: unknown }) => d.data as { version?: number; fixes?: unknown } | undefined;
    assert.ok(after.some((d) => data(d)?.fixes) && after.some((d) => data(d) && !data(d)?.fixes), 'findings with fixes and with data alone');
    assert.ok(after.every((d) => (data(d)?.fixes ? data(d)?.version === 2 : data(d)?.version === undefined)));
  });

  it('findings given another level by mcroutes.rules keep their diagnostics too', () => {
    const linter = new IncrementalLinter();
    const published = new PublishedDiagnostics();
    const codes = [...new Set(linter.lint(TEXT, DEFAULT_SETTINGS).problems.map((p) => p.code))];
    const leveled = codes.slice(0, 3);
    const settings = { ...DEFAULT_SETTINGS, rules: Object.fromEntries(leveled.map((code) => [code, 'info' as const])) };
    published.convert(linter.lint(TEXT, settings).problems, TextDocument.create(URI, 'yaml', 1, TEXT), (p) => linter.originOf(p));
    const text = `# one more line\n${TEXT}`;
    const document = TextDocument.create(URI, 'yaml', 2, text);
    const { problems } = linter.lint(text, settings);
    const after = published.convert(problems, document, (p) => linter.originOf(p));
    assert.deepEqual(after, problems.map((p) => toDiagnostic(p, document)));
    const copies = problems.filter((p) => leveled.includes(p.code));
    assert.ok(copies.length > 0 && copies.every((p) => p.severity === 'info'));
    // Their origins are the findings as analysed, so the conversion above found their diagnostics kept.
    assert.ok(copies.every((p) => linter.originOf(p) !== p), 'each copy has the origin of the finding it copies');
  });

  it('other rule links: made again with them', () => {
    const linter = new IncrementalLinter();
    const published = new PublishedDiagnostics();
    const { problems } = linter.lint(TEXT, DEFAULT_SETTINGS);
    const document = TextDocument.create(URI, 'yaml', 1, TEXT);
    published.convert(problems, document, (p) => linter.originOf(p), undefined, RuleLinks.for({ runsCommand: true }));
    const files = RuleLinks.for({ runsCommand: false, docsUrl: 'file:///docs/rules.md' });
    const again = published.convert(problems, document, (p) => linter.originOf(p), undefined, files);
    assert.deepEqual(again, problems.map((p) => toDiagnostic(p, document, undefined, files)));
    assert.ok(again.every((d) => d.codeDescription?.href.startsWith('file:///docs/rules.md#')));
  });

  it('a noted diagnostic whose JSON has no template (it does not start with its range) is encoded whole', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const diagnostics: { range: typeof range; message: string; data: { version: number } }[] = [{ range, message: 'a', data: { version: 2 } }, { message: 'b', range, data: { version: 2 } }];
    noteConverted(diagnostics, diagnostics.map((diagnostic) => ({ diagnostic })));
    const { json, expected } = publishJson(2, diagnostics);
    assert.equal(json, expected);
  });

  it('a publish of diagnostics not converted here is stringified as it is', () => {
    const diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', data: { version: 3 } }];
    const { json, expected } = publishJson(3, diagnostics);
    assert.equal(json, expected);
  });
});
