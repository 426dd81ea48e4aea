/** Wiring: documents, settings, scheduling and diagnostics on one connection. */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Hover,
  type HoverParams,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalLinter } from '../core/analysis/incremental';
import type { LintResult } from '../core/analysis/lint';
import type { Settings } from '../core/text/settings';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { COMPLETION_TRIGGER_CHARACTERS, registerCompletion } from './completion';
import { hover } from './hover';
import { PublishedDiagnostics } from './publishedDiagnostics';
import { describeError, guard, type Logger } from './guard';
import { ADVANCE_CLOCK_METHOD, ManualClock, SYSTEM_CLOCK, type AdvanceClockParams, type Clock } from './clock';
import { ANALYSIS_SLICE_MS, Scheduler, sliceBudget } from './scheduler';
import { Debounce } from './debounce';
import { SETTINGS_SECTION, SettingsSource } from './settings';
import { registerWizardRequests } from './wizard';
import { registerPreviewRequests } from './preview';
import { registerPoolPreviewRequests } from './poolPreview';
import { registerConvertRequest } from './convert';
import { registerServerInfoRequests } from './serverInfo';
import { registerAssumptionsRequest } from './assumptions';
import { Methods } from '../protocol';
import { WorkspaceRoles } from './workspaceRoles';
import { RuleLinks } from './ruleLinks';
import type { ClientInitializationOptions } from '../protocol';

export { ANALYSIS_SLICE_MS };

export interface ServerInfo {
  version: string;
  transport: string;
  /** The docs/rules.md beside the server bundle, as a `file:` URL (ruleLinks.ts packagedRuleDocs); absent when it is not there. */
  ruleDocsUrl?: string;
}

/** What a client may pass as `initializationOptions` (the VS Code client: ClientInitializationOptions). */
export interface InitializationOptions extends ClientInitializationOptions {
  /**
   * A fixed delay between the last edit and validation (tests and the bench use one);
   * without it the delay follows each document's last analysis cost (debounce.ts).
   */
  debounceMs?: number;
  /** The `mcroutes` settings, for clients that do not answer `workspace/configuration`. */
  settings?: unknown;
  /**
   * A test hook, for protocol tests only (the VS Code client never sends it): the server
   * keeps its time on a ManualClock (clock.ts) instead of the system clock. Debounce delays
   * then pass only when the test sends `mcroutes/test/advanceClock`, and every reading of
   * the clock moves it by `tickMs` (above ANALYSIS_SLICE_MS: one YAML document per slice).
   */
  testClock?: { tickMs?: number };
}

export const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  hoverProvider: true,
  completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
};

/** The server only speaks about YAML; the core itself ignores YAML that is not a MachineConfig. */
export function isYaml(document: { languageId: string }): boolean {
  return document.languageId === 'yaml';
}

