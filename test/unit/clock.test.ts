/**
 * The server's injectable clock (server/src/lsp/clock.ts): the debounce and the analysis
 * slices run on it, so a test decides when time passes instead of racing the machine.
 */
import * as assert from 'node:assert/strict';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { lintText } from '../../server/src/core/analysis/lint';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { ManualClock } from '../../server/src/lsp/clock';
import { ANALYSIS_SLICE_MS, Scheduler, sliceBudget } from '../../server/src/lsp/scheduler';
import { SEED } from '../support/seed';

/** Resolves on the next turn of the event loop (after timers of delay 0). */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('the manual clock (a test hook)', () => {
  it('stands still until advanced, then runs the due timers in the order they fall due', () => {
    const clock = new ManualClock();
    const ran: string[] = [];
    clock.setTimeout(() => ran.push('b at 20'), 20);
    clock.setTimeout(() => ran.push('a at 10'), 10);
    const dropped = clock.setTimeout(() => ran.push('dropped'), 15);
    clock.setTimeout(() => ran.push('c at 20, set later'), 20);
    clock.clearTimeout(dropped);
    assert.equal(clock.now(), 0);
    clock.advance(9);
    assert.deepEqual(ran, []);
    assert.equal(clock.waiting, 3);
    clock.advance(11);
    assert.deepEqual(ran, ['a at 10', 'b at 20', 'c at 20, set later']);
    assert.equal(clock.now(), 20);
    assert.equal(clock.waiting, 0);
  });

  it('runs a timer that a timer sets, when it falls due within the same advance', () => {
    const clock = new ManualClock();
    const ran: number[] = [];
    clock.setTimeout(() => {
      ran.push(clock.now());
      clock.setTimeout(() => ran.push(clock.now()), 5);
    }, 5);
    clock.advance(10);
    assert.deepEqual(ran, [5, 10]);
  });

  it('moves by tickMs at every reading', () => {
    const clock = new ManualClock(7);
    assert.deepEqual([clock.now(), clock.now(), clock.now()], [0, 7, 14]);
  });

  it('a delay of 0 is the next turn of the event loop, as with the system clock', async () => {
    const clock = new ManualClock();
    let ran = false;
    clock.setTimeout(() => (ran = true), 0);
    assert.equal(clock.waiting, 0);
    await nextTurn();
    assert.equal(ran, true);
  });
});

describe('the scheduler on a manual clock', () => {
  it('debounces: each edit restarts the delay, and only the last one runs, once the delay has passed', () => {
    const clock = new ManualClock();
    const runs: string[] = [];
    const delay = 200;
    const scheduler = new Scheduler((uri) => runs.push(uri), (_, error) => assert.fail(String(error)), clock);
    for (let i = 0; i < 100; i++) {
      scheduler.schedule('file:///a.yaml', delay);
      clock.advance(delay - 1);
    }
    assert.deepEqual(runs, []);
    clock.advance(1);
    assert.deepEqual(runs, ['file:///a.yaml']);
    scheduler.schedule('file:///a.yaml', delay);
    scheduler.cancel('file:///a.yaml');
    scheduler.schedule('file:///b.yaml', delay);
    scheduler.dispose();
    clock.advance(delay);
    assert.deepEqual(runs, ['file:///a.yaml'], 'nothing runs after cancel or dispose');
  });
});

describe('analysis slices on an injected clock', () => {
  const copies = 4;
  const text = Array.from({ length: copies }, (_, i) => SEED.replace('worker-custom-route-configuration', `slice-${i}`)).join('---\n');

  it('a clock that passes a whole slice at each reading gives one YAML document per slice, whatever the machine', () => {
    const clock = new ManualClock(ANALYSIS_SLICE_MS + 1);
    const linter = new IncrementalLinter();
    const pending: (number | undefined)[] = [];
    let result: ReturnType<IncrementalLinter['lint']>;
    do {
      result = linter.lint(text, DEFAULT_SETTINGS, sliceBudget(clock));
      pending.push(result.pending);
    } while (result.pending);
    assert.deepEqual(pending, [3, 2, 1, undefined]);
    assert.deepEqual(result.problems, lintText(text, DEFAULT_SETTINGS).problems, 'the slices add up to the whole analysis');
  });

  it('a clock that stands still gives the whole file in one slice', () => {
    const result = new IncrementalLinter().lint(text, DEFAULT_SETTINGS, sliceBudget(new ManualClock()));
    assert.equal(result.pending, undefined);
    assert.deepEqual(result.problems, lintText(text, DEFAULT_SETTINGS).problems);
  });
});
