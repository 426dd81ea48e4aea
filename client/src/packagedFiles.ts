/**
 * Commands that open files shipped inside the extension: the example MachineConfig (as an
 * untitled copy, so that editing it never changes the installed extension) and the rule
 * documentation (docs/rules.md in the Markdown preview, at the rule's section).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, SHOW_RULE_DOCS_COMMAND, type RuleIdsResult } from '../../server/src/protocol';

export { SHOW_RULE_DOCS_COMMAND };
export const OPEN_EXAMPLE_COMMAND = 'mcroutes.openExample';

export async function openExample(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', 'seed-route.yaml'));
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(document);
}

/**
 * `mcroutes.showRuleDocs [ruleId]`: without an id, the user picks one of the server's rule ids.
 * The server links rule ids to it (diagnostic codes in the Problems panel, hovers).
 */
export async function showRuleDocs(context: vscode.ExtensionContext, client: LanguageClient, ruleId?: unknown): Promise<boolean> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (id === undefined) {
    const known = await client.sendRequest<RuleIdsResult>(Methods.ruleIds).catch(() => undefined);
    id = await vscode.window.showQuickPick(known?.ids ?? [], { title: 'MachineConfig Routes: rule documentation', placeHolder: 'Rule id, e.g. route-host-bits' });
    if (id === undefined) return false;
  }
  // The Markdown preview scrolls to the heading the fragment names (## rule-id).
  const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md').with({ fragment: id });
  await vscode.commands.executeCommand('markdown.showPreview', docs);
  return true;
}

export function registerPackagedFiles(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, () => openExample(context)),
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, (ruleId?: unknown) => showRuleDocs(context, client, ruleId)),
  ];
}
