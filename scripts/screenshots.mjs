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
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
  fs.rmSync(browserDir, { recursive: true, force: true });
  fs.rmSync(profileDir, { recursive: true, force: true });
}
