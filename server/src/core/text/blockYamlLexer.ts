import { type TokenType, unsupported } from './blockYamlSubset';

/** Where the lexer's tokens go: type, offset in the text, and source. */
export interface TokenSink {
  next(type: TokenType, at: number, source: string): void;
}

/** The library's "empty" characters after an indicator. */
function isEmpty(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
}

/**
 * Splits lines into the library lexer's tokens. Its indentation state: `indentValue`, the
 * columns of the current line's indentation including leading `- `, and `indentNext`, the
 * column a continuation line must reach (set by `- ` and `: `, lowered at each less
 * indented line, reset by `---`).
 */
export class LineLexer {
  private pos = 0;
  private indentValue = 0;
  private indentNext = 0;
  private endOfLine = -1;

  constructor(
    private readonly text: string,
    private readonly out: TokenSink,
  ) {}

  run(): void {
    const text = this.text;
    // Before the first document: blank and comment lines belong to the stream.
    while (this.pos < text.length) {
      if (text[this.pos] === '%') unsupported();
      if (!this.atLineEnd()) break;
      this.streamLine();
    }
    if (this.pos >= text.length) return;
    this.out.next('doc-mode', this.pos, '');
    while (this.pos < text.length) this.lineStart();
  }

  /** The end of the line at `pos`, found once per line (a line of 40,000 compact keys asks for it 40,000 times). */
  private lineEnd(): number {
    if (this.pos > this.endOfLine) {
      const end = this.text.indexOf('\n', this.pos);
      this.endOfLine = end === -1 ? this.text.length : end;
    }
    return this.endOfLine;
  }

  private atLineEnd(): boolean {
    let i = this.pos;
    while (this.text[i] === ' ') i++;
    const ch = this.text[i];
    return ch === undefined || ch === '#' || ch === '\n';
  }

  private streamLine(): void {
    this.spaces();
    const end = this.lineEnd();
    if (end > this.pos) this.emit('comment', end);
    this.newline();
  }

  private emit(type: TokenType, end: number): void {
    this.out.next(type, this.pos, this.text.slice(this.pos, end));
    this.pos = end;
  }

  private spaces(): number {
    const start = this.pos;
    let i = start;
    while (this.text[i] === ' ') i++;
    if (i > start) this.emit('space', i);
    return i - start;
  }

  private newline(): void {
    if (this.text[this.pos] === '\n') this.emit('newline', this.pos + 1);
  }

  private lineStart(): void {
    const text = this.text;
    const ch = text[this.pos];
    if ((ch === '-' || ch === '.') && isEmpty(text[this.pos + 3])) {
      const marker = text.slice(this.pos, this.pos + 3);
      if (marker === '...') unsupported();
      if (marker === '---') {
        this.emit('doc-start', this.pos + 3);
        this.indentValue = 0;
        this.indentNext = 0;
        return this.lineRest();
      }
    }
    this.indentValue = this.spaces();
    if (this.indentNext > this.indentValue && !isEmpty(text[this.pos + 1])) this.indentNext = this.indentValue;
    const first = text[this.pos];
    if ((first === '-' || first === '?' || first === ':') && isEmpty(text[this.pos + 1])) {
      if (first !== '-') unsupported();
      this.emit('seq-item-ind', this.pos + 1);
      const n = 1 + this.spaces();
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
    }
    this.lineRest();
  }

  /** The rest of a line after its indentation: tokens until its newline (or, from a block scalar header, through its body). */
  private lineRest(): void {
    const text = this.text;
    for (;;) {
      this.spaces();
      this.indicators();
      const ch = text[this.pos];
      switch (ch) {
        case undefined:
        case '\n':
          return this.newline();
        case '#':
          this.emit('comment', this.lineEnd());
          return this.newline();
        case '"':
        case "'":
          this.quotedScalar(ch);
          break;
        case '|':
        case '>':
          return this.blockScalar();
        case '{':
        case '[':
          this.emptyFlowCollection(ch);
          break;
        case '}':
        case ']':
        case '*':
          return unsupported();
        default:
          this.plainScalar();
      }
    }
  }

  /** `{}` or `[]` (an empty mapping or list, as `oc get -o yaml` writes them); any other flow collection is not in the subset. */
  private emptyFlowCollection(open: string): void {
    const close = open === '{' ? '}' : ']';
    if (this.text[this.pos + 1] !== close) unsupported();
    this.emit(open === '{' ? 'flow-map-start' : 'flow-seq-start', this.pos + 1);
    this.emit(open === '{' ? 'flow-map-end' : 'flow-seq-end', this.pos + 1);
  }

