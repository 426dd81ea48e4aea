/**
 * The one LSP session of the protocol tests: a small client that speaks JSON-RPC to the
 * bundled server (dist/server.js) with vscode-jsonrpc, over stdio (Content-Length framing,
 * any error in it kept for the test to fail on) or Node IPC, answers the server's requests,
 * and lets a test wait for a state — the diagnostics a document shows, a notification — by
 * event, never by sleeping or counting.
 *
 * `startSession()` spawns and initializes one; `sessionPerSuite()` / `sessionPerTest()`
 * do it in mocha hooks and dispose of it after, printing the server's stderr on a failure.
 */
import * as assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type Logger,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
} from 'vscode-jsonrpc/node';
import { ADVANCE_CLOCK_METHOD } from '../../server/src/lsp/clock';
import type { InitializationOptions } from '../../server/src/lsp/server';
import { REPO_ROOT, type PlacedFinding, type Position, type Range } from './seed';

export { REPO_ROOT };
export type { Position, Range };
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const PUBLISH = 'textDocument/publishDiagnostics';
/** How long a wait for a state may take by default: long, for a busy machine; waits end on the event. */
export const WAIT_MS = 15_000;

/** A diagnostic as the server publishes it. */
export interface Diagnostic extends PlacedFinding {
  range: Range;
  severity?: number;
  code: string;
  /** Where the rule's documentation is (server/src/lsp/ruleLinks.ts). */
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: any;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}

/** A code action as the server sends it (quick fix, suppression, fix all). */
export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  edit?: { changes?: Record<string, { range: Diagnostic['range']; newText: string }[]> };
}

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** A notice with buttons (LSP MessageType: 1 error, 2 warning, 3 info). */
export interface ShowMessageRequestParams {
  type: number;
  message: string;
  actions?: Array<{ title: string }>;
}

export interface Notification<P = any> {
  method: string;
  params: P;
}

