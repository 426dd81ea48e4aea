#!/usr/bin/env node
// The editor experience of issue 20 in the real VS Code (code-server 4.100.3 in headless
// Chromium), driven like a person: on a copy of the seed, the route destination's hover
// shows its netmask and `ip route` line without scrolling; a squiggle's hover is a few
// lines with a documentation link that opens the rule's section; a rule code in the
// Problems panel opens the same; "Suppress … on this line" from the light bulb removes the
// finding; the language status item says which cluster the findings assume; a bad CIDR in
// the settings is named with an Open Settings button while the good entries stay in force;
// the unit preview is titled, highlighted and wrapped.
//
// Writes out/test-results/ui-editor.json for scripts/test-all.mjs; exits 1 when a test
// failed. Needs `npm run build` and scripts/install-test-editor.sh.
// MCROUTES_UI_SHOTS=<dir> saves a screenshot of each failure.
import { createSteps, expect, runUiTest, writeResults } from './harness.mjs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  chromiumArgs, chromiumPath, codeServerEnv, freePort, prepareProfile, startCodeServer, waitForHealthz, workbenchUrl,
} from '../launcher/code-server-launcher.mjs';
import { runCommand } from './quickInput.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsFile = path.join(root, 'out', 'test-results', 'ui-editor.json');
/** Bounds for a loaded machine: only a failure waits this long; every wait is on a state. */
const STARTUP_TIMEOUT = 180_000;
const STEP_TIMEOUT = 60_000;

const HOVER = '.monaco-hover:not(.hidden)';
const EDITOR = '.editor-group-container.active .monaco-editor';

/** A route inside the cluster network the test sets: its finding proves the good entry is in force. */
const OVERLAP_YAML = `apiVersion: machineconfiguration.openshift.io/v1
kind: MachineConfig
metadata:
  labels:
    machineconfiguration.openshift.io/role: worker
  name: 99-worker-overlap
spec:
  config:
    ignition:
      version: 3.2.0
    systemd:
      units:
      - name: overlap-route.service
        enabled: true
        contents: |
          [Unit]
          Wants=network-online.target
          After=network-online.target ovs-configuration.service

          [Service]
          Type=oneshot
          RemainAfterExit=yes
          ExecStart=/usr/bin/nmcli connection modify br-ex +ipv4.routes "10.200.5.0/24 10.0.0.1"

          [Install]
          WantedBy=multi-user.target
`;

/** Opens a file of the workspace as a person does: Quick Open, its name, Enter. */
async function quickOpen(page, name, textInIt) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget .quick-input-box input').waitFor();
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`${EDITOR} .view-lines`, { hasText: textInIt }).waitFor({ timeout: STARTUP_TIMEOUT });
}

/** The innermost rendered token of the active editor whose text is exactly `text`. */
function token(page, text) {
  return page.locator(`${EDITOR} .view-line span > span`, { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }).first();
}

/** Moves the mouse away and waits until no hover is shown, so that the next hover is a new one. */
async function closeHover(page) {
  await page.keyboard.press('Escape');
  await page.mouse.move(2, 2);
  await page.waitForFunction((sel) => !document.querySelector(sel), HOVER, { timeout: STEP_TIMEOUT }).catch(() => {});
}

/** Whether each of `texts` is rendered inside the hover's visible box (not scrolled away). */
async function visibleInHover(page, texts) {
  return page.evaluate(([sel, wanted]) => {
    const hover = document.querySelector(sel);
    if (!hover) return Object.fromEntries(wanted.map((t) => [t, false]));
    const box = hover.getBoundingClientRect();
    const result = {};
    for (const text of wanted) {
      result[text] = false;
      const walker = document.createTreeWalker(hover, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const r = range.getBoundingClientRect();
        if (r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1) result[text] = true;
      }
    }
    return result;
  }, [HOVER, texts]);
}

/** The rendered lines of the hover's text (its paragraphs, list items, code lines and rules). */
async function hoverLines(page) {
  return page.evaluate((sel) => {
    const hover = document.querySelector(sel);
    return hover ? hover.innerText.split('\n').map((l) => l.trim()).filter(Boolean) : [];
  }, HOVER);
}

