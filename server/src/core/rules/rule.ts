import type { FileRange } from '../embeddedText';
import type { MachineConfigModel } from '../model';
import type { Fix, Problem, RuleId, Severity } from '../problem';
import type { Settings } from '../settings';
import type { YamlDocument } from '../yamlDocuments';

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
  /** Absent for a document of a file that is not a MachineConfig (only yaml-syntax looks there). */
  machineConfig?: MachineConfigModel;
  report(finding: Finding): void;
}

/** What the other documents of the file say, for findings that depend on them. */
export interface FileFacts {
  /** Roles selected by the MachineConfigPools of the file. */
  poolRoles: ReadonlySet<string>;
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
}