interface Waiter {
  kind: 'notification' | 'request';
  method: string;
  predicate: (params: any) => boolean;
  resolve: (notification: Notification) => void;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class LspClient {
  /** Every notification from the server, in order of arrival. */
  readonly notifications: Notification[] = [];
  /** Every request from the server (workspace/configuration, client/registerCapability, …). */
  readonly serverRequests: Notification[] = [];
  /** What workspace/configuration answers, by section; change it before a didChangeConfiguration. */
  configuration: Record<string, unknown> = {};
  /**
   * What window/showMessageRequest answers: the action the user picks, or null (the notice
   * closed). A promise keeps the notice open until the test settles it.
   */
  showMessageAnswer: (params: ShowMessageRequestParams) => unknown = () => null;
  /** The server's stderr, for failure messages. */
  stderr = '';
  /** The answer to initialize, when startSession made the client. */
  initializeResult: any;
  readonly exited: Promise<ExitStatus>;

  private readonly connection: MessageConnection;
  /** The requests sent and not yet answered: rejected when the server exits. */
  private readonly pending = new Set<{ method: string; reject: (e: Error) => void }>();
  private waiters: Waiter[] = [];
  private exitStatus: ExitStatus | undefined;
  private protocolErrors: Error[] = [];

  private constructor(readonly child: ChildProcess, reader: MessageReader, writer: MessageWriter) {
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        for (const { method, reject } of this.pending) {
          reject(new Error(`server exited (code ${code}, signal ${signal}) before answering ${method}\n${this.stderr}`));
        }
        this.pending.clear();
        resolve(this.exitStatus);
      });
    });
    // Once its output is read to the end (after 'exit'): what the connection still waits for never comes.
    child.on('close', () => this.connection.dispose());
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    // What vscode-jsonrpc finds wrong in what it reads or writes (a frame without
    // Content-Length, a body that is not JSON, a message that is neither request, response
    // nor notification, a write to a server that has exited) is the test's to fail on.
    const logger: Logger = { error: (message) => this.protocolErrors.push(new Error(message)), warn: () => undefined, info: () => undefined, log: () => undefined };
    this.connection = createMessageConnection(reader, writer, logger);
    this.connection.onError(([error]) => this.protocolErrors.push(error));
    this.connection.onNotification((method, params) => this.received('notification', { method, params }));
    // $/progress goes to progress handlers; with none registered, here.
    this.connection.onUnhandledProgress((params) => this.received('notification', { method: '$/progress', params }));
    this.connection.onRequest((method, params) => {
      const result = this.answer(method, params);
      this.received('request', { method, params });
      return result;
    });
    this.connection.listen();
  }

  /** `node dist/server.js --stdio` */
  static stdio(serverJs: string = SERVER_JS, args: string[] = ['--stdio'], nodeArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): LspClient {
    const child = spawn(process.execPath, [...nodeArgs, serverJs, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    return new LspClient(child, new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  }

  /** `fork(dist/server.js, ['--node-ipc'])`: the JSON-RPC objects themselves go over process.send. */
  static ipc(serverJs: string = SERVER_JS, args: string[] = ['--node-ipc']): LspClient {
    const child = fork(serverJs, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    return new LspClient(child, new IPCMessageReader(child), new IPCMessageWriter(child));
  }

  /** `params`: an object, sent as it is, or nothing. */
  request<R = any>(method: string, params?: unknown, timeoutMs = WAIT_MS): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.exitStatus) {
        reject(new Error(`server already exited; cannot send ${method}`));
        return;
      }
      const settle = (then: () => void): void => {
        clearTimeout(timer);
        this.pending.delete(entry);
        then();
      };
      const entry = { method, reject: (error: Error) => settle(() => reject(error)) };
      const timer = setTimeout(() => entry.reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      this.pending.add(entry);
      const sent = params === undefined ? this.connection.sendRequest<R>(method) : this.connection.sendRequest<R>(method, params);
      sent.then(
        (result) => settle(() => resolve(result)),
        (error: Error) => entry.reject(error instanceof ResponseError ? new Error(`${method} failed: ${error.code} ${error.message}`) : error),
      );
    });
  }

  /** `params`: an object, sent as it is, or nothing. */
  notify(method: string, params?: unknown): void {
    const sent = params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params);
    // A failed write is in `errors` (the logger and onError above).
    sent.catch(() => undefined);
  }

  /** How many notifications have arrived; pass it as `since` to wait only for newer ones. */
  mark(): number {
    return this.notifications.length;
  }

  /**
   * The first notification `method` (from index `since` on) whose params satisfy
   * `predicate`: one already received, or the next to arrive within `timeoutMs`.
   */
  waitFor<P = any>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = WAIT_MS, since = 0): Promise<Notification<P>> {
    return this.waitIn('notification', method, predicate, timeoutMs, since);
  }

  /** Like `waitFor`, for requests from the server (they are answered as they come). */
  waitForRequest<P = any>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = WAIT_MS, since = 0): Promise<Notification<P>> {
    return this.waitIn('request', method, predicate, timeoutMs, since);
  }

  private waitIn<P>(kind: Waiter['kind'], method: string, predicate: (params: P) => boolean, timeoutMs: number, since: number): Promise<Notification<P>> {
    const list = kind === 'request' ? this.serverRequests : this.notifications;
    const seen = list.slice(since).find((n) => n.method === method && predicate(n.params));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { kind, method, predicate, resolve: () => undefined };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const got = list.filter((n) => n.method === method).map((n) => JSON.stringify(n.params));
        reject(new Error(`no matching ${kind} ${method} within ${timeoutMs} ms; received ${got.length}:\n${got.join('\n')}\nserver stderr:\n${this.stderr}`));
      }, timeoutMs);
      waiter.resolve = (notification) => {
        clearTimeout(timer);
        resolve(notification as Notification<P>);
      };
      this.waiters.push(waiter);
    });
  }

  /** initialize + initialized, with the capabilities a VS Code-like client has. */
  async initialize(
    initializationOptions?: InitializationOptions | Record<string, unknown>,
    capabilities: Record<string, unknown> = DEFAULT_CAPABILITIES,
    workspaceFolder?: string,
  ): Promise<any> {
    const rootUri = workspaceFolder === undefined ? null : pathToFileURL(workspaceFolder).href;
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'mcroutes-protocol-test', version: '0' },
      rootUri,
      capabilities,
      initializationOptions,
      workspaceFolders: rootUri === null ? null : [{ uri: rootUri, name: path.basename(workspaceFolder!) }],
    });
    this.notify('initialized', {});
    return result;
  }

  didOpen(uri: string, text: string, version = 1, languageId = 'yaml'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** didChange with `contentChanges` (one change without a range replaces the whole text). */
  didChange(uri: string, version: number, ...contentChanges: Array<{ range?: Range; text: string }>): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  didClose(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Every publishDiagnostics for `uri`, from notification `since` on, oldest first. */
  publishes(uri: string, since = 0): PublishDiagnosticsParams[] {
    return this.notifications.slice(since)
      .filter((n) => n.method === PUBLISH && (n.params as PublishDiagnosticsParams).uri === uri)
      .map((n) => n.params as PublishDiagnosticsParams);
  }

  /**
   * The publish that makes `uri` show a state `accept` holds for: its latest publish (from
   * `since` on), if that one does, else the next one that does. A state, not an event count:
   * "the seed shows its known findings", "version 3 is published".
   */
  waitForDiagnostics(
    uri: string,
    accept: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean,
    options: { since?: number; timeoutMs?: number; what?: string } = {},
  ): Promise<PublishDiagnosticsParams> {
    const latest = this.publishes(uri, options.since ?? 0).at(-1);
    if (latest && accept(latest.diagnostics, latest)) return Promise.resolve(latest);
    return this.waitFor<PublishDiagnosticsParams>(PUBLISH, (p) => p.uri === uri && accept(p.diagnostics, p), options.timeoutMs ?? WAIT_MS, this.mark())
      .then((n) => n.params)
      .catch((error: Error) => {
        throw new Error(`${uri} did not come to show ${options.what ?? 'the state waited for'}: ${error.message}`);
      });
  }

  /** The publish of `version` of `uri` (from `since` on), whatever it holds. */
  waitForVersion(uri: string, version: number, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (_, p) => p.version === version, { since, what: `version ${version}` });
  }

  /**
   * Answered once the server has handled every message sent before it (messages are
   * handled in order): "the server has caught up with what it was sent".
   */
  async roundTrip(): Promise<void> {
    await this.request('mcroutes/serverInfo');
  }

  /** Moves the test clock of a server started with `initializationOptions.testClock`. */
  async advanceClock(ms: number): Promise<void> {
    await this.request(ADVANCE_CLOCK_METHOD, { ms });
  }

  /** shutdown, exit, and the exit status. */
  async shutdownAndExit(): Promise<ExitStatus> {
    await this.request('shutdown');
    this.notify('exit');
    return this.exited;
  }

  /** Kills the server if a test left it running. */
  dispose(): void {
    if (!this.exitStatus) this.child.kill();
  }

  get errors(): readonly Error[] {
    return this.protocolErrors;
  }

  private received(kind: Waiter['kind'], notification: Notification): void {
    (kind === 'request' ? this.serverRequests : this.notifications).push(notification);
    for (const waiter of [...this.waiters]) {
      if (waiter.kind === kind && waiter.method === notification.method && waiter.predicate(notification.params)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(notification);
      }
    }
  }

  /** The answer to a request from the server. */
  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration': {
        const items = ((params as { items?: Array<{ section?: string }> })?.items) ?? [];
        return items.map((item) => (item.section === undefined ? this.configuration : this.configuration[item.section] ?? null));
      }
      case 'window/showMessageRequest':
        return this.showMessageAnswer(params as ShowMessageRequestParams);
      case 'client/registerCapability':
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
        return null;
      default:
        return new ResponseError(-32601, `test client does not handle ${method}`);
    }
  }
}

