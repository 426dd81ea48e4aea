/**
 * A small LSP client for protocol tests: speaks JSON-RPC to a spawned server over
 * stdio (Content-Length framing) or Node IPC, answers the server's requests, and lets a
 * test wait for notifications by event — never by sleeping.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface Notification<P = any> {
  method: string;
  params: P;
}

/** One way of moving JSON-RPC messages to and from the child. */
interface Transport {
  send(message: Message): void;
  onMessage(listener: (message: Message) => void): void;
}

class StdioTransport implements Transport {
  private buffer = Buffer.alloc(0);
  private listener: (message: Message) => void = () => undefined;

  constructor(private readonly child: ChildProcess, private readonly onProtocolError: (error: Error) => void) {
    child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    // Writing to a server that has exited (EPIPE) is the test's failure to report, not a crash.
    child.stdin!.on('error', (error) => onProtocolError(error));
  }

  send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  onMessage(listener: (message: Message) => void): void {
    this.listener = listener;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const headers = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /^Content-Length:\s*(\d+)\s*$/im.exec(headers);
      if (!match) {
        this.onProtocolError(new Error(`frame without Content-Length: ${JSON.stringify(headers)}`));
        this.buffer = Buffer.alloc(0);
        return;
      }
      const length = Number(match[1]);
      const bodyStart = headerEnd + 4;
      if (this.buffer.length < bodyStart + length) return;
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.buffer = this.buffer.subarray(bodyStart + length);
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
      } catch (error) {
        this.onProtocolError(new Error(`frame is not JSON: ${body.slice(0, 200)}`));
        continue;
      }
      this.listener(message);
    }
  }
}

/** vscode-jsonrpc's IPC transport sends the JSON-RPC objects themselves over process.send. */
class IpcTransport implements Transport {
  constructor(private readonly child: ChildProcess) {}

  send(message: Message): void {
    this.child.send(message);
  }

  onMessage(listener: (message: Message) => void): void {
    this.child.on('message', (message) => listener(message as Message));
  }
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
  /** The server's stderr, for failure messages. */
  stderr = '';
  readonly exited: Promise<ExitStatus>;

  private readonly transport: Transport;
  private nextId = 1;
  private readonly pending = new Map<number, { method: string; resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private waiters: Waiter[] = [];
  private exitStatus: ExitStatus | undefined;
  private protocolErrors: Error[] = [];

  private constructor(readonly child: ChildProcess, makeTransport: (client: LspClient) => Transport) {
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        for (const { method, reject } of this.pending.values()) {
          reject(new Error(`server exited (code ${code}, signal ${signal}) before answering ${method}\n${this.stderr}`));
        }
        this.pending.clear();
        resolve(this.exitStatus);
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.transport = makeTransport(this);
    this.transport.onMessage((message) => this.receive(message));
  }

  /** `node dist/server.js --stdio` */
  static stdio(serverJs: string = SERVER_JS, args: string[] = ['--stdio'], nodeArgs: string[] = []): LspClient {
    const child = spawn(process.execPath, [...nodeArgs, serverJs, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new LspClient(child, (client) => new StdioTransport(child, (error) => client.protocolErrors.push(error)));
  }

  /** `fork(dist/server.js, ['--node-ipc'])` */
  static ipc(serverJs: string = SERVER_JS, args: string[] = ['--node-ipc']): LspClient {
    const child = fork(serverJs, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    return new LspClient(child, () => new IpcTransport(child));
  }

  request<R = any>(method: string, params?: unknown, timeoutMs = 5000): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      if (this.exitStatus) {
        reject(new Error(`server already exited; cannot send ${method}`));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result as R);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.transport.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params?: unknown): void {
    this.transport.send({ jsonrpc: '2.0', method, params });
  }

  /** How many notifications have arrived; pass it as `since` to wait only for newer ones. */
  mark(): number {
    return this.notifications.length;
  }

  /**
   * The first notification `method` (from index `since` on) whose params satisfy
   * `predicate`: one already received, or the next to arrive within `timeoutMs`.
   */
  waitFor<P = any>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = 5000, since = 0): Promise<Notification<P>> {
    return this.waitIn('notification', method, predicate, timeoutMs, since);
  }

  /** Like `waitFor`, for requests from the server (they are answered as they come). */
  waitForRequest<P = any>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = 5000, since = 0): Promise<Notification<P>> {
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
  async initialize(initializationOptions?: unknown, capabilities: Record<string, unknown> = DEFAULT_CAPABILITIES): Promise<any> {
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'mcroutes-protocol-test', version: '0' },
      rootUri: null,
      capabilities,
      initializationOptions,
      workspaceFolders: null,
    });
    this.notify('initialized', {});
    return result;
  }

  didOpen(uri: string, text: string, version = 1, languageId = 'yaml'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
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

  private receive(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      const request: Notification = { method: message.method, params: message.params };
      this.serverRequests.push(request);
      this.answer(message);
      this.wake('request', request);
    } else if (message.method !== undefined) {
      const notification: Notification = { method: message.method, params: message.params };
      this.notifications.push(notification);
      this.wake('notification', notification);
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error) pending.reject(new Error(`${pending.method} failed: ${message.error.code} ${message.error.message}`));
      else pending.resolve(message.result);
    }
  }

  private wake(kind: Waiter['kind'], notification: Notification): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.kind === kind && waiter.method === notification.method && waiter.predicate(notification.params)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(notification);
      }
    }
  }

  private answer(message: Message): void {
    let result: unknown = null;
    switch (message.method) {
      case 'workspace/configuration': {
        const items = ((message.params as { items?: Array<{ section?: string }> })?.items) ?? [];
        result = items.map((item) => (item.section === undefined ? this.configuration : this.configuration[item.section] ?? null));
        break;
      }
      case 'client/registerCapability':
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
      case 'window/showMessageRequest':
        result = null;
        break;
      default:
        this.transport.send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `test client does not handle ${message.method}` } });
        return;
    }
    this.transport.send({ jsonrpc: '2.0', id: message.id, result });
  }
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

export interface Position {
  line: number;
  character: number;
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

/** Applies LSP text edits (all against the same original text) the way a client does. */
export function applyLspEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const resolved = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const e of resolved) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}
