import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Resolves with the document's mcroutes diagnostics once `accept` holds; waits on events, never on time. */
function diagnosticsWhen(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mcroutes');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; last diagnostics: ${JSON.stringify(ours().map(show))}`));
    }, 30_000);
    const check = () => {
      const current = ours();
      if (!accept(current)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

function show(d: vscode.Diagnostic): string {
  const r = d.range;
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${vscode.DiagnosticSeverity[d.severity]} ${String(code)}`;
}

/** The seed's findings with the default settings (OVN-Kubernetes), as test/unit/seed.test.ts lists them. */
const SEED_FINDINGS = [
  '16:4-16:12 Warning ign-unknown-key',
  '24:13-24:40 Warning unit-network-online',
  '27:13-27:25 Information unit-oneshot-remain',
  '28:23-28:28 Information unit-exec-shell',
  '28:29-28:39 Hint nmcli-device-runtime',
  '28:40-28:44 Error nmcli-ovn-port',
  '28:59-28:73 Hint route-ovn-egress',
  '33:2-33:12 Information mc-os-image-url',
];

describe('diagnostics from the language server', () => {
  let document: vscode.TextDocument;

  before(async () => {
    const [seed] = await vscode.workspace.findFiles('seed-route.yaml');
    assert.ok(seed, 'the workspace (test/fixtures) holds seed-route.yaml');
    document = await vscode.workspace.openTextDocument(seed);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'yaml');
  });

  after(async () => {
    // Never leave the fixture modified on disk: revert the unsaved edits.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the seed shows its findings at the exact ranges', async () => {
    const diagnostics = await diagnosticsWhen(document.uri, (d) => d.length >= SEED_FINDINGS.length, 'the seed diagnostics');
    assert.deepEqual(diagnostics.map(show).sort(), SEED_FINDINGS);
    assert.equal(document.getText(diagnostics.find((d) => d.code === 'ign-unknown-key')!.range), 'networkd');
  });

  it('a destination with host bits set is underlined exactly, then cleared when fixed', async () => {
    const at = document.getText().indexOf('192.168.1.0/24');
    const range = new vscode.Range(document.positionAt(at), document.positionAt(at + 14));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, '192.168.1.5/24');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const withHostBits = await diagnosticsWhen(document.uri, (d) => d.some((x) => x.code === 'route-host-bits'), 'route-host-bits');
    const hostBits = withHostBits.find((d) => d.code === 'route-host-bits')!;
    assert.equal(show(hostBits), '28:59-28:73 Warning route-host-bits');
    assert.equal(document.getText(hostBits.range), '192.168.1.5/24');

    const back = new vscode.WorkspaceEdit();
    back.replace(document.uri, range, '192.168.1.0/24');
    assert.ok(await vscode.workspace.applyEdit(back));
    const after = await diagnosticsWhen(document.uri, (d) => !d.some((x) => x.code === 'route-host-bits') && d.length === SEED_FINDINGS.length, 'route-host-bits gone');
    assert.equal(after.length, SEED_FINDINGS.length);
  });
});
