/**
 * Rule ids as links over the protocol: every diagnostic's `codeDescription` and the hover's
 * link lead to the rule's section of docs/rules.md.
 * - A client that declares `codeDescriptionSupport` gets codeDescription; one that does not,
 *   none (the hover links either way).
 * - With `initializationOptions.ruleDocsCommand` (the VS Code client) the link is the
 *   command `mcroutes.showRuleDocs` with the rule id; without it, the docs/rules.md beside the
 *   server bundle as a file URI with the rule id as fragment — only where that file exists.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CAPABILITIES, LspClient, positionAt, REPO_ROOT, SERVER_JS, sessionsPerTest, type Diagnostic } from '../support/lspClient';
import { SEED, SEED_FINDINGS, showsSeedFindings } from '../support/seed';

const URI = 'file:///links/seed.yaml';
const COMMAND_LINK = (id: string) => `command:mcroutes.showRuleDocs?${encodeURIComponent(JSON.stringify([id]))}`;
const DOCS_FILE = path.join(REPO_ROOT, 'docs', 'rules.md');
const RULE_HEADINGS = new Set([...readFileSync(DOCS_FILE, 'utf8').matchAll(/^## ([a-z0-9-]+)$/gm)].map((m) => m[1]));

/** The capabilities of a client that does not read codeDescription. */
const WITHOUT_CODE_DESCRIPTIONS = {
  ...DEFAULT_CAPABILITIES,
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true } },
};

async function seedDiagnostics(client: LspClient): Promise<Diagnostic[]> {
  client.didOpen(URI, SEED);
  const published = await client.waitForDiagnostics(URI, showsSeedFindings, { what: 'the seed\'s known findings' });
  return published.diagnostics;
}

/** The Markdown of the hover on the seed's `networkd` (one finding, no element help). */
async function networkdHover(client: LspClient): Promise<string> {
  const hover = await client.request('textDocument/hover', { textDocument: { uri: URI }, position: positionAt(SEED, SEED.indexOf('networkd') + 3) });
  return hover.contents.value as string;
}

describe('rule ids link to their documentation', function () {
  this.timeout(30000);
  const start = sessionsPerTest();

  it('a client without the command: codeDescription is docs/rules.md beside dist/server.js, #<rule id>, a file that exists', async () => {
    const client = await start({ initializationOptions: { debounceMs: 0 } });
    const diagnostics = await seedDiagnostics(client);
    assert.equal(diagnostics.length, SEED_FINDINGS.length);
    for (const d of diagnostics) {
      const href = d.codeDescription?.href;
      assert.ok(href, `${d.code} has a codeDescription`);
      const [file, fragment] = href.split('#');
      assert.equal(fragment, d.code);
      assert.equal(fileURLToPath(file), path.join(path.dirname(SERVER_JS), '..', 'docs', 'rules.md'));
      assert.ok(existsSync(fileURLToPath(file)), `${file} exists`);
      assert.ok(RULE_HEADINGS.has(fragment), `docs/rules.md has the heading ## ${fragment}`);
    }
    assert.ok((await networkdHover(client)).includes(`[ign-unknown-key](${diagnostics.find((d) => d.code === 'ign-unknown-key')!.codeDescription!.href} `));
  });

  it('the VS Code client (ruleDocsCommand): every code and the hover link to mcroutes.showRuleDocs with the rule id', async () => {
    const client = await start({ initializationOptions: { debounceMs: 0, ruleDocsCommand: true } });
    const diagnostics = await seedDiagnostics(client);
    assert.deepEqual(diagnostics.map((d) => d.codeDescription), diagnostics.map((d) => ({ href: COMMAND_LINK(d.code) })));
    assert.ok((await networkdHover(client)).startsWith(`**Warning** [ign-unknown-key](${COMMAND_LINK('ign-unknown-key')} "Documentation of ign-unknown-key"): `));
  });

  it('a client that does not declare codeDescriptionSupport: no codeDescription; the hover still links', async () => {
    for (const initializationOptions of [{ debounceMs: 0 }, { debounceMs: 0, ruleDocsCommand: true }]) {
      const client = await start({ initializationOptions, capabilities: WITHOUT_CODE_DESCRIPTIONS });
      const diagnostics = await seedDiagnostics(client);
      assert.deepEqual(diagnostics.filter((d) => 'codeDescription' in d).map((d) => d.code), [], JSON.stringify(initializationOptions));
      assert.match(await networkdHover(client), /^\*\*Warning\*\* \[ign-unknown-key\]\((command|file):/);
    }
  });

  describe('a server bundle without docs/rules.md beside it', () => {
    let dir: string | undefined;
    let client: LspClient | undefined;
    after(() => {
      client?.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('no codeDescription, and the hover names the rule without a link', async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'mcroutes-nodocs-'));
      mkdirSync(path.join(dir, 'dist'));
      const server = path.join(dir, 'dist', 'server.js');
      copyFileSync(SERVER_JS, server);
      client = LspClient.stdio(server);
      await client.initialize({ debounceMs: 0 });
      const diagnostics = await seedDiagnostics(client);
      assert.deepEqual(diagnostics.filter((d) => 'codeDescription' in d).map((d) => d.code), []);
      assert.match(await networkdHover(client), /^\*\*Warning\*\* `ign-unknown-key`: /);
      assert.deepEqual(client.errors.map(String), []);
    });
  });
});
