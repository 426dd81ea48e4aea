import * as assert from 'node:assert/strict';
import { EmbeddedText, EmbeddedTextBuilder, GROUPED_RANGE_LIMIT, type FileRange } from '../../server/src/core/text/embeddedText';

/**
 * EmbeddedText keeps where its characters come from as runs (a copy of the file from an
 * offset, or characters that all come from one range). This checks it against the plain
 * model it replaced: one start and one end per character. Random texts are built, sliced,
 * split, trimmed, copied and composed the same way in both, and every answer compared.
 */

/** The reference: each character with its own [start, end). */
class CharText {
  constructor(
    readonly value: string,
    readonly starts: number[],
    readonly ends: number[],
    readonly anchor: number,
    readonly exact: boolean,
    readonly grouped: boolean,
  ) {}

  static verbatim(value: string, at: number): CharText {
    return new CharText(value, [...value].map((_, i) => at + i), [...value].map((_, i) => at + i + 1), at, true, false);
  }

  static coarse(value: string, range: FileRange): CharText {
    return new CharText(value, [...value].map(() => range.start), [...value].map(() => range.end), range.start, false, false);
  }

  get length(): number {
    return this.value.length;
  }

  positionAt(index: number): number {
    if (this.length === 0) return this.anchor;
    return index < this.length ? this.starts[Math.max(0, index)] : this.ends[this.length - 1];
  }

  rangeOf(from = 0, to = this.length): FileRange {
    from = Math.min(Math.max(from, 0), this.length);
    to = Math.min(Math.max(to, from), this.length);
    if (to === from) return { start: this.positionAt(from), end: this.positionAt(from) };
    const start = this.starts[from];
    let end = Math.max(this.ends[to - 1], start);
    if (this.grouped && end - start > GROUPED_RANGE_LIMIT) {
      end = this.ends[from];
      for (let i = from + 1; i < to && this.ends[i] - start <= GROUPED_RANGE_LIMIT; i++) end = Math.max(end, this.ends[i]);
    }
    return { start, end };
  }

  indexAt(offset: number): number | undefined {
    if (!this.exact) return undefined;
    if (this.length === 0) return offset === this.anchor ? 0 : undefined;
    if (offset === this.ends[this.length - 1]) return this.length;
    // The same search as EmbeddedText's (origins need not rise everywhere in a random text).
    let found = 0;
    let last = this.length - 1;
    while (found < last) {
      const mid = (found + last + 1) >> 1;
      if (this.starts[mid] <= offset) found = mid;
      else last = mid - 1;
    }
    return this.starts[found] <= offset && offset < Math.max(this.ends[found], this.starts[found] + 1) ? found : undefined;
  }

  covers(offset: number): boolean {
    if (this.length === 0) return offset === this.anchor;
    return this.starts[0] <= offset && offset <= Math.max(this.starts[0], this.ends[this.length - 1]);
  }

  slice(from: number, to = this.length): CharText {
    from = Math.min(Math.max(from, 0), this.length);
    to = Math.min(Math.max(to, from), this.length);
    return new CharText(this.value.slice(from, to), this.starts.slice(from, to), this.ends.slice(from, to), this.positionAt(from), this.exact, this.grouped);
  }

  compose(inner: CharText): CharText {
    const ranges = inner.starts.map((start, i) => this.rangeOf(start, inner.ends[i]));
    return new CharText(inner.value, ranges.map((r) => r.start), ranges.map((r) => r.end), this.positionAt(inner.positionAt(0)), this.exact && inner.exact, this.grouped || inner.grouped);
  }
}

/** The reference builder. */
class CharBuilder {
  value = '';
  starts: number[] = [];
  ends: number[] = [];
  constructor(readonly anchor: number, public exact = true, public grouped = false) {}
  push(value: string, start: number, end: number): void {
    for (const ch of value) this.add(ch, start, end);
  }
  pushVerbatim(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) this.add(text[i], i, i + 1);
  }
  copy(source: CharText, from: number, to: number): void {
    if (!source.exact) this.exact = false;
    if (source.grouped) this.grouped = true;
    for (let i = from; i < to; i++) this.add(source.value[i], source.starts[i], source.ends[i]);
  }
  trimEnd(drop: (ch: string) => boolean): void {
    while (this.value.length > 0 && drop(this.value[this.value.length - 1])) {
      this.value = this.value.slice(0, -1);
      this.starts.pop();
      this.ends.pop();
    }
  }
  build(): CharText {
    return new CharText(this.value, this.starts, this.ends, this.anchor, this.exact, this.grouped);
  }
  private add(ch: string, start: number, end: number): void {
    this.value += ch;
    this.starts.push(start);
    this.ends.push(end);
  }
}

/** Every answer a text gives, for equality. */
function answers(text: EmbeddedText | CharText): unknown[] {
  const out: unknown[] = [text.value, text.exact, text.grouped, text.positionAt(0), text.positionAt(text.length)];
  for (let from = 0; from <= text.length; from++) for (let to = from; to <= text.length; to++) out.push(text.rangeOf(from, to));
  for (let offset = -1; offset < 50; offset++) out.push(text.indexAt(offset), text.covers(offset));
  return out;
}

