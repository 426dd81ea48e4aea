// Completion and snippets in a real VS Code: the server's list at the caret, the snippet
// library offered by the server in an empty document (and not inside metadata:), and the
// snippet accepted there, which the server then finds clean.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeUntitled, codeOf, diagnosticsWhen } from '../support/editor';
import { machineConfigHead } from '../support/machineConfig';

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

describe('completion and snippets', () => {
  let document: vscode.TextDocument | undefined;

  // The untitled editors are reverted as they are closed (a dirty one would ask to be
  // saved), and the server has dropped them before the next test.
  afterEach(async () => {
    if (document) await closeUntitled(document);
    document = undefined;
  });

  it('an empty document offers the manifest snippets; the one accepted gives a config the server finds clean (hints only)', async () => {
    document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
    const route = list.items.find((i) => labelOf(i) === 'mc-route');
    assert.ok(route, `mc-route in ${JSON.stringify(list.items.map(labelOf))}`);
    assert.equal(route.kind, vscode.CompletionItemKind.Snippet);
    assert.ok(route.insertText instanceof vscode.SnippetString);
    assert.ok(await editor.insertSnippet(route.insertText, new vscode.Position(0, 0)));
    const text = editor.document.getText();
    assert.match(text, /^apiVersion: machineconfiguration\.openshift\.io\/v1\nkind: MachineConfig\n/);
    assert.match(text, /machineconfiguration\.openshift\.io\/role: worker\n/);
    assert.match(text, /ExecStart=\/usr\/bin\/nmcli device modify br-ex \+ipv4\.routes "192\.168\.1\.0\/24 172\.18\.0\.1"\n/);
    // The route unit's advice (hints) arrives; nothing of a higher severity does.
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'nmcli-device-runtime'), 'the hints of the route config');
    assert.deepEqual(diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).map(codeOf), []);
  });

  it('no manifest snippet inside metadata:', async () => {
    document = await vscode.workspace.openTextDocument({ language: 'yaml', content: `${machineConfigHead({ role: null })}  \nspec: {}\n` });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(4, 2));
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('labels'), `the metadata keys: ${JSON.stringify(labels)}`);
    assert.ok(!list.items.some((i) => i.kind === vscode.CompletionItemKind.Snippet && /^(mc|nncp|bu)-/.test(labelOf(i))), JSON.stringify(labels));
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
