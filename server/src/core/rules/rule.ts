import type { FileRange } from '../embeddedText';
import type { MachineConfigModel } from '../model';
import type { Fix, RuleId, Severity } from '../problem';
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

export interface Rule {
  id: RuleId;
  check(context: RuleContext): void;
}
