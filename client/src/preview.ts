/**
 * "MachineConfig Routes: Preview systemd Unit": a read-only text document beside the
 * YAML showing what the node gets from it (server/src/core/ide/preview.ts). VS Code
 * glue only: the text, the unit under the cursor and the code lens positions all come
 * from the server (mcroutes/preview, mcroutes/previewTargets).
 *
 * The preview is a virtual document of the scheme `mcroutes-preview`:
 * `mcroutes-preview:/Preview: <unit name>?source=<YAML uri>&unit=<unit name>` (`file=<path>`
 * for a storage.files entry, `state=<name>` for an NMState policy; none for everything). It is
 * text of the language `mcroutes-preview` (previewLanguage.ts: highlighted, wrapped), read-only,
 * and nothing in it is ever executed. It follows its YAML as the user types: each change
 * of the source (and each new set of diagnostics, e.g. after a settings change) asks the
 * server again, after a short pause.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OPEN_EXAMPLE_COMMAND } from './packagedFiles';
import { previewTitle, type PreviewLanguage } from './previewLanguage';
import { Methods, type PreviewParams, type PreviewResult, type PreviewTargetInfo, type PreviewTargetsParams } from '../../server/src/protocol';

export const PREVIEW_SCHEME = 'mcroutes-preview';
export const PREVIEW_COMMAND = 'mcroutes.previewUnit';
/** Pause between the last keystroke in the YAML and the preview asking the server again. */
const REFRESH_DELAY_MS = 150;

/** What a preview document shows: the YAML it follows and the unit or file, or everything. */
export interface PreviewKey {
  source: string;
  unit?: string;
  file?: string;
  state?: string;
}

