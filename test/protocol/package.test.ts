/**
 * The packaged extension: `npm run package` makes dist/mcroutes-<version>.vsix. The test
 * reuses that file when it is newer than the bundles and the manifest, and otherwise runs
 * `npm run package`; then it lists the zip's entries from its central directory and checks
 * what went in (bundles, grammars, manifest, README, CHANGELOG, LICENSE, icon,
 * walkthrough media and the pictures they show, the rule documentation and the example) and what did not (node_modules, sources, tests, source maps), and the size.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/lspClient';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string; icon: string; bin: Record<string, string>;
  contributes: { walkthroughs: { steps: { id: string; media: { markdown?: string } }[] }[] };
};
const VSIX = path.join(REPO_ROOT, 'dist', `mcroutes-${manifest.version}.vsix`);
const STEP_MARKDOWN = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((step) => step.media.markdown).filter((m): m is string => m !== undefined));
const INPUTS = ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'package.json', '.vscodeignore', 'README.md', 'docs/rules.md', 'examples/seed-route.yaml',
  ...STEP_MARKDOWN, ...STEP_MARKDOWN.flatMap(stepImages)];

/** The images a walkthrough step's Markdown shows, as paths in the package (relative to the Markdown's directory, as VS Code resolves them). */
function stepImages(markdown: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, markdown), 'utf8');
  return [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(markdown), m[1])));
}

/** Entry names from a zip's central directory (end record → directory → one header per file). */
export function zipEntries(zip: Buffer): string[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory header at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function upToDate(): boolean {
  if (!existsSync(VSIX)) return false;
  const built = statSync(VSIX).mtimeMs;
  return INPUTS.every((file) => existsSync(path.join(REPO_ROOT, file)) && statSync(path.join(REPO_ROOT, file)).mtimeMs <= built);
}

describe('packaged extension (.vsix)', function () {
  this.timeout(300_000); // `npm run package` bundles and zips; slow on a loaded machine
  let entries: string[];
  let size: number;

  before(function () {
    if (!upToDate()) {
      const result = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(result.status, 0, `npm run package failed:\n${result.stdout}\n${result.stderr}`);
    }
    const zip = readFileSync(VSIX);
    size = zip.length;
    entries = zipEntries(zip).filter((name) => !name.endsWith('/'));
  });

  it('is under 1 MB', function () {
    assert.ok(size < 1_000_000, `${VSIX} is ${size} bytes`);
  });

  it('holds the bundles, grammars, manifest, docs, icon and walkthrough media', function () {
    for (const want of [
      'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
      'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js',
      `extension/${manifest.icon}`, 'extension/syntaxes/mcroutes-unit.injection.tmLanguage.json',
      'extension/syntaxes/mcroutes-preview.tmLanguage.json', 'extension/media/findings.md',
      'extension/docs/rules.md', 'extension/examples/seed-route.yaml',
    ]) {
      assert.ok(entries.includes(want), `${want} is missing from the vsix: ${entries.join(', ')}`);
    }
  });

  it('every walkthrough step shows a picture, and the picture is in the package', function () {
    assert.ok(STEP_MARKDOWN.length >= 4, `the walkthrough's steps: ${STEP_MARKDOWN.join(', ')}`);
    for (const markdown of STEP_MARKDOWN) {
      const images = stepImages(markdown);
      assert.ok(images.length > 0, `${markdown} shows no image`);
      for (const image of images) {
        assert.ok(existsSync(path.join(REPO_ROOT, image)), `${markdown}: ${image} does not exist`);
        assert.ok(entries.includes(`extension/${image}`), `${markdown}: ${image} is missing from the vsix`);
      }
    }
  });

  it('holds nothing else: no node_modules, sources, tests or source maps', function () {
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/(client|server|cli)\.js|images\/icon\.png|syntaxes\/[^/]+\.json|media\/[^/]+\.(md|svg)|docs\/rules\.md|examples\/seed-route\.yaml))$/;
    const unexpected = entries.filter((name) => !allowed.test(name));
    assert.deepEqual(unexpected, []);
    for (const name of entries) {
      assert.ok(!/node_modules|\.map$|\.ts$|(^|\/)(test|src|out)\//.test(name), `${name} should not be packaged`);
    }
  });

  it('ships both bin entries as bundled scripts with a shebang', function () {
    assert.deepEqual(manifest.bin, { mcroutes: './dist/cli.js', 'mcroutes-language-server': './dist/server.js' });
    for (const file of Object.values(manifest.bin)) {
      assert.ok(readFileSync(path.join(REPO_ROOT, file), 'utf8').startsWith('#!/usr/bin/env node\n'), `${file} has no shebang`);
    }
  });
});
