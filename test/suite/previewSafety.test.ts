/**
 * The unit preview cannot run what a YAML file holds: it is a text virtual document
 * (scheme mcroutes-preview, language mcroutes-preview: a TextMate grammar colours it), never
 * a webview, so markup and command links in a unit are shown as the characters they are.
 * Events, never sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { coreFindings } from '../support/coreFindings';
import { closeUntitled, diagnosticsWhen, showing, textWhen } from '../support/editor';
import { SEED } from '../support/seed';

const HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> [quit](command:workbench.action.quit) $(alert)';

describe('the unit preview cannot run content', function () {
  this.timeout(90_000);
  let yaml: vscode.TextDocument | undefined;

  after(async () => {
    if (yaml) await closeUntitled(yaml);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is a text document in a text tab, showing markup and command links literally', async () => {
    const content = SEED.replace('Description=nmcli-dev-modify', `Description=${HOSTILE}`);
    yaml = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(yaml);
    await diagnosticsWhen(yaml.uri, showing(coreFindings(content)), 'the diagnostics of the YAML: all the core finds in it');

    const uri = await vscode.commands.executeCommand<vscode.Uri>('mcroutes.previewUnit', yaml.uri, { unit: 'nmcli-dev-modify.service' });
    assert.ok(uri, 'the command answers with the preview address');
    assert.equal(uri.scheme, 'mcroutes-preview');
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(preview, 'the preview is a text document');
    await textWhen(preview, (t) => t.includes(HOSTILE), 'the preview text');
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId, 'mcroutes-preview');
    assert.ok(preview.getText().includes(`Description=${HOSTILE}`), 'the markup is shown as it is written');

    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const tab = tabs.find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    assert.ok(tab, `the preview is a text tab; tabs: ${tabs.map((t) => t.label).join(', ')}`);
    assert.ok(!tabs.some((t) => t.input instanceof vscode.TabInputWebview || t.input instanceof vscode.TabInputCustom), 'no webview or custom editor is open');
  });
});
