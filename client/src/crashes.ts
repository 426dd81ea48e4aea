/**
 * What happens when the language server process dies (killed, out of memory, a bug that
 * escapes every guard): vscode-languageclient restarts it, and this handler tells the user
 * once per crash — after the new server is running, so the message is true when read.
 * Like the library's default it gives up after the fifth crash within three minutes, and
 * says so (once) with the command that starts the server again.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  State,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Message,
} from 'vscode-languageclient/node';

export const RESTARTED_MESSAGE = 'MachineConfig Routes: the language server stopped unexpectedly and was restarted.';
export const GAVE_UP_MESSAGE =
  'MachineConfig Routes: the language server stopped unexpectedly 5 times in 3 minutes and was not restarted. ' +
  'See the "MachineConfig Routes" output; "MachineConfig Routes: Restart Language Server" starts it again.';

const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export class CrashHandler implements ErrorHandler {
  /** Every message shown to the user about the server stopping, in order (the extension API exposes it). */
  readonly notices: string[] = [];
  private readonly noticeEmitter = new vscode.EventEmitter<string>();
  readonly onDidNotify = this.noticeEmitter.event;
  private crashes: number[] = [];
  private restarting = false;

  constructor(
    private readonly show: (message: string) => void = (message) => void vscode.window.showWarningMessage(message),
    private readonly now: () => number = Date.now,
  ) {}

  /** A read or write on the connection failed: as the library's default (go on, then shut down). */
  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  /** The connection closed without our asking: restart, unless it keeps dying. */
  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes = [...this.crashes.filter((t) => now - t <= WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      this.restarting = false;
      this.notify(GAVE_UP_MESSAGE);
      return { action: CloseAction.DoNotRestart, message: GAVE_UP_MESSAGE, handled: true };
    }
    this.restarting = true;
    // Logged to the output channel by the library; the user hears of it once it runs again.
    return { action: CloseAction.Restart, message: 'The language server stopped unexpectedly; starting it again.', handled: true };
  }

  /** The client's state changed (LanguageClient.onDidChangeState). */
  stateChanged(state: State): void {
    if (state === State.Running && this.restarting) {
      this.restarting = false;
      this.notify(RESTARTED_MESSAGE);
    }
  }

  /** The user restarted the server: earlier crashes no longer count towards giving up. */
  reset(): void {
    this.crashes = [];
    this.restarting = false;
  }

  dispose(): void {
    this.noticeEmitter.dispose();
  }

  private notify(message: string): void {
    this.notices.push(message);
    this.show(message);
    this.noticeEmitter.fire(message);
  }
}