export function startServer(connection: Connection, info: ServerInfo): void {
  const log: Logger = connection.console;
  const documents = new TextDocuments(TextDocument);
  const justOpened = new Set<string>();
  /** The last analysis (parse and findings) of each document version; hover, completion and fix-all reuse it. */
  const analysed = new Map<string, { version: number; result: LintResult }>();
  /** Per document: an edit re-analyses only the YAML documents of the file whose text changed. */
  const linters = new Map<string, IncrementalLinter>();
  /** Documents analysed again because another file's facts changed: published only when their findings change. */
  const followers = new Set<string>();
  /** Per document: its last publish, and the diagnostics it was converted to by finding (the next publish converts only what changed). */
  const published = new Map<string, PublishedDiagnostics>();
  /** Documents analysed in slices: the version whose partial result was published. */
  const partialShown = new Map<string, number>();
  let settings = new SettingsSource(connection, log, { canPull: false, initial: undefined });
  let clock: Clock = SYSTEM_CLOCK;
  let scheduler = newScheduler();
  /** How long an edit waits before its analysis, per document. */
  let debounce = new Debounce();
  let registerConfigurationChange = false;
  /** InitializationOptions.notifications */
  let clientNotifications = new Set<string>();
  const handles = (method: string): boolean => clientNotifications.has(method);
  /** Where rule ids link to; decided at initialize from what the client says it can open. */
  let ruleLinks = RuleLinks.NONE;
  /** InitializationOptions.findingsInHover: whether hovers repeat the findings under the cursor. */
  let findingsInHover = true;
  /** Diagnostics carry `codeDescription` only for a client that declares it reads it. */
  let codeDescriptions = false;
  let shutDown = false;

  function newScheduler(): Scheduler {
    return new Scheduler(validate, (uri, error) =>
      log.error(`mcroutes: validating ${uri} failed: ${describeError(error)}`), clock);
  }

  async function validate(uri: string): Promise<void> {
    const opened = documents.get(uri);
    if (!opened || !isYaml(opened) || shutDown) return;
    const version = opened.version;
    const current = await settings.get();
    const document = documents.get(uri);
    // Closed or edited while the settings were read: the newer run will publish.
    if (!document || document.version !== version || shutDown) return;
    const started = clock.now();
    const { problems, pending } = analyse(document, current);
    // What the analysis cost decides how long the next edit of the document waits.
    debounce.analysed(uri, version, clock.now() - started, pending !== undefined);
    if (pending) {
      // Unfinished: published after the first slice, then only when complete.
      if (partialShown.get(uri) === version) return;
      partialShown.set(uri, version);
    }
    const describe = codeDescriptions ? ruleLinks : undefined;
    let publish = published.get(uri);
    if (!publish) published.set(uri, (publish = new PublishedDiagnostics()));
    const linter = linters.get(uri);
    const diagnostics = publish.convert(problems, document, (problem) => linter?.originOf(problem) ?? problem, rangeIn, describe);
    if (documents.get(uri)?.version !== version || shutDown) return;
    const following = followers.delete(uri);
    // Another file changed and these findings did not: nothing to send. Compared only then.
    if (following && !pending && publish.unchanged(version, diagnostics)) return;
    publish.published(version, diagnostics);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function analyse(document: TextDocument, current: Settings): LintResult {
    let linter = linters.get(document.uri);
    if (!linter) linters.set(document.uri, (linter = new IncrementalLinter()));
    // Files saved since the last scan are read again in the background (at most every refreshMs).
    void workspaceIndex.refresh();
    const openUris = documents.all().filter(isYaml).map((d) => d.uri);
    const workspace = { ...workspaceIndex.poolsBeyond(openUris, document.uri), files: workspaceIndex.filesBeyond(openUris, document.uri) };
    const result = linter.lint(document.getText(), current, sliceBudget(clock), workspace);
    for (const failure of result.failures) {
      log.error(`mcroutes: rule ${failure.rule} failed on ${document.uri} (version ${document.version}): ${failure.error}`);
    }
    analysed.set(document.uri, { version: document.version, result });
    // Out of time with documents left: what is done is used now, the next slice follows.
    if (result.pending) scheduler.schedule(document.uri, 0);
    else {
      partialShown.delete(document.uri);
      // Its MachineConfigPools or index facts changed: the findings of the other open documents depend on them.
      const poolsChanged = workspaceIndex.notePools(document.uri, result.pools);
      const indexChanged = workspaceIndex.noteIndex(document.uri, result.index, result.factsKeys);
      if (poolsChanged) revalidateAll(document.uri);
      else if (indexChanged === 'facts') revalidateAll(document.uri, true);
      // Moved, not changed: only the findings that link into it follow.
      else if (indexChanged === 'ranges') revalidateLinkingTo(document.uri);
    }
    return result;
  }

  /** The analysis of the document as it is now: cached for its version, else made afresh. */
  async function analysisNow(document: TextDocument): Promise<LintResult> {
    const cached = analysed.get(document.uri);
    if (cached && cached.version === document.version) return cached.result;
    return analyse(document, await settings.get());
  }

  /** A related location in another file: an open document as it is now, else the file as the index read it. */
  function rangeIn(uri: string, start: number, end: number) {
    const open = documents.get(uri);
    if (open) return { start: open.positionAt(start), end: open.positionAt(end) };
    return workspaceIndex.rangeInSaved(uri, start, end);
  }

  /** The workspace's roles (completion), MachineConfigPools (mc-role-label) and index (findings across files), scanned in the background. */
  const workspaceIndex = new WorkspaceRoles(log);
  workspaceIndex.onPoolsChanged(() => {
    if (!shutDown) revalidateAll();
  });
  const completion = registerCompletion({ connection, documents, settings: () => settings.get(), analysisNow, isYaml, log, roles: workspaceIndex });

  /**
   * Every open YAML document but `except` is analysed again; with `indexedOnly`, not those
   * whose last analysis found no index facts (findings across files need facts of their own).
   */
  function revalidateAll(except?: string, indexedOnly = false): void {
    for (const document of documents.all()) {
      if (document.uri === except) continue;
      if (indexedOnly && analysed.get(document.uri)?.result.index.documents.length === 0) continue;
      if (indexedOnly) followers.add(document.uri);
      analysed.delete(document.uri);
      if (isYaml(document)) scheduler.schedule(document.uri, 0);
    }
  }

  /** The open documents whose findings have a related location in `uri` are analysed again. */
  function revalidateLinkingTo(uri: string): void {
    for (const [other, { result }] of analysed) {
      if (other === uri || !result.problems.some((p) => p.related?.some((r) => r.file === uri))) continue;
      followers.add(other);
      analysed.delete(other);
      scheduler.schedule(other, 0);
    }
  }

  connection.onInitialize(guard(log, 'initialize', (params: InitializeParams): InitializeResult => {
    const options = (isRecord(params.initializationOptions) ? params.initializationOptions : {}) as InitializationOptions;
    const debounceMs = typeof options.debounceMs === 'number' && Number.isFinite(options.debounceMs) && options.debounceMs >= 0
      ? options.debounceMs
      : undefined;
    if (isRecord(options.testClock)) {
      const tickMs = options.testClock.tickMs;
      clock = new ManualClock(typeof tickMs === 'number' && Number.isFinite(tickMs) && tickMs >= 0 ? tickMs : 0);
    }
    scheduler.dispose();
    scheduler = newScheduler();
    debounce = new Debounce(debounceMs);
    const workspace = params.capabilities.workspace;
    clientNotifications = new Set(Array.isArray(options.notifications) ? options.notifications.filter((n) => typeof n === 'string') : []);
    settings = new SettingsSource(connection, log, { canPull: workspace?.configuration === true, initial: options.settings, opensSettings: handles(Methods.openSettings) });
    registerConfigurationChange = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    ruleLinks = RuleLinks.for({ runsCommand: options.ruleDocsCommand === true, docsUrl: info.ruleDocsUrl });
    findingsInHover = options.findingsInHover !== false;
    codeDescriptions = params.capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true;
    completion.initialize(params);
    log.info(`mcroutes language server ${info.version} (node ${process.version}, ${info.transport}, pid ${process.pid})` +
      ` client ${params.clientInfo?.name ?? 'unknown'}${params.clientInfo?.version ? ' ' + params.clientInfo.version : ''}`);
    return { capabilities: CAPABILITIES, serverInfo: { name: 'mcroutes', version: info.version } };
  }, () => ({ capabilities: CAPABILITIES, serverInfo: { name: 'mcroutes', version: info.version } })));

  connection.onInitialized(guard(log, 'initialized', async () => {
    // Asks the client to tell us when `mcroutes.*` changes; the settings are then pulled again.
    if (registerConfigurationChange) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
  }));

  connection.onDidChangeConfiguration(guard(log, 'didChangeConfiguration', (params) => {
    settings.changed(params.settings);
    revalidateAll();
    // After the change: a client that asks again now is answered with the new settings.
    if (handles(Methods.settingsChanged)) void connection.sendNotification(Methods.settingsChanged).catch((error: unknown) => log.error(`mcroutes: could not send ${Methods.settingsChanged}: ${describeError(error)}`));
  }));

  documents.onDidOpen(guard(log, 'didOpen', ({ document }) => {
    justOpened.add(document.uri);
  }));

  documents.onDidChangeContent(guard(log, 'didChange', ({ document }) => {
    const opening = justOpened.delete(document.uri);
    if (!isYaml(document)) return;
    // A newly opened document is validated at once, edits after a pause.
    scheduler.schedule(document.uri, opening ? 0 : debounce.delayFor(document.uri));
  }));

  // Files saved or changed outside the editor (the client's file watcher): read again at once.
  connection.onDidChangeWatchedFiles(guard(log, 'didChangeWatchedFiles', () => {
    void workspaceIndex.filesChanged();
  }));

  connection.onCodeAction(guard(log, 'codeAction', async (params: CodeActionParams): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isYaml(document)) return [];
    return codeActions(params, document, await analysisNow(document));
  }, (): CodeAction[] => []));

  connection.onHover(guard(log, 'hover', async (params: HoverParams): Promise<Hover | null> => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !isYaml(document)) return null;
    const analysis = await analysisNow(document);
    return hover(document, params.position, analysis, await settings.get(), ruleLinks.href, findingsInHover);
  }, () => null));

  documents.onDidClose(guard(log, 'didClose', ({ document }) => {
    justOpened.delete(document.uri);
    analysed.delete(document.uri);
    linters.delete(document.uri);
    followers.delete(document.uri);
    published.delete(document.uri);
    if (workspaceIndex.forget(document.uri) && !shutDown) revalidateAll(document.uri);
    partialShown.delete(document.uri);
    scheduler.cancel(document.uri);
    debounce.forget(document.uri);
    if (isYaml(document) && !shutDown) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }));

  connection.onShutdown(guard(log, 'shutdown', () => {
    shutDown = true;
    scheduler.dispose();
  }));

  registerWizardRequests({ connection, documents, settings: () => settings.get(), log });
  registerPreviewRequests({ connection, documents, settings: () => settings.get(), analysisNow, log });
  registerPoolPreviewRequests({ connection, documents, settings: () => settings.get(), analysisNow, isYaml, workspace: workspaceIndex, log });
  registerConvertRequest({ connection, documents, settings: () => settings.get(), log });
  registerServerInfoRequests(connection, info.version, log);
  registerAssumptionsRequest({ connection, documents, reading: () => settings.reading(), analysisNow, isYaml, log });
  // The test clock's one request; a server on the system clock refuses it.
  connection.onRequest(ADVANCE_CLOCK_METHOD, guard(log, ADVANCE_CLOCK_METHOD, (params: AdvanceClockParams): null | ResponseError => {
    if (!(clock instanceof ManualClock)) return new ResponseError(ErrorCodes.InvalidRequest, `${ADVANCE_CLOCK_METHOD} needs initializationOptions.testClock`);
    clock.advance(typeof params?.ms === 'number' && Number.isFinite(params.ms) ? params.ms : 0);
    return null;
  }));

  documents.listen(connection);
  connection.listen();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
