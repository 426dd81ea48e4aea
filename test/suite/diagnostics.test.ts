import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, SEED_SHOWN, seedPerSuite, seedShown, show } from '../support/editor';

describe('diagnostics from the language server', () => {
  // Each test leaves the seed as it found it: reverted, and the server caught up.
  const seed = seedPerSuite();
  let document: vscode.TextDocument;
  beforeEach(() => (document = seed()));

  it('the seed shows its findings at the exact ranges', async () => {
    const diagnostics = await diagnosticsWhen(document.uri, seedShown, 'the seed\'s known findings');
    assert.deepEqual(diagnostics.map(show).sort(), SEED_SHOWN);
    assert.equal(document.getText(diagnostics.find((d) => codeOf(d) === 'ign-unknown-key')!.range), 'networkd');
  });

  it('a destination with host bits set is underlined exactly, then cleared when fixed', async () => {
    const at = document.getText().indexOf('192.168.1.0/24');
    const range = new vscode.Range(document.positionAt(at), document.positionAt(at + 14));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, '192.168.1.5/24');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const withHostBits = await diagnosticsWhen(document.uri, (d) => d.some((x) => codeOf(x) === 'route-host-bits'), 'route-host-bits');
    const hostBits = withHostBits.find((d) => codeOf(d) === 'route-host-bits')!;
    assert.equal(show(hostBits), '28:59-28:73 Warning route-host-bits');
    assert.equal(document.getText(hostBits.range), '192.168.1.5/24');

    const back = new vscode.WorkspaceEdit();
    back.replace(document.uri, range, '192.168.1.0/24');
    assert.ok(await vscode.workspace.applyEdit(back));
    const after = await diagnosticsWhen(document.uri, seedShown, 'route-host-bits gone: the seed\'s known findings');
    assert.ok(!after.some((x) => codeOf(x) === 'route-host-bits'));
    assert.deepEqual(after.map(show).sort(), SEED_SHOWN);
  });
});
