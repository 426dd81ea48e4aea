/** The findings of `mcroutes lint` as text lines or a JSON array. */
import type { Severity } from '../core/text/problem';

export interface Finding {
  /** The path as shown (relative to the working directory when it is inside it; `-` for stdin). */
  file: string;
  /** 1-based; columns in UTF-16 code units, as the editor and SARIF count them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** Other places the finding is about (the config that wins over this one), 1-based. */
  related?: { file: string; line: number; column: number; message: string }[];
}

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

export function textLine(f: Finding, colour: boolean): string {
  const severity = colour ? `${COLOURS[f.severity]}${f.severity}\x1b[0m` : f.severity;
  const where = colour ? `\x1b[1m${f.file}:${f.line}:${f.column}\x1b[0m` : `${f.file}:${f.line}:${f.column}`;
  const see = (f.related ?? []).map((r) => ` (see ${r.file}:${r.line})`).join('');
  return `${where} ${severity} ${f.code} ${f.message}${see}\n`;
}

export function jsonOutput(findings: Finding[]): string {
  return `${JSON.stringify(findings.map(({ file, line, column, endLine, endColumn, severity, code, message, related }) =>
    ({ file, line, column, endLine, endColumn, severity, code, message, ...(related ? { related } : {}) })), null, 2)}\n`;
}

/** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColour(stream: { isTTY?: boolean }): boolean {
  return stream.isTTY === true && (process.env.NO_COLOR === undefined || process.env.NO_COLOR === '');
}
