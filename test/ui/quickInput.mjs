// Driving VS Code's quick input (command palette, the route wizard) in code-server the way
// a person does: keys and clicks, waiting on what the workbench shows, never on time.
// Used by test/ui/wizard.ui.mjs and scripts/screenshots.mjs. Selectors observed on
// VS Code 1.100.3 (shared/notes/REAL-VSCODE.md "Driving the UI itself").

export const WIDGET = '.quick-input-widget';
export const TITLE = `${WIDGET} .quick-input-title`;
export const INPUT = `${WIDGET} .quick-input-box input`;
export const MESSAGE = `${WIDGET} .quick-input-message`;
export const ROWS = `${WIDGET} .quick-input-list .monaco-list-row`;
const TIMEOUT = 30_000;

/** F1, the command's title, Enter on the row that shows it. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator(INPUT);
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  // Wait for the palette to have filtered down to the command (its row focused), then run it.
  await page.locator(`${ROWS}.focused`, { hasText: title }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
}

/** Waits until the quick input's title reads exactly `text` (e.g. "New Static Route (5/10)"). */
export async function waitForTitle(page, text, timeout = TIMEOUT) {
  await page.waitForFunction(
    ([selector, expected]) => {
      const title = document.querySelector(selector);
      return title !== null && title.textContent === expected && title.offsetParent !== null;
    },
    [TITLE, text],
    { timeout },
  );
}

export async function title(page) {
  return (await page.locator(TITLE).textContent()) ?? '';
}

/** The input box's current value. */
export async function inputValue(page) {
  return page.locator(INPUT).inputValue();
}

/** Waits until the input box holds `value`. */
export async function waitForValue(page, value, timeout = TIMEOUT) {
  await page.waitForFunction(([selector, expected]) => document.querySelector(selector)?.value === expected, [INPUT, value], { timeout });
}

/** Replaces the input box's text by typing, as a person does (select all, type). */
export async function typeAnswer(page, text) {
  await page.locator(INPUT).focus();
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
}

/** Waits until the validation message shows and contains every one of `parts`; returns its text. */
export async function waitForMessage(page, parts, timeout = TIMEOUT) {
  await page.waitForFunction(
    ([selector, needles]) => {
      const message = document.querySelector(selector);
      if (!message || message.style.display === 'none') return false;
      const text = message.textContent ?? '';
      return needles.every((needle) => text.includes(needle));
    },
    [MESSAGE, parts],
    { timeout },
  );
  return (await page.locator(MESSAGE).textContent()) ?? '';
}

/** Whether the input box is marked as in error (red border: a refused value). */
export async function inputInError(page) {
  return page.locator(`${WIDGET} .monaco-inputbox.error`).isVisible();
}

/** The labels of the pick list's visible rows, in order. */
export async function rowLabels(page) {
  await page.locator(ROWS).first().waitFor({ timeout: TIMEOUT });
  // A row's first label is the item's label; description and detail follow in their own labels.
  return page.$$eval(ROWS, (rows) => rows.map((row) => row.querySelector('.label-name')?.textContent ?? ''));
}

/** The label of the row Enter would take. */
export async function focusedRow(page) {
  return (await page.locator(`${ROWS}.focused .label-name`).first().textContent()) ?? '';
}

/** A title-bar button of the quick input, by its tooltip (aria-label). */
export function button(page, label) {
  return page.locator(`${WIDGET} .quick-input-titlebar .action-label[aria-label^="${label}"]`);
}

/** Waits until the quick input is closed. */
export async function waitForClosed(page, timeout = TIMEOUT) {
  await page.waitForFunction((selector) => {
    const widget = document.querySelector(selector);
    return !widget || widget.style.display === 'none' || widget.offsetParent === null;
  }, WIDGET, { timeout });
}
