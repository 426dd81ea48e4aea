// "Preview Pool…" in a real VS Code (issue 19): with a role given, the command opens the
// read-only pool document; the suite's workspace (a copy of the seed) holds the seed, a
// MachineConfig for worker, so the worker pool lists it with its unit and route. The preview
// is closed again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { textWhen } from '../support/editor';

describe('Preview Pool…', () => {
  after(async () => {
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === 'mcroutes-pool');
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  });

  it('shows the worker pool with the seed\'s config, its unit and its route', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('mcroutes.previewPool', 'worker');
    assert.ok(uri, 'the command resolves with the preview\'s uri');
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(preview, 'the pool preview is open');
    assert.equal(uri.path, '/Preview: worker pool', 'the tab title names the pool');
    assert.equal(preview.languageId, 'mcroutes-preview', 'highlighted by the preview grammar');
    const text = await textWhen(preview, (t) => t.includes('worker-custom-route-configuration') && t.includes('192.168.1.0/24 via 172.18.0.1'),
      'the worker pool with the seed\'s config and route');
    assert.match(text, /nmcli-dev-modify\.service/);
  });
});
