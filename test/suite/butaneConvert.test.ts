// A Butane config in a real VS Code (issue 18): the text of examples/seed-route.bu opened as an
// untitled YAML editor; "Convert to MachineConfig" opens the MachineConfig it compiles to in a
// new untitled editor, and the preview of the Butane document shows the compiled MachineConfig.
// Every editor the test opens is closed unsaved.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeUntitled, textWhen } from '../support/editor';
import { REPO_ROOT } from '../support/seed';

const BUTANE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'seed-route.bu'), 'utf8');
const PREVIEW_SCHEME = 'mcroutes-preview';

async function closePreviews(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === PREVIEW_SCHEME);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

describe('Butane config: Convert to MachineConfig and the compiled preview', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument({ language: 'yaml', content: BUTANE });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  });

  after(async () => {
    await closePreviews();
    await closeUntitled(document);
  });

  it('Convert to MachineConfig opens the compiled MachineConfig in a new untitled YAML editor beside it', async () => {
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('mcroutes.convertToMachineConfig');
    assert.ok(editor, 'the command resolves with the new editor');
    const converted = editor.document;
    try {
      assert.equal(converted.isUntitled, true);
      assert.equal(converted.languageId, 'yaml');
      assert.notEqual(converted, document);
      const text = converted.getText();
      assert.match(text, /^apiVersion: machineconfiguration\.openshift\.io\/v1\nkind: MachineConfig\nmetadata:\n {2}name: worker-custom-route-configuration\n/);
      assert.match(text, /^ {6}version: 3\.4\.0$/m);
      assert.ok(text.includes('            ExecStart=nmcli dev modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"\n'));
      assert.equal(document.getText(), BUTANE, 'the Butane document is left as it was');
    } finally {
      await closeUntitled(converted);
    }
  });

  it('the preview of the Butane document shows the compiled MachineConfig first, then the unit and its ip route line', async () => {
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mcroutes.previewUnit', document.uri, { all: true });
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri?.toString());
    assert.ok(preview, 'the preview is open');
    const text = await textWhen(preview, (t) => t.includes('----- MachineConfig -----'), 'the compiled MachineConfig in the preview');
    const compiledAt = text.indexOf('----- MachineConfig -----\napiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\n');
    const unitAt = text.indexOf('== unit nmcli-dev-modify.service (line 11) ==');
    assert.ok(compiledAt > 0 && unitAt > compiledAt, text);
    assert.match(text, /^ {2}192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens5 proto static metric 100$/m);
  });
});
