import type { Problem, TextEdit } from '../text/problem';
import { forEachNode, type YamlDocument } from '../text/yamlDocuments';

/** A file as document chunks, and moving a chunk's parse and findings to where the chunk sits in the file. */

/** Moves every offset of a parsed document by `delta` (the parse of a chunk starts at 0). */
export function shiftDocument(document: YamlDocument, delta: number): void {
  if (delta === 0) return;
  forEachNode(document, (node) => {
    if (node.range) node.range = [node.range[0] + delta, node.range[1] + delta, node.range[2] + delta];
  });
  const range = document.range;
  document.range = [range[0] + delta, range[1] + delta, range[2] + delta];
  for (const issue of [...document.errors, ...document.warnings]) issue.pos = [issue.pos[0] + delta, issue.pos[1] + delta];
}

/** Moves every offset of findings (and their fixes' edits) by `delta`. */
export function shiftProblems(problems: Problem[], delta: number): Problem[] {
  if (delta === 0) return problems;
  const move = (edit: TextEdit): TextEdit => ({ ...edit, start: edit.start + delta, end: edit.end + delta });
  return problems.map((p) => ({
    ...p,
    start: p.start + delta,
    end: p.end + delta,
    ...(p.fixes ? { fixes: p.fixes.map((f) => ({ ...f, edits: f.edits.map(move) })) } : {}),
  }));
}

/**
 * Cuts a file into document chunks. A line starting with `---` (followed by a space, a
 * tab or the end of the line) is always a document start in YAML; `%` directive lines
 * right before it belong to the document they introduce.
 */
export function splitDocumentChunks(text: string): { start: number; end: number }[] {
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    let at = m.index;
    // Pull preceding directive lines into this chunk.
    for (;;) {
      const previousLineStart = text.lastIndexOf('\n', at - 2) + 1;
      if (at === 0 || text[previousLineStart] !== '%') break;
      at = previousLineStart;
    }
    if (at > starts[starts.length - 1]) starts.push(at);
  }
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : text.length }));
}
