import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SEED_PREVIEW } from '../support/seedPreview';

const SCHEME = 'mcroutes-preview';

/** Resolves once `document`'s text satisfies `accept`, checking on every change of it: events, never sleeps. */
function textWhen(document: vscode.TextDocument, accept: (text: string) => boolean, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; the preview says:\n${document.getText()}`));
    }, 30_000);
    const check = () => {
      if (!accept(document.getText())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(document.getText());
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === document.uri.toString()) check();
    });
    check();
  });
}

/** Resolves once the seed has its diagnostics: the server has the document. */
function diagnosed(uri: vscode.Uri): Promise<void> {
  const has = () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'mcroutes');
  return new Promise((resolve, reject) => {
    if (has()) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error('timed out waiting for the seed diagnostics'));
    }, 30_000);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString()) || !has()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

function previews(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === SCHEME);
}

describe('unit preview in the editor', () => {
  let seed: vscode.TextDocument;
  let onDisk: Uint8Array;

  before(async () => {
    const [uri] = await vscode.workspace.findFiles('seed-route.yaml');
    assert.ok(uri, 'the workspace (test/fixtures) holds seed-route.yaml');
    onDisk = await vscode.workspace.fs.readFile(uri);
    seed = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(seed);
    await diagnosed(seed.uri);
  });

  after(async () => {
    // Never leave the fixture modified on disk: revert the unsaved edit in the seed's editor.
    await vscode.window.showTextDocument(seed);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(seed.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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
    assert.equal(preview.uri.path, '/nmcli-dev-modify.service (preview)');
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
    assert.equal(uri?.path, '/nmcli-dev-modify.service (preview)');
    const preview = previews().find((d) => d.uri.toString() === uri.toString());
    assert.ok(preview);
    // The seed still holds the edit of the test before (or not, when run alone): the preview shows the YAML as it is now.
    const gateway = seed.getText().includes('172.18.0.254') ? '172.18.0.254' : '172.18.0.1';
    await textWhen(preview, (t) => t === SEED_PREVIEW.replace(/172\.18\.0\.1\b/g, gateway), 'the preview of the seed as it is');
  });
});