/** Waits for the Markdown preview of rules.md showing the heading of `rule` near the top of its view. */
async function waitForRuleDocs(page, rule) {
  await page.locator('.tabs-container .tab.active', { hasText: 'rules.md' }).waitFor({ timeout: STEP_TIMEOUT });
  const until = Date.now() + STEP_TIMEOUT;
  for (;;) {
    for (const frame of page.frames()) {
      const top = await frame.evaluate((id) => {
        const heading = document.getElementById(id);
        return heading ? heading.getBoundingClientRect().top : undefined;
      }, rule).catch(() => undefined);
      if (top !== undefined && top >= -5 && top < 400) return;
    }
    if (Date.now() > until) throw new Error(`no Markdown preview shows the heading "${rule}" at the top`);
    await page.waitForEvent('framenavigated', { timeout: 500 }).catch(() => {});
  }
}

async function closeActiveEditor(page, label) {
  await page.keyboard.press('Control+W');
  await page.locator('.tabs-container .tab.active', { hasText: label }).waitFor({ state: 'detached', timeout: STEP_TIMEOUT }).catch(() => {});
}

async function squiggleCount(page, kind) {
  return page.locator(`${EDITOR} .squiggly-${kind}`).count();
}

async function main() {
  const started = Date.now();
  let page;
  const { test, tests } = createSteps({ shotPrefix: 'editor-', notRunReason: 'an earlier step failed', page: () => page });

  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-editor-'));
  const workspace = path.join(profileDir, 'workspace');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'seed-route.yaml'), path.join(workspace, 'seed-route.yaml'));
  fs.writeFileSync(path.join(workspace, 'overlap.yaml'), OVERLAP_YAML);
  const workspaceSettings = path.join(workspace, '.vscode', 'settings.json');
  fs.writeFileSync(workspaceSettings, '{}\n');
  prepareProfile(profileDir, { 'editor.minimap.enabled': false, 'files.eol': '\n', 'editor.hover.delay': 100 });
  const port = await freePort();
  const server = startCodeServer({ port, profileDir, env: codeServerEnv(), removeProfileIfOrphaned: true });
  let browser;
  try {
    console.log('the editor experience in the real VS Code (code-server)');
    await test('the workbench opens a copy of the seed with its findings', async () => {
      await waitForHealthz(port, { exited: server.exited, timeoutMs: 120_000 });
      browser = await chromium.launchPersistentContext(path.join(profileDir, 'browser'), {
        executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1280, height: 900 },
      });
      page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(workbenchUrl(port, { folder: workspace, extensionDevelopmentPaths: [root] }));
      await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: STARTUP_TIMEOUT });
      await quickOpen(page, 'seed-route.yaml', 'worker-custom-route-configuration');
      await page.waitForSelector(`${EDITOR} .squiggly-warning`, { timeout: STARTUP_TIMEOUT });
    });

    await test('a hover on the route destination shows its netmask and ip route line without scrolling', async () => {
      await token(page, '192.168.1.0').hover();
      await page.locator(HOVER, { hasText: '255.255.255.0' }).waitFor({ timeout: STEP_TIMEOUT });
      const seen = await visibleInHover(page, ['255.255.255.0', 'ip route']);
      expect(seen['255.255.255.0'] && seen['ip route'], `netmask and ip route line in view: ${JSON.stringify(seen)}\n${(await hoverLines(page)).join('\n')}`);
      await closeHover(page);
    });

    await test('a squiggle hover is at most about ten lines, and its documentation link opens the rule\'s section', async () => {
      await token(page, 'networkd').hover();
      const hover = page.locator(HOVER, { hasText: 'ign-unknown-key' });
      await hover.waitFor({ timeout: STEP_TIMEOUT });
      const lines = await hoverLines(page);
      expect(lines.length <= 10, `${lines.length} lines in the hover:\n${lines.join('\n')}`);
      // VS Code's own part of the hover: the sentence, the code linked by codeDescription, Quick Fix….
      const link = hover.locator('a', { hasText: 'ign-unknown-key' }).first();
      await link.click();
      await waitForRuleDocs(page, 'ign-unknown-key');
      await closeActiveEditor(page, 'rules.md');
      await page.locator('.tabs-container .tab.active', { hasText: 'seed-route.yaml' }).waitFor({ timeout: STEP_TIMEOUT });
    });

    await test('a click on a rule code in the Problems panel opens its documentation', async () => {
      await page.keyboard.press('Control+Shift+M');
      const code = page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'unit-network-online' }).first();
      await code.waitFor({ timeout: STEP_TIMEOUT });
      await code.click();
      await waitForRuleDocs(page, 'unit-network-online');
      await closeActiveEditor(page, 'rules.md');
      await page.keyboard.press('Control+J'); // the panel away again
      await page.locator('.tabs-container .tab.active', { hasText: 'seed-route.yaml' }).waitFor({ timeout: STEP_TIMEOUT });
    });

    await test('"Suppress unit-network-online on this line" from the light bulb removes that finding', async () => {
      const before = await squiggleCount(page, 'warning');
      await token(page, 'network-online.target').click();
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      await menu.waitFor({ timeout: STEP_TIMEOUT });
      const items = (await menu.locator('.action-list-item, .monaco-list-row').allInnerTexts()).map((t) => t.trim());
      expect(items.some((t) => /Fix all safe problems/.test(t)), `"Fix all safe problems" in the light bulb: ${JSON.stringify(items)}`);
      // Keys, as a person uses the menu (a click lands on the menu's pointer block first).
      const wanted = 'Suppress unit-network-online on this line';
      for (let i = 0; i < items.length && !(await menu.locator('.monaco-list-row.focused', { hasText: wanted }).count()); i++) {
        await page.keyboard.press('ArrowDown');
      }
      await menu.locator('.monaco-list-row.focused', { hasText: wanted }).waitFor({ timeout: STEP_TIMEOUT });
      await page.keyboard.press('Enter');
      await page.locator(`${EDITOR} .view-line`, { hasText: '# mcroutes-disable-next-line unit-network-online' }).waitFor({ timeout: STEP_TIMEOUT });
      await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n - 1, [`${EDITOR} .squiggly-warning`, before], { timeout: STEP_TIMEOUT });
      await page.keyboard.press('Control+Z');
      await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [`${EDITOR} .squiggly-warning`, before], { timeout: STEP_TIMEOUT });
    });

    await test('the language status item says which cluster the findings assume, each setting a row with its link, all in view', async () => {
      const item = page.locator('[id="status.languageStatus"]');
      await item.waitFor({ timeout: STEP_TIMEOUT });
      await item.click();
      const rows = page.locator('.hover-language-status');
      await rows.filter({ hasText: 'OVN-Kubernetes' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: STEP_TIMEOUT });
      const text = (await rows.allInnerTexts()).join('\n');
      for (const expected of ['network type', 'OpenShift release', '10.128.0.0/14', 'cluster network', '172.30.0.0/16', 'service network', '10.0.0.0/16']) {
        expect(text.includes(expected), `"${expected}" in the status pop-up:\n${text}`);
      }
      const links = rows.locator('a', { hasText: 'Open Settings' });
      expect(await links.count() >= 5, `an Open Settings link on each row:\n${text}`);
      const width = page.viewportSize().width;
      for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) {
        expect(box && box.x >= 0 && box.x + box.width <= width, `every link inside the window (${JSON.stringify(box)}, width ${width})`);
      }
      await page.keyboard.press('Escape');
      // Closed for good: a lingering pop-up would take the next step's clicks.
      await rows.first().waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
    });

    await test('a bad CIDR in the settings is named with an Open Settings button, and the good entry stays in force', async () => {
      await quickOpen(page, 'overlap.yaml', '99-worker-overlap');
      expect(await squiggleCount(page, 'error') === 0, 'no error before the setting names 10.200.0.0/16');
      fs.writeFileSync(workspaceSettings, JSON.stringify({ 'mcroutes.clusterNetwork': ['10.200.0.0/16', '10.300.0.0/33'] }, null, 2));
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: '10.300.0.0/33' }).first();
      await toast.waitFor({ timeout: STEP_TIMEOUT });
      const message = await toast.locator('.notification-list-item-message').innerText();
      expect(message.includes('mcroutes.clusterNetwork'), `the notice names the setting: ${message}`);
      await page.waitForSelector(`${EDITOR} .squiggly-error`, { timeout: STEP_TIMEOUT });
      // By keyboard: when a status row turns to a warning VS Code opens the status pop-up on its
      // own, which may lie over the toast and take a click.
      await toast.locator('.monaco-button', { hasText: 'Open Settings' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: 'Settings' }).waitFor({ timeout: STEP_TIMEOUT });
      await page.locator('.settings-editor .setting-item-contents', { hasText: 'Cluster Network' }).first().waitFor({ timeout: STEP_TIMEOUT });
      await closeActiveEditor(page, 'Settings');
      fs.writeFileSync(workspaceSettings, '{}\n');
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, `${EDITOR} .squiggly-error`, { timeout: STEP_TIMEOUT });
    });

    await test('the unit preview is titled, highlighted and wraps its long lines', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'seed-route.yaml' }).first().click();
      await page.locator(`${EDITOR} .view-lines`, { hasText: 'worker-custom-route-configuration' }).waitFor({ timeout: STEP_TIMEOUT });
      await token(page, 'ExecStart').click();
      await runCommand(page, 'MachineConfig Routes: Preview systemd Unit');
      const tab = page.locator('.tabs-container .tab.active', { hasText: 'Preview: nmcli-dev-modify.service' });
      await tab.waitFor({ timeout: STEP_TIMEOUT });
      // The preview opens beside the YAML, which keeps the focus: its editor is the one of the group with that tab.
      const preview = page.locator('.editor-group-container', { has: tab }).locator('.monaco-editor').first();
      await preview.locator('.view-line', { hasText: /Preview\sof\sunit\snmcli-dev-modify\.service/ }).first().waitFor({ timeout: STEP_TIMEOUT });
      await preview.locator('.view-line', { hasText: 'ExecStart=' }).first().waitFor({ timeout: STEP_TIMEOUT });
      // The text shows first, in one colour; the preview language's tokens follow: wait for them.
      const colourCount = () => preview.evaluate((editor) => {
        const seen = new Set();
        for (const span of editor.querySelectorAll('.view-line span > span')) {
          if (span.textContent.trim()) seen.add(getComputedStyle(span).color);
        }
        return seen.size;
      });
      let colours = await colourCount();
      for (const until = Date.now() + STEP_TIMEOUT; colours < 3 && Date.now() < until; colours = await colourCount()) {
        await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
      }
      expect(colours >= 3, `the preview is highlighted: ${colours} colour(s)`);
      // Wrapped: beside the YAML (half of 1280 px less the side bar) the ExecStart line, longer than
      // that, is cut into rows, the first of which ends before the line does.
      const isWrapped = () => preview.evaluate((editor) => {
        const rows = [...editor.querySelectorAll('.view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' '));
        const execRow = rows.find((r) => r.startsWith('ExecStart=nmcli'));
        return execRow !== undefined && !execRow.includes('172.18.0.1"') && rows.some((r) => r.trim().endsWith('172.18.0.1"'));
      });
      let wrapped = await isWrapped();
      for (const until = Date.now() + STEP_TIMEOUT; !wrapped && Date.now() < until; wrapped = await isWrapped()) {
        await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
      }
      const rows = await preview.evaluate((editor) => [...editor.querySelectorAll('.view-line')].map((l) => l.textContent.replace(/\u00a0/g, ' ')));
      expect(wrapped, `the ExecStart line wraps onto rows of its own: ${JSON.stringify(rows.filter((r) => r.includes("ExecStart") || r.includes("172.18")))}`);
    });
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  }
  const { passed, failed, seconds } = writeResults(resultsFile, { tests, started, timings: {} });
  console.log(`  ${passed} passing, ${failed} failing (${seconds.toFixed(1)} s)`);
  return failed > 0 ? 1 : 0;
}

runUiTest('editor.ui', resultsFile, main);
