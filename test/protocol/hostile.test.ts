/**
 * Hostile input to the bundled server over stdio (the core's side is
 * test/unit/hostile.test.ts): each named case is opened, the first publishDiagnostics
 * comes within a second of server CPU with the finding that says what was skipped, a hover
 * afterwards is answered, and the final diagnostics are the core's. Then a burst of
 * thousands of didChange notifications: only the last version is published, and the
 * server's memory after a garbage collection returns to its level before the burst.
 *
 * Server CPU is read from /proc/<pid>/stat (wall time on a loaded machine says little);
 * both are printed. Slicing and the debounce are asserted on the server's test clock
 * (initializationOptions.testClock), never by racing the machine.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ManualClock } from '../../server/src/lsp/clock';
import { ANALYSIS_SLICE_MS, sliceBudget } from '../../server/src/lsp/scheduler';
import { MAX_DEBOUNCE_MS } from '../../server/src/lsp/debounce';
import { coreFindings, firstSliceFindings } from '../support/coreFindings';
import { HOSTILE_CASES, tenMegabytesOfDocuments, type Expectation } from '../support/hostile';
import { positionAt, sessionsPerTest, type Diagnostic } from '../support/lspClient';
import { keysOf, SEED, sameFindings, showsSeedFindings, type PlacedFinding } from '../support/seed';

/** Server CPU from didOpen to the first publishDiagnostics. */
// A hang guard, not a budget: the one-second budget is measured by `npm run bench` and in
// the unit-level table; a timed assertion at the budget itself fails on a loaded CI machine.
const FIRST_ANSWER_CPU_MS = 5000;
/** Wall bounds: generous, for loaded machines; the times are printed. */
const WALL_MS = 30_000;
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

/** `uri` shows exactly `expected`, by code and range. */
const showing = (expected: readonly PlacedFinding[]) => (diagnostics: Diagnostic[]) => sameFindings(diagnostics, expected);

