/** A half-open range of offsets into the whole file text. */
export interface FileRange {
  start: number;
  end: number;
}

/**
 * A string value together with where each of its characters came from in the file.
 *
 * Every character of `value` knows the file range that produced it: one source character
 * for plain text, two for an escape such as `\n`, the line break for a folded space. Slices and derived texts (a unit line, a shell-split
 * argument, a route inside it) keep pointing at the file, so a finding deep inside an
 * embedded unit still underlines the exact characters the user typed.
 */
export class EmbeddedText {
  private constructor(
    readonly value: string,
    /**
     * Where the characters come from, as runs (see Origins): value[i] is character
     * base + i of the runs. A slice shares the runs of the text it was cut from.
     */
    private readonly origins: Origins,
    private readonly base: number,
    /** Where an empty text sits in the file. */
    private readonly anchor: number,
    /**
     * False when the characters cannot be told apart one by one in the file: an untraced
     * scalar maps each to the whole node, base64 data each to the 4 characters of its group.
     * The ranges are still true, but such a text is neither edited in place (the file does
     * not hold its characters) nor pointed into (indexAt).
     */
    readonly exact: boolean,
    /**
     * The characters come from groups of the file's characters that encode several of them
     * (base64: 4 characters for 3 bytes). A range over many of them would underline a run of
     * encoded characters nobody can read; it is cut to the groups of its start, at most
     * GROUPED_RANGE_LIMIT characters, which is where the problem is.
     */
    readonly grouped = false,
  ) {}

  /** A value that is a verbatim copy of the file from `fileStart`. */
  static verbatim(value: string, fileStart: number): EmbeddedText {
    const origins: Origins = [];
    addVerbatim(origins, 0, fileStart, value.length);
    return new EmbeddedText(value, origins, 0, fileStart, true);
  }

  /** A value whose characters cannot be traced individually: all of them map to `range`. */
  static coarse(value: string, range: FileRange): EmbeddedText {
    const origins: Origins = [];
    addSpanning(origins, 0, range.start, range.end, value.length);
    return new EmbeddedText(value, origins, 0, range.start, false);
  }

  get length(): number {
    return this.value.length;
  }

  /** The file range of value[from, to). An empty range sits where the character would be. */
  rangeOf(from = 0, to = this.value.length): FileRange {
    from = clamp(from, 0, this.value.length);
    to = clamp(to, from, this.value.length);
    if (to > from) {
      let end = this.endOf(to - 1);
      let start = this.startOf(from);
      if (end < start) end = start;
      if (this.grouped && end - start > GROUPED_RANGE_LIMIT) end = this.groupedEnd(from, to, start);
      return { start, end };
    }
    const at = this.positionAt(from);
    return { start: at, end: at };
  }

  /** The end of the groups that encode value[from…] within GROUPED_RANGE_LIMIT characters of `start` (at least value[from]'s own). */
  private groupedEnd(from: number, to: number, start: number): number {
    let end = this.endOf(from);
    for (let i = from + 1; i < to; i++) {
      const next = this.endOf(i);
      if (next - start > GROUPED_RANGE_LIMIT) break;
      if (next > end) end = next;
    }
    return end;
  }

  /** The same text, marked as encoded in groups (see `grouped`). */
  asGrouped(): EmbeddedText {
    return new EmbeddedText(this.value, this.origins, this.base, this.anchor, this.exact, true);
  }

  /** The file offset of the boundary before value[index]. */
  positionAt(index: number): number {
    if (this.value.length === 0) return this.anchor;
    if (index < this.value.length) return this.startOf(Math.max(0, index));
    return this.endOf(this.value.length - 1);
  }

