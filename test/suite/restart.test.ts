/**
 * The language server killed in the middle of work (SIGKILL, as the out-of-memory killer
 * would): the client starts it again, the user is told once, and the diagnostics come back.
 * After the fifth crash within three minutes it stays stopped and says so once; the
 * restart command brings it back. client/src/crashes.ts; waits on events, never on time.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'mcroutes.mcroutes';
const RESTARTED = 'MachineConfig Routes: the language server stopped unexpectedly and was restarted.';
const GAVE_UP = /^MachineConfig Routes: the language server stopped unexpectedly 5 times in 3 minutes and was not restarted\./;

/** The part of the extension's API (client/src/extension.ts McroutesApi) this test uses. */
interface Api {
  client: { sendRequest<R>(method: string, params?: unknown): Promise<R>; isRunning(): boolean; onDidChangeState: vscode.Event<{ newState: number }> };
  serverNotices: readonly string[];
  onDidNotifyServer: vscode.Event<string>;
}

function within<T>(promise: Promise<T>, what: string, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))),
  ]);
}

/** The next event of `event` satisfying `accept`. */
function next<T>(event: vscode.Event<T>, accept: (value: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((value) => {
      if (!accept(value)) return;
      subscription.dispose();
      resolve(value);
    });
  });
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mcroutes');

/** Resolves when the document's mcroutes diagnostics satisfy `accept` (now or on a later change). */
function diagnosticsWhen(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  if (accept(ours(uri))) return Promise.resolve(ours(uri));
  return next(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === uri.toString()) && accept(ours(uri)))
    .then(() => ours(uri));
}

async function serverPid(api: Api): Promise<number> {
  return (await api.client.sendRequest<{ pid: number }>('mcroutes/serverInfo')).pid;
}

describe('the language server killed mid-work', function () {
  this.timeout(180_000);
  let api: Api;
  let seed: vscode.TextDocument;
  let seedCount: number;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    api = (await ext.activate()) as Api;
    const [file] = await vscode.workspace.findFiles('seed-route.yaml');
    seed = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(seed);
    seedCount = (await within(diagnosticsWhen(seed.uri, (d) => d.length >= 8), 'the seed diagnostics')).length;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('restarts it, tells the user once, and the diagnostics come back', async () => {
    const noticesBefore = api.serverNotices.length;
    const pid = await serverPid(api);
    // Work in progress: a 500-document file, analysed in slices, is still being analysed.
    const seedText = seed.getText();
    const big = await vscode.workspace.openTextDocument({ language: 'yaml', content: Array.from({ length: 500 }, () => seedText).join('---\n') });
    await within(diagnosticsWhen(big.uri, (d) => d.length > 0), 'the first diagnostics of the big file');

    const cleared = diagnosticsWhen(seed.uri, (d) => d.length === 0);
    const notified = next(api.onDidNotifyServer);
    process.kill(pid, 'SIGKILL');

    assert.equal(await within(notified, 'the restart notice'), RESTARTED);
    await within(cleared, 'the diagnostics to be cleared with the dead server');
    const back = await within(diagnosticsWhen(seed.uri, (d) => d.length === seedCount), 'the seed diagnostics to come back');
    assert.equal(back.length, seedCount);
    await within(diagnosticsWhen(big.uri, (d) => d.length > 0), 'the big file diagnostics to come back');
    const newPid = await serverPid(api);
    assert.notEqual(newPid, pid, 'a new server process answers');
    // Once: one notice for one crash, and none other.
    assert.deepEqual(api.serverNotices.slice(noticesBefore), [RESTARTED]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('after the fifth crash in three minutes it stays stopped, says so once, and the restart command brings it back', async () => {
    // The first test's crash counts: four more make five.
    const noticesBefore = api.serverNotices.length;
    for (let crash = 2; crash <= 4; crash++) {
      const notified = next(api.onDidNotifyServer);
      process.kill(await serverPid(api), 'SIGKILL');
      assert.equal(await within(notified, `the notice of crash ${crash}`), RESTARTED);
    }
    const gaveUp = next(api.onDidNotifyServer);
    const stopped = next(api.client.onDidChangeState, (e) => e.newState === 1);
    process.kill(await serverPid(api), 'SIGKILL');
    assert.match(await within(gaveUp, 'the notice that it gave up'), GAVE_UP);
    await within(stopped, 'the client to stop');
    assert.equal(api.client.isRunning(), false);
    assert.equal(api.serverNotices.length - noticesBefore, 4, `notices: ${JSON.stringify(api.serverNotices.slice(noticesBefore))}`);

    await vscode.commands.executeCommand('mcroutes.restartServer');
    await within(diagnosticsWhen(seed.uri, (d) => d.length === seedCount), 'the seed diagnostics after the restart command');
    assert.equal(api.client.isRunning(), true);
    // The command is no crash: nothing more was said.
    assert.equal(api.serverNotices.length - noticesBefore, 4);
  });
});
