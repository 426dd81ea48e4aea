#!/usr/bin/env node
// The packaged extension tested as installed: the .vsix from `npm run package` (built here
// when missing or older than the bundles) is installed with code-server's own
// `--install-extension` into a fresh extensions dir, and code-server is started WITHOUT
// extensionDevelopmentPath, on the examples/ folder. Through the UI, as a person would:
// the seed's warning squiggle, a hover on the route destination with its CIDR help, the
// command palette's MachineConfig Routes commands, and Preview systemd Unit opening a tab
// with the unit text. Bundling and packaging mistakes (a missing file, a module left out of
// the bundle, a wrong path in the manifest) show up only here.
//
// Writes out/test-results/ui-installed.json ({ passed, failed, seconds, tests }) for
// scripts/test-all.mjs; exits 1 when a test failed. Needs scripts/install-test-editor.sh.
// MCROUTES_UI_SHOTS=<dir> saves a screenshot of each failure.
import { createSteps, expect, runUiTest, secondsText, writeResults } from './harness.mjs';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  chromiumArgs, chromiumPath, codeServerEntry, codeServerEnv, freePort, prepareProfile, startCodeServer, waitForHealthz, workbenchUrl,
} from '../launcher/code-server-launcher.mjs';
import { ROWS, runCommand } from './quickInput.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsFile = path.join(root, 'out', 'test-results', 'ui-installed.json');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);
const extensionId = `${manifest.publisher}.${manifest.name}`;
/** Bounds for a loaded machine: only a failure waits this long; every wait is on an event. */
const STARTUP_TIMEOUT = 180_000;
const STEP_TIMEOUT = 60_000;

function packageIsCurrent() {
  if (!fs.existsSync(vsix)) return false;
  const built = fs.statSync(vsix).mtimeMs;
  return ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'package.json'].every(
    (f) => fs.existsSync(path.join(root, f)) && fs.statSync(path.join(root, f)).mtimeMs <= built,
  );
}

