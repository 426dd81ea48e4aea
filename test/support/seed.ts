/**
 * The seed, test/fixtures/seed-route.yaml, and its known findings with the default
 * settings (OVN-Kubernetes, no release set), declared once. The unit test checks the core
 * against them; protocol and extension tests wait for exactly this state ("the seed shows
 * its known findings, by code and range"), never for a count.
 *
 * No imports beyond node: the extension suite (inside VS Code) uses this file too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
/** Relative to REPO_ROOT, as the CLI tests name it. */
export const SEED_RELATIVE = 'test/fixtures/seed-route.yaml';
export const SEED_PATH = path.join(REPO_ROOT, SEED_RELATIVE);
export const SEED = fs.readFileSync(SEED_PATH, 'utf8');

/** A fixture's text, by its path under test/fixtures. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface KnownFinding {
  /** 1-based, as the CLI prints it. */
  line: number;
  column: number;
  severity: Severity;
  code: string;
  /** The text its range covers, exactly (on one line). */
  text: string;
  /** Given on OVN-Kubernetes (the default) only; not on OpenShift SDN. */
  ovnOnly?: true;
}

export const SEED_FINDINGS: readonly KnownFinding[] = [
  { line: 17, column: 5, severity: 'warning', code: 'ign-unknown-key', text: 'networkd' },
  { line: 25, column: 14, severity: 'warning', code: 'unit-network-online', text: 'After=network-online.target' },
  { line: 28, column: 14, severity: 'info', code: 'unit-oneshot-remain', text: 'Type=oneshot' },
  { line: 29, column: 24, severity: 'info', code: 'unit-exec-shell', text: 'nmcli' },
  { line: 29, column: 30, severity: 'hint', code: 'nmcli-device-runtime', text: 'dev modify' },
  { line: 29, column: 41, severity: 'info', code: 'nmcli-ovn-port', text: 'ens5', ovnOnly: true },
  { line: 29, column: 60, severity: 'hint', code: 'route-ovn-egress', text: '192.168.1.0/24', ovnOnly: true },
  { line: 34, column: 3, severity: 'info', code: 'mc-os-image-url', text: 'osImageURL' },
];

/** The seed's findings with other settings or output options. */
export function seedFindings(options: { hints?: boolean; networkType?: 'OVNKubernetes' | 'OpenShiftSDN' } = {}): KnownFinding[] {
  return SEED_FINDINGS.filter((f) => (options.hints ?? true) || f.severity !== 'hint')
    .filter((f) => (options.networkType ?? 'OVNKubernetes') === 'OVNKubernetes' || !f.ovnOnly);
}

/** `17:5 warning ign-unknown-key`: a finding as a line of `mcroutes lint` says it, without file and message. */
export function lintLine(f: KnownFinding): string {
  return `${f.line}:${f.column} ${f.severity} ${f.code}`;
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** A finding as the protocol and the editor place it: its code and its 0-based range. */
export interface PlacedFinding {
  code: string;
  range: Range;
}

export function rangeOf(f: KnownFinding): Range {
  const line = f.line - 1;
  const character = f.column - 1;
  return { start: { line, character }, end: { line, character: character + f.text.length } };
}

export function placed(findings: readonly KnownFinding[]): PlacedFinding[] {
  return findings.map((f) => ({ code: f.code, range: rangeOf(f) }));
}

/** The seed as the protocol and the editor show it, by code and range. */
export const SEED_STATE: readonly PlacedFinding[] = placed(SEED_FINDINGS);

/** `ign-unknown-key 16:4-16:12`, for comparing and for failure messages. */
export function keyOf(f: PlacedFinding): string {
  const { start, end } = f.range;
  return `${f.code} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** The findings' keys, sorted: two lists with the same keys show the same state. */
export function keysOf(list: readonly PlacedFinding[]): string[] {
  return list.map(keyOf).sort();
}

/** Exactly these findings, by code and range, in any order. */
export function sameFindings(actual: readonly PlacedFinding[], expected: readonly PlacedFinding[]): boolean {
  if (actual.length !== expected.length) return false;
  const a = keysOf(actual);
  const b = keysOf(expected);
  return a.every((key, i) => key === b[i]);
}

/** The seed's state: exactly its known findings by code and range. */
export function showsSeedFindings(actual: readonly PlacedFinding[]): boolean {
  return sameFindings(actual, SEED_STATE);
}
