/**
 * The language server killed in the middle of work (SIGKILL, as the out-of-memory killer
 * would): the client starts it again, the user is told once, and the diagnostics come back.
 * After the fifth crash within three minutes it stays stopped and says so once; the
 * restart command brings it back. client/src/crashes.ts; waits for states, never on time.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { coreFindings } from '../support/coreFindings';
import { closeUntitled, diagnosticsWhen, next, openSeed, placedOf, seedShown, showing, within } from '../support/editor';
import { keysOf, SEED, SEED_STATE } from '../support/seed';

const EXTENSION_ID = 'mcroutes.mcroutes';
const RESTARTED = 'MachineConfig Routes: the language server stopped unexpectedly and was restarted.';
const GAVE_UP = /^MachineConfig Routes: the language server stopped unexpectedly 5 times in 3 minutes and was not restarted\./;

/** The part of the extension's API (client/src/extension.ts McroutesApi) this test uses. */
interface Api {
  client: { sendRequest<R>(method: string, params?: unknown): Promise<R>; isRunning(): boolean; onDidChangeState: vscode.Event<{ newState: number }> };
  serverNotices: readonly string[];
  onDidNotifyServer: vscode.Event<string>;
}

async function serverPid(api: Api): Promise<number> {
  return (await api.client.sendRequest<{ pid: number }>('mcroutes/serverInfo')).pid;
}

describe('the language server killed mid-work', function () {
  this.timeout(180_000);
  let api: Api;
  let seed: vscode.TextDocument;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    api = (await ext.activate()) as Api;
    // The baseline is a state, not a count: the seed's known findings.
    seed = await openSeed();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('restarts it, tells the user once, and the diagnostics come back', async () => {
    const noticesBefore = api.serverNotices.length;
    const pid = await serverPid(api);
    // Work in progress: a 500-document file, analysed in slices, is still being analysed.
    const bigText = Array.from({ length: 500 }, () => SEED).join('---\n');
    const big = await vscode.workspace.openTextDocument({ language: 'yaml', content: bigText });
    // Its first slice has been published: the first document, the seed itself, shows its findings.
    const firstDocument = keysOf(SEED_STATE);
    await diagnosticsWhen(big.uri, (d) => {
      const shown = new Set(keysOf(placedOf(d)));
      return firstDocument.every((key) => shown.has(key));
    }, 'the first diagnostics of the big file: its first document\'s findings');

    const cleared = diagnosticsWhen(seed.uri, (d) => d.length === 0, 'the seed\'s findings cleared');
    const notified = next(api.onDidNotifyServer);
    process.kill(pid, 'SIGKILL');

    assert.equal(await within(notified, 'the restart notice'), RESTARTED);
    await within(cleared, 'the diagnostics to be cleared with the dead server');
    await diagnosticsWhen(seed.uri, seedShown, 'the seed diagnostics to come back: its known findings');
    await diagnosticsWhen(big.uri, showing(coreFindings(bigText)), 'the big file diagnostics to come back: all the core finds in it');
    const newPid = await serverPid(api);
    assert.notEqual(newPid, pid, 'a new server process answers');
    // Once: one notice for one crash, and none other.
    assert.deepEqual(api.serverNotices.slice(noticesBefore), [RESTARTED]);
    // As the test found it: the big file closed and dropped by the server, the seed shown.
    await closeUntitled(big);
    await vscode.window.showTextDocument(seed);
  });

  it('after the fifth crash in three minutes it stays stopped, says so once, and the restart command brings it back', async () => {
    // The first test's crash counts: four more make five.
    const noticesBefore = api.serverNotices.length;
    for (let crash = 2; crash <= 4; crash++) {
      const notified = next(api.onDidNotifyServer);
      process.kill(await serverPid(api), 'SIGKILL');
      assert.equal(await within(notified, `the notice of crash ${crash}`), RESTARTED);
      // The new server has settled (the seed's findings are back) before it is killed again:
      // a kill in the middle of the client's own start-up is not what this test is about.
      await diagnosticsWhen(seed.uri, seedShown, `the seed diagnostics after crash ${crash}`);
    }
    const gaveUp = next(api.onDidNotifyServer);
    const stopped = next(api.client.onDidChangeState, (e) => e.newState === 1);
    process.kill(await serverPid(api), 'SIGKILL');
    assert.match(await within(gaveUp, 'the notice that it gave up'), GAVE_UP);
    await within(stopped, 'the client to stop');
    assert.equal(api.client.isRunning(), false);
    assert.equal(api.serverNotices.length - noticesBefore, 4, `notices: ${JSON.stringify(api.serverNotices.slice(noticesBefore))}`);

    await vscode.commands.executeCommand('mcroutes.restartServer');
    await diagnosticsWhen(seed.uri, seedShown, 'the seed diagnostics after the restart command: its known findings');
    assert.equal(api.client.isRunning(), true);
    // The command is no crash: nothing more was said.
    assert.equal(api.serverNotices.length - noticesBefore, 4);
  });
});
