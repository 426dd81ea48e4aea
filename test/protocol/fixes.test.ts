/** Every quick fix over the protocol: codeAction → apply the edit → the server's new diagnostics. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyLspEdits, sessionPerSuite, startSession, type CodeAction, type LspClient } from '../support/lspClient';
import { FIXTURES as fixtures, SEED_PATH } from '../support/seed';

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string;
  severity?: number;
  source?: string;
  data?: { version?: number; fixes?: { title: string; safe: boolean }[] };
}
const files = [
  SEED_PATH,
  ...fs.readdirSync(path.join(fixtures, 'cases')).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(fixtures, 'cases', f)),
];

let documentCounter = 0;

/** Opens `text` as a new document and returns the diagnostics the server publishes for it. */
async function diagnose(client: LspClient, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = `file:///fixes/doc-${++documentCounter}.yaml`;
  client.didOpen(uri, text);
  const published = await client.waitForDiagnostics(uri, () => true, { what: 'its findings' });
  return { uri, diagnostics: published.diagnostics as Diagnostic[] };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

/** `after` holds no code that `before` lacked, and at most as many of each. */
function assertNothingNew(before: string[], after: string[], context: string): void {
  const pool = [...before];
  for (const code of after) {
    // A renamed path can make two configs of a fixture write one file: findings across documents follow.
    if (code === 'mc-overridden') continue;
    const at = pool.indexOf(code);
    assert.ok(at >= 0, `${context}: the fix introduced ${code}`);
    pool.splice(at, 1);
  }
}

describe('quick fixes over the protocol', function () {
  this.timeout(60000);
  const server = sessionPerSuite({ initializationOptions: { debounceMs: 0 } });
  let exercised = 0;

  after(() => {
    assert.ok(exercised >= 3, `only ${exercised} quick fixes were exercised`);
  });

  it('the server offers quick fixes and fix-all', async () => {
    const fresh = await startSession();
    try {
      assert.deepEqual(fresh.initializeResult.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.mcroutes']);
    } finally {
      fresh.dispose();
    }
  });

  for (const file of files) {
    it(`${path.basename(file)}: each fix removes its finding and adds none`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const client = server();
      const { uri, diagnostics } = await diagnose(client, text);
      for (const diagnostic of diagnostics.filter((d) => d.data?.fixes?.length)) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        // The finding's own fixes come first; the suppression and "Fix all" follow (suppress.test.ts).
        const quickFixes = actions.filter((a) => a.kind === 'quickfix' && !/^(Suppress \S+ on this line|Fix all safe problems \(\d+\))$/.test(a.title));
        assert.deepEqual(quickFixes.map((a) => a.title), diagnostic.data!.fixes!.map((f) => f.title));
        assert.deepEqual(actions.slice(0, quickFixes.length), quickFixes);
        for (const action of quickFixes) {
          exercised++;
          const fixed = applyLspEdits(text, action.edit!.changes![uri]);
          const after = await diagnose(client, fixed);
          const context = `${path.basename(file)} ${diagnostic.code} "${action.title}"`;
          const before = codes(diagnostics);
          before.splice(before.indexOf(String(diagnostic.code)), 1);
          assertNothingNew(before, codes(after.diagnostics), context);
          assert.ok(
            codes(after.diagnostics).filter((c) => c === diagnostic.code).length < codes(diagnostics).filter((c) => c === diagnostic.code).length,
            `${context}: the finding is gone`,
          );
          // Each fixture alone: open documents are a workspace, and other fixtures are not part of this one.
          client.didClose(after.uri);
        }
      }
      client.didClose(uri);
    });
  }

  it('fix-all applies every safe fix at once and introduces nothing', async () => {
    const client = server();
    let applied = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const { uri, diagnostics } = await diagnose(client, text);
      if (!diagnostics.some((d) => d.data?.fixes?.some((f) => f.safe))) {
        client.didClose(uri);
        continue;
      }
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      const fixAll = actions.find((a) => a.kind === 'source.fixAll.mcroutes');
      assert.ok(fixAll, `${path.basename(file)}: a fix-all action`);
      const after = await diagnose(client, applyLspEdits(text, fixAll.edit!.changes![uri]));
      assertNothingNew(codes(diagnostics), codes(after.diagnostics), `${path.basename(file)} fix-all`);
      const own = (list: Diagnostic[]) => list.filter((d) => d.code !== 'mc-overridden').length;
      assert.ok(own(after.diagnostics) < own(diagnostics), `${path.basename(file)}: fix-all fixed something`);
      applied++;
      client.didClose(after.uri);
      client.didClose(uri);
    }
    assert.ok(applied >= 1);
  });

  it('a diagnostic whose data has no fixes names no version: current while the analysis has its finding where it was', async () => {
    const client = server();
    const text = fs.readFileSync(path.join(fixtures, 'cases', 'cluster-overlaps.yaml'), 'utf8');
    const { uri, diagnostics } = await diagnose(client, text);
    const dataAlone = diagnostics.find((d) => d.data && !d.data.fixes)!;
    assert.equal(dataAlone.data!.version, undefined);
    const ask = () => client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: dataAlone.range,
      context: { diagnostics: [dataAlone], only: ['quickfix'] },
    });
    // A line added at the end: the finding is where it was, so its suppression is offered.
    client.didChange(uri, 2, { text: `${text}\n` });
    await client.waitForVersion(uri, 2);
    assert.ok((await ask()).some((a) => a.title.startsWith('Suppress')));
    // A line added above it: the diagnostic no longer shows a finding of the text, so nothing.
    client.didChange(uri, 3, { text: `# moved\n${text}\n` });
    await client.waitForVersion(uri, 3);
    assert.deepEqual(await ask(), []);
  });

  it('a diagnostic from an older version of the document gets no fixes', async () => {
    const client = server();
    const text = fs.readFileSync(path.join(fixtures, 'cases', 'suppressions.yaml'), 'utf8');
    const { uri, diagnostics } = await diagnose(client, text);
    const withFix = diagnostics.find((d) => d.data?.fixes?.length)!;
    client.didChange(uri, 2, { text: `${text}\n` });
    await client.waitForVersion(uri, 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: withFix.range,
      context: { diagnostics: [withFix], only: ['quickfix'] },
    });
    assert.deepEqual(actions, []);
  });
});