  /** `- ` and `: ` within a line (a key's value indicator, a nested sequence); a tag or an anchor is not in the subset. */
  private indicators(): void {
    const text = this.text;
    for (;;) {
      const ch = text[this.pos];
      if (ch === '!' || ch === '&') unsupported();
      if ((ch === '-' || ch === '?' || ch === ':') && isEmpty(text[this.pos + 1])) {
        if (ch === '?') unsupported();
        this.indentNext = this.indentValue + 1;
        this.emit(ch === '-' ? 'seq-item-ind' : 'map-value-ind', this.pos + 1);
        this.spaces();
        continue;
      }
      return;
    }
  }

  /** Where the line after a line break at `offset - 1` continues a scalar, or -1 where the scalar ends. */
  private continueScalar(offset: number): number {
    const text = this.text;
    let ch = text[offset];
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === ' ') ch = text[++indent + offset];
      return ch === '\n' || indent >= this.indentNext ? offset + indent : -1;
    }
    if ((ch === '-' || ch === '.') && isEmpty(text[offset + 3])) {
      const marker = text.slice(offset, offset + 3);
      if (marker === '---' || marker === '...') return -1;
    }
    return offset;
  }

  private plainScalar(): void {
    const text = this.text;
    const lineEnd = this.lineEnd();
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch: string | undefined;
    while ((ch = text[++i]) !== undefined) {
      if (ch === ':') {
        if (isEmpty(text[i + 1])) break;
        end = i;
      } else if (ch === ' ' || ch === '\n') {
        if (text[i + 1] === '#') break;
        if (ch === '\n') {
          const resume = this.continueScalar(i + 1);
          if (resume === -1) break;
          i = Math.max(i, resume - 2);
        }
      } else end = i;
    }
    // A plain scalar folded over several lines.
    if (end >= lineEnd) unsupported();
    this.emit('scalar', end + 1);
  }

  private quotedScalar(quote: string): void {
    const text = this.text;
    let end = text.indexOf(quote, this.pos + 1);
    if (quote === "'") {
      while (end !== -1 && text[end + 1] === "'") end = text.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let backslashes = 0;
        while (text[end - 1 - backslashes] === '\\') backslashes++;
        if (backslashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
    }
    // Unterminated, or over several lines.
    if (end === -1 || end > this.lineEnd()) unsupported();
    this.emit(quote === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar', end + 1);
  }

  private blockScalar(): void {
    const text = this.text;
    let keep = false;
    let explicitIndent = -1;
    let i = this.pos;
    for (;;) {
      const ch = text[++i];
      if (ch === '+') keep = true;
      else if (ch !== undefined && ch > '0' && ch <= '9') explicitIndent = Number(ch) - 1;
      else if (ch !== '-') break;
    }
    let headerEnd = this.pos;
    while (!isEmpty(text[headerEnd]) && text[headerEnd] !== '#') headerEnd++;
    if (headerEnd !== i) unsupported();
    this.emit('block-scalar-header', headerEnd);
    this.spaces();
    const lineEnd = this.lineEnd();
    if (lineEnd > this.pos) {
      if (text[this.pos] !== '#') unsupported();
      this.emit('comment', lineEnd);
    }
    this.newline();
    this.blockScalarBody(keep, explicitIndent);
  }

  /** The body's lines: as far as they are indented enough, less trailing blank lines unless kept (`|+`). */
  private blockScalarBody(keep: boolean, explicitIndent: number): void {
    const text = this.text;
    const start = this.pos;
    let nl = start - 1;
    let indent = 0;
    for (let i = start; i < text.length; i++) {
      const ch = text[i];
      if (ch === ' ') indent++;
      else if (ch === '\n') {
        nl = i;
        indent = 0;
      } else break;
    }
    if (indent >= this.indentNext) {
      this.indentNext = explicitIndent === -1 ? indent : explicitIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      do {
        const resume = this.continueScalar(nl + 1);
        if (resume === -1) break;
        nl = text.indexOf('\n', resume);
      } while (nl !== -1);
      if (nl === -1) nl = text.length;
    }
    if (!keep) {
      for (;;) {
        let i = nl - 1;
        const lastChar = i;
        while (text[i] === ' ') i--;
        if (text[i] === '\n' && i >= start && i + 1 + indent > lastChar) nl = i;
        else break;
      }
    }
    this.emit('scalar', Math.min(nl + 1, text.length));
  }
}
