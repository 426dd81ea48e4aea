/** Where the server's settings come from: pulled from the client, or pushed, or defaults. */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../core/text/settings';
import { describeError, type Logger } from './guard';

export const SETTINGS_SECTION = 'mcroutes';

export interface SettingsSourceOptions {
  /** The client answers `workspace/configuration` (the pull model). */
  canPull: boolean;
  /** `initializationOptions.settings`, used when the client cannot be asked. */
  initial: unknown;
}

export class SettingsSource {
  private current: Promise<Settings> | undefined;
  private pushed: unknown;
  /** Complaints of the last reading: each is shown once, again only after it went away. */
  private shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
    private readonly options: SettingsSourceOptions,
  ) {
    this.pushed = options.initial;
  }

  /** The settings to validate with; pulled once and cached until they change. */
  get(): Promise<Settings> {
    this.current ??= this.read();
    return this.current;
  }

  /**
   * `workspace/didChangeConfiguration`: drop the cache. With the pull model the payload
   * is ignored (it is often null); otherwise its `mcroutes` section is used.
   */
  changed(pushedSettings: unknown): void {
    if (!this.options.canPull && isRecord(pushedSettings) && SETTINGS_SECTION in pushedSettings) {
      this.pushed = pushedSettings[SETTINGS_SECTION];
    }
    this.current = undefined;
  }

  private async read(): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.options.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
      } catch (error) {
        this.log.error(`mcroutes: could not read the ${SETTINGS_SECTION} settings from the client: ${describeError(error)}`);
        raw = this.pushed;
      }
    }
    let reading;
    try {
      reading = readSettings(raw);
    } catch (error) {
      this.log.error(`mcroutes: reading settings failed: ${describeError(error)}`);
      return { ...DEFAULT_SETTINGS, clusterNetwork: [...DEFAULT_SETTINGS.clusterNetwork], serviceNetwork: [...DEFAULT_SETTINGS.serviceNetwork], machineNetwork: [...DEFAULT_SETTINGS.machineNetwork] };
    }
    this.report(reading.complaints);
    return reading.settings;
  }

  private report(complaints: string[]): void {
    const now = new Set(complaints);
    for (const complaint of now) {
      if (this.shown.has(complaint)) continue;
      this.log.warn(complaint);
      try {
        // A notification, not connection.window.showWarningMessage: in v11 that sends
        // window/showMessageRequest, which waits for an answer nobody needs here.
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: complaint })
          .catch((error: unknown) => this.log.error(`mcroutes: could not show a settings warning: ${describeError(error)}`));
      } catch (error) {
        this.log.error(`mcroutes: could not show a settings warning: ${describeError(error)}`);
      }
    }
    this.shown = now;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
