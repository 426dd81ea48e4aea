#!/usr/bin/env node
// End to end in the real VS Code (code-server 4.100.3 in headless Chromium): the route
// wizard driven like a person drives it — F1, ">MachineConfig Routes: New Static Route",
// Enter, answers typed and Enter at each step — and the generated document checked
// character for character against `mcroutes new` with the same answers.
//
// The document's text is read the way a person would copy it (select all, copy; the
// browser's clipboard), not from the DOM, whose lines are virtualised and spaced with
// non-breaking spaces.
//
// Writes out/test-results/ui-wizard.json ({ passed, failed, seconds, tests }) for
// scripts/test-all.mjs; exits 1 when a test failed. Needs `npm run build` and
// scripts/install-test-editor.sh. MCROUTES_UI_SHOTS=<dir> saves a screenshot of each failure.
import { createSteps, expect, runUiTest, secondsText, writeResults } from './harness.mjs';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  chromiumArgs, chromiumPath, codeServerEnv, freePort, prepareProfile, startCodeServer, waitForHealthz, workbenchUrl,
} from '../launcher/code-server-launcher.mjs';
import {
  button, focusedRow, inputInError, inputValue, rowLabels, runCommand, title, typeAnswer, waitForClosed, waitForMessage,
  waitForTitle, waitForValue,
} from './quickInput.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsFile = path.join(root, 'out', 'test-results', 'ui-wizard.json');
const COMMAND = 'MachineConfig Routes: New Static Route';
const WIZARD = 'New Static Route';
/** Bounds for the workbench, the extension and its server to come up: generous, as a loaded machine needs it (only a failure waits this long). */
const STARTUP_TIMEOUT = 180_000;

/** `mcroutes new …` from the bundled CLI: what the wizard must produce for the same answers. */
function cli(...args) {
  const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'new', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mcroutes new ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

function expectEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}:\n--- expected\n${expected}\n--- actual\n${actual}\n---`);
  }
}

/** The active editor's whole text, copied as a person would (click, Ctrl+A, Ctrl+C). */
async function activeEditorText(page, startsWith) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text.startsWith(startsWith)) return text;
    if (Date.now() > deadline) throw new Error(`the clipboard did not receive the editor's text (it holds ${JSON.stringify(text.slice(0, 80))})`);
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  }
}

async function activeTabLabel(page) {
  return (await page.locator('.tabs-container .tab.active .label-name').first().textContent()) ?? '';
}

