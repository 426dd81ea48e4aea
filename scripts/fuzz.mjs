// `npm run fuzz`: the core fuzzer (test/support/fuzz.ts) with a random seed and a longer
// budget than `npm test` gives it. Prints the seed first, so any run can be repeated.
//
//   npm run fuzz                              random seed, 5 minutes
//   npm run fuzz -- --seconds 60              another budget
//   npm run fuzz -- --seed 123 --input 42     one input again (and its file in out/fuzz-failures/)
//   npm run fuzz -- --seed 123 --inputs 5000  a given seed, up to 5000 inputs
//
// Exits 1 when an input broke an invariant.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const options = { seconds: 300, seed: undefined, input: undefined, inputs: Infinity, cpuMs: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--seconds') options.seconds = value();
    else if (flag === '--seed') options.seed = value();
    else if (flag === '--input') options.input = value();
    else if (flag === '--inputs') options.inputs = value();
    else if (flag === '--cpu-ms') options.cpuMs = value();
    else throw new Error(`unknown argument ${argv[i]} (--seconds N, --seed N, --input N, --inputs N, --cpu-ms N)`);
  }
  for (const [key, v] of Object.entries(options)) {
    if (v !== undefined && !(Number.isFinite(v) || v === Infinity) || v < 0) throw new Error(`--${key} needs a number`);
  }
  return options;
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`fuzz: ${error.message}`);
  process.exit(2);
}
const { runFuzzWatched, summarize } = require(path.join(root, 'out', 'test', 'support', 'fuzz.js'));
const seed = options.seed ?? (Math.random() * 2 ** 31) >>> 0;
console.log(`fuzz: seed ${seed} (repeat with: npm run fuzz -- --seed ${seed})`);
const report = await runFuzzWatched({
  hangMs: 30_000,
  seed,
  maxInputs: options.input !== undefined ? 1 : options.inputs,
  budgetMs: options.seconds * 1000,
  perInputCpuMs: options.cpuMs,
  only: options.input,
  failureDir: path.join(root, 'out', 'fuzz-failures'),
  log: (line) => console.log(line),
});
console.log(summarize(report));
process.exitCode = report.failures.length > 0 ? 1 : 0;
