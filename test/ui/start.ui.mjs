#!/usr/bin/env node
// `npm start` as a newcomer runs it: the output ends with one URL, the only URL printed,
// and that URL opens examples/ in VS Code with the extension active (the seed gets its
// squiggles). Ctrl-C (SIGINT) stops everything. Uses a profile folder of its own.
//
// Writes out/test-results/ui-start.json for scripts/test-all.mjs.
import { createSteps, expect, runUiTest, writeResults } from './harness.mjs';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, freePort } from '../launcher/code-server-launcher.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsFile = path.join(root, 'out', 'test-results', 'ui-start.json');
const STARTUP_TIMEOUT = 300_000;

async function main() {
  const started = Date.now();
  let page;
  const { test, tests } = createSteps({ shotPrefix: 'start-', notRunReason: 'an earlier step failed', page: () => page });
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcroutes-start-'));
  let child;
  let exited;
  let output = '';
  let browser;
  let url;
  try {
    console.log('npm start, as the README says');
    await test('npm start ends its output with one URL, the only one it prints', async () => {
      const port = await freePort();
      child = spawn('npm', ['start'], {
        cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PORT: String(port), MCROUTES_START_PROFILE: profileDir },
      });
      exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
      child.stdout.on('data', (chunk) => { output += chunk; });
      child.stderr.on('data', (chunk) => { output += chunk; });
      // The state to wait for: a URL on the last line of the output so far.
      const lastLine = () => output.trimEnd().split('\n').at(-1).trim();
      const until = Date.now() + STARTUP_TIMEOUT;
      while (!/^https?:\/\//.test(lastLine())) {
        const stillRunning = await Promise.race([exited.then(() => false), new Promise((r) => child.stdout.once('data', () => r(true)))]);
        expect(stillRunning, `npm start exited before printing its URL:\n${output}`);
        expect(Date.now() < until, `no URL after ${STARTUP_TIMEOUT / 1000} s:\n${output}`);
      }
      url = lastLine();
      const urls = output.match(/https?:\/\/\S+/g) ?? [];
      expect(urls.length === 1, `one URL in the output, not ${urls.length}:\n${output}`);
      expect(url.includes(`127.0.0.1:${port}`) && url.includes('folder=') && url.includes('extensionDevelopmentPath'), `the URL opens a folder with the extension: ${url}`);
    });

    await test('the URL opens examples/ with the extension active: the seed gets its squiggles', async () => {
      browser = await chromium.launchPersistentContext(path.join(profileDir, 'browser'), {
        executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1280, height: 900 },
      });
      page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(url, { timeout: STARTUP_TIMEOUT, waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: STARTUP_TIMEOUT });
      const seed = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seed-route.yaml' }).first();
      await seed.waitFor({ timeout: STARTUP_TIMEOUT });
      await seed.click();
      await page.locator('.monaco-editor .view-lines', { hasText: 'worker-custom-route-configuration' }).waitFor({ timeout: STARTUP_TIMEOUT });
      await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: STARTUP_TIMEOUT });
    });

    await test('Ctrl-C stops npm start and code-server', async () => {
      await browser.close();
      browser = undefined;
      process.kill(-child.pid, 'SIGINT');
      await exited;
      const log = path.join(profileDir, 'code-server.log');
      expect(fs.existsSync(log) && fs.statSync(log).size > 0, `code-server's lines went to ${log}`);
    });
  } finally {
    await browser?.close().catch(() => {});
    if (child && child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  }
  const { passed, failed, seconds } = writeResults(resultsFile, { tests, started, timings: {} });
  console.log(`  ${passed} passing, ${failed} failing (${seconds.toFixed(1)} s)`);
  return failed > 0 ? 1 : 0;
}

runUiTest('start.ui', resultsFile, main);
