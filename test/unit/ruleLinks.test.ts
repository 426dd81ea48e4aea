/**
 * Where rule ids link to (server/src/lsp/ruleLinks.ts): the VS Code client's command with
 * the id as its one argument, else the docs/rules.md beside the server bundle with the id as
 * fragment, else nothing; one description object per rule id.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { packagedRuleDocs, ruleDocsCommandLink, RuleLinks } from '../../server/src/lsp/ruleLinks';
import { SHOW_RULE_DOCS_COMMAND } from '../../server/src/protocol';
import { REPO_ROOT } from '../support/seed';

describe('rule links', () => {
  it('the command link: command:<id>?<arguments as encoded JSON>, read back as VS Code reads it', () => {
    const href = ruleDocsCommandLink('route-host-bits');
    assert.equal(href, 'command:mcroutes.showRuleDocs?%5B%22route-host-bits%22%5D');
    // VS Code's command opener: the path is the command, the decoded query a JSON array of its arguments.
    const url = new URL(href);
    assert.equal(url.protocol, 'command:');
    assert.equal(url.pathname, SHOW_RULE_DOCS_COMMAND);
    assert.deepEqual(JSON.parse(decodeURIComponent(url.search.slice(1))), ['route-host-bits']);
  });

  it('a client that runs the command gets it, even where the docs file is beside the server', () => {
    const links = RuleLinks.for({ runsCommand: true, docsUrl: 'file:///ext/docs/rules.md' });
    assert.deepEqual(links.codeDescription('route-cidr'), { href: ruleDocsCommandLink('route-cidr') });
    assert.equal(links.href('route-cidr'), ruleDocsCommandLink('route-cidr'));
  });

  it('another client gets the file with the rule id as fragment; no file, no link', () => {
    const links = RuleLinks.for({ runsCommand: false, docsUrl: 'file:///opt/mcroutes/docs/rules.md' });
    assert.equal(links.href('unit-network-online'), 'file:///opt/mcroutes/docs/rules.md#unit-network-online');
    const none = RuleLinks.for({ runsCommand: false });
    assert.equal(none.href('unit-network-online'), undefined);
    assert.equal(none.codeDescription('unit-network-online'), undefined);
  });

  it('one codeDescription object per rule id, shared by its diagnostics', () => {
    const links = RuleLinks.for({ runsCommand: true });
    assert.equal(links.codeDescription('route-cidr'), links.codeDescription('route-cidr'));
    assert.notEqual(links.codeDescription('route-cidr'), links.codeDescription('route-metric'));
  });

  it('packagedRuleDocs: the docs/rules.md beside the bundle directory, only when it exists', () => {
    const url = packagedRuleDocs(path.join(REPO_ROOT, 'dist'));
    assert.ok(url, 'docs/rules.md beside dist/');
    assert.equal(fileURLToPath(url), path.join(REPO_ROOT, 'docs', 'rules.md'));
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-links-'));
    try {
      assert.equal(packagedRuleDocs(path.join(empty, 'dist')), undefined);
      // A folder name with parentheses (a Markdown link's target ends at ")"): percent-encoded.
      const odd = path.join(empty, 'ext (1)');
      fs.mkdirSync(path.join(odd, 'docs'), { recursive: true });
      fs.writeFileSync(path.join(odd, 'docs', 'rules.md'), '## route-cidr\n');
      const encoded = packagedRuleDocs(path.join(odd, 'dist'))!;
      assert.doesNotMatch(encoded, /[()]/);
      assert.equal(fileURLToPath(encoded), path.join(odd, 'docs', 'rules.md'));
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
