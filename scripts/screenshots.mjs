// Takes the README's screenshots from the real VS Code (code-server) with this build:
// `npm run build && node scripts/screenshots.mjs` writes docs/images/*.png.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  chromiumArgs, chromiumPath, codeServerEnv, freePort, prepareProfile, startCodeServer, waitForHealthz, workbenchUrl,
} from '../test/launcher/code-server-launcher.mjs';
import { button, runCommand, typeAnswer, waitForMessage, waitForTitle, waitForValue } from '../test/ui/quickInput.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const images = path.join(root, 'docs', 'images');
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-shots-'));
const browserDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-shots-browser-'));

prepareProfile(profileDir, { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'window.commandCenter': false });
const baseSettings = fs.readFileSync(path.join(profileDir, 'ud', 'User', 'settings.json'), 'utf8');
const port = await freePort();
const server = startCodeServer({ port, profileDir, env: codeServerEnv(), removeProfileIfOrphaned: true });
let browser;
try {
  await waitForHealthz(port, { exited: server.exited });
  browser = await chromium.launchPersistentContext(browserDir, {
    executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1280, height: 760 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(workbenchUrl(port, { folder: path.join(root, 'examples'), extensionDevelopmentPaths: [root] }));
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60_000 });

  // Open the seed the way a person does: Quick Open, type the name, Enter.
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await page.keyboard.type('seed-route.yaml');
  await page.waitForSelector('.quick-input-list .monaco-list-row');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60_000 });

  // Hover the underlined networkd to show the finding as the user reads it.
  const word = page.locator('.monaco-editor .view-line span', { hasText: /^networkd$/ }).first();
  await word.hover();
  await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover .marker', { timeout: 20_000 });
  fs.mkdirSync(images, { recursive: true });
  await page.screenshot({ path: path.join(images, 'diagnostics.png') });
  console.log(`wrote ${path.relative(root, path.join(images, 'diagnostics.png'))}`);

  await shootWizard(page);

  await shootHighlighting(page);

  await shootNmstate(page);

  await shootStatus(page);

  // The unit preview beside the seed: cursor in the unit, then the command from the palette, as a person does it.
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.keyboard.press('Control+B'); // the side bar away: room for both editors
  await page.locator('.monaco-editor .view-line', { hasText: 'ExecStart=' }).first().click();
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await page.keyboard.type('MachineConfig Routes: Preview systemd Unit');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preview systemd Unit' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: 'Preview: nmcli-dev-modify.service' }).waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-line', { hasText: 'proto static metric 100' }).first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(images, 'preview.png') });
  console.log(`wrote ${path.relative(root, path.join(images, 'preview.png'))}`);
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
  fs.rmSync(browserDir, { recursive: true, force: true });
  fs.rmSync(profileDir, { recursive: true, force: true });
}

/**
 * docs/images/highlight.png: the seed's unit as the injection grammar colours it, zoomed in
 * (a larger editor font, the shot cut to the unit's lines), no hover. Fails if the unit's
 * lines are not in several colours, i.e. if the grammar did not apply in the real editor.
 */
async function shootHighlighting(page) {
  const settings = JSON.parse(baseSettings);
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await page.setViewportSize({ width: 1600, height: 900 });
  await editUserSettings(page, { ...settings, 'editor.fontSize': 19, 'editor.lineHeight': 28, 'editor.renderLineHighlight': 'none', 'editor.codeLens': false, 'editor.stickyScroll.enabled': false });
  // The cursor to the empty last line: the unit in view, the cursor out of the shot.
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await page.keyboard.type('35');
  await page.keyboard.press('Enter');
  const first = page.locator('.monaco-editor .view-line', { hasText: '- contents: |' }).first();
  const last = page.locator('.monaco-editor .view-line', { hasText: 'name: nmcli-dev-modify.service' }).first();
  await first.waitFor();
  await last.waitFor();

  const colours = await page.evaluate(() => {
    const seen = new Set();
    for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
      const text = line.textContent ?? '';
      if (!/\[(Unit|Service|Install)\]|=/.test(text) || /^\s*-?\s*\w+:/.test(text)) continue;
      for (const span of line.querySelectorAll('span > span')) {
        if (span.textContent?.trim()) seen.add(getComputedStyle(span).color);
      }
    }
    return [...seen];
  });
  if (colours.length < 4) throw new Error(`the unit's lines show ${colours.length} colour(s) (${colours.join(', ')}): the injection grammar did not apply`);

  const editor = await page.locator('.monaco-editor').first().boundingBox();
  const top = await first.boundingBox();
  const bottom = await last.boundingBox();
  const right = await page.evaluate(() => {
    let max = 0;
    for (const span of document.querySelectorAll('.monaco-editor .view-line span > span')) {
      max = Math.max(max, span.getBoundingClientRect().right);
    }
    return max;
  });
  const clip = { x: editor.x, y: top.y, width: Math.min(right + 40, editor.x + editor.width) - editor.x, height: bottom.y + bottom.height - top.y };
  await page.screenshot({ path: path.join(images, 'highlight.png'), clip });
  console.log(`wrote ${path.relative(root, path.join(images, 'highlight.png'))} (${colours.length} colours in the unit)`);

  await editUserSettings(page, settings);
}

