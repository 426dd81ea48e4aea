import type { CST } from 'yaml';

/** Thrown (never an Error: no stack trace is made) when the text leaves the subset. */
export const UNSUPPORTED = Symbol('unsupported YAML');

export function unsupported(): never {
  throw UNSUPPORTED;
}

/** The library lexer's token types the subset has (`doc-mode`: a document starts without `---`). */
export type TokenType = CST.SourceToken['type'] | 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar' | 'doc-mode';
