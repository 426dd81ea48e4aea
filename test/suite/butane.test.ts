// A Butane config in a real VS Code (issue 18): a `.bu` file opens as YAML (package.json
// associates *.bu with the yaml language), shows the findings of examples/seed-route.bu, and
// the hover on a route's destination inside the unit gives its netmask and `ip route` line.
// The file is written into the suite's workspace (a temporary folder holding a copy of the seed) and
// removed again, its editor closed. Its preview shows the MachineConfig it compiles to.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, ours, textWhen } from '../support/editor';
import { REPO_ROOT } from '../support/seed';

const EXAMPLE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'seed-route.bu'), 'utf8');

/** The findings `mcroutes lint --hints examples/seed-route.bu` prints, as line:column code (0-based, as VS Code counts). */
const EXPECTED = [
  '15:8 unit-network-online', '18:8 unit-oneshot-remain', '19:18 unit-exec-shell', '19:24 nmcli-device-runtime', '19:35 nmcli-ovn-port', '19:54 route-ovn-egress',
].sort();

const shown = (diagnostics: readonly vscode.Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)}`).sort();

describe('Butane config (a .bu file)', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open (the suite expects a copy of the seed)');
    uri = vscode.Uri.joinPath(folder.uri, 'suite-seed-route.bu');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(EXAMPLE, 'utf8'));
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    const previews = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'mcroutes-preview');
    if (previews.length > 0) await vscode.window.tabGroups.close(previews);
    // As seedPerSuite does for the seed: a file's document outlives its editor (VS Code sends
    // didClose only when it disposes the model), so its findings are not waited away.
    if (document) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    if (uri) await vscode.workspace.fs.delete(uri);
  });

  it('opens as yaml and shows the seed\'s findings on the corresponding characters', async () => {
    assert.equal(document.languageId, 'yaml', '*.bu is associated with the yaml language');
    const found = await diagnosticsWhen(uri, (d) => shown(d).join() === EXPECTED.join(), 'the findings of seed-route.bu');
    assert.deepEqual(shown(found), EXPECTED);
    const shell = ours(uri).find((d) => codeOf(d) === 'unit-exec-shell');
    assert.equal(document.getText(shell!.range), 'nmcli');
  });

  it('the hover on the route\'s destination gives its netmask and ip route line', async () => {
    const at = document.getText().indexOf('192.168.1.0/24');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(at + 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n\n');
    assert.match(text, /\*\*Netmask:\*\* `255\.255\.255\.0`/);
    assert.match(text, /192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens5 proto static metric 100/);
    assert.ok(hovers.some((h) => h.range && document.getText(h.range) === '192.168.1.0/24'), 'the hover covers the destination');
  });

  it('the preview of the .bu file shows the MachineConfig it compiles to, then its unit', async () => {
    await vscode.window.showTextDocument(document);
    const previewUri = await vscode.commands.executeCommand<vscode.Uri>('mcroutes.previewUnit', uri, { all: true });
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.toString() === previewUri?.toString());
    assert.ok(preview, 'the preview is open');
    const text = await textWhen(preview, (t) => t.includes('----- MachineConfig -----'), 'the compiled MachineConfig in the preview');
    assert.ok(text.indexOf('kind: MachineConfig') < text.indexOf('== unit nmcli-dev-modify.service'), text);
  });
});
