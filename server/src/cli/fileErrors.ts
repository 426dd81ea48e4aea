import { readFileSync } from 'node:fs';
/** Why a file could not be read or written, in the words `ls` and `cp` use. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
};

export function fileErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return error instanceof Error ? error.message : String(error);
}

/**
 * The text of an input file (`0` for stdin), or undefined after saying on `err` why it cannot
 * be read: a read error, or bytes that are not text (a NUL).
 */
export function readInputText(file: string | 0, name: string, err: (text: string) => void): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    err(`mcroutes: cannot read ${name}: ${fileErrorReason(error)}\n`);
    return undefined;
  }
  if (text.includes('\0')) {
    err(`mcroutes: ${name} is not a text file\n`);
    return undefined;
  }
  return text;
}
