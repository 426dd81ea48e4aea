import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Resolves once the document's mcroutes diagnostics satisfy `accept` (event-driven). */
function diagnosticsWhen(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mcroutes');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out; diagnostics: ${ours().map((d) => String(d.code)).join(', ')}`));
    }, 30_000);
    const check = () => {
      if (!accept(ours())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(ours());
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

describe('quick fixes in the editor', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the light bulb on After=network-online.target adds Wants= with the unit\'s indentation', async () => {
    const [seed] = await vscode.workspace.findFiles('seed-route.yaml');
    const document = await vscode.workspace.openTextDocument(seed);
    await vscode.window.showTextDocument(document);
    const before = await diagnosticsWhen(document.uri, (d) => d.some((x) => x.code === 'unit-network-online'));
    const finding = before.find((d) => d.code === 'unit-network-online')!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value,
    );
    const add = actions.find((a) => /Wants=network-online\.target/.test(a.title));
    assert.ok(add?.edit, `a quick fix adding Wants=; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(add.edit));

    const after = await diagnosticsWhen(document.uri, (d) => !d.some((x) => x.code === 'unit-network-online'));
    assert.deepEqual(after.map((d) => String(d.code)).sort(), before.filter((d) => d !== finding).map((d) => String(d.code)).sort());
    const line = document.lineAt(finding.range.start.line).text;
    assert.equal(line, '             Wants=network-online.target');
    assert.equal(document.lineAt(finding.range.start.line + 1).text, '             After=network-online.target');
  });
});
