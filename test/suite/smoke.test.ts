// Smoke test in a real VS Code: the extension is there, a MachineConfig YAML document
// activates it, and its commands are registered.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { serverNodeFlags } from '../../server/src/serverProcess';

const EXTENSION_ID = 'mcroutes.mcroutes';
const COMMANDS = ['mcroutes.newRoute', 'mcroutes.previewUnit', 'mcroutes.restartServer'];

describe('smoke', () => {
  it('the extension mcroutes.mcroutes is present', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    assert.equal(ext.packageJSON.name, 'mcroutes');
  });

  it('opening seed-route.yaml activates it', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open (the suite expects a folder with the seed)');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'seed-route.yaml'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'yaml');

    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('starts the server with the node flags for this machine (one V8 worker fewer than the cores)', async () => {
    const ext = vscode.extensions.getExtension<{ client: { sendRequest<R>(method: string): Promise<R> } }>(EXTENSION_ID);
    assert.ok(ext);
    const api = await ext.activate();
    const { execArgv } = await api.client.sendRequest<{ execArgv: string[] }>('mcroutes/serverInfo');
    const expected = serverNodeFlags(os.availableParallelism(), process.versions.electron !== undefined);
    // On the CI machines (two cores, the extension host under node) that is --v8-pool-size=1.
    assert.deepEqual(execArgv.filter((flag) => flag.startsWith('--v8-pool-size')), expected);
  });

  it('registers its commands', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const command of COMMANDS) assert.ok(all.has(command), `command ${command} is not registered`);
  });
});
