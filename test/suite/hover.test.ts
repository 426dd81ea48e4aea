// Hover in a real VS Code: the server's help for a route destination and for a finding,
// shown through VS Code's own hover provider machinery.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const SEED = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-route.yaml'), 'utf8');

/** The Markdown of every hover VS Code collects at `offset`, joined. */
async function hoverText(document: vscode.TextDocument, offset: number): Promise<{ text: string; ranges: (vscode.Range | undefined)[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n\n');
  return { text, ranges: hovers.map((h) => h.range) };
}

/** Resolves once the server has published its findings for `uri`: then it has the document's analysis. Waits on events, not on time. */
function findingsArrive(uri: vscode.Uri): Promise<void> {
  const ours = () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'mcroutes');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error('timed out waiting for the seed\'s findings'));
    }, 45_000);
    const check = () => {
      if (!ours()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

describe('hover', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument({ language: 'yaml', content: SEED });
    await vscode.window.showTextDocument(document);
    // The language server is up and has analysed the document when its findings arrive.
    await findingsArrive(document.uri);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('on the route destination: the CIDR arithmetic and the expected ip route line', async () => {
    const at = SEED.indexOf('192.168.1.0/24');
    const { text, ranges } = await hoverText(document, at + 4);
    assert.match(text, /\*\*Route destination `192\.168\.1\.0\/24`\*\*/);
    assert.match(text, /\*\*Netmask:\*\* `255\.255\.255\.0`/);
    assert.match(text, /192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens5 proto static metric 100/);
    const range = ranges.find((r) => r !== undefined)!;
    assert.equal(document.getText(range), '192.168.1.0/24');
  });

  it('on a finding: its explanation first, then the element\'s help', async () => {
    const { text } = await hoverText(document, SEED.indexOf('ens5') + 1);
    assert.match(text, /\*\*mcroutes: nmcli-ovn-port\*\*[\s\S]*\*\*`ens5` — device name\*\*/);
  });
});