/** The preview document's uri; the path (its tab title) names the unit, file or YAML file: `Preview: 99-worker-route.service`. */
export function previewUri(source: vscode.Uri, target?: { kind: 'unit' | 'file' | 'state'; name?: string }): vscode.Uri {
  const query = new URLSearchParams({ source: source.toString() });
  let shown = source.path.replace(/^.*\//, '') || 'untitled';
  if (target?.name !== undefined) {
    query.set(target.kind, target.name);
    shown = target.name.replace(/^.*\//, '');
  }
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${previewTitle(shown)}`, query: query.toString() });
}

export function previewKey(uri: vscode.Uri): PreviewKey | undefined {
  if (uri.scheme !== PREVIEW_SCHEME) return undefined;
  const query = new URLSearchParams(uri.query);
  const source = query.get('source');
  if (!source) return undefined;
  return { source, unit: query.get('unit') ?? undefined, file: query.get('file') ?? undefined, state: query.get('state') ?? undefined };
}

class PreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const key = previewKey(uri);
    if (!key) return `MachineConfig Routes: ${uri.toString()} is not a preview address.\n`;
    const sourceUri = vscode.Uri.parse(key.source);
    let source = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key.source);
    if (!source) {
      try {
        // Reopening it (without showing it) hands it to the language server again.
        source = await vscode.workspace.openTextDocument(sourceUri);
      } catch {
        return `MachineConfig Routes: ${key.source} cannot be opened, so there is nothing to preview.\n`;
      }
    }
    if (source.languageId !== 'yaml') return `MachineConfig Routes: ${key.source} is not a YAML document, so there is nothing to preview.\n`;
    const params: PreviewParams = { uri: this.client.code2ProtocolConverter.asUri(source.uri) };
    if (key.unit !== undefined) params.unit = key.unit;
    else if (key.file !== undefined) params.file = key.file;
    else if (key.state !== undefined) params.state = key.state;
    let result: PreviewResult | null;
    try {
      result = await this.client.sendRequest<PreviewResult | null>(Methods.preview, params, token);
    } catch (error) {
      // Not running (starting, restarting, stopped) or the request failed: say so in place of the text.
      return `MachineConfig Routes: the language server did not answer (${error instanceof Error ? error.message : String(error)}). Edit the YAML or run the command again once it runs.\n`;
    }
    if (!result) return 'MachineConfig Routes: the language server does not have this document open yet; edit it or run the command again.\n';
    // Rendered from an older version than the editor has now: ask again once the server has caught up.
    if (result.version < source.version) this.refreshSoon(key.source);
    return result.text;
  }

  /** Asks every open preview of `source` to render again, after a pause. */
  refreshSoon(source: string): void {
    const pending = this.timers.get(source);
    if (pending) clearTimeout(pending);
    this.timers.set(source, setTimeout(() => {
      this.timers.delete(source);
      this.refreshNow(source);
    }, REFRESH_DELAY_MS));
  }

  refreshNow(source: string): void {
    for (const document of vscode.workspace.textDocuments) {
      if (previewKey(document.uri)?.source === source) this.changed.fire(document.uri);
    }
  }

  hasPreviewOf(source: string): boolean {
    return vscode.workspace.textDocuments.some((d) => previewKey(d.uri)?.source === source);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.changed.dispose();
  }
}

/** "Preview unit" above each unit (and "Preview file" above each storage.files entry), placed by the server. */
class PreviewLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const params: PreviewTargetsParams = { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
    let targets: PreviewTargetInfo[] | null;
    try {
      targets = await this.client.sendRequest<PreviewTargetInfo[]>(Methods.previewTargets, params, token);
    } catch {
      return []; // not running yet: the lenses come with the first diagnostics (refresh)
    }
    return (targets ?? []).map((target) => {
      const range = this.client.protocol2CodeConverter.asRange(target.range);
      const start = new vscode.Range(range.start, range.start);
      const title = target.kind === 'unit' ? 'Preview unit' : target.kind === 'file' ? 'Preview file' : 'Preview routes';
      const args = target.name !== undefined ? [document.uri, { [target.kind]: target.name }] : [document.uri, { all: true }];
      return new vscode.CodeLens(start, { title, command: PREVIEW_COMMAND, arguments: args, tooltip: `${title} ${target.name ?? ''}`.trim() });
    });
  }

  /** The server now has the document (its diagnostics arrived): lenses asked for too early can be given now. */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** What `mcroutes.previewUnit` may be given: a unit name, or `{ unit }`, `{ file }`, `{ all: true }`. */
type TargetArgument = string | { unit?: string; file?: string; state?: string; all?: boolean } | undefined;

const OPEN_EXAMPLE_CHOICE = 'Open the Example';

/** The YAML text editor that was active last, while its document is open. */
class RecentYamlEditor implements vscode.Disposable {
  private last: vscode.TextEditor | undefined;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.note(editor));

  constructor() {
    this.note(vscode.window.activeTextEditor);
  }

  private note(editor: vscode.TextEditor | undefined): void {
    if (editor && editor.document.languageId === 'yaml' && editor.document.uri.scheme !== PREVIEW_SCHEME) this.last = editor;
  }

  editor(): vscode.TextEditor | undefined {
    if (this.last && !this.last.document.isClosed) {
      // The editor object may have been replaced while hidden; the visible one for the document is current.
      return vscode.window.visibleTextEditors.find((e) => e.document === this.last!.document) ?? this.last;
    }
    return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'yaml');
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

export function registerPreview(client: LanguageClient, language: PreviewLanguage): vscode.Disposable[] {
  const provider = new PreviewProvider(client);
  const lenses = new PreviewLensProvider(client);
  const yaml: vscode.DocumentSelector = [{ language: 'yaml', scheme: 'file' }, { language: 'yaml', scheme: 'untitled' }];
  const recentYaml = new RecentYamlEditor();

  /**
   * `mcroutes.previewUnit [uri] [target]`: from the code lens with both; from the command
   * palette with neither, for the unit or file under the cursor of the active editor, or
   * every unit and file when the cursor is on none. Resolves with the preview's uri.
   */
  const command = async (uriArgument?: vscode.Uri | string, target?: TargetArgument): Promise<vscode.Uri | undefined> => {
    // From the walkthrough or another non-text tab there is no active text editor: the YAML
    // editor the user worked in last is the one meant.
    const editor = vscode.window.activeTextEditor ?? recentYaml.editor();
    let sourceUri = typeof uriArgument === 'string' ? vscode.Uri.parse(uriArgument) : uriArgument instanceof vscode.Uri ? uriArgument : undefined;
    if (!sourceUri && editor && editor.document.uri.scheme === PREVIEW_SCHEME) {
      // Run from a preview itself: show it again.
      await vscode.window.showTextDocument(editor.document, { preview: true });
      return editor.document.uri;
    }
    sourceUri ??= editor?.document.uri;
    const source = sourceUri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === sourceUri!.toString());
    if (!sourceUri || (source && source.languageId !== 'yaml') || (!source && !/\.ya?ml$/i.test(sourceUri.path))) {
      const choice = await vscode.window.showInformationMessage(
        'MachineConfig Routes: open a MachineConfig or NMState policy YAML file to preview what the nodes get from it.', OPEN_EXAMPLE_CHOICE);
      if (choice === OPEN_EXAMPLE_CHOICE) {
        const example = await vscode.commands.executeCommand<vscode.TextEditor>(OPEN_EXAMPLE_COMMAND);
        return command(example.document.uri);
      }
      return undefined;
    }
    let uri: vscode.Uri;
    const named = typeof target === 'string' ? { unit: target } : target;
    if (named?.unit !== undefined) uri = previewUri(sourceUri, { kind: 'unit', name: named.unit });
    else if (named?.file !== undefined) uri = previewUri(sourceUri, { kind: 'file', name: named.file });
    else if (named?.state !== undefined) uri = previewUri(sourceUri, { kind: 'state', name: named.state });
    else if (named?.all || !editor || editor.document.uri.toString() !== sourceUri.toString()) uri = previewUri(sourceUri);
    else {
      // The palette: the server says which unit the cursor is in.
      const params: PreviewParams = {
        uri: client.code2ProtocolConverter.asUri(sourceUri),
        position: client.code2ProtocolConverter.asPosition(editor.selection.active),
      };
      const result = await client.sendRequest<PreviewResult | null>(Methods.preview, params).catch(() => null);
      uri = previewUri(sourceUri, result?.selected);
    }
    const document = await language.apply(await vscode.workspace.openTextDocument(uri));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    // A preview opened before and kept by VS Code may be stale: render it again now.
    provider.refreshNow(sourceUri.toString());
    return uri;
  };

  return [
    recentYaml,
    provider,
    lenses,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, provider),
    vscode.languages.registerCodeLensProvider(yaml, lenses),
    vscode.commands.registerCommand(PREVIEW_COMMAND, command),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const source = event.document.uri.toString();
      if (event.document.languageId === 'yaml' && event.contentChanges.length > 0 && provider.hasPreviewOf(source)) provider.refreshSoon(source);
    }),
    vscode.languages.onDidChangeDiagnostics((event) => {
      let yamlChanged = false;
      for (const uri of event.uris) {
        const source = uri.toString();
        if (provider.hasPreviewOf(source)) provider.refreshSoon(source);
        if (!yamlChanged && vscode.workspace.textDocuments.some((d) => d.uri.toString() === source && d.languageId === 'yaml')) yamlChanged = true;
      }
      if (yamlChanged) lenses.refresh();
    }),
  ];
}
