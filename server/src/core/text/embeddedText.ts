/** A half-open range of offsets into the whole file text. */
export interface FileRange {
  start: number;
  end: number;
}

/**
 * A string value together with where each of its characters came from in the file.
 *
 * Every character i of `value` knows the file range [starts[i], ends[i]) that produced
 * it: one source character for plain text, two for an escape such as `\n`, the line
 * break for a folded space. Slices and derived texts (a unit line, a shell-split
 * argument, a route inside it) keep pointing at the file, so a finding deep inside an
 * embedded unit still underlines the exact characters the user typed.
 */
export class EmbeddedText {
  private constructor(
    readonly value: string,
    /**
     * Origins of value[i] at starts[base + i] and ends[base + i]: a slice shares the arrays
     * of the text it was cut from (a typed-array view per slice cost more than the slice).
     */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
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
    const starts = new Int32Array(value.length);
    const ends = new Int32Array(value.length);
    for (let i = 0; i < value.length; i++) {
      starts[i] = fileStart + i;
      ends[i] = fileStart + i + 1;
    }
    return new EmbeddedText(value, starts, ends, 0, fileStart, true);
  }

  /** A value whose characters cannot be traced individually: all of them map to `range`. */
  static coarse(value: string, range: FileRange): EmbeddedText {
    const starts = new Int32Array(value.length).fill(range.start);
    const ends = new Int32Array(value.length).fill(range.end);
    return new EmbeddedText(value, starts, ends, 0, range.start, false);
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
    return new EmbeddedText(this.value, this.starts, this.ends, this.base, this.anchor, this.exact, true);
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
    return new EmbeddedText(this.value.slice(from, to), this.starts, this.ends, this.base + from, this.positionAt(from), this.exact, this.grouped);
  }

  /** value without leading and trailing whitespace, still mapped. */
  trim(): EmbeddedText {
    let from = 0;
    let to = this.value.length;
    while (from < to && isSpace(this.value.charCodeAt(from))) from++;
    while (to > from && isSpace(this.value.charCodeAt(to - 1))) to--;
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

  /** The whitespace-separated words, each still mapped. */
  words(): EmbeddedText[] {
    const words: EmbeddedText[] = [];
    const pattern = /\S+/g;
    for (let m = pattern.exec(this.value); m; m = pattern.exec(this.value)) {
      words.push(this.slice(m.index, m.index + m[0].length));
    }
    return words;
  }

  /**
   * `inner` read out of this text's value (its origins are indices into `value`, not file
   * offsets: a file decoded from a data URL, a scalar of a YAML file inside it), mapped on
   * through this text to the file. Exact when both maps are.
   */
  compose(inner: EmbeddedText): EmbeddedText {
    const n = inner.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const range = this.rangeOf(inner.startOf(i), inner.endOf(i));
      starts[i] = range.start;
      ends[i] = range.end;
    }
    return new EmbeddedText(inner.value, starts, ends, 0, this.positionAt(inner.positionAt(0)), this.exact && inner.exact, this.grouped || inner.grouped);
  }

  /** File offset where character `index` starts (no allocation, for hot loops). */
  startOf(index: number): number {
    return this.starts[this.base + index];
  }

  /** File offset where character `index` ends. */
  endOf(index: number): number {
    return this.ends[this.base + index];
  }

  static fromArrays(value: string, starts: Int32Array, ends: Int32Array, anchor: number, exact: boolean): EmbeddedText {
    return new EmbeddedText(value, starts, ends, 0, anchor, exact);
  }
}

const NO_ORIGINS = new Int32Array(0);

/** Two base64 groups: one character, or one UTF-8 character straddling two groups. */
export const GROUPED_RANGE_LIMIT = 8;

/** Builds a derived text character by character (unescaping, joining continuations). */
export class EmbeddedTextBuilder {
  private text = '';
  // Allocated on the first character: many builders (a word being read) end up empty.
  private starts = NO_ORIGINS;
  private ends = NO_ORIGINS;
  private count = 0;

  /**
   * @param capacity how many characters the text will about have, when the caller knows
   *   (a scalar's source length): the arrays are then allocated once, not grown. The
   *   default, 16 entries (64 bytes), is the size V8 keeps inside the heap: most derived
   *   texts are short words, and an array with an external buffer costs more to allocate.
   */
  constructor(
    private readonly anchor: number,
    private exact = true,
    private readonly capacity = 16,
    /** The characters come from a grouped text (base64): see EmbeddedText.grouped. */
    private grouped = false,
  ) {}

  get length(): number {
    return this.count;
  }

  /** Appends `value` as produced by the file range [start, end). */
  push(value: string, start: number, end: number): void {
    this.reserve(value.length);
    for (let i = 0; i < value.length; i++) {
      this.starts[this.count] = start;
      this.ends[this.count] = end;
      this.count++;
    }
    this.text += value;
  }

  /** Appends text[from, to) verbatim: each character is its own source. */
  pushVerbatim(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    for (let i = from; i < to; i++) {
      this.starts[this.count] = i;
      this.ends[this.count] = i + 1;
      this.count++;
    }
    this.text += text.slice(from, to);
  }

  /** Copies source[from, to) with its origins. */
  copy(source: EmbeddedText, from: number, to: number): void {
    if (!source.exact) this.exact = false;
    if (source.grouped) this.grouped = true;
    if (to <= from) return;
    this.reserve(to - from);
    for (let i = from; i < to; i++) {
      this.starts[this.count] = source.startOf(i);
      this.ends[this.count] = source.endOf(i);
      this.count++;
    }
    this.text += source.value.slice(from, to);
  }

  /** Drops trailing characters for which `drop` holds (e.g. whitespace before a fold). */
  trimEnd(drop: (ch: string) => boolean): void {
    const before = this.count;
    while (this.count > 0 && drop(this.text[this.count - 1])) this.count--;
    if (this.count !== before) this.text = this.text.slice(0, this.count);
  }

  lastChar(): string | undefined {
    return this.count > 0 ? this.text[this.count - 1] : undefined;
  }

  build(): EmbeddedText {
    const text = EmbeddedText.fromArrays(this.text, this.starts.slice(0, this.count), this.ends.slice(0, this.count), this.anchor, this.exact);
    return this.grouped ? text.asGrouped() : text;
  }

  private reserve(extra: number): void {
    const needed = this.count + extra;
    if (needed <= this.starts.length) return;
    let capacity = Math.max(this.starts.length * 2, this.capacity, 1);
    while (capacity < needed) capacity *= 2;
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.count));
    ends.set(this.ends.subarray(0, this.count));
    this.starts = starts;
    this.ends = ends;
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
