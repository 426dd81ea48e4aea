// Hover in a real VS Code: the server's help for a route destination and for a finding,
// shown through VS Code's own hover provider machinery.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeUntitled, diagnosticsWhen, seedShown } from '../support/editor';
import { SEED } from '../support/seed';

/** The Markdown of every hover VS Code collects at `offset`, joined. */
async function hoverText(document: vscode.TextDocument, offset: number): Promise<{ text: string; ranges: (vscode.Range | undefined)[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n\n');
  return { text, ranges: hovers.map((h) => h.range) };
}

describe('hover', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument({ language: 'yaml', content: SEED });
    await vscode.window.showTextDocument(document);
    // The language server is up and has analysed the document: it shows the seed's known findings.
    await diagnosticsWhen(document.uri, seedShown, 'the seed\'s known findings');
  });

  after(() => closeUntitled(document));

  it('on the route destination: the CIDR arithmetic and the expected ip route line', async () => {
    const at = SEED.indexOf('192.168.1.0/24');
    const { text, ranges } = await hoverText(document, at + 4);
    assert.match(text, /\*\*Route destination `192\.168\.1\.0\/24`\*\*/);
    assert.match(text, /\*\*Netmask:\*\* `255\.255\.255\.0`/);
    assert.match(text, /192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens5 proto static metric 100/);
    const range = ranges.find((r) => r !== undefined)!;
    assert.equal(document.getText(range), '192.168.1.0/24');
  });

  it('on a finding: the element\'s help alone; VS Code itself shows the finding, its code linked to the rule documentation', async () => {
    const { text } = await hoverText(document, SEED.indexOf('ens5') + 1);
    assert.match(text, /\*\*`ens5` — device name\*\*/);
    assert.doesNotMatch(text, /\*\*Info\*\* \[nmcli-ovn-port\]/);
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => typeof d.code === 'object' && d.code.value === 'nmcli-ovn-port');
    assert.ok(diagnostic, 'the nmcli-ovn-port diagnostic');
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(true), 'command:mcroutes.showRuleDocs?["nmcli-ovn-port"]');
  });
});
