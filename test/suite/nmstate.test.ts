// An NMState policy in a real VS Code (issue 17): the text of examples/nncp-route.yaml, opened
// in an editor (untitled, so closing it leaves nothing behind), shows its finding where the
// mistake is, and the hover on a destination gives the `ip route` line nmstate produces.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeUntitled, codeOf, diagnosticsWhen, ours } from '../support/editor';
import { REPO_ROOT } from '../support/seed';

const EXAMPLE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'nncp-route.yaml'), 'utf8');

async function hoverText(document: vscode.TextDocument, offset: number): Promise<{ text: string; ranges: (vscode.Range | undefined)[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n\n');
  return { text, ranges: hovers.map((h) => h.range) };
}

describe('NMState policy (examples/nncp-route.yaml)', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument({ language: 'yaml', content: EXAMPLE });
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'yaml');
  });

  after(() => closeUntitled(document));

  it('shows the host-bits finding on the mistaken destination, and none on the correct route', async () => {
    const text = document.getText();
    const mistake = text.indexOf('192.168.60.5/24');
    const found = await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'route-host-bits'), 'the route-host-bits finding');
    const hostBits = found.filter((d) => codeOf(d) === 'route-host-bits');
    assert.equal(hostBits.length, 1);
    assert.equal(document.getText(hostBits[0].range), '192.168.60.5/24');
    assert.equal(document.offsetAt(hostBits[0].range.start), mistake);
    const correct = new vscode.Range(document.positionAt(text.indexOf('192.168.50.0/24')), document.positionAt(text.indexOf('192.168.50.0/24') + 15));
    assert.deepEqual(ours(document.uri).filter((d) => d.range.intersection(correct) && d.severity <= vscode.DiagnosticSeverity.Warning).map(codeOf), []);
  });

  it('the hover on a destination gives the ip route line nmstate produces', async () => {
    const at = document.getText().indexOf('192.168.50.0/24');
    const { text, ranges } = await hoverText(document, at + 4);
    assert.match(text, /\*\*Route destination `192\.168\.50\.0\/24`\*\*/);
    assert.match(text, /192\.168\.50\.0\/24 via 172\.18\.0\.1 dev ens6 proto static metric 150/);
    const range = ranges.find((r) => r !== undefined && document.getText(r) === '192.168.50.0/24');
    assert.ok(range, 'the hover covers the destination');
  });
});
