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
  await page.locator('.tabs-container .tab', { hasText: 'nmcli-dev-modify.service (preview)' }).waitFor({ timeout: 30_000 });
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
