import { EmbeddedText, EmbeddedTextBuilder } from '../text/embeddedText';
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
  const lines = splitLines(text);
  let current: UnitSection | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.length === 0 || line.value[0] === '#' || line.value[0] === ';') continue;

    if (line.value[0] === '[') {
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

    // Gather continuation lines: systemd joins them with a space in place of the backslash.
    const pieces: EmbeddedText[] = [line];
    let last = line;
    while (last.value.endsWith('\\')) {
      if (i + 1 >= lines.length) {
        errors.push({ message: 'The last line ends with a backslash: the continuation never ends.', at: last.slice(last.length - 1) });
        break;
      }
      i++;
      const next = lines[i].trim();
      if (next.value[0] === '#' || next.value[0] === ';') continue;
      pieces.push(next);
      last = next;
    }
    const logical = joinContinuations(pieces);

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

function splitLines(text: EmbeddedText): EmbeddedText[] {
  return text.split('\n').map((line) => (line.value.endsWith('\r') ? line.slice(0, line.length - 1) : line));
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
