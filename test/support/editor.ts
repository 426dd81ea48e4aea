/**
 * The extension suite's kit (test/suite, inside VS Code): waits for a state of the editor —
 * a document's mcroutes diagnostics, a document's text, anything an event announces — on
 * events, never on time; and puts the seed back as a test found it, waiting until the
 * server has caught up, so the next test starts from the seed's known findings.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { keysOf, SEED_FINDINGS, showsSeedFindings, type PlacedFinding } from './seed';

/** How long a wait for a state may take: long, for a busy machine; waits end on the event. */
export const WAIT_MS = 60_000;

export const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

/** The document's diagnostics from this extension's server. */
export const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mcroutes');

/** Diagnostics by code and range, to compare with the seed's known findings or the core's. */
export function placedOf(diagnostics: readonly vscode.Diagnostic[]): PlacedFinding[] {
  return diagnostics.map((d) => ({
    code: codeOf(d),
    range: {
      start: { line: d.range.start.line, character: d.range.start.character },
      end: { line: d.range.end.line, character: d.range.end.character },
    },
  }));
}

/** `16:4-16:12 Warning ign-unknown-key` */
export function show(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d)}`;
}

/** The seed's known findings as `show` writes them, sorted. */
export const SEED_SHOWN = SEED_FINDINGS.map((f) => {
  const severity = { error: 'Error', warning: 'Warning', info: 'Information', hint: 'Hint' }[f.severity];
  return `${f.line - 1}:${f.column - 1}-${f.line - 1}:${f.column - 1 + f.text.length} ${severity} ${f.code}`;
}).sort();

/** The diagnostics show the seed's known findings, by code and range. */
export const seedShown = (diagnostics: readonly vscode.Diagnostic[]): boolean => showsSeedFindings(placedOf(diagnostics));

/** `promise`, or a failure naming `what` after `ms`. */
export function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))),
  ]);
}

/** The next value of `event` that `accept` takes. */
export function next<T>(event: vscode.Event<T>, accept: (value: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((value) => {
      if (!accept(value)) return;
      subscription.dispose();
      resolve(value);
    });
  });
}

/**
 * Resolves once `check` holds: now, or after one of `event`'s events. On a timeout the
 * failure names `what` and, if given, what `state()` says then.
 */
export function when<T>(event: vscode.Event<T>, check: () => boolean, what: string, state?: () => string, ms = WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}${state ? `; now: ${state()}` : ''}`));
    }, ms);
    const subscription = event(() => {
      if (!check()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** The document's mcroutes diagnostics, once `accept` holds for them. */
export async function diagnosticsWhen(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, what: string, ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  await when(vscode.languages.onDidChangeDiagnostics, () => accept(ours(uri)), what, () => JSON.stringify(ours(uri).map(show)), ms);
  return ours(uri);
}

/** The document shows exactly `expected`, by code and range. */
export function showing(expected: readonly PlacedFinding[]): (d: vscode.Diagnostic[]) => boolean {
  const keys = keysOf(expected).join('\n');
  return (d) => keysOf(placedOf(d)).join('\n') === keys;
}

/** The document's text, once `accept` holds for it. */
export async function textWhen(document: vscode.TextDocument, accept: (text: string) => boolean, what: string): Promise<string> {
  await when(vscode.workspace.onDidChangeTextDocument, () => accept(document.getText()), what, () => `\n${document.getText()}`);
  return document.getText();
}

/** seed-route.yaml of the suite's workspace (a copy of the seed). */
export async function seedUri(): Promise<vscode.Uri> {
  const [uri] = await vscode.workspace.findFiles('seed-route.yaml');
  assert.ok(uri, 'the workspace holds seed-route.yaml');
  return uri;
}

/** Opens the seed in an editor and waits until it shows its known findings. */
export async function openSeed(column?: vscode.ViewColumn): Promise<vscode.TextDocument> {
  const seed = await vscode.workspace.openTextDocument(await seedUri());
  await vscode.window.showTextDocument(seed, column);
  assert.equal(seed.languageId, 'yaml');
  await diagnosticsWhen(seed.uri, seedShown, 'the seed\'s known findings');
  return seed;
}

/**
 * The seed as the test found it: its edits reverted (never saved), and the server caught
 * up, the seed showing its known findings again. For afterEach.
 */
export async function restoreSeed(seed: vscode.TextDocument): Promise<void> {
  if (seed.isDirty) {
    await vscode.window.showTextDocument(seed);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  assert.equal(seed.isDirty, false, 'the seed\'s edits are reverted');
  await diagnosticsWhen(seed.uri, seedShown, 'the seed\'s known findings again');
}

/**
 * The seed for a whole `describe`: opened (its known findings shown) before the tests,
 * restored after each (restoreSeed), all editors closed after them. Call the result for it.
 */
export function seedPerSuite(): () => vscode.TextDocument {
  let seed: vscode.TextDocument | undefined;
  before(async () => {
    seed = await openSeed();
  });
  afterEach(async () => {
    if (seed) await restoreSeed(seed);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  return () => seed!;
}

/**
 * Closes the editor of an untitled `document` without saving, and waits until the server
 * has dropped it (its diagnostics are cleared).
 */
export async function closeUntitled(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await diagnosticsWhen(document.uri, (d) => d.length === 0, `the findings of ${document.uri.toString()} to be cleared`);
}
