/** What every rule reports. Offsets are UTF-16 offsets into the whole file text. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type RuleId =
  | 'yaml-syntax'
  | 'mc-api-version'
  | 'mc-role-label'
  | 'ign-version'
  | 'ign-unknown-key'
  | 'unit-name'
  | 'unit-parse'
  | 'unit-network-online'
  | 'route-cidr'
  | 'route-host-bits'
  | 'route-family'
  | 'route-gateway';

export interface Problem {
  code: RuleId;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Machine-readable facts for quick fixes (never parse the message). */
  data?: Record<string, unknown>;
}

/** A rule that threw: reported to the log, never to the user as a finding. */
export interface RuleFailure {
  rule: string;
  error: string;
}