async function main() {
  const started = Date.now();
  let page;
  const { test, tests } = createSteps({ shotPrefix: 'installed-', notRunReason: 'an earlier step failed', page: () => page });


  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-installed-'));
  const browserDir = path.join(profileDir, 'browser');
  prepareProfile(profileDir, { 'editor.minimap.enabled': false, 'editor.hover.delay': 100 });
  let server;
  let browser;
  const timings = {};
  try {
    console.log('the installed .vsix in the real VS Code (code-server)');
    await test(`npm run package made ${path.relative(root, vsix)}, and code-server --install-extension installs it`, async () => {
      if (!packageIsCurrent()) {
        const result = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8' });
        expect(result.status === 0, `npm run package exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
      }
      timings.package = Date.now() - started;
      const result = spawnSync(process.execPath, [
        codeServerEntry, '--install-extension', vsix,
        '--extensions-dir', path.join(profileDir, 'ext'), '--user-data-dir', path.join(profileDir, 'ud'),
        '--config', path.join(profileDir, 'config.yaml'),
      ], { encoding: 'utf8', env: codeServerEnv() });
      expect(result.status === 0, `--install-extension exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
      const installed = fs.readdirSync(path.join(profileDir, 'ext')).filter((name) => name.startsWith(`${extensionId}-`));
      expect(installed.length === 1, `one ${extensionId} in the extensions dir: ${fs.readdirSync(path.join(profileDir, 'ext')).join(', ')}`);
      const dir = path.join(profileDir, 'ext', installed[0]);
      expect(!fs.lstatSync(dir).isSymbolicLink(), 'the installed extension is a copy, not a link to the source tree');
      expect(fs.readdirSync(path.join(dir, 'dist')).sort().join(' ') === 'cli.js client.js server.js', `dist/ holds the three bundles only: ${fs.readdirSync(path.join(dir, 'dist')).join(', ')}`);
      expect(!fs.existsSync(path.join(dir, 'node_modules')), 'no node_modules installed');
      timings.installed = Date.now() - started;
    });

    await test('code-server without extensionDevelopmentPath opens examples/; the seed shows a warning squiggle', async () => {
      const port = await freePort();
      server = startCodeServer({ port, profileDir, env: codeServerEnv(), removeProfileIfOrphaned: true });
      await waitForHealthz(port, { exited: server.exited, timeoutMs: 120_000 });
      browser = await chromium.launchPersistentContext(browserDir, {
        executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1280, height: 900 },
      });
      page = browser.pages()[0] ?? (await browser.newPage());
      const url = workbenchUrl(port, { folder: path.join(root, 'examples') });
      expect(!url.includes('extensionDevelopmentPath'), `no development path in ${url}`);
      await page.goto(url, { timeout: STARTUP_TIMEOUT, waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: STARTUP_TIMEOUT });
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget .quick-input-box input').waitFor();
      await page.keyboard.type('seed-route.yaml');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines', { hasText: 'worker-custom-route-configuration' }).waitFor({ timeout: STARTUP_TIMEOUT });
      await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: STARTUP_TIMEOUT });
      timings.squiggle = Date.now() - started;
    });

    await test('a hover on the route destination 192.168.1.0/24 shows its CIDR help (netmask 255.255.255.0)', async () => {
      const line = page.locator('.monaco-editor .view-line', { hasText: '+ipv4.routes' }).first();
      await line.waitFor({ timeout: STEP_TIMEOUT });
      const hover = page.locator('.monaco-hover', { hasText: '255.255.255.0' }).first();
      // The lines can still move when the mouse gets there (the "Preview unit" code lens
      // arrives after the squiggles and pushes them down): measure again and hover again
      // until the hover shows or the step's time is up.
      const until = Date.now() + STEP_TIMEOUT;
      for (let shown = false; !shown;) {
        const span = line.locator('span span', { hasText: '192.168.1.0' }).last();
        const box = await span.boundingBox();
        expect(box, 'the destination is on screen');
        // A few characters into the token: inside the address whatever the span covers.
        const text = (await span.textContent()) ?? '';
        const offset = Math.max(0, text.indexOf('192.168.1.0')) + 3;
        await page.mouse.move(box.x + (box.width * offset) / Math.max(1, text.length), box.y + box.height / 2);
        shown = await hover.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
        if (!shown && Date.now() > until) throw new Error(`no hover with 255.255.255.0 within ${STEP_TIMEOUT} ms`);
        if (!shown) await page.mouse.move(5, 5);
      }
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    });

    await test('the command palette lists "MachineConfig Routes: New Static Route…" and "…Preview systemd Unit"', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      await input.fill('>MachineConfig Routes');
      await page.locator(ROWS, { hasText: 'Preview systemd Unit' }).first().waitFor({ timeout: STEP_TIMEOUT });
      const labels = await page.locator(`${ROWS} .quick-input-list-entry .label-name`).allTextContents()
        .then((l) => (l.length ? l : page.locator(ROWS).allTextContents()));
      const all = labels.join(' | ');
      expect(all.includes('MachineConfig Routes: New Static Route…'), `the palette rows: ${all}`);
      expect(all.includes('MachineConfig Routes: Preview systemd Unit'), `the palette rows: ${all}`);
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    });

    await test('Preview systemd Unit opens a tab with the unit text', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      await runCommand(page, 'MachineConfig Routes: Preview systemd Unit');
      await page.locator('.tabs-container .tab', { hasText: 'preview' }).first().waitFor({ timeout: STEP_TIMEOUT });
      // The preview's editor: the unit text and its ExecStart split into argv (the YAML has no argv).
      const preview = page.locator('.monaco-editor .view-lines', { hasText: 'ExecStart=' }).filter({ hasText: 'argv[0]' }).first();
      await preview.waitFor({ timeout: STEP_TIMEOUT });
      const text = await preview.textContent();
      expect(/\[Unit\]/.test(text) && /\[Service\]/.test(text) && /nmcli/.test(text), `the unit text: ${text}`);
      timings.preview = Date.now() - started;
    });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  }

  const { passed, failed, seconds } = writeResults(resultsFile, { tests, started, timings });
  const s = secondsText;
  console.log(`  ${passed} passing, ${failed} failing (${seconds.toFixed(1)} s: package ${s(timings.package)}, installed ${s(timings.installed)}, squiggle ${s(timings.squiggle)}, preview ${s(timings.preview)})`);
  return failed > 0 ? 1 : 0;
}

runUiTest('installed.ui', resultsFile, main);
