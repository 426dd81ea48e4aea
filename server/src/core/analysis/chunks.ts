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

/**
 * `text` copied, holding on to nothing it was cut from. V8 makes a slice of 13 characters or
 * more a view into the string it was cut from, and the slice keeps that string alive: a
 * chunk parsed from `file.slice(start, end)`, and every string cut from the parse, would keep
 * that version of the whole file in memory for as long as the chunk is kept. The incremental
 * linter keeps chunks across edits, so it kept one copy of the file per version in which it
 * analysed a chunk (11 copies of a 1.6 MB file after edits in 10 of its documents).
 * Concatenation then slicing makes V8 copy the characters into a string of their own.
 */
export function detachedCopy(text: string): string {
  return (' ' + text).slice(1);
}

/** Moves every offset of findings (and their fixes' edits) by `delta`. */
export function shiftProblems(problems: Problem[], delta: number): Problem[] {
  if (delta === 0) return problems;
  const move = (edit: TextEdit): TextEdit => ({ ...edit, start: edit.start + delta, end: edit.end + delta });
  // Copied with Object.assign and then changed: V8 (node 20) spreads findings of several
  // shapes several times slower, and a keystroke moves every finding after it.
  return problems.map((p) => {
    const moved = Object.assign({}, p);
    moved.start = p.start + delta;
    moved.end = p.end + delta;
    if (p.fixes) moved.fixes = p.fixes.map((f) => ({ ...f, edits: f.edits.map(move) }));
    return moved;
  });
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
