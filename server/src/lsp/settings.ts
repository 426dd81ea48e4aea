/** Where the server's settings come from: pulled from the client, or pushed, or defaults. */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { readSettings, settingsNotice, type SettingsComplaint, type SettingsReading } from '../core/analysis/settings';
import { DEFAULT_SETTINGS, type Settings } from '../core/text/settings';
import { Methods, type OpenSettingsParams } from '../protocol';
import { describeError, type Logger } from './guard';

export const SETTINGS_SECTION = 'mcroutes';
/** The button of a settings notice, when the client can open its settings (SettingsSourceOptions.opensSettings). */
export const OPEN_SETTINGS = 'Open Settings';

export interface SettingsSourceOptions {
  /** The client answers `workspace/configuration` (the pull model). */
  canPull: boolean;
  /** `initializationOptions.settings`, used when the client cannot be asked. */
  initial: unknown;
  /**
   * The client opens its settings UI on `mcroutes/openSettings` (InitializationOptions.notifications):
   * a notice then offers the button. Other clients get the message alone, without a button
   * that would do nothing.
   */
  opensSettings?: boolean;
}

export class SettingsSource {
  private current: Promise<SettingsReading> | undefined;
  private pushed: unknown;
  /** Complaints of the last reading, by message: each is told once, again only after it went away. */
  private told = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
    private readonly options: SettingsSourceOptions,
  ) {
    this.pushed = options.initial;
  }

  /** The settings to validate with; pulled once and cached until they change. */
  async get(): Promise<Settings> {
    return (await this.reading()).settings;
  }

  /** The settings with the complaints about the values left out of them. */
  reading(): Promise<SettingsReading> {
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

  private async read(): Promise<SettingsReading> {
    let raw: unknown = this.pushed;
    if (this.options.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
      } catch (error) {
        this.log.error(`mcroutes: could not read the ${SETTINGS_SECTION} settings from the client: ${describeError(error)}`);
        raw = this.pushed;
      }
    }
    let reading: SettingsReading;
    try {
      reading = readSettings(raw);
    } catch (error) {
      this.log.error(`mcroutes: reading settings failed: ${describeError(error)}`);
      return { settings: { ...DEFAULT_SETTINGS, clusterNetwork: [...DEFAULT_SETTINGS.clusterNetwork], serviceNetwork: [...DEFAULT_SETTINGS.serviceNetwork], machineNetwork: [...DEFAULT_SETTINGS.machineNetwork] }, complaints: [] };
    }
    this.report(reading.complaints);
    return reading;
  }

  /**
   * One notice per reading, about the complaints it has that the last one had not: a user
   * who fixes one of two bad values is not told about the other again. Never waited for:
   * the notice stays open as long as the user likes while the server goes on.
   */
  private report(complaints: readonly SettingsComplaint[]): void {
    const fresh = complaints.filter((complaint) => !this.told.has(complaint.message));
    this.told = new Set(complaints.map((complaint) => complaint.message));
    for (const complaint of fresh) this.log.warn(complaint.message);
    const notice = settingsNotice(fresh);
    if (!notice) return;
    const failed = (error: unknown): void => this.log.error(`mcroutes: could not show a settings notice: ${describeError(error)}`);
    try {
      if (!this.options.opensSettings) {
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: notice.message }).catch(failed);
        return;
      }
      // window/showMessageRequest: answered when the user picks the button or closes the notice.
      void this.connection.window.showWarningMessage(notice.message, { title: OPEN_SETTINGS }).then((picked) => {
        if (picked?.title !== OPEN_SETTINGS) return;
        const params: OpenSettingsParams = { settings: notice.settings };
        return this.connection.sendNotification(Methods.openSettings, params);
      }).catch(failed);
    } catch (error) {
      failed(error);
    }
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
