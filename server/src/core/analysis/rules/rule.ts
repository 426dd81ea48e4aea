import type { FileRange } from '../../text/embeddedText';
import type { IgnitionConfig, MachineConfigModel } from '../../kinds/machineconfig/model';
import type { AppliedState, DocumentKind } from '../../kinds/documentKind';
import type { Route } from '../../routes/route';
import type { Fix, Problem, RuleId, Severity } from '../../text/problem';
import type { Settings } from '../../text/settings';
import type { YamlDocument } from '../../text/yamlDocuments';

export interface Finding {
  severity: Severity;
  message: string;
  range: FileRange;
  data?: Record<string, unknown>;
  fixes?: Fix[];
}

export interface RuleContext {
  text: string;
  settings: Settings;
  document: YamlDocument;
  /** The document's kind and model; absent for a document of no kind we read, or one that does not parse. */
  kind?: DocumentKind;
  model?: unknown;
  /** Every route of the document, whatever wrote it (empty without a kind). */
  readonly routes: readonly Route[];
  /** Every nmstate state of the document (a policy's, an NMStateConfig's, a bare file's, a MachineConfig's nmstate files). */
  readonly states: readonly AppliedState[];
  /** The model when the document is a MachineConfig, for the rules about MachineConfigs. */
  machineConfig?: MachineConfigModel;
  /**
   * The Ignition config the document carries (a MachineConfig's spec.config, a Butane config),
   * for the rules about units, files and the routes in them, whatever wrote the config.
   */
  ignition?: IgnitionConfig;
  report(finding: Finding): void;
}

/** What a set of documents says about MachineConfigPools. */
export interface PoolFacts {
  /** How many MachineConfigPools there are. */
  pools: number;
  /** Roles their machineConfigSelectors select. */
  poolRoles: ReadonlySet<string>;
}

/** What the other documents of the file say, for findings that depend on them. */
export interface FileFacts extends PoolFacts {
  /**
   * The MachineConfigPools beyond the file: the workspace the server scans, or the other
   * files `mcroutes lint` was given. Absent when nothing beyond the file is known.
   */
  workspace?: PoolFacts;
}

export interface Rule {
  id: RuleId;
  /** Looks at one YAML document (the incremental linter re-checks only the documents that change). */
  check(context: RuleContext): void;
  /**
   * Whether one of this rule's findings still holds given the whole file: rules see one
   * document at a time, and a few findings are answered by another document of the file.
   */
  holdsInFile?(problem: Problem, file: FileFacts): boolean;
  /**
   * One of this rule's findings as the whole file (and what is known beyond it) has it: the
   * same, changed (its severity or message), or undefined when it no longer holds.
   */
  settleInFile?(problem: Problem, file: FileFacts): Problem | undefined;
  /** A finding about the file as a whole: only the first of the file is kept (each document reports it). */
  oncePerFile?: boolean;
}
