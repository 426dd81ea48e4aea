/**
 * The wait between an edit and its analysis follows what the document's last analysis cost
 * (server/src/lsp/debounce.ts), on the server's test clock (initializationOptions.testClock):
 * the clock moves only when the test says, and each of its readings moves it by `tickMs`,
 * so a test gives a document the cost it wants and asserts the wait by states, never by
 * timings. A clock that stands still (tickMs 0) makes every analysis cost nothing: the
 * cheapest document there is.
 */
import * as assert from 'node:assert/strict';
import { ADAPTIVE_FACTOR, MAX_DEBOUNCE_MS, MIN_DEBOUNCE_MS } from '../../server/src/lsp/debounce';
import { positionAt, sessionsPerTest, type LspClient } from '../support/lspClient';
import { SEED } from '../support/seed';

const URI = 'file:///debounce/seed.yaml';
const LINE0 = SEED.split('\n')[0];

/** Version `version`'s edit: one more character typed at the end of the first line (a comment). */
function typed(client: LspClient, version: number): void {
  const at = { line: 0, character: LINE0.length + version - 2 };
  client.didChange(URI, version, { range: { start: at, end: at }, text: 'x' });
}

/** The versions published since `since`, once the server has handled everything sent before. */
async function publishedVersions(client: LspClient, since: number): Promise<(number | undefined)[]> {
  await client.roundTrip();
  return client.publishes(URI, since).map((p) => p.version);
}

async function opened(client: LspClient): Promise<void> {
  client.didOpen(URI, SEED, 1);
  await client.waitForVersion(URI, 1);
}

describe('the wait after an edit', function () {
  this.timeout(30_000);
  const start = sessionsPerTest();

  it('a cheap document shows an edit\'s findings once the clock has moved the shortest wait, within 50 ms of the keystroke', async function () {
    const client = await start({ initializationOptions: { testClock: {} } });
    await opened(client);
    const since = client.mark();
    // Host bits set in the destination: a finding the publish must carry.
    const offset = SEED.indexOf('192.168.1.0/24') + '192.168.1.'.length;
    const at = positionAt(SEED, offset);
    client.didChange(URI, 2, { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '5' });
    await client.advanceClock(MIN_DEBOUNCE_MS - 1);
    assert.deepEqual(await publishedVersions(client, since), [], 'nothing before the wait has passed');
    await client.advanceClock(1);
    const published = await client.waitForVersion(URI, 2, since);
    assert.ok(published.diagnostics.some((d) => d.code === 'route-host-bits'));
    assert.ok(MIN_DEBOUNCE_MS <= 40, 'a document analysed in under 10 ms shows its findings within 50 ms of the keystroke');
  });

  it('a burst of keystrokes, each within the wait of the one before, is analysed once, for its last version', async function () {
    const client = await start({ initializationOptions: { testClock: {} } });
    await opened(client);
    const since = client.mark();
    const last = 12;
    for (let version = 2; version <= last; version++) {
      typed(client, version);
      await client.advanceClock(MIN_DEBOUNCE_MS - 1);
    }
    assert.deepEqual(await publishedVersions(client, since), [], 'no publish while the keystrokes come');
    await client.advanceClock(1);
    await client.waitForVersion(URI, last, since);
    assert.deepEqual(await publishedVersions(client, since), [last], 'one publish, of the last version');
  });

  it('a costly document waits longer: as long as its last analysis made it', async function () {
    // Every reading of the clock moves it 50 ms: an analysis costs at least that, on this clock.
    const tickMs = 50;
    const client = await start({ initializationOptions: { testClock: { tickMs } } });
    await opened(client);
    const since = client.mark();
    typed(client, 2);
    await client.advanceClock(Math.max(MIN_DEBOUNCE_MS, 50));
    assert.deepEqual(await publishedVersions(client, since), [], 'a cheap document would have been published by now');
    await client.advanceClock(Math.min(MAX_DEBOUNCE_MS, ADAPTIVE_FACTOR * tickMs) - 1 - Math.max(MIN_DEBOUNCE_MS, 50));
    assert.deepEqual(await publishedVersions(client, since), [], 'not before the wait its cost makes');
    await client.advanceClock(MAX_DEBOUNCE_MS);
    await client.waitForVersion(URI, 2, since);
  });

  it('initializationOptions.debounceMs fixes the wait, whatever the cost', async function () {
    const fixed = MAX_DEBOUNCE_MS + 200;
    const client = await start({ initializationOptions: { testClock: {}, debounceMs: fixed } });
    await opened(client);
    const since = client.mark();
    typed(client, 2);
    await client.advanceClock(fixed - 1);
    assert.deepEqual(await publishedVersions(client, since), []);
    await client.advanceClock(1);
    await client.waitForVersion(URI, 2, since);
  });
});
