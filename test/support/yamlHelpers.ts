import { parseDocument, Scalar, isScalar } from 'yaml';

/** The scalar at `path` of a one-document YAML text, parsed the way the core parses. */
export function scalarAt(text: string, path: (string | number)[]): Scalar {
  const doc = parseDocument(text, { version: '1.1', keepSourceTokens: true, prettyErrors: false });
  const node = doc.getIn(path, true);
  if (!isScalar(node)) throw new Error(`no scalar at ${path.join('.')}`);
  return node;
}

/** Offset of the n-th (0-based) occurrence of `needle` in `text`; throws if absent. */
export function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} occurrence ${nth} not in text`);
  }
  return at;
}
