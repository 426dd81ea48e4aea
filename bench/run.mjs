// `npm run bench`: one table of timings from one run, ratios computed within the run.
// Budgets (DESIGN.md) are judged here, never in unit tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { longMachineConfig, machineConfigWithRoutes, manyButaneConfigs, manyDocuments, manyPolicies } from './generate.mjs';
import { ms, once, paired, time } from './stats.mjs';
import { comparisonRows, serverRows } from './server.mjs';
import { poolRows } from './pool.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const core = (name) => require(path.join(root, 'out', 'server', 'src', 'core', name));
const { parseAllDocuments } = require('yaml');
const { lintText, parseText } = core('analysis/lint.js');
const { DEFAULT_SETTINGS } = core('text/settings.js');
const optional = (name) => (fs.existsSync(path.join(root, 'out', 'server', 'src', 'core', `${name}.js`)) ? core(`${name}.js`) : undefined);
const hover = optional('ide/hover');
const completion = optional('ide/completion');

const rows = [];
const row = (what, value, note = '') => rows.push([what, value, note]);

const inputs = [
  ['seed', fs.readFileSync(path.join(root, 'test', 'fixtures', 'seed-route.yaml'), 'utf8')],
  ['1,000 routes', machineConfigWithRoutes(1000)],
  ['500 documents', manyDocuments(500)],
  ['500 NMState policies', manyPolicies(500)],
  ['500 Butane configs', manyButaneConfigs(500)],
];

/** The budgets of the validation rows (DESIGN.md, issue 21), by input. */
const validationBudgets = {
  seed: 'budget 5 ms',
  '1,000 routes': 'budget 5 ms',
  '500 documents': 'budget 1.3×',
};

for (const [name, text] of inputs) {
  const lines = text.split('\n').length;
  const cold = once(() => lintText(text, DEFAULT_SETTINGS));
  const [floor, warm] = paired(
    () => parseAllDocuments(text, { version: '1.1', keepSourceTokens: true }),
    () => lintText(text, DEFAULT_SETTINGS),
    { runs: name === 'seed' ? 1000 : 15 },
  );
  row(`${name} (${lines} lines): yaml parse alone p50`, ms(floor.p50), 'the floor');
  row(`${name}: full validation cold`, ms(cold), 'first run in the process');
  const budget = validationBudgets[name] ? `; ${validationBudgets[name]}` : '';
  row(`${name}: full validation warm p50`, ms(warm.p50), `${(warm.p50 / floor.p50).toFixed(2)}× the floor${budget}`);
}

const long = longMachineConfig(5000);
const parsed = parseText(long);
const positions = [];
for (const needle of ['Wants=', 'oneshot', '172.18.0.1', '10.0.7.0/24', 'br-ex', 'version', 'role']) {
  const at = long.lastIndexOf(needle);
  if (at >= 0) positions.push(at + 1);
}
if (hover?.hoverAt) {
  let i = 0;
  const t = time(() => hover.hoverAt(parsed, positions[i++ % positions.length], DEFAULT_SETTINGS), { runs: 200 });
  row(`hover, cached parse of ${long.split('\n').length} lines`, `${ms(t.p50)} p50 / ${ms(t.p95)} p95`, 'budget 10 ms');
} else row('hover on a cached parse', '-', 'hoverAt not built yet');
if (completion?.completionsAt) {
  let i = 0;
  const t = time(() => completion.completionsAt(parsed, positions[i++ % positions.length], DEFAULT_SETTINGS, { knownRoles: [] }), { runs: 200 });
  row(`completion, cached parse of ${long.split('\n').length} lines`, `${ms(t.p50)} p50 / ${ms(t.p95)} p95`, 'budget 10 ms');
} else row('completion on a cached parse', '-', 'completionsAt not built yet');

for (const r of await serverRows(root, inputs)) rows.push(r);
for (const r of await comparisonRows(root, inputs)) rows.push(r);
for (const r of await poolRows(root)) rows.push(r);

// The command line in CI: `mcroutes lint DIR` over 1,000 small MachineConfigs, one process,
// start-up included.
{
  const { spawnSync } = await import('node:child_process');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-bench-cli-'));
  try {
    for (let i = 0; i < 1000; i++) {
      fs.mkdirSync(path.join(dir, `pool${i % 10}`), { recursive: true });
      fs.writeFileSync(path.join(dir, `pool${i % 10}`, `mc-${i}.yaml`), machineConfigWithRoutes(3, `99-worker-routes-${i}`));
    }
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'lint', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 256 << 20 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status === 2 || result.error) row('mcroutes lint, 1,000 files', '-', `failed: ${result.error ?? result.stderr.split('\n')[0]}`);
    else row('mcroutes lint, 1,000 files (one process)', `${Math.round(1000 / seconds)} files/s`, `${ms(seconds * 1000)} in all, start-up included`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The packaged extension, as `npm run package` makes it.
{
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);
  if (result.status !== 0 || !fs.existsSync(vsix)) row('packaged .vsix', '-', `npm run package failed: ${(result.stderr || result.stdout).trim().split('\n').pop()}`);
  else row('packaged .vsix (client and server bundled)', `${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`, 'budget 1 MB');
}

const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
console.log(`mcroutes bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [what, value, note] of rows) console.log(`${what.padEnd(width)}  ${value.padStart(valueWidth)}  ${note}`);