  /**
   * The value index of the character produced at file offset `offset` (the inverse map),
   * or the index just past the text when `offset` is at its end; undefined when the
   * offset is outside the text or the mapping is not exact.
   */
  indexAt(offset: number): number | undefined {
    if (!this.exact) return undefined;
    const n = this.value.length;
    if (n === 0) return offset === this.anchor ? 0 : undefined;
    if (offset === this.endOf(n - 1)) return n;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.startOf(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.startOf(lo) <= offset && offset < Math.max(this.endOf(lo), this.startOf(lo) + 1) ? lo : undefined;
  }

  /** Whether file offset `offset` lies within the text, its end included. */
  covers(offset: number): boolean {
    if (this.value.length === 0) return offset === this.anchor;
    // The whole extent, not rangeOf's: a grouped text's range is cut to its first groups.
    return this.startOf(0) <= offset && offset <= Math.max(this.startOf(0), this.endOf(this.value.length - 1));
  }

  /** The same mapping for value[from, to). */
  slice(from: number, to = this.value.length): EmbeddedText {
    from = clamp(from, 0, this.value.length);
    to = clamp(to, from, this.value.length);
    // A text never changes: the whole of it is itself.
    if (from === 0 && to === this.value.length) return this;
    // Only an empty text reads its anchor: a slice with characters need not look it up.
    const anchor = to > from ? NO_ANCHOR : this.positionAt(from);
    return new EmbeddedText(this.value.slice(from, to), this.origins, this.base + from, anchor, this.exact, this.grouped);
  }

  /** value without leading and trailing whitespace, still mapped. */
  trim(): EmbeddedText {
    let from = 0;
    let to = this.value.length;
    while (from < to && isTrimmedSpace(this.value.charCodeAt(from))) from++;
    while (to > from && isTrimmedSpace(this.value.charCodeAt(to - 1))) to--;
    return this.slice(from, to);
  }

  /** Splits on a separator character, keeping each part mapped. */
  split(separator: string): EmbeddedText[] {
    const parts: EmbeddedText[] = [];
    let from = 0;
    for (;;) {
      const at = this.value.indexOf(separator, from);
      if (at < 0) break;
      parts.push(this.slice(from, at));
      from = at + separator.length;
    }
    parts.push(this.slice(from));
    return parts;
  }

  /** The whitespace-separated words (`\S+`), each still mapped. */
  words(): EmbeddedText[] {
    const words: EmbeddedText[] = [];
    const value = this.value;
    let at = 0;
    for (;;) {
      while (at < value.length && isWhitespaceAt(value, at)) at++;
      if (at >= value.length) return words;
      const start = at;
      while (at < value.length && !isWhitespaceAt(value, at)) at++;
      words.push(this.slice(start, at));
    }
  }

  /**
   * `inner` read out of this text's value (its origins are indices into `value`, not file
   * offsets: a file decoded from a data URL, a scalar of a YAML file inside it), mapped on
   * through this text to the file. Exact when both maps are.
   */
  compose(inner: EmbeddedText): EmbeddedText {
    const origins: Origins = [];
    for (let i = 0; i < inner.length; i++) {
      const range = this.rangeOf(inner.startOf(i), inner.endOf(i));
      addSpanning(origins, i, range.start, range.end, 1);
    }
    return new EmbeddedText(inner.value, origins, 0, this.positionAt(inner.positionAt(0)), this.exact && inner.exact, this.grouped || inner.grouped);
  }

  /** File offset where character `index` starts. */
  startOf(index: number): number {
    const at = this.base + index;
    const run = runOf(this.origins, at);
    const origins = this.origins;
    return origins[run + 2] === VERBATIM ? origins[run + 1] + (at - origins[run]) : origins[run + 1];
  }

  /** File offset where character `index` ends. */
  endOf(index: number): number {
    const at = this.base + index;
    const run = runOf(this.origins, at);
    const origins = this.origins;
    return origins[run + 2] === VERBATIM ? origins[run + 1] + (at - origins[run]) + 1 : origins[run + 2];
  }

  /** For EmbeddedTextBuilder.copy: appends the origins of value[from, to) to `origins`, which holds `count` characters. */
  copyOrigins(origins: Origins, count: number, from: number, to: number): void {
    const own = this.origins;
    let at = this.base + from;
    const stop = this.base + to;
    for (let run = runOf(own, at); at < stop; run += RUN) {
      const runEnd = run + RUN < own.length ? Math.min(own[run + RUN], stop) : stop;
      if (own[run + 2] === VERBATIM) addVerbatim(origins, count, own[run + 1] + (at - own[run]), runEnd - at);
      else addSpanning(origins, count, own[run + 1], own[run + 2], runEnd - at);
      count += runEnd - at;
      at = runEnd;
    }
  }

  /** A text of `value` with origins built by EmbeddedTextBuilder (which hands them over). */
  static fromOrigins(value: string, origins: Origins, anchor: number, exact: boolean, grouped: boolean): EmbeddedText {
    return new EmbeddedText(value, origins, 0, anchor, exact, grouped);
  }
}

/**
 * Where each character of a text comes from in the file, as runs of characters: three
 * numbers per run, `[first, start, end]`. The run holds the characters from index `first`
 * up to the next run's `first` (the last run: to the end of the text). With `end` ===
 * VERBATIM the run is a copy of the file from `start` (its j-th character comes from
 * [start + j, start + j + 1)); otherwise every character of the run comes from
 * [start, end) (an escape, a folded line break, a base64 group, an untraced scalar).
 *
 * A unit of ten lines in a block scalar is ten runs, where one start and one end per
 * character made two typed arrays of its length for every text built from it, which was
 * most of what reading a MachineConfig allocated.
 */
type Origins = number[];

const RUN = 3;
/** The anchor of a text with characters, which never reads it (positionAt, indexAt and covers read it only when empty). */
const NO_ANCHOR = -1;
const VERBATIM = -1;

/** The run (its offset in `origins`) that holds character `at`: the last whose first character is at or before it. */
function runOf(origins: Origins, at: number): number {
  let lo = 0;
  let hi = origins.length / RUN - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (origins[mid * RUN] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo * RUN;
}

/** Appends `length` characters copied from the file at `start`; `count` characters are there already. */
function addVerbatim(origins: Origins, count: number, start: number, length: number): void {
  if (length <= 0) return;
  const last = origins.length - RUN;
  // The same copy of the file going on: the last run grows.
  if (last >= 0 && origins[last + 2] === VERBATIM && origins[last + 1] + (count - origins[last]) === start) return;
  origins.push(count, start, VERBATIM);
}

/** Appends `length` characters that each come from [start, end); `count` characters are there already. */
function addSpanning(origins: Origins, count: number, start: number, end: number, length: number): void {
  if (length <= 0) return;
  // One character of one character of the file: a copy, which may continue the last run.
  if (length === 1 && end === start + 1) return addVerbatim(origins, count, start, 1);
  const last = origins.length - RUN;
  if (last >= 0 && origins[last + 1] === start && origins[last + 2] === end) return;
  origins.push(count, start, end);
}

/** Two base64 groups: one character, or one UTF-8 character straddling two groups. */
export const GROUPED_RANGE_LIMIT = 8;

/** Builds a derived text character by character (unescaping, joining continuations). */
export class EmbeddedTextBuilder {
  private text = '';
  private origins: Origins = [];
  private count = 0;

  constructor(
    /** Where the text sits in the file while it is empty. */
    private readonly anchor: number,
    private exact = true,
    /** The characters come from a grouped text (base64): see EmbeddedText.grouped. */
    private grouped = false,
  ) {}

  get length(): number {
    return this.count;
  }

  /** Appends `value` as produced by the file range [start, end). */
  push(value: string, start: number, end: number): void {
    addSpanning(this.origins, this.count, start, end, value.length);
    this.count += value.length;
    this.text += value;
  }

  /** Appends text[from, to) verbatim: each character is its own source. */
  pushVerbatim(text: string, from: number, to: number): void {
    if (to <= from) return;
    addVerbatim(this.origins, this.count, from, to - from);
    this.count += to - from;
    this.text += text.slice(from, to);
  }

  /** Copies source[from, to) with its origins. */
  copy(source: EmbeddedText, from: number, to: number): void {
    if (!source.exact) this.exact = false;
    if (source.grouped) this.grouped = true;
    if (to <= from) return;
    source.copyOrigins(this.origins, this.count, from, to);
    this.count += to - from;
    this.text += source.value.slice(from, to);
  }

  /** Drops trailing characters for which `drop` holds (e.g. whitespace before a fold). */
  trimEnd(drop: (ch: string) => boolean): void {
    const before = this.count;
    while (this.count > 0 && drop(this.text[this.count - 1])) this.count--;
    if (this.count === before) return;
    this.text = this.text.slice(0, this.count);
    // Runs that now start at or past the end go; the last one left ends at the new end.
    while (this.origins.length > 0 && this.origins[this.origins.length - RUN] >= this.count) this.origins.length -= RUN;
  }

  lastChar(): string | undefined {
    return this.count > 0 ? this.text[this.count - 1] : undefined;
  }

  /** The text built so far; the builder is not to be used after (the text takes its origins). */
  build(): EmbeddedText {
    return EmbeddedText.fromOrigins(this.text, this.origins, this.anchor, this.exact, this.grouped);
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

/** Whitespace to trim(): space, tab, newline, carriage return. */
export function isTrimmedSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Whether value[at] is whitespace to a regular expression (`\s`), as words() splits: ASCII answered without one. */
export function isWhitespaceAt(value: string, at: number): boolean {
  const c = value.charCodeAt(at);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : WHITESPACE.test(value[at]);
}

const WHITESPACE = /\s/;