async function main() {
  const started = Date.now();
  let page;
  const { test, tests } = createSteps({ shotPrefix: '', notRunReason: 'an earlier step failed and the wizard is in an unknown state', page: () => page });


  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-ui-'));
  const browserDir = path.join(profileDir, 'browser');
  // The defaults the CLI uses too: any supported OpenShift release, OVN-Kubernetes.
  prepareProfile(profileDir, { 'editor.minimap.enabled': false, 'files.eol': '\n' });
  const port = await freePort();
  const server = startCodeServer({ port, profileDir, env: codeServerEnv(), removeProfileIfOrphaned: true });
  let browser;
  const timings = {};
  try {
    console.log('route wizard in the real VS Code (code-server)');
    await test('the workbench opens with the extension and the seed file shows its findings', async () => {
      await waitForHealthz(port, { exited: server.exited, timeoutMs: 120_000 });
      timings.codeServer = Date.now() - started;
      browser = await chromium.launchPersistentContext(browserDir, {
        executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1280, height: 900 },
      });
      await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
      page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(workbenchUrl(port, { folder: path.join(root, 'test', 'fixtures'), extensionDevelopmentPaths: [root] }));
      await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: STARTUP_TIMEOUT });
      timings.workbench = Date.now() - started;
      // Open the seed like a person (Quick Open); its squiggles say the extension and its server run.
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget .quick-input-box input').waitFor();
      await page.keyboard.type('seed-route.yaml');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines', { hasText: 'worker-custom-route-configuration' }).waitFor({ timeout: STARTUP_TIMEOUT });
      timings.seedOpen = Date.now() - started;
      await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: STARTUP_TIMEOUT });
      timings.workbenchReady = Date.now() - started;
    });

    const wizardStarted = Date.now();
    await test('F1 ">MachineConfig Routes: New Static Route" opens the wizard at step 1 of 10: worker, master or a custom pool', async () => {
      await runCommand(page, COMMAND);
      await waitForTitle(page, `${WIZARD} (1/10)`);
      const labels = await rowLabels(page);
      expectEqual(labels.join(' | '), 'worker | master | Custom pool…', 'the role choices');
      expectEqual(await focusedRow(page), 'worker', 'the proposed role');
      expect(!(await button(page, 'Back').isVisible()), 'the first step has no back button');
    });

    await test('worker proposes the name 99-worker-static-routes; the nmcli unit is the default method; br-ex is proposed on OVN-Kubernetes', async () => {
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (2/10)`);
      await waitForValue(page, '99-worker-static-routes');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (3/10)`);
      expectEqual((await rowLabels(page)).join(' | '), 'nmcli unit | NetworkManager keyfile | NMState policy', 'the methods');
      expectEqual(await focusedRow(page), 'nmcli unit', 'the default method');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (4/10)`);
      await waitForValue(page, 'br-ex');
    });

    await test('a name the API server refuses is refused with mc-name\'s message, and the back button keeps the answers', async () => {
      // Back from the interface to the method, and from the method to the name.
      await button(page, 'Back').click();
      await waitForTitle(page, `${WIZARD} (3/10)`);
      await button(page, 'Back').click();
      await waitForTitle(page, `${WIZARD} (2/10)`);
      await waitForValue(page, '99-worker-static-routes');
      await typeAnswer(page, 'Static Routes');
      const message = await waitForMessage(page, ['refused by the API server', 'static-routes']);
      expect(message.includes('Press Enter to use static-routes'), `the valid name is offered: ${message}`);
      // Enter puts the offered name in the box, a second Enter takes it; here the proposal is wanted back.
      await typeAnswer(page, '99-worker-static-routes');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (3/10)`);
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (4/10)`);
      await waitForValue(page, 'br-ex');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (5/10)`);
    });

    await test('a destination with host bits set is told its network and offered 192.168.1.0/24 (message, light bulb, Enter)', async () => {
      await typeAnswer(page, '192.168.1.5/24');
      const message = await waitForMessage(page, ['host bits', '192.168.1.0/24']);
      expect(message.includes('Press Enter to use 192.168.1.0/24'), `the message offers the network: ${message}`);
      expect(await inputInError(page), 'the value is marked as refused');
      await button(page, 'Use 192.168.1.0/24').waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await waitForValue(page, '192.168.1.0/24');
      expectEqual(await title(page), `${WIZARD} (5/10)`, 'still the destination step after Enter on a refused value');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (6/10)`);
    });

    await test('gateway 172.18.0.1 and metric 100, then "Add another route" or "Finish"', async () => {
      await typeAnswer(page, '172.18.0.1');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (7/10)`);
      await typeAnswer(page, '100');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (8/10)`);
      expectEqual((await rowLabels(page)).join(' | '), 'Add another route | Finish', 'the choices after a route');
    });

    await test('a second destination in the service network is refused with route-overlaps-cluster\'s reason', async () => {
      await page.keyboard.type('Add another');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Add another route' }).waitFor();
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (5/10)`);
      await waitForValue(page, '');
      await typeAnswer(page, '172.30.1.0/24');
      await waitForMessage(page, ['172.30.1.0/24 lies in the service network 172.30.0.0/16']);
      await page.keyboard.press('Enter');
      // Refused without a suggestion: Enter changes nothing and the step stays.
      await waitForMessage(page, ['service network']);
      expectEqual(await inputValue(page), '172.30.1.0/24', 'the refused value stays for the user to correct');
      expectEqual(await title(page), `${WIZARD} (5/10)`, 'still the destination step');
    });

    await test('an IPv6 route without metric, Finish, Ignition 3.4.0 (any supported release), "Open in a new editor"', async () => {
      await typeAnswer(page, 'fd00:1::/64');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (6/10)`);
      await typeAnswer(page, 'fd00::1');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (7/10)`);
      await page.keyboard.press('Enter'); // no metric
      await waitForTitle(page, `${WIZARD} (8/10)`);
      expectEqual(await focusedRow(page), 'Finish', 'Finish is proposed');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (9/10)`);
      expectEqual((await rowLabels(page)).join(' | '), '3.4.0 | 3.3.0 | 3.2.0 | 3.1.0 | 3.0.0', 'the Ignition specs any supported release accepts, newest first (never 3.5.0)');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (10/10)`);
      expectEqual((await rowLabels(page)).join(' | '), 'Open in a new editor | Insert at cursor', 'where the YAML goes (a YAML editor is active)');
      await page.keyboard.press('Enter');
      await waitForClosed(page);
    });

    let first = '';
    let firstTab = '';
    await test('the new untitled YAML document holds exactly what `mcroutes new` prints for the same answers', async () => {
      // An untitled editor is named after its first line.
      await page.locator('.tabs-container .tab.active', { hasText: '# Static routes' }).waitFor({ timeout: 20_000 });
      firstTab = await activeTabLabel(page);
      await page.locator('.statusbar-item', { hasText: /^YAML$/ }).first().waitFor();
      first = await activeEditorText(page, '# Static routes');
      expectEqual(first, cli('--route', '192.168.1.0/24,172.18.0.1,100', '--route', 'fd00:1::/64,fd00::1'), 'the generated document');
      timings.wizardToDocument = Date.now() - wizardStarted;
    });

    await test('Esc at a step closes the wizard and leaves nothing behind (no editor, no edit)', async () => {
      const tabsBefore = await page.locator('.tabs-container .tab').count();
      await runCommand(page, COMMAND);
      await waitForTitle(page, `${WIZARD} (1/10)`);
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (2/10)`);
      await page.keyboard.press('Escape');
      await waitForClosed(page);
      expectEqual(await page.locator('.tabs-container .tab').count(), tabsBefore, 'the number of editors');
      expectEqual(await activeTabLabel(page), firstTab, 'the active editor');
      expectEqual(await activeEditorText(page, '# Static routes'), first, 'the active document');
    });

    await test('an NMState policy for the master pool, inserted at the cursor after a --- separator (9 steps: no Ignition spec)', async () => {
      await page.keyboard.press('Control+End');
      await runCommand(page, COMMAND);
      await waitForTitle(page, `${WIZARD} (1/10)`);
      await page.keyboard.type('master');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'master' }).waitFor();
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (2/10)`);
      await waitForValue(page, '99-master-static-routes');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (3/10)`);
      await page.keyboard.type('NMState');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'NMState policy' }).waitFor();
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (4/9)`);
      // A policy is for a secondary NIC: nothing is proposed, br-ex never.
      await waitForValue(page, '');
      await typeAnswer(page, 'ens6');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (5/9)`);
      await typeAnswer(page, '192.168.10.0/24');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (6/9)`);
      await page.keyboard.press('Enter'); // on the link
      await waitForTitle(page, `${WIZARD} (7/9)`);
      await typeAnswer(page, '50');
      await page.keyboard.press('Enter');
      await waitForTitle(page, `${WIZARD} (8/9)`);
      await page.keyboard.press('Enter'); // Finish
      await waitForTitle(page, `${WIZARD} (9/9)`);
      await page.keyboard.type('Insert');
      await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Insert at cursor' }).waitFor();
      await page.keyboard.press('Enter');
      await waitForClosed(page);
      const policy = cli('--role', 'master', '--method', 'nmstate', '--interface', 'ens6', '--route', '192.168.10.0/24,,50');
      const expected = `${first}---\n${policy}`;
      const deadline = Date.now() + 10_000;
      let text = await activeEditorText(page, '# Static routes');
      while (text !== expected && Date.now() < deadline) text = await activeEditorText(page, '# Static routes');
      expectEqual(text, expected, 'the document after inserting at the cursor');
    });
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  }

  const { passed, failed, seconds } = writeResults(resultsFile, { tests, started, timings });
  const s = secondsText;
  console.log(`  ${passed} passing, ${failed} failing (${seconds.toFixed(1)} s: code-server ${s(timings.codeServer)}, workbench ${s(timings.workbench)}, seed open ${s(timings.seedOpen)}, its findings ${s(timings.workbenchReady)}; wizard to document ${s(timings.wizardToDocument)})`);
  return failed > 0 ? 1 : 0;
}

runUiTest('wizard.ui', resultsFile, main);
