// Draws images/icon.png (128×128): an inline SVG rendered by Debian's chromium via playwright-core.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="22" fill="#b91c1c"/>
  <path d="M28 96 C28 60 64 68 64 44 L64 30" stroke="#fff" stroke-width="9" fill="none" stroke-linecap="round"/>
  <path d="M64 44 C64 68 100 60 100 96" stroke="#fecaca" stroke-width="9" fill="none" stroke-linecap="round"/>
  <path d="M50 38 L64 22 L78 38" stroke="#fff" stroke-width="9" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="28" cy="100" r="9" fill="#fff"/><circle cx="100" cy="100" r="9" fill="#fecaca"/>
</svg>`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: path.join(root, 'images', 'icon.png'), omitBackground: true });
await browser.close();
