/**
 * What the findings assume about the cluster, at a glance and one click from the settings:
 * a language status item (the `{}` of the status bar) for the YAML documents the server
 * reads, filled from mcroutes/assumptions; and the "Open Settings" button of the server's
 * notices about setting values that are not valid (mcroutes/openSettings).
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { Methods, type AssumptionsParams, type AssumptionsResult, type OpenSettingsParams } from '../../server/src/protocol';

export const STATUS_ITEM_ID = 'mcroutes.assumptions';
/** The server's custom notifications this module handles: InitializationOptions.notifications. */
export const HANDLED_NOTIFICATIONS: string[] = [Methods.openSettings, Methods.settingsChanged];
/** How long the text of the active document rests before its kind is asked again (it may have become one the server reads). */
const TYPING_PAUSE_MS = 500;

/**
 * The Settings UI query for these setting ids: exactly them (`@id:` takes a comma-separated
 * list), or every setting of the extension when one is the whole `mcroutes` section.
 */
export function settingsQuery(ids: readonly string[], extensionId: string): string {
  return ids.length === 0 || ids.includes('mcroutes') ? `@ext:${extensionId}` : `@id:${ids.join(',')}`;
}

/**
 * VS Code lists language status items by id: ids that sort in the order the rows are read
 * (the network type first, keeping the id a user may have pinned; then the release, the ranges…).
 */
const ROW_ORDER = ['networkType', 'openshiftVersion', 'clusterNetwork', 'serviceNetwork', 'machineNetwork', 'brExInterface', 'brExCustomizedByNmstate', 'ovnMasqueradeSubnet'];
function rowItemId(key: string): string {
  const at = ROW_ORDER.indexOf(key);
  return at === 0 ? STATUS_ITEM_ID : `${STATUS_ITEM_ID}.${at < 0 ? 9 : at}-${key}`;
}

/** What the extension API shows of the status item, for the extension tests. */
export interface AssumptionsStatusView {
  readonly item: vscode.LanguageStatusItem;
  /** Fires after each answer: the URI of the document the item now shows, or undefined when it shows nothing for the active one. */
  readonly onDidUpdate: vscode.Event<string | undefined>;
}

export function registerSettingsStatus(client: LanguageClient, extensionId: string): { view: AssumptionsStatusView; disposables: vscode.Disposable[] } {
  const status = new AssumptionsStatus(client, extensionId);
  let typing: NodeJS.Timeout | undefined;
  const disposables = [
    status,
    client.onNotification(Methods.openSettings, (params: OpenSettingsParams) => {
      const ids = Array.isArray(params?.settings) ? params.settings.filter((id) => typeof id === 'string') : [];
      void vscode.commands.executeCommand('workbench.action.openSettings', settingsQuery(ids, extensionId));
    }),
    client.onNotification(Methods.settingsChanged, () => status.refresh()),
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) status.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.refresh()),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (document !== vscode.window.activeTextEditor?.document) return;
      clearTimeout(typing);
      typing = setTimeout(() => status.refresh(), TYPING_PAUSE_MS);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => status.forget(document.uri)),
    { dispose: () => clearTimeout(typing) },
  ];
  return { view: status, disposables };
}

/**
 * The status items, one per setting the findings assume (network type, release, each range),
 * shown only for the documents the server said it reads: their selector names those
 * documents (a filter's pattern equal to a document's path matches it alone), so that other
 * YAML files never show them, not even while their answer is on its way. Each row links to
 * its own setting.
 */
class AssumptionsStatus implements vscode.Disposable, AssumptionsStatusView {
  /** The first row (the network type), the one a user pins to the status bar. */
  get item(): vscode.LanguageStatusItem {
    return this.items.values().next().value ?? this.itemFor('networkType', 'network type');
  }
  private readonly items = new Map<string, vscode.LanguageStatusItem>();
  private readonly updated = new vscode.EventEmitter<string | undefined>();
  readonly onDidUpdate = this.updated.event;
  private readonly reads = new Map<string, vscode.DocumentFilter>();
  /** Answers to an older question (the user switched editors meanwhile) are dropped. */
  private asked = 0;

  constructor(private readonly client: LanguageClient, private readonly extensionId: string) {}

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const ticket = ++this.asked;
    if (!document || document.languageId !== 'yaml' || this.client.state !== State.Running) return;
    const params: AssumptionsParams = { uri: document.uri.toString() };
    this.client.sendRequest<AssumptionsResult | null>(Methods.assumptions, params).then(
      (result) => {
        if (ticket !== this.asked) return;
        if (result?.reads) this.show(document, result);
        else this.forget(document.uri);
        this.updated.fire(result?.reads ? params.uri : undefined);
      },
      // The server stopped or restarts: it is asked again once it runs.
      () => undefined,
    );
  }

  forget(uri: vscode.Uri): void {
    if (!this.reads.delete(uri.toString())) return;
    for (const item of this.items.values()) item.selector = [...this.reads.values()];
  }

  dispose(): void {
    for (const item of this.items.values()) item.dispose();
    this.items.clear();
    this.updated.dispose();
  }

  private itemFor(key: string, detail: string): vscode.LanguageStatusItem {
    let item = this.items.get(key);
    if (!item) {
      item = vscode.languages.createLanguageStatusItem(rowItemId(key), [...this.reads.values()]);
      item.name = `MachineConfig Routes: ${detail.replace(/ \(this file\)$/, '')}`;
      this.items.set(key, item);
    }
    return item;
  }

  private show(document: vscode.TextDocument, result: AssumptionsResult): void {
    const key = document.uri.toString();
    if (!this.reads.has(key)) this.reads.set(key, { language: 'yaml', scheme: document.uri.scheme, pattern: document.uri.fsPath });
    const shown = new Set<string>();
    for (const row of result.rows) {
      const item = this.itemFor(row.key, row.detail);
      shown.add(row.key);
      item.selector = [...this.reads.values()];
      item.text = row.text;
      item.detail = row.detail;
      item.severity = row.ignored.length > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      item.accessibilityInformation = { label: row.key === 'networkType' ? result.summary : `${row.detail}: ${row.text}` };
      item.command = {
        title: 'Open Settings',
        command: 'workbench.action.openSettings',
        arguments: [settingsQuery([row.setting], this.extensionId)],
        tooltip: row.ignored.length > 0 ? row.ignored.join('\n') : `The setting ${row.setting}`,
      };
    }
    // Rows for settings now unset (br-ex's NIC) go.
    for (const [rowKey, item] of this.items) {
      if (shown.has(rowKey)) continue;
      item.dispose();
      this.items.delete(rowKey);
    }
  }
}
