/**
 * The unit preview cannot run what a YAML file holds: it is a plain-text virtual
 * document (scheme mcroutes-preview), never a webview, so markup and command links in a
 * unit are shown as the characters they are. Events, never sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> [quit](command:workbench.action.quit) $(alert)';

function when<T>(event: vscode.Event<T>, check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, 30_000);
    const subscription = event(() => {
      if (!check()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

describe('the unit preview cannot run content', function () {
  this.timeout(90_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is a plain-text document in a text tab, showing markup and command links literally', async () => {
    const [seedFile] = await vscode.workspace.findFiles('seed-route.yaml');
    const seedText = Buffer.from(await vscode.workspace.fs.readFile(seedFile)).toString('utf8');
    const yaml = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: seedText.replace('Description=nmcli-dev-modify', `Description=${HOSTILE}`),
    });
    await vscode.window.showTextDocument(yaml);
    const diagnosed = () => vscode.languages.getDiagnostics(yaml.uri).some((d) => d.source === 'mcroutes');
    await when(vscode.languages.onDidChangeDiagnostics, diagnosed, 'the diagnostics of the YAML');

    const uri = await vscode.commands.executeCommand<vscode.Uri>('mcroutes.previewUnit', yaml.uri, { unit: 'nmcli-dev-modify.service' });
    assert.ok(uri, 'the command answers with the preview address');
    assert.equal(uri.scheme, 'mcroutes-preview');
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(preview, 'the preview is a text document');
    await when(vscode.workspace.onDidChangeTextDocument, () => preview.getText().includes(HOSTILE), 'the preview text');
    assert.equal(preview.languageId, 'plaintext');
    assert.ok(preview.getText().includes(`Description=${HOSTILE}`), 'the markup is shown as it is written');

    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const tab = tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    assert.ok(tab, `the preview is a text tab; tabs: ${tabs.map((t) => t.label).join(', ')}`);
    assert.ok(!tabs.some((t) => t.input instanceof vscode.TabInputWebview || t.input instanceof vscode.TabInputCustom), 'no webview or custom editor is open');
  });
});
