/**
 * "MachineConfig Routes: Preview Pool…": pick a role, then a read-only text document shows
 * what the pool's nodes get from all the MachineConfigs of the workspace together
 * (server/src/core/ide/poolPreview.ts). VS Code glue only: the roles and the text come from
 * the server (mcroutes/poolRoles, mcroutes/previewPool).
 *
 * The document is a virtual one of the scheme `mcroutes-pool`: `mcroutes-pool:/Preview: <role>
 * pool?role=<role>`, of the language `mcroutes-preview` (previewLanguage.ts). It is rendered
 * again each time the command opens it and when a YAML document changes while it is open.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { previewTitle, type PreviewLanguage } from './previewLanguage';
import { Methods, type PoolPreviewParams, type PoolPreviewResult, type PoolRolesResult } from '../../server/src/protocol';

export const POOL_SCHEME = 'mcroutes-pool';
export const POOL_COMMAND = 'mcroutes.previewPool';
const REFRESH_DELAY_MS = 300;

export function poolUri(role: string): vscode.Uri {
  return vscode.Uri.from({ scheme: POOL_SCHEME, path: `/${previewTitle(`${role} pool`)}`, query: new URLSearchParams({ role }).toString() });
}

class PoolProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const role = new URLSearchParams(uri.query).get('role');
    if (!role) return `MachineConfig Routes: ${uri.toString()} names no pool.\n`;
    const params: PoolPreviewParams = { role };
    try {
      const result = await this.client.sendRequest<PoolPreviewResult>(Methods.previewPool, params, token);
      return result.text;
    } catch (error) {
      return `MachineConfig Routes: the language server did not answer (${error instanceof Error ? error.message : String(error)}). Run the command again once it runs.\n`;
    }
  }

  refreshNow(): void {
    for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === POOL_SCHEME) this.changed.fire(document.uri);
  }

  refreshSoon(): void {
    if (!vscode.workspace.textDocuments.some((d) => d.uri.scheme === POOL_SCHEME)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refreshNow();
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

export function registerPoolPreview(client: LanguageClient, language: PreviewLanguage): vscode.Disposable[] {
  const provider = new PoolProvider(client);

  /** `mcroutes.previewPool [role]`: without a role, a pick of the roles the server knows (or one typed). Resolves with the preview's uri. */
  const command = async (roleArgument?: string): Promise<vscode.Uri | undefined> => {
    let role = typeof roleArgument === 'string' && roleArgument.trim() !== '' ? roleArgument.trim() : undefined;
    if (!role) {
      let known: PoolRolesResult;
      try {
        known = await client.sendRequest<PoolRolesResult>(Methods.poolRoles, {});
      } catch {
        known = { roles: [] };
      }
      role = await pickRole(known);
    }
    if (!role) return undefined;
    const uri = poolUri(role);
    const document = await language.apply(await vscode.workspace.openTextDocument(uri));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    provider.refreshNow();
    return uri;
  };

  return [
    provider,
    vscode.workspace.registerTextDocumentContentProvider(POOL_SCHEME, provider),
    vscode.commands.registerCommand(POOL_COMMAND, command),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.languageId === 'yaml' && event.contentChanges.length > 0) provider.refreshSoon();
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.languageId === 'yaml') provider.refreshSoon();
    }),
  ];
}

/** The roles as a quick pick; a role typed that is not in the list is taken too. */
async function pickRole(known: PoolRolesResult): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = 'MachineConfig Routes: Preview Pool';
  pick.placeholder = known.roles.length > 0 ? 'The role of the pool (or type one)' : 'No MachineConfig role in the workspace: type the role of the pool';
  const items: vscode.QuickPickItem[] = known.roles.map((role) => ({ label: role }));
  pick.items = items;
  if (known.bound) pick.title += ` (not every file read: ${known.bound})`;
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    pick.items = typed && !known.roles.includes(typed) ? [{ label: typed, description: 'typed' }, ...items] : items;
  });
  return new Promise((resolve) => {
    let chosen: string | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined);
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