/** Replaces the user settings the way a person does: the settings JSON editor, then save and close. */
async function editUserSettings(page, settings) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await page.keyboard.type('Preferences: Open User Settings (JSON)');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open User Settings (JSON)' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).waitFor({ timeout: 30_000 });
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(JSON.stringify(settings, null, 2));
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'settings.json' }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+W');
  await page.locator('.tabs-container .tab.active', { hasText: 'seed-route.yaml' }).waitFor({ timeout: 30_000 });
}

/**
 * docs/images/wizard.png: "New Static Route" mid-way, as a person meets it: the command
 * from the palette, the proposals taken with Enter, then a destination with host bits set,
 * told its network and offered it. Esc at the end leaves nothing behind.
 */
async function shootWizard(page) {
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await runCommand(page, 'MachineConfig Routes: New Static Route');
  await waitForTitle(page, 'New Static Route (1/10)');
  await page.keyboard.press('Enter'); // worker
  await waitForValue(page, '99-worker-static-routes');
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'New Static Route (3/10)');
  await page.keyboard.press('Enter'); // nmcli unit
  await waitForValue(page, 'br-ex');
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'New Static Route (5/10)');
  await typeAnswer(page, '192.168.1.5/24');
  await waitForMessage(page, ['host bits', 'Press Enter to use 192.168.1.0/24']);
  await button(page, 'Use 192.168.1.0/24').waitFor();
  await page.screenshot({ path: path.join(images, 'wizard.png') });
  console.log(`wrote ${path.relative(root, path.join(images, 'wizard.png'))}`);
  await page.keyboard.press('Escape');
}

/**
 * docs/images/nmstate.png: examples/nncp-route.yaml, an NMState policy, with the hover on the
 * destination written with host bits: the finding, and the route's own help.
 */
async function shootNmstate(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await page.keyboard.type('nncp-route.yaml');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'nncp-route.yaml' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: 'nncp-route.yaml' }).waitFor({ timeout: 30_000 });
  await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60_000 });
  // The YAML grammar may cut the address into several tokens: hover the line's token that holds its start.
  const line = page.locator('.monaco-editor .view-line', { hasText: '192.168.60.5/24' }).first();
  await line.locator('span span', { hasText: /192/ }).first().hover();
  await page.locator('.monaco-hover:not(.hidden)', { hasText: 'ip route' }).first().waitFor({ timeout: 20_000 });
  await page.screenshot({ path: path.join(images, 'nmstate.png') });
  console.log(`wrote ${path.relative(root, path.join(images, 'nmstate.png'))}`);
  await page.keyboard.press('Escape');
  // Back to the seed for the shots that follow.
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget .quick-input-box input');
  await page.keyboard.type('seed-route.yaml');
  // seed-route.bu matches too: click the row of the YAML file.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'seed-route.yaml' }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'seed-route.yaml' }).waitFor({ timeout: 30_000 });
}

/**
 * docs/images/status.png: the language status item of the seed opened, the cluster the
 * findings assume and its Open Settings link, cut to the status bar's corner.
 */
async function shootStatus(page) {
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await page.locator('.tabs-container .tab', { hasText: 'seed-route.yaml' }).first().click();
  const item = page.locator('[id="status.languageStatus"]');
  await item.waitFor({ timeout: 30_000 });
  await item.click();
  const popup = page.locator('.hover-language-status', { hasText: 'network type' }).first();
  await popup.waitFor({ timeout: 30_000 });
  // The pop-up fades in and is placed after it is measured: wait until nothing animates.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 30_000 });
  const view = page.viewportSize();
  const box = await page.locator('.monaco-hover', { has: popup }).first().boundingBox();
  const x = Math.max(0, Math.min(box.x, view.width - 560) - 20);
  const y = Math.max(0, box.y - 20);
  await page.screenshot({ path: path.join(images, 'status.png'), clip: { x, y, width: view.width - x, height: view.height - y } });
  console.log(`wrote ${path.relative(root, path.join(images, 'status.png'))}`);
  await page.keyboard.press('Escape');
  await popup.waitFor({ state: 'hidden', timeout: 30_000 });
}