export interface SessionOptions {
  transport?: 'stdio' | 'ipc';
  /** Arguments for node before dist/server.js (--expose-gc, --require …). */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** What workspace/configuration answers; default `{ mcroutes: {} }` (the default settings). */
  configuration?: Record<string, unknown>;
  initializationOptions?: InitializationOptions | Record<string, unknown>;
  capabilities?: Record<string, unknown>;
  /** A folder to open as the workspace (rootUri and workspaceFolders). */
  workspaceFolder?: string;
}

/** A server spawned and initialized (initialize answered, initialized sent). */
export async function startSession(options: SessionOptions = {}): Promise<LspClient> {
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run \`npm run build\` first`);
  const client = options.transport === 'ipc'
    ? LspClient.ipc()
    : LspClient.stdio(SERVER_JS, ['--stdio'], options.nodeArgs ?? [], options.env ?? process.env);
  client.configuration = options.configuration ?? { mcroutes: {} };
  try {
    client.initializeResult = await client.initialize(options.initializationOptions, options.capabilities ?? DEFAULT_CAPABILITIES, options.workspaceFolder);
  } catch (error) {
    client.dispose();
    throw error;
  }
  return client;
}

/** After a test: its server's stderr if it failed, and no framing errors either way. */
function afterTest(context: Mocha.Context, client: LspClient | undefined): void {
  if (!client) return;
  if (context.currentTest?.state === 'failed' && client.stderr) console.error(`server stderr:\n${client.stderr.slice(-4000)}`);
  assert.deepEqual(client.errors.map(String), [], 'framing errors on the server\'s stdout');
}

