import { BACKSLASH, CR, HASH, OPEN_BRACKET, SEMICOLON } from '../text/charCodes';
import { EmbeddedText, EmbeddedTextBuilder, isTrimmedSpace, isWhitespaceAt } from '../text/embeddedText';
import { quoted } from '../text/quote';

export interface UnitDirective {
  section: string;
  key: EmbeddedText;
  /** The value with continuations joined (backslash-newline becomes a space, as systemd does). */
  value: EmbeddedText;
  /** From the key to the end of the value, for findings about the whole assignment. */
  whole: EmbeddedText;
}

export interface UnitSection {
  name: string;
  /** The `[Name]` header line. */
  header: EmbeddedText;
  directives: UnitDirective[];
}

export interface UnitSyntaxError {
  message: string;
  at: EmbeddedText;
}

export interface UnitFile {
  sections: UnitSection[];
  errors: UnitSyntaxError[];
}

/**
 * Reads a systemd unit file the way systemd's config parser does: comments start with
 * `#` or `;`, a trailing backslash continues the line, `Key=Value` belongs to the last
 * `[Section]` seen.
 */
export function parseUnitFile(text: EmbeddedText): UnitFile {
  const sections: UnitSection[] = [];
  const errors: UnitSyntaxError[] = [];
  // Lines are read by their offsets in the value: a mapped text is made only for what the
  // file keeps (headers, assignments), not for every line, blank and comment ones included.
  const lines = new UnitLines(text);
  let current: UnitSection | undefined;

  for (let i = 0; i < lines.count; i++) {
    const { from, to } = lines.trimmed(i);
    if (from === to) continue;
    const first = text.value.charCodeAt(from);
    if (first === HASH || first === SEMICOLON) continue;

    if (first === OPEN_BRACKET) {
      const line = text.slice(from, to);
      const close = line.value.indexOf(']');
      if (close < 0 || line.value.slice(close + 1).trim() !== '') {
        errors.push({ message: `Section header ${quoted(line.value)} must be a single [Name] on its own line.`, at: line });
        current = undefined;
        continue;
      }
      current = { name: line.value.slice(1, close), header: line, directives: [] };
      sections.push(current);
      continue;
    }

    let logical = text.slice(from, to);
    if (text.value.charCodeAt(to - 1) === BACKSLASH) {
      // Gather continuation lines: systemd joins them with a space in place of the backslash.
      const pieces: EmbeddedText[] = [logical];
      let last = logical;
      while (last.value.endsWith('\\')) {
        if (i + 1 >= lines.count) {
          errors.push({ message: 'The last line ends with a backslash: the continuation never ends.', at: last.slice(last.length - 1) });
          break;
        }
        i++;
        const next = lines.line(i).trim();
        if (next.value[0] === '#' || next.value[0] === ';') continue;
        pieces.push(next);
        last = next;
      }
      logical = joinContinuations(pieces);
    }

    const equals = logical.value.indexOf('=');
    if (equals < 0) {
      errors.push({ message: `${quoted(logical.value)} is not an assignment: a unit line is [Section], Key=Value or a comment.`, at: logical });
      continue;
    }
    if (!current) {
      errors.push({ message: `${quoted(logical.value)} stands before any [Section] header, so systemd ignores it.`, at: logical });
      continue;
    }
    const key = logical.slice(0, equals).trim();
    if (key.length === 0) {
      errors.push({ message: 'An assignment without a key.', at: logical });
      continue;
    }
    current.directives.push({ section: current.name, key, value: logical.slice(equals + 1).trim(), whole: logical });
  }
  return { sections, errors };
}

/** The lines of a unit text (split at `\n`, a `\r` before it dropped), by their offsets in its value. */
class UnitLines {
  /** Where each line starts in the value. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: EmbeddedText) {
    const value = text.value;
    for (let at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Line `i` without its `\r`: [from, to) of the value. */
  private bounds(i: number): { from: number; to: number } {
    const from = this.starts[i];
    let to = i + 1 < this.starts.length ? this.starts[i + 1] - 1 : this.text.value.length;
    if (to > from && this.text.value.charCodeAt(to - 1) === CR) to--;
    return { from, to };
  }

  /** Line `i` as a mapped text (as EmbeddedText.split and a dropped `\r` make it). */
  line(i: number): EmbeddedText {
    const { from, to } = this.bounds(i);
    return this.text.slice(from, to);
  }

  /** Line `i` without the whitespace around it (as EmbeddedText.trim): [from, to) of the value. */
  trimmed(i: number): { from: number; to: number } {
    let { from, to } = this.bounds(i);
    const value = this.text.value;
    while (from < to && isTrimmedSpace(value.charCodeAt(from))) from++;
    while (to > from && isTrimmedSpace(value.charCodeAt(to - 1))) to--;
    return { from, to };
  }
}

/** Every directive named `key` in `section` (case-sensitive, as systemd reads them). */
export function directivesOf(unit: UnitFile, section: string, key: string): readonly UnitDirective[] {
  let found: UnitDirective[] | undefined;
  for (const s of unit.sections) {
    if (s.name !== section) continue;
    for (const d of s.directives) if (d.key.value === key) (found ??= []).push(d);
  }
  // Most keys a rule asks for are not there: no new list for nothing.
  return found ?? NONE;
}

const NONE: readonly UnitDirective[] = Object.freeze([]);

/**
 * Whether the directive's value has `word` among its whitespace-separated words (as
 * `value.words()` splits them), read from the string: the rules that only ask "is this
 * unit named here" make no mapped text per word.
 */
export function valueHasWord(directive: UnitDirective, word: string): boolean {
  const value = directive.value.value;
  if (word.length === 0) return false;
  for (let at = value.indexOf(word); at >= 0; at = value.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || isWhitespaceAt(value, at - 1)) && (end === value.length || isWhitespaceAt(value, end))) return true;
  }
  return false;
}

function joinContinuations(pieces: EmbeddedText[]): EmbeddedText {
  if (pieces.length === 1) return pieces[0];
  const out = new EmbeddedTextBuilder(pieces[0].positionAt(0), true, pieces[0].grouped);
  pieces.forEach((piece, index) => {
    const isLast = index === pieces.length - 1;
    if (isLast) {
      out.copy(piece, 0, piece.length);
    } else {
      out.copy(piece, 0, piece.length - 1);
      const slash = piece.rangeOf(piece.length - 1);
      out.push(' ', slash.start, slash.end);
    }
  });
  return out.build();
}
