#!/usr/bin/env node
// The packaged extension tested as installed: the .vsix from `npm run package` (built here
// when missing or older than the bundles) is installed with code-server's own
// `--install-extension` into a fresh extensions dir, and code-server is started WITHOUT
// extensionDevelopmentPath, on the examples/ folder. Through the UI, as a person would:
// the seed's warning squiggle, a hover on the route destination with its CIDR help, the
// command palette's MachineConfig Routes commands, Preview systemd Unit opening a tab
// with the unit text; the extension's details page with every README image loaded (the
// package carries them, as nothing may be downloaded) and its links to docs/rules.md
// working; and each walkthrough step's button doing what it says. Bundling and packaging mistakes (a missing file, a module left out of
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
import { anchorOf } from '../../scripts/package.mjs';
import { ROWS, TITLE, runCommand } from './quickInput.mjs';

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
  return ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'package.json', 'README.md', 'docs/rules.md'].every(
    (f) => fs.existsSync(path.join(root, f)) && fs.statSync(path.join(root, f)).mtimeMs <= built,
  );
}

const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
let details;

/** The first frame (webviews are nested frames) in which `locate(frame)` finds something. */
async function frameWith(page, locate) {
  const until = Date.now() + STEP_TIMEOUT;
  for (;;) {
    for (const frame of page.frames()) {
      if ((await locate(frame).count().catch(() => 0)) > 0) return frame;
    }
    if (Date.now() > until) throw new Error('no frame shows what was expected');
    await page.waitForEvent('framenavigated', { timeout: 1000 }).catch(() => {});
  }
}

/** Brings the walkthrough tab forward, opens the step and clicks its button. */
async function walkthroughButton(page, stepTitle, label) {
  await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first().click();
  const step = page.locator('.getting-started-step', { hasText: stepTitle }).first();
  await step.waitFor({ timeout: STEP_TIMEOUT });
  const button = step.locator('.monaco-button', { hasText: label }).first();
  // A click on the open step's text would land on whatever it shows there.
  if (!(await button.isVisible())) await step.locator('.step-title').first().click();
  await button.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  await button.click();
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
      for (const shipped of ['docs/rules.md', 'examples/seed-route.yaml']) {
        expect(fs.existsSync(path.join(dir, shipped)), `${shipped} is in the package`);
      }
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
    await test('the details page shows every README image, loaded from the package (no network)', async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-workbench').click();
      await page.keyboard.press('Control+Shift+X');
      const entry = page.locator('.extensions-viewlet .monaco-list-row', { hasText: manifest.displayName }).first();
      await entry.waitFor({ timeout: STEP_TIMEOUT });
      await entry.click();
      details = await frameWith(page, (f) => f.locator('h1', { hasText: 'MachineConfig Routes (mcroutes)' }));
      const wanted = (readme.match(/!\[[^\]]*\]\([^)]+\)/g) ?? []).length;
      expect(wanted >= 4, `README.md has its screenshots (${wanted})`);
      // Decoded images have their natural size; a blocked or missing one has 0.
      await details.waitForFunction((n) => document.images.length === n && [...document.images].every((i) => i.complete), wanted, { timeout: STEP_TIMEOUT });
      const images = await details.evaluate(() => [...document.images].map((i) => ({ alt: i.alt, width: i.naturalWidth })));
      const broken = images.filter((i) => i.width === 0);
      expect(broken.length === 0, `images not loaded: ${broken.map((i) => i.alt).join('; ')}`);
    });

    await test('a README link to docs/rules.md opens the rule\'s section in the details page', async () => {
      const link = readme.match(/\]\(docs\/rules\.md(?:#([a-z0-9-]+))?\)/);
      expect(link, 'README.md links to docs/rules.md');
      // The packaged README carries the docs after its own text (scripts/package.mjs).
      const target = link[1] ?? anchorOf('docs/rules.md');
      await details.locator(`a[href="#${target}"]`).first().click();
      await details.waitForFunction((id) => {
        const heading = document.getElementById(id);
        return heading !== null && Math.abs(heading.getBoundingClientRect().top) < innerHeight / 2;
      }, target, { timeout: STEP_TIMEOUT });
    });

    await test('the walkthrough opens; "Open the Example" opens an untitled copy of the example, which gets its findings', async () => {
      await page.locator('.tabs-container .tab', { hasText: manifest.displayName }).first().locator('.codicon-close').click();
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await page.keyboard.type(manifest.displayName);
      await page.locator(`${ROWS}.focused`, { hasText: 'Get started with MachineConfig Routes' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Enter');
      await walkthroughButton(page, 'Open an example', 'Open the Example');
      await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.monaco-editor .view-lines', { hasText: 'worker-custom-route-configuration' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: STEP_TIMEOUT });
    });

    await test('"Preview systemd Unit" from the walkthrough previews the example (the YAML editor used last)', async () => {
      await walkthroughButton(page, 'Preview the systemd unit', 'Preview systemd Unit');
      const preview = page.locator('.monaco-editor .view-lines', { hasText: 'ExecStart=' }).filter({ hasText: 'argv[0]' }).first();
      await preview.waitFor({ timeout: STEP_TIMEOUT });
      expect(await page.locator('.notifications-toasts .notification-toast', { hasText: 'open a MachineConfig' }).count() === 0, 'no "open a MachineConfig" notice');
    });

    await test('"Show Problems" from the walkthrough shows the example\'s findings in the Problems panel', async () => {
      await walkthroughButton(page, 'See the findings', 'Show Problems');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'unit-network-online' }).first().waitFor({ timeout: STEP_TIMEOUT });
    });

    await test('"Show Rule Documentation" opens the packaged docs/rules.md at the rule picked', async () => {
      await walkthroughButton(page, 'See the findings', 'Show Rule Documentation');
      await page.locator(ROWS, { hasText: 'yaml-syntax' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.type('route-host-bits');
      await page.locator(`${ROWS}.focused`, { hasText: 'route-host-bits' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'Preview rules.md' }).first().waitFor({ timeout: STEP_TIMEOUT });
      const docs = await frameWith(page, (f) => f.locator('#route-host-bits'));
      await docs.waitForFunction(() => {
        const heading = document.getElementById('route-host-bits');
        return heading !== null && Math.abs(heading.getBoundingClientRect().top) < innerHeight / 2;
      }, undefined, { timeout: STEP_TIMEOUT });
    });

    await test('"New Static Route…" from the walkthrough starts the wizard', async () => {
      await walkthroughButton(page, 'Add a route with the wizard', 'New Static Route…');
      await page.locator(TITLE, { hasText: 'New Static Route' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
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
