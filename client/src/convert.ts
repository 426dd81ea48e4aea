/**
 * "Convert to MachineConfig" and "Convert to Butane": the server translates the active
 * document (mcroutes/convert); the result opens in a new untitled YAML editor beside it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, type ConvertParams, type ConvertResult } from '../../server/src/protocol';

export const CONVERT_COMMANDS = {
  'mcroutes.convertToMachineConfig': { to: 'machineconfig', what: 'Butane config' },
  'mcroutes.convertToButane': { to: 'butane', what: 'MachineConfig' },
} as const;

export function registerConvert(client: LanguageClient): vscode.Disposable[] {
  return Object.entries(CONVERT_COMMANDS).map(([command, { to, what }]) =>
    vscode.commands.registerCommand(command, (uri?: vscode.Uri) => convert(client, to, what, uri)));
}

/** The new editor, or undefined when there was nothing to convert (the user is told why). */
async function convert(client: LanguageClient, to: ConvertParams['to'], what: string, uri?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'yaml') {
    void vscode.window.showInformationMessage(`Open a YAML ${what} to convert it.`);
    return undefined;
  }
  const params: ConvertParams = { uri: document.uri.toString(), to };
  const result = await client.sendRequest<ConvertResult | null>(Methods.convert, params);
  if (!result || result.translated === 0) {
    void vscode.window.showInformationMessage(result?.notes[0] ?? `No ${what} in this file to convert.`);
    return undefined;
  }
  const converted = await vscode.workspace.openTextDocument({ language: 'yaml', content: result.text });
  const editor = await vscode.window.showTextDocument(converted, { viewColumn: vscode.ViewColumn.Beside });
  if (result.notes.length > 0) {
    void vscode.window.showWarningMessage(`Not everything could be converted (${result.notes.length}): see the comments at the top.`);
  }
  return editor;
}
