// Completion and snippets in a real VS Code: the server's list at the caret, and a
// contributed snippet inserted by name, which the server then finds clean.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeUntitled, codeOf, diagnosticsWhen } from '../support/editor';
import { machineConfigHead } from '../support/machineConfig';

const ROUTE_SNIPPET = 'MachineConfig: static route (nmcli in a systemd unit)';

describe('completion and snippets', () => {
  let document: vscode.TextDocument | undefined;

  // The untitled editors are reverted as they are closed (a dirty one would ask to be
  // saved), and the server has dropped them before the next test.
  afterEach(async () => {
    if (document) await closeUntitled(document);
    document = undefined;
  });

  it('a contributed snippet inserted by name gives a config the server finds clean (hints only)', async () => {
    document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name: ROUTE_SNIPPET });
    const text = editor.document.getText();
    assert.match(text, /^apiVersion: machineconfiguration\.openshift\.io\/v1\nkind: MachineConfig\n/);
    assert.match(text, /machineconfiguration\.openshift\.io\/role: worker\n/);
    assert.match(text, /ExecStart=\/usr\/bin\/nmcli device modify br-ex \+ipv4\.routes "192\.168\.1\.0\/24 172\.18\.0\.1"\n/);
    // The route unit's advice (hints) arrives; nothing of a higher severity does.
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'nmcli-device-runtime'), 'the hints of the route config');
    assert.deepEqual(diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).map(codeOf), []);
  });

  it('the completion list at the caret comes from the server: keys, then values', async () => {
    const content = `${machineConfigHead()}spec:\n  \n`;
    document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(document);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(7, 2));
    const labels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const key of ['config', 'kernelArguments', 'kernelType']) assert.ok(labels.includes(key), `${key} in ${JSON.stringify(labels)}`);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(7, 2), 'kernelType: ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(7, 14));
    const valueLabels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const value of ['default', 'realtime', '64k-pages']) assert.ok(valueLabels.includes(value), `${value} in ${JSON.stringify(valueLabels)}`);
  });
});