describe('embedded text origins, as runs, against one start and end per character', () => {
  it('answers the same after random builds, slices, splits, trims, copies and compositions', () => {
    let seed = 21;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const letters = 'ab \t\n,=x';
    const word = (n: number) => Array.from({ length: n }, () => letters[random(letters.length)]).join('');
    let compared = 0;
    for (let round = 0; round < 600; round++) {
      const pool: [EmbeddedText, CharText][] = [];
      const keep = (text: EmbeddedText, reference: CharText) => {
        assert.deepEqual(answers(text), answers(reference), `round ${round}, text ${pool.length}: ${JSON.stringify(reference.value)}`);
        pool.push([text, reference]);
        compared++;
      };
      const pick = () => pool[random(pool.length)];
      for (let step = 0; step < 12; step++) {
        switch (pool.length === 0 ? random(2) : random(9)) {
          case 0: {
            const value = word(random(8));
            const at = random(30);
            keep(EmbeddedText.verbatim(value, at), CharText.verbatim(value, at));
            break;
          }
          case 1: {
            const value = word(random(6));
            const range = { start: random(30), end: 0 };
            range.end = range.start + random(4);
            keep(EmbeddedText.coarse(value, range), CharText.coarse(value, range));
            break;
          }
          case 2: {
            const [text, reference] = pick();
            const from = random(text.length + 2) - 1;
            const to = random(text.length + 2);
            keep(text.slice(from, to), reference.slice(from, to));
            break;
          }
          case 3: {
            const [text, reference] = pick();
            const space = (i: number) => ' \t\n\r'.includes(reference.value[i]);
            let from = 0;
            let to = reference.length;
            while (from < to && space(from)) from++;
            while (to > from && space(to - 1)) to--;
            keep(text.trim(), reference.slice(from, to));
            break;
          }
          case 4: {
            const [text, reference] = pick();
            let from = 0;
            for (const part of text.split(',')) {
              keep(part, reference.slice(from, from + part.length));
              from += part.length + 1;
            }
            break;
          }
          case 5: {
            const [text, reference] = pick();
            const pattern = /\S+/g;
            const words = text.words();
            let i = 0;
            for (let m = pattern.exec(reference.value); m; m = pattern.exec(reference.value)) keep(words[i++], reference.slice(m.index, m.index + m[0].length));
            assert.equal(i, words.length);
            break;
          }
          case 6: {
            const [text, reference] = pick();
            const grouped = new CharText(reference.value, reference.starts, reference.ends, reference.anchor, reference.exact, true);
            keep(text.asGrouped(), grouped);
            break;
          }
          case 7: {
            const anchor = random(30);
            const exact = random(5) > 0;
            const grouped = random(5) === 0;
            const built = new EmbeddedTextBuilder(anchor, exact, grouped);
            const expected = new CharBuilder(anchor, exact, grouped);
            const file = word(40);
            for (let k = random(8); k > 0; k--) {
              const what = random(5);
              if (what === 0) {
                const value = word(random(3));
                const start = random(30);
                const end = start + random(3);
                built.push(value, start, end);
                expected.push(value, start, end);
              } else if (what === 1) {
                const from = random(40);
                const to = from + random(6);
                built.pushVerbatim(file, from, Math.min(to, file.length));
                expected.pushVerbatim(file, from, Math.min(to, file.length));
              } else if (what === 2 && pool.length > 0) {
                const [text, reference] = pick();
                const from = random(text.length + 1);
                const to = from + random(text.length - from + 1);
                built.copy(text, from, to);
                expected.copy(reference, from, to);
              } else if (what === 3) {
                const drop = (ch: string) => ch === ' ' || ch === 'a';
                built.trimEnd(drop);
                expected.trimEnd(drop);
              } else {
                // One character of one character of the file, as the scalar readers push them.
                const at = random(30);
                built.push('q', at, at + 1);
                expected.push('q', at, at + 1);
              }
              assert.equal(built.length, expected.value.length);
            }
            keep(built.build(), expected.build());
            break;
          }
          case 8: {
            // An inner text whose origins are indices into the outer value (a decoded payload).
            const [text, reference] = pick();
            const anchor = random(text.length + 1);
            const exact = random(5) > 0;
            const inner = new EmbeddedTextBuilder(anchor, exact);
            const expected = new CharBuilder(anchor, exact);
            for (let k = random(6); k > 0; k--) {
              const start = random(text.length + 1);
              const end = Math.min(text.length, start + random(3));
              const value = word(1 + random(2));
              inner.push(value, start, end);
              expected.push(value, start, end);
            }
            keep(text.compose(inner.build()), reference.compose(expected.build()));
            break;
          }
        }
      }
    }
    assert.ok(compared > 5000, `${compared} texts compared`);
  });
});