/**
 * One session for the whole `describe` (mocha before/after); call the result for the client.
 * `options` may be a function, called in the `before` hook (to make a workspace folder there).
 */
export function sessionPerSuite(options: SessionOptions | (() => SessionOptions) = {}): () => LspClient {
  let client: LspClient | undefined;
  before(async () => {
    client = await startSession(typeof options === 'function' ? options() : options);
  });
  afterEach(function () {
    afterTest(this, client);
  });
  after(() => client?.dispose());
  return () => client!;
}

/**
 * For tests that start their own sessions, with options of their own: call the result (in a
 * test) to start one; every session started in a test is disposed of after it.
 */
export function sessionsPerTest(): (options?: SessionOptions) => Promise<LspClient> {
  let started: LspClient[] = [];
  afterEach(function () {
    const ended = started;
    started = [];
    for (const client of ended) {
      client.dispose();
      afterTest(this, client);
    }
  });
  return async (options) => {
    const client = await startSession(options);
    started.push(client);
    return client;
  };
}

/** A new session for each test (mocha beforeEach/afterEach); call the result for the client. */
export function sessionPerTest(options: SessionOptions = {}): () => LspClient {
  let client: LspClient | undefined;
  beforeEach(async () => {
    client = await startSession(options);
  });
  afterEach(function () {
    const ended = client;
    client = undefined;
    ended?.dispose();
    afterTest(this, ended);
  });
  return () => client!;
}

/** What a VS Code-like client advertises where it matters to this server. */
export const DEFAULT_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
  window: { workDoneProgress: true, showMessage: {} },
};

/** An LSP range over `text` for the `occurrence`-th (0-based) appearance of `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0): { start: Position; end: Position } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${occurrence + 1} times`);
  }
  return { start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
}


export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + position.character);
}

/**
 * Applies LSP text edits (all against the same original text) the way a client does:
 * insertions at one position land in the order of the array (LSP TextEdit[]).
 */
export function applyLspEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const resolved = edits
    .map((e, index) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText, index }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  let result = text;
  for (const e of resolved) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}
