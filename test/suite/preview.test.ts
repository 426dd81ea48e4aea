import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { seedPerSuite, textWhen } from '../support/editor';
import { SEED_PREVIEW } from '../support/seedPreview';

const SCHEME = 'mcroutes-preview';

function previews(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === SCHEME);
}

/** Closes the preview tabs a test opened. */
async function closePreviews(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === SCHEME);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

describe('unit preview in the editor', () => {
  // Each test leaves the editor as it found it: the seed reverted and its known findings
  // back, no preview open.
  const theSeed = seedPerSuite();
  let seed: vscode.TextDocument;
  let onDisk: Uint8Array;

  before(async () => {
    seed = theSeed();
    onDisk = await vscode.workspace.fs.readFile(seed.uri);
  });

  afterEach(closePreviews);

  after(async () => {
    // Had anything saved the edit, put the fixture back as it was and say so.
    const now = await vscode.workspace.fs.readFile(seed.uri);
    if (Buffer.compare(Buffer.from(now), Buffer.from(onDisk)) !== 0) {
      await vscode.workspace.fs.writeFile(seed.uri, onDisk);
      assert.fail('seed-route.yaml was saved with the test\'s edit; it has been restored');
    }
  });

  it('the command opens the unit under the cursor beside the YAML, exactly, and follows an edit as it is typed', async () => {
    const editor = await vscode.window.showTextDocument(seed, vscode.ViewColumn.One);
    const gateway = seed.positionAt(seed.getText().indexOf('172.18.0.1'));
    editor.selection = new vscode.Selection(gateway, gateway);

    const uri = await vscode.commands.executeCommand<vscode.Uri>('mcroutes.previewUnit');
    const preview = previews().find((d) => d.uri.toString() === uri?.toString());
    assert.ok(preview, `a ${SCHEME} document among the open documents; got ${vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', ')}`);
    assert.equal(preview.uri.path, '/Preview: nmcli-dev-modify.service', 'the tab title names the unit');
    assert.equal(preview.languageId, 'mcroutes-preview', 'highlighted by the preview grammar, not by a language guessed from .service');
    assert.equal(vscode.workspace.getConfiguration('editor', preview).get('wordWrap'), 'on', 'long lines wrap');
    assert.equal(preview.getText(), SEED_PREVIEW);
    const beside = vscode.window.visibleTextEditors.find((e) => e.document === preview);
    assert.equal(beside?.viewColumn, vscode.ViewColumn.Two, 'shown beside the YAML');
    assert.equal(vscode.window.activeTextEditor?.document, seed, 'the cursor stays in the YAML');

    const edit = new vscode.WorkspaceEdit();
    const at = seed.getText().indexOf('172.18.0.1');
    edit.replace(seed.uri, new vscode.Range(seed.positionAt(at), seed.positionAt(at + '172.18.0.1'.length)), '172.18.0.254');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const updated = await textWhen(preview, (t) => t.includes('via 172.18.0.254 dev ens5'), 'the new gateway in the ip route line');
    assert.equal(updated, SEED_PREVIEW.replace(/172\.18\.0\.1\b/g, '172.18.0.254'));
    assert.ok(updated.includes('\n  192.168.1.0/24 via 172.18.0.254 dev ens5 proto static metric 100\n'));
  });

  it('a "Preview unit" code lens above the unit, placed by the server, opens the same preview', async () => {
    await vscode.window.showTextDocument(seed, vscode.ViewColumn.One);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', seed.uri);
    const lens = lenses.find((l) => l.command?.title === 'Preview unit');
    assert.ok(lens?.command, `a "Preview unit" lens; got ${lenses.map((l) => l.command?.title).join(', ')}`);
    assert.equal(lens.range.start.line, seed.getText().split('\n').findIndex((l) => l.startsWith('      - contents: |')));
    assert.equal(lens.command.command, 'mcroutes.previewUnit');

    const uri = await vscode.commands.executeCommand<vscode.Uri>(lens.command.command, ...(lens.command.arguments ?? []));
    assert.equal(uri?.path, '/Preview: nmcli-dev-modify.service');
    const preview = previews().find((d) => d.uri.toString() === uri.toString());
    assert.ok(preview);
    // The seed as the test before left it: reverted.
    await textWhen(preview, (t) => t === SEED_PREVIEW, 'the preview of the seed');
  });
});
