/** VS Code glue: start the language client and register the commands. */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CrashHandler } from './crashes';
import { registerPackagedFiles, SHOW_RULE_DOCS_COMMAND } from './packagedFiles';
import type { ClientInitializationOptions } from '../../server/src/protocol';
import { PREVIEW_SCHEME, registerPreview } from './preview';
import { POOL_SCHEME, registerPoolPreview } from './poolPreview';
import { PreviewLanguage } from './previewLanguage';
import { registerConvert } from './convert';
import { HANDLED_NOTIFICATIONS, registerSettingsStatus, type AssumptionsStatusView } from './settingsStatus';
import { runRouteWizard } from './wizard';
import { serverNodeFlags } from '../../server/src/serverProcess';

export const CLIENT_ID = 'mcroutes';
export const DISPLAY_NAME = 'MachineConfig Routes';

/** What `activate` returns; the extension tests use it. */
export interface McroutesApi {
  readonly client: LanguageClient;
  /** Messages shown to the user about the server stopping (client/src/crashes.ts), and their event. */
  readonly serverNotices: readonly string[];
  readonly onDidNotifyServer: vscode.Event<string>;
  /** The language status item of what the findings assume (client/src/settingsStatus.ts). */
  readonly assumptions: AssumptionsStatusView;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<McroutesApi> {
  const output = vscode.window.createOutputChannel(DISPLAY_NAME, { log: true });
  context.subscriptions.push(output);

  const crashes = new CrashHandler();
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverNodeFlags(os.availableParallelism(), process.versions.electron !== undefined) } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Settings: the server pulls `mcroutes` with workspace/configuration and registers
  // for workspace/didChangeConfiguration (section `mcroutes`) itself, so a change in
  // the editor reaches it without the deprecated `synchronize.configurationSection`.
  // YAML saved or changed outside the editor: the server's workspace index reads it again.
  const yamlWatcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,bu}');
  context.subscriptions.push(yamlWatcher);
  const clientOptions: LanguageClientOptions = {
    synchronize: { fileEvents: yamlWatcher },
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ],
    outputChannel: output,
    // Trace level comes from `mcroutes.trace.server` (the client id + `.trace.server`).
    traceOutputChannel: output,
    // A server that dies is restarted and the user told once (not the library's silent restart).
    errorHandler: crashes,
    // The server's custom notifications handled here (settingsStatus.ts: the Open Settings
    // button, settings changes), and rule ids linked to mcroutes.showRuleDocs (the docs packaged
    // in the extension): in the Problems panel as the diagnostic's code, in hovers as a link
    // only this command may run. VS Code's hover shows each diagnostic (message, linked code,
    // quick fixes) above the extension's: the server's hover leaves the findings out.
    initializationOptions: { notifications: HANDLED_NOTIFICATIONS, ruleDocsCommand: true, findingsInHover: false } satisfies ClientInitializationOptions,
    markdown: { isTrusted: { enabledCommands: [SHOW_RULE_DOCS_COMMAND] } },
  };
  const languageClient = new LanguageClient(CLIENT_ID, DISPLAY_NAME, serverOptions, clientOptions);
  client = languageClient;
  context.subscriptions.push(crashes, languageClient.onDidChangeState((event) => crashes.stateChanged(event.newState)));

  context.subscriptions.push(
    vscode.commands.registerCommand('mcroutes.restartServer', async () => {
      try {
        crashes.reset();
        await languageClient.restart();
        vscode.window.setStatusBarMessage(`${DISPLAY_NAME}: language server restarted`, 5000);
      } catch (error) {
        output.appendLine(`Restarting the language server failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        void vscode.window.showErrorMessage(`${DISPLAY_NAME}: the language server could not be restarted; see the "${DISPLAY_NAME}" output.`);
      }
    }),
    vscode.commands.registerCommand('mcroutes.newRoute', () => runRouteWizard(languageClient, output)),
  );
  const assumptions = registerSettingsStatus(languageClient, context.extension.id);
  const previewLanguage = new PreviewLanguage([PREVIEW_SCHEME, POOL_SCHEME]);
  context.subscriptions.push(previewLanguage, ...registerPreview(languageClient, previewLanguage), ...registerPoolPreview(languageClient, previewLanguage),
    ...registerConvert(languageClient), ...registerPackagedFiles(context, languageClient), ...assumptions.disposables);

  await languageClient.start();
  return { client: languageClient, serverNotices: crashes.notices, onDidNotifyServer: crashes.onDidNotify, assumptions: assumptions.view };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}
