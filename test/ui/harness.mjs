// The small test harness the UI tests share: steps that stop after the first failure (the UI
// is then in an unknown state), a screenshot of the failure, and the results file that
// scripts/test-all.mjs adds to the extension level's counts.
import * as fs from 'node:fs';
import * as path from 'node:path';

const shotsDir = process.env.MCROUTES_UI_SHOTS;

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * `test(name, body)` runs one step; after a failure the remaining steps are recorded as not
 * run. `page()` gives the browser page for the failure screenshot (MCROUTES_UI_SHOTS=dir).
 */
export function createSteps({ shotPrefix, notRunReason, page }) {
  const tests = [];
  let stopAfterFailure = false;
  const test = async (name, body) => {
    const t0 = Date.now();
    if (stopAfterFailure) {
      tests.push({ name, ok: false, ms: 0, error: `not run: ${notRunReason}` });
      console.log(`  - ${name} (not run)`);
      return;
    }
    try {
      await body();
      tests.push({ name, ok: true, ms: Date.now() - t0 });
      console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
    } catch (error) {
      tests.push({ name, ok: false, ms: Date.now() - t0, error: error?.stack ?? String(error) });
      console.log(`  ✗ ${name} (${Date.now() - t0} ms)\n${String(error?.message ?? error).replace(/^/gm, '      ')}`);
      stopAfterFailure = true;
      const current = page();
      if (shotsDir && current) {
        fs.mkdirSync(shotsDir, { recursive: true });
        await current.screenshot({ path: path.join(shotsDir, `${shotPrefix}${tests.length}-failure.png`) }).catch(() => {});
      }
    }
  };
  return { test, tests };
}

/** Writes the counts for test-all and returns them. */
export function writeResults(resultsFile, { tests, started, timings }) {
  const passed = tests.filter((t) => t.ok).length;
  const failed = tests.length - passed;
  const seconds = (Date.now() - started) / 1000;
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed, seconds, timings, tests }, null, 2) + '\n');
  return { passed, failed, seconds };
}

/** `1.2 s` for a duration in ms (0 when the step never got there). */
export const secondsText = (ms) => `${((ms ?? 0) / 1000).toFixed(1)} s`;

/** Runs a UI test's main(); a crash outside the steps still leaves a results file saying so. */
export function runUiTest(name, resultsFile, main) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`${name}: ${error?.stack ?? error}`);
      fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
      fs.writeFileSync(resultsFile, JSON.stringify({ passed: 0, failed: 1, error: String(error?.stack ?? error) }, null, 2) + '\n');
      process.exit(1);
    },
  );
}
