/**
 * An edit in one YAML document of many re-publishes the findings of the others from what the
 * last publish converted and serialised (server/src/lsp/publishedDiagnostics.ts,
 * diagnosticsJson.ts): shifted when lines came or went above them, with `data.version` of
 * the new version where they have fixes. What arrives must be exactly what a fresh server publishes for the same
 * text and version: ranges, messages, codeDescription, data and the fixes' offsets, related
 * locations.
 */
import * as assert from 'node:assert/strict';
import { positionAt, sessionsPerTest, type Diagnostic, type LspClient, type SessionOptions } from '../support/lspClient';
import { fixture, SEED } from '../support/seed';

const URI = 'file:///keystroke/many.yaml';

/** Documents with fixes, data, rule links and related locations in the file (mc-overridden), the seed first. */
const PARTS = [SEED, ...['routes.yaml', 'unit-install.yaml', 'files-mode.yaml', 'suppressions.yaml', 'script-routes.yaml', 'nmstate-routes.yaml', 'envelope-spec.yaml', 'ignition-keys.yaml'].map((name) => fixture(`cases/${name}`))];
const TEXT = PARTS.map((part) => (part.endsWith('\n') ? part : `${part}\n`)).join('---\n');

/** The offset where the `n`-th part (0 = the seed) starts. */
function partStart(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) at = text.indexOf('\n---\n', at) + '\n---\n'.length;
  return at;
}

interface Edit {
  what: string;
  /** The offsets [start, end) of the text replaced, and the new text. */
  at(text: string): { start: number; end: number; insert: string };
  /** By how many lines the findings after the edit move; undefined when the edit changes findings there. */
  lines?: number;
}

const NOTE = '# a note\n';
const EDITS: Edit[] = [
  { what: 'a line inserted at the start of the second document', at: (text) => ({ start: partStart(text, 1), end: partStart(text, 1), insert: NOTE }), lines: 1 },
  { what: 'one character typed in that line', at: (text) => ({ start: partStart(text, 1) + NOTE.length - 1, end: partStart(text, 1) + NOTE.length - 1, insert: '!' }), lines: 0 },
  { what: 'the line deleted again', at: (text) => ({ start: partStart(text, 1), end: partStart(text, 1) + NOTE.length + 1, insert: '' }), lines: -1 },
  {
    // Two comment lines become one: a line less above the later documents, which start at the same offsets.
    what: 'a line break replaced by a space, a character removed for one added',
    at: (text) => {
      const start = text.indexOf('\n#', partStart(text, 1));
      return { start, end: start + 2, insert: ' -' };
    },
    lines: -1,
  },
  {
    what: 'the third document broken: its first key indented',
    at: (text) => {
      const start = text.indexOf('\napiVersion:', partStart(text, 2)) + 1;
      return { start, end: start, insert: ' ' };
    },
  },
  {
    what: 'and mended',
    at: (text) => {
      const start = text.indexOf('\n apiVersion:', partStart(text, 2)) + 1;
      return { start, end: start + 1, insert: '' };
    },
  },
  {
    what: 'host bits set in the seed\'s route: a finding with a fix, the same length',
    at: (text) => {
      const start = text.indexOf('192.168.1.0/24') + '192.168.1.'.length;
      return { start, end: start + 1, insert: '5' };
    },
  },
];

/** `actual` equals `expected`; on a failure, the first diagnostic that differs is named. */
function assertSame(actual: Diagnostic[], expected: Diagnostic[], what: string): void {
  const at = actual.findIndex((d, i) => JSON.stringify(d) !== JSON.stringify(expected[i]));
  if (at >= 0 || actual.length !== expected.length) {
    assert.fail(`${what}: ${actual.length} diagnostics, a fresh server ${expected.length}; the first to differ (${at}):\n${JSON.stringify(actual[at])}\n${JSON.stringify(expected[at])}`);
  }
  assert.deepEqual(actual, expected, what);
}

/**
 * A client that reads codeDescription and runs the rule docs command (the VS Code client), no
 * debounce; on a test clock that stands still, so that the whole file is analysed in one
 * slice (no partial publish first, however slow a cold server on a busy machine is).
 */
const OPTIONS: SessionOptions = { initializationOptions: { debounceMs: 0, ruleDocsCommand: true, testClock: {} } };

describe('a keystroke in one document of many', function () {
  this.timeout(60_000);
  const start = sessionsPerTest();

  /** What a fresh server publishes for `text` opened as `version`. */
  async function freshDiagnostics(text: string, version: number): Promise<Diagnostic[]> {
    const fresh = await start(OPTIONS);
    fresh.didOpen(URI, text, version);
    const published = await fresh.waitForVersion(URI, version);
    await fresh.shutdownAndExit();
    return published.diagnostics;
  }

  async function edited(client: LspClient, text: string, version: number, edit: Edit): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const { start: from, end, insert } = edit.at(text);
    const since = client.mark();
    client.didChange(URI, version, { range: { start: positionAt(text, from), end: positionAt(text, end) }, text: insert });
    const published = await client.waitForVersion(URI, version, since);
    return { text: text.slice(0, from) + insert + text.slice(end), diagnostics: published.diagnostics };
  }

  it('publishes what a fresh server publishes for the same text, the findings it did not touch moved with their lines', async function () {
    const client = await start(OPTIONS);
    client.didOpen(URI, TEXT, 1);
    let diagnostics = (await client.waitForVersion(URI, 1)).diagnostics;
    assertSame(diagnostics, await freshDiagnostics(TEXT, 1), 'opened');
    assert.ok(diagnostics.some((d) => d.codeDescription) && diagnostics.some((d) => d.data?.fixes) && diagnostics.some((d) => d.relatedInformation),
      'the file has findings with links, fixes and related locations');

    let text = TEXT;
    let version = 1;
    for (const edit of EDITS) {
      const before = diagnostics;
      const { start: from } = edit.at(text);
      const editLine = positionAt(text, from).line;
      ({ text, diagnostics } = await edited(client, text, ++version, edit));
      assertSame(diagnostics, await freshDiagnostics(text, version), `after ${edit.what}`);
      assert.ok(diagnostics.every((d) => (d.data?.fixes === undefined ? d.data?.version === undefined : d.data.version === version)), `after ${edit.what}: data with fixes names version ${version}, data without none`);
      if (edit.lines === undefined) continue;
      // Findings wholly above the edit stay; those below it move by its lines, all else equal.
      const lines = edit.lines;
      const moved = (d: Diagnostic): Diagnostic => (d.range.start.line <= editLine ? d : {
        ...d,
        range: { start: { ...d.range.start, line: d.range.start.line + lines }, end: { ...d.range.end, line: d.range.end.line + lines } },
      });
      const withoutVersion = (d: Diagnostic) => ({ ...d, data: d.data && { ...d.data, version: undefined, fixes: undefined } });
      assert.deepEqual(diagnostics.filter((d) => !d.relatedInformation).map(withoutVersion), before.filter((d) => !d.relatedInformation).map(moved).map(withoutVersion),
        `after ${edit.what}: the same findings, those below moved by ${lines} line(s)`);
    }
  });
});
