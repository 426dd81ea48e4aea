/**
 * The custom requests between the VS Code client and the server, declared once and
 * imported by both sides (no runtime dependencies, so the client bundle stays small).
 * The client asks the server for anything the core knows; it never re-implements it.
 */

import type { Assumptions } from './core/ide/assumptions';
import type { WizardAnswers } from './core/ide/generate';
import type { WizardCheck, WizardDefaults, WizardDraft, WizardStep } from './core/ide/wizardCheck';

export type { RouteAnswer, RouteMethod, WizardAnswers } from './core/ide/generate';
export type { WizardCheck, WizardDefaults, WizardDraft, WizardStep } from './core/ide/wizardCheck';
export type { Assumptions } from './core/ide/assumptions';

/** Method names of the custom requests. */
export const Methods = {
  /** The route wizard: proposals for the next answers (interface, name, Ignition versions). */
  wizardDefaults: 'mcroutes/wizardDefaults',
  /** The route wizard: one answer judged by the linter's rules, while the user types. */
  checkWizardInput: 'mcroutes/checkWizardInput',
  /** The route wizard and `mcroutes new`: the YAML for complete answers. */
  generateConfig: 'mcroutes/generateConfig',
  /** The unit preview of a document: PreviewParams → PreviewResult | null (null: the server does not have the document). */
  preview: 'mcroutes/preview',
  /** The units and files a preview can show, with their ranges (code lenses): PreviewTargetsParams → PreviewTargetInfo[]. */
  previewTargets: 'mcroutes/previewTargets',
  /** The other form of a document, MachineConfig ⇄ Butane (core/kinds/butane/translate.ts): ConvertParams → ConvertResult | null (null: the server does not have the document). */
  convert: 'mcroutes/convert',
  /** What a pool's nodes get from the MachineConfigs of the open documents and workspace files (core/ide/poolPreview.ts): PoolPreviewParams → PoolPreviewResult. */
  previewPool: 'mcroutes/previewPool',
  /** The roles the open documents and workspace files know, for the pool pick: no params → PoolRolesResult. */
  poolRoles: 'mcroutes/poolRoles',
  /** Which server process answers: no params → ServerInfoResult. */
  serverInfo: 'mcroutes/serverInfo',
  /** Every rule id of the catalogue, for the client's "Show Rule Documentation" pick: no params → RuleIdsResult. */
  ruleIds: 'mcroutes/ruleIds',
  /** What the findings of a document assume about the cluster (release, network type, ranges), for the language status item: AssumptionsParams → AssumptionsResult | null (null: the server does not have the document). */
  assumptions: 'mcroutes/assumptions',
  /**
   * Server → client notification, after the server handled a settings change: what
   * `mcroutes/assumptions` answers may have changed. No params. Sent only to a client that
   * handles it (InitializationOptions.notifications).
   */
  settingsChanged: 'mcroutes/settingsChanged',
  /**
   * Server → client notification: the user picked "Open Settings" on a notice about setting
   * values that are not valid: OpenSettingsParams. Sent only to a client that said it opens
   * them (InitializationOptions.notifications); others get the notice without the button.
   */
  openSettings: 'mcroutes/openSettings',
} as const;

/** `mcroutes/assumptions` */
export interface AssumptionsParams {
  uri: string;
}
export type AssumptionsResult = Assumptions;

/** `mcroutes/openSettings` */
export interface OpenSettingsParams {
  /** The ids of the settings to show (`mcroutes.clusterNetwork`), at least one. */
  settings: string[];
}

/**
 * The VS Code client's command that opens the rule documentation packaged in the extension
 * (docs/rules.md, in the Markdown preview at the rule's heading); its arguments: `[ruleId]`.
 */
export const SHOW_RULE_DOCS_COMMAND = 'mcroutes.showRuleDocs';

/** What the VS Code client tells the server about itself in `initializationOptions`. */
export interface ClientInitializationOptions {
  /**
   * The client runs SHOW_RULE_DOCS_COMMAND from links: rule ids (diagnostic codes, hovers)
   * link to it instead of to the docs/rules.md beside the server.
   */
  ruleDocsCommand?: boolean;
  /**
   * `false`: the client's own hover already shows each diagnostic under the cursor with its
   * message, its code linked by `codeDescription` and its quick fixes (VS Code does), so the
   * server's hover gives only the element's help instead of saying each finding twice.
   */
  findingsInHover?: boolean;
  /**
   * The server's custom notifications the client handles (Methods; the VS Code client handles
   * them all). Others are not sent: with `mcroutes/openSettings`, a notice about setting values
   * that are not valid has an "Open Settings" button, without it the message alone.
   */
  notifications?: string[];
}

