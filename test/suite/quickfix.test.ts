import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { coreFindings } from '../support/coreFindings';
import { codeOf, diagnosticsWhen, seedPerSuite, seedShown, showing } from '../support/editor';

describe('quick fixes in the editor', () => {
  // The fix is an unsaved edit: reverted after the test, and the seed's findings back.
  const seed = seedPerSuite();
  let document: vscode.TextDocument;
  beforeEach(() => (document = seed()));

  it('the light bulb on After=network-online.target adds Wants= with the unit\'s indentation', async () => {
    const before = await diagnosticsWhen(document.uri, seedShown, 'the seed\'s known findings');
    const finding = before.find((d) => codeOf(d) === 'unit-network-online')!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value,
    );
    const add = actions.find((a) => /Wants=network-online\.target/.test(a.title));
    assert.ok(add?.edit, `a quick fix adding Wants=; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(add.edit));

    // The state of the fixed text: what the core finds in it, by code and range.
    const after = await diagnosticsWhen(document.uri, showing(coreFindings(document.getText())), 'the findings of the fixed text');
    assert.ok(!after.some((x) => codeOf(x) === 'unit-network-online'));
    assert.deepEqual(after.map((d) => codeOf(d)).sort(), before.filter((d) => d !== finding).map((d) => codeOf(d)).sort());
    const line = document.lineAt(finding.range.start.line).text;
    assert.equal(line, '             Wants=network-online.target');
    assert.equal(document.lineAt(finding.range.start.line + 1).text, '             After=network-online.target');
  });

  it('the light bulb offers Suppress and Fix all; Suppress writes the comment above the line and the squiggle goes', async () => {
    const before = await diagnosticsWhen(document.uri, seedShown, 'the seed\'s known findings');
    const finding = before.find((d) => codeOf(d) === 'unit-network-online')!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /^Fix all safe problems \(\d+\)$/.test(t)), `Fix all in the light bulb; got ${titles.join(' | ')}`);
    const suppress = actions.find((a) => a.title === 'Suppress unit-network-online on this line');
    assert.ok(suppress?.edit, `a suppression; got ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(suppress.edit));

    const after = await diagnosticsWhen(document.uri, showing(coreFindings(document.getText())), 'the findings of the suppressed text');
    assert.ok(!after.some((x) => codeOf(x) === 'unit-network-online' || codeOf(x) === 'unused-suppression'));
    assert.deepEqual(after.map((d) => codeOf(d)).sort(), before.filter((d) => d !== finding).map((d) => codeOf(d)).sort());
    assert.equal(document.lineAt(finding.range.start.line).text, '             # mcroutes-disable-next-line unit-network-online');
    assert.equal(document.lineAt(finding.range.start.line + 1).text, '             After=network-online.target');
  });
});
