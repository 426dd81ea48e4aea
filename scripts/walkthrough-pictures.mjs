// Writes the pictures of the "Get started" walkthrough, media/*.svg, as
// test/support/walkthroughPictures.ts draws them from the product (the example, its findings,
// the wizard's verdict, the unit preview). Run `npx tsc -b` first. `--check` exits 1 when a
// file differs (a unit test checks the same).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = path.join(root, 'out', 'test', 'support', 'walkthroughPictures.js');
if (!fs.existsSync(compiled)) {
  console.error(`walkthrough-pictures: ${path.relative(root, compiled)} is missing: run \`npx tsc -b\` first`);
  process.exit(2);
}
const { walkthroughPictures } = require(compiled);

const check = process.argv.includes('--check');
let stale = false;
for (const { file, svg } of await walkthroughPictures()) {
  const target = path.join(root, file);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (check) {
    if (current !== svg) {
      console.error(`${file} is not what test/support/walkthroughPictures.ts draws: run \`node scripts/walkthrough-pictures.mjs\``);
      stale = true;
    }
  } else if (current !== svg) {
    fs.writeFileSync(target, svg);
    console.log(`wrote ${file} (${svg.length} bytes)`);
  }
}
if (stale) process.exit(1);