/** `mcroutes/ruleIds` */
export interface RuleIdsResult {
  ids: string[];
}

/** `mcroutes/serverInfo` */
export interface ServerInfoResult {
  pid: number;
  version: string;
  /** `process.version` of the Node running the server. */
  node: string;
  /** The node flags the server's process was started with (`process.execArgv`; server/src/serverProcess.ts). */
  execArgv: string[];
  /** CPU time the server process has used so far (user + system, all its threads), in microseconds. */
  cpuMicros: number;
  /** How long the server's event loop has been busy so far (not waiting for messages), in milliseconds. */
  busyMs: number;
  /** The largest resident set the server process has had, in bytes. */
  peakRssBytes: number;
}

/** `mcroutes/debug/gc` (tests only, server/src/lsp/serverInfo.ts): process.memoryUsage() after a garbage collection, in bytes. */
export interface DebugGcResult {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** `mcroutes/wizardDefaults` */
export interface WizardDefaultsParams {
  /** The document open in the editor: its routes' interface is proposed where br-ex is not. */
  uri?: string;
  draft: WizardDraft;
}
export type WizardDefaultsResult = WizardDefaults;

/** `mcroutes/checkWizardInput`, judged with the current `mcroutes.*` settings. */
export interface CheckWizardInputParams {
  step: WizardStep;
  value: string;
  draft: WizardDraft;
}
export type CheckWizardInputResult = WizardCheck;

/** `mcroutes/generateConfig`; the answers' networkType defaults to the `mcroutes.networkType` setting. */
export interface GenerateConfigParams {
  answers: WizardAnswers;
}
export interface GenerateConfigResult {
  text: string;
}

/** A position as LSP has it: zero-based line and UTF-16 character. */
export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

/**
 * `mcroutes/preview`: the unit preview text (server/src/core/ide/preview.ts) of the
 * document's current version. Give at most one of `unit`, `file` and `position`; with
 * none (or nothing at the position) every unit and file is previewed.
 */
/** `mcroutes/convert`: the open document's text translated to `to`. */
export interface ConvertParams {
  uri: string;
  to: 'machineconfig' | 'butane';
}
export interface ConvertResult {
  /** The translated YAML (what cannot be translated is a comment line in it); empty when nothing was translated. */
  text: string;
  /** What could not be translated. */
  notes: string[];
  /** How many documents were translated. */
  translated: number;
}

export interface PreviewParams {
  uri: string;
  /** A unit by its name, e.g. `nmcli-dev-modify.service`. */
  unit?: string;
  /** A storage.files entry by its path. */
  file?: string;
  /** An NMState document (NodeNetworkConfigurationPolicy, NMStateConfig) by its metadata.name. */
  state?: string;
  /** The unit, file or NMState document whose YAML entry holds this position (the cursor). */
  position?: ProtocolPosition;
}

export interface PreviewResult {
  /** The document version the preview was rendered from. */
  version: number;
  text: string;
  /** What `position` chose; absent when every unit and file is shown (or `unit`/`file` was given). */
  selected?: PreviewTargetInfo;
  /** Every unit and file that can be previewed on its own. */
  targets: PreviewTargetInfo[];
}

/** `mcroutes/previewTargets` */
export interface PreviewTargetsParams {
  uri: string;
}

export interface PreviewTargetInfo {
  kind: 'unit' | 'file' | 'state';
  /** The unit name, file path or NMState document's metadata.name; absent when the YAML entry has none. */
  name?: string;
  /** The whole YAML entry, from the start of its `- ` line. */
  range: ProtocolRange;
}

/** `mcroutes/previewPool` */
export interface PoolPreviewParams {
  /** The pool's role, e.g. `worker` or `infra`. */
  role: string;
}

export interface PoolPreviewResult {
  text: string;
  /** How many files were read (open documents and files on disk that mention a role or a pool). */
  files: number;
  /** What stopped the reading short, in words (the text says it too); absent when everything was read. */
  bound?: string;
}

/** `mcroutes/poolRoles` */
export interface PoolRolesResult {
  roles: string[];
  /** As in PoolPreviewResult. */
  bound?: string;
}
