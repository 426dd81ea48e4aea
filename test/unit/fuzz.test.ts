/**
 * The core under mutated fixtures (test/support/fuzz.ts): no exception escapes, every
 * range lies inside its document, every fix applies cleanly, incremental and full
 * analysis agree, and no input takes more than PER_INPUT_CPU_MS of CPU. A fixed seed, so
 * `npm test` is reproducible; `npm run fuzz` explores with random seeds for longer.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO_ROOT, runFuzzWatched, summarize } from '../support/fuzz';

/** The seed of `npm test`; a failure prints how to reproduce its input alone. */
const SEED = 20260901;
/** Wall time for the whole run, and a count: whichever ends it first. */
const BUDGET_MS = 25_000;
const MAX_INPUTS = 4000;
/** CPU time one input may take through the whole core (typical: tens of ms). */
const PER_INPUT_CPU_MS = 2000;
/** Wall time after which an input counts as hung (the run is stopped there). */
const HANG_MS = 30_000;

describe('fuzz: the whole core on mutated fixtures', function () {
  this.timeout(BUDGET_MS + 60_000);

  it(`keeps its invariants on every input (seed ${SEED}, about ${BUDGET_MS / 1000} s)`, async function () {
    const report = await runFuzzWatched({
      hangMs: HANG_MS,
      seed: SEED,
      maxInputs: MAX_INPUTS,
      budgetMs: BUDGET_MS,
      perInputCpuMs: PER_INPUT_CPU_MS,
      failureDir: path.join(REPO_ROOT, 'out', 'fuzz-failures'),
      log: (line) => console.log(`      ${line}`),
    });
    console.log(summarize(report).replace(/^/gm, '      '));
    assert.ok(report.inputs >= 100, `only ${report.inputs} inputs ran in the budget`);
    assert.equal(report.failures.length, 0, `${report.failures.length} inputs broke an invariant:\n${summarize(report)}`);
  });
});