/** utime + stime of a process in ms, from /proc (Linux); undefined elsewhere. */
function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5); index 0 here is field 3. Clock ticks of 10 ms (USER_HZ 100).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** VmRSS of a process in bytes, from /proc/<pid>/status. */
function rssOf(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function matches(text: string, d: Diagnostic, e: Expectation): boolean {
  if (d.code !== e.code || d.severity !== SEVERITY[e.severity] || !e.message.test(d.message)) return false;
  if (e.at !== undefined && JSON.stringify(d.range.start) !== JSON.stringify(positionAt(text, text.indexOf(e.at)))) return false;
  return true;
}

function describeDiagnostics(diagnostics: Diagnostic[]): string {
  return diagnostics.slice(0, 12).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message.slice(0, 140)}`).join('\n');
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('hostile input over the protocol', function () {
  this.timeout(120_000);
  const rows: string[] = [];
  const start = sessionsPerTest();

  after(function () {
    if (rows.length === 0) return;
    console.log('\n      case | first publish: wall ms (server CPU ms) | hover: wall ms | all findings: wall ms | diagnostics | first-publish limit finding');
    for (const row of rows) console.log(`      ${row}`);
  });

  for (const c of HOSTILE_CASES) {
    it(`${c.name}: the first publish without hanging (CPU measured), then hover, then the core's findings`, async function () {
      const text = c.text();
      const expected = coreFindings(text);
      const client = await start();
      const pid = client.child.pid!;
      const uri = `file:///work/hostile-${c.name.replace(/\W+/g, '-')}.yaml`;

      const cpu0 = cpuMsOf(pid);
      const t0 = performance.now();
      client.didOpen(uri, text);
      const first = await client.waitForDiagnostics(uri, (_, p) => p.version === 1, { timeoutMs: WALL_MS, what: 'its first publish' });
      const firstWall = performance.now() - t0;
      const cpu1 = cpuMsOf(pid);
      const firstCpu = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
      if (firstCpu !== undefined) assert.ok(firstCpu <= FIRST_ANSWER_CPU_MS, `the first publish took ${firstCpu} ms of server CPU`);
      // A design limit is said at once, in the first publish.
      const limitExpected = c.expect.filter((e) => e.limit);
      for (const e of limitExpected) {
        assert.ok(first.diagnostics.some((d) => matches(text, d, e)), `first publish lacks ${e.message}:\n${describeDiagnostics(first.diagnostics)}`);
      }

      // A hover is answered (while any remaining slices run).
      const at = c.expect[0].at !== undefined ? positionAt(text, text.indexOf(c.expect[0].at)) : positionAt(text, text.length >> 1);
      const h0 = performance.now();
      await client.request('textDocument/hover', { textDocument: { uri }, position: at }, WALL_MS);
      const hoverWall = performance.now() - h0;

      // The last publish carries everything the core finds, by code and range.
      const all = await client.waitForDiagnostics(uri, showing(expected), { timeoutMs: WALL_MS, what: `the core's ${expected.length} findings` });
      assert.equal(all.version, 1);
      const allWall = performance.now() - t0;
      for (const e of c.expect) {
        assert.ok(all.diagnostics.some((d) => matches(text, d, e)), `expected ${e.code} ${e.message}:\n${describeDiagnostics(all.diagnostics)}`);
      }
      if (c.never) assert.ok(!all.diagnostics.some((d) => c.never!.test(d.message)), `no diagnostic may say ${c.never}`);
      const limit = first.diagnostics.find((d) => (d.data as { limit?: string } | undefined)?.limit !== undefined);
      rows.push(`${c.name} | ${firstWall.toFixed(0)} (${firstCpu ?? '?'}) | ${hoverWall.toFixed(0)} | ${allWall.toFixed(0)} | ${all.diagnostics.length} | ${limit?.message ?? '-'}`);
    });
  }

  it('a file analysed in slices is published twice: after the first slice, and complete (one document a slice, on the test clock)', async function () {
    const text = tenMegabytesOfDocuments();
    // A clock that passes a whole slice at each reading: every slice is one YAML document,
    // on any machine. The same clock in this process says what the first slice holds.
    const tickMs = ANALYSIS_SLICE_MS + 1;
    const firstSlice = firstSliceFindings(text, sliceBudget(new ManualClock(tickMs)));
    const complete = coreFindings(text);
    assert.ok(firstSlice.pending > 0 && firstSlice.findings.length < complete.length, 'the file takes more than one slice');
    const client = await start({ initializationOptions: { testClock: { tickMs } } });
    const uri = 'file:///work/sliced.yaml';
    const since = client.mark();
    client.didOpen(uri, text);
    await client.waitForDiagnostics(uri, showing(complete), { since, timeoutMs: WALL_MS, what: 'the complete findings' });
    // Settled: a request behind every slice has been answered.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, WALL_MS);
    const publishes = client.publishes(uri, since);
    assert.deepEqual(publishes.map((p) => p.diagnostics.length), [firstSlice.findings.length, complete.length], 'two publishes: the first slice, then all');
    assert.deepEqual(keysOf(publishes[0].diagnostics), keysOf(firstSlice.findings), 'the first carries what the first slice found');
    assert.deepEqual(keysOf(publishes[1].diagnostics), keysOf(complete));
    assert.ok(firstSlice.findings.some((f) => f.code === 'yaml-syntax'), 'the limit finding is said in the first publish');
  });

  it('CRLF: the seed diagnostics have exactly the ranges of the LF file', async function () {
    const client = await start();
    client.didOpen('file:///work/lf.yaml', SEED);
    client.didOpen('file:///work/crlf.yaml', SEED.replace(/\n/g, '\r\n'));
    client.didOpen('file:///work/bom.yaml', '\uFEFF' + SEED);
    const seedOf = async (uri: string) => (await client.waitForDiagnostics(uri, showsSeedFindings, { what: 'the seed\'s known findings' })).diagnostics;
    const lf = await seedOf('file:///work/lf.yaml');
    const crlf = await seedOf('file:///work/crlf.yaml');
    const bom = await seedOf('file:///work/bom.yaml');
    const shape = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message }));
    assert.deepEqual(shape(crlf), shape(lf));
    // A client that sends the mark (VS Code strips it) sees the same ranges: none is on line 1.
    assert.deepEqual(shape(bom), shape(lf));
  });

  it('a burst of 3,000 didChange: only the last version is published; memory returns to its level', async function () {
    this.timeout(300_000);
    // The editor's debounce, on the server's test clock: it passes when the test says, after
    // the whole burst, so no stall of a loaded machine mid-burst can make an intermediate
    // version the current one for a moment.
    const client = await start({
      nodeArgs: ['--expose-gc'],
      env: { ...process.env, MCROUTES_DEBUG_GC: '1' },
      initializationOptions: { testClock: {} },
    });
    const pid = client.child.pid!;
    const uri = 'file:///work/burst.yaml';
    // 50 MachineConfigs (about 50 KB): each change edits the first one's Description.
    const text = Array.from({ length: 50 }, (_, i) => SEED.replace('worker-custom-route-configuration', `burst-${i}`)).join('---\n');
    const findings = coreFindings(text);
    client.didOpen(uri, text, 1);
    await client.waitForDiagnostics(uri, showing(findings), { timeoutMs: WALL_MS, what: 'the findings of the 50 configs' });
    const gc = () => client.request<{ heapUsed: number; rss: number }>('mcroutes/debug/gc', undefined, WALL_MS);

    const burst = async (firstVersion: number, count: number): Promise<number> => {
      const at = positionAt(text, text.indexOf('Description=nmcli-dev-modify') + 'Description='.length);
      const since = client.mark();
      for (let i = 0; i < count; i++) {
        // Insert a letter, then take it out again: the text ends as it began.
        const change = i % 2 === 0
          ? { range: { start: at, end: at }, text: 'x' }
          : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
        client.didChange(uri, firstVersion + i, change);
      }
      const last = firstVersion + count - 1;
      // The burst is over: the debounce may pass (however long the last analysis made it).
      await client.advanceClock(MAX_DEBOUNCE_MS);
      const published = await client.waitForVersion(uri, last, since);
      // Settled: a request behind every notification has been answered.
      await client.request('textDocument/hover', { textDocument: { uri }, position: at }, WALL_MS);
      const publishes = client.publishes(uri, since);
      assert.deepEqual(publishes.filter((p) => p.version !== last).map((p) => p.version), [], 'no publish for an intermediate version');
      assert.equal(publishes.length, 1, 'the last version is published once');
      assert.deepEqual(keysOf(published.diagnostics), keysOf(findings), 'the text ends as it began, and so do its findings');
      return last;
    };

    // One burst to warm up (code paths compiled, buffers at their working size), then measure.
    let version = await burst(2, 3000);
    const before = await gc();
    const rssBefore = rssOf(pid);
    const t0 = performance.now();
    version = await burst(version + 1, 3000);
    const burstMs = performance.now() - t0;
    const afterBurst = await gc();
    version = await burst(version + 1, 3000);
    const afterTwo = await gc();
    const rssAfter = rssOf(pid);
    console.log(`      burst of 3,000 didChange on ${text.length.toLocaleString('en-US')} characters: last version published after ${burstMs.toFixed(0)} ms;` +
      ` heap after gc ${mb(before.heapUsed)} before, ${mb(afterBurst.heapUsed)} after, ${mb(afterTwo.heapUsed)} after another;` +
      ` RSS ${rssBefore !== undefined ? mb(rssBefore) : '?'} before, ${rssAfter !== undefined ? mb(rssAfter) : '?'} after both`);
    // The heap returns to its level (a leak of even 1 KB per change would show 3 MB per burst).
    assert.ok(afterBurst.heapUsed - before.heapUsed < 2 * 1024 * 1024, `heap grew by ${mb(afterBurst.heapUsed - before.heapUsed)}`);
    assert.ok(afterTwo.heapUsed - before.heapUsed < 2 * 1024 * 1024, `heap grew by ${mb(afterTwo.heapUsed - before.heapUsed)} over two bursts`);
    if (rssBefore !== undefined && rssAfter !== undefined) {
      // RSS keeps freed pages for a while; it must not climb with every burst.
      assert.ok(rssAfter - rssBefore < 64 * 1024 * 1024, `RSS grew by ${mb(rssAfter - rssBefore)}`);
    }
  });
});
