import type { CST } from 'yaml';

/**
 * The concrete syntax tree the `yaml` library's Parser makes of `text`, token for token,
 * when `text` uses only the block style manifests are written in: block mappings and
 * sequences, one-line plain and quoted scalars, block scalars, comments, `---`. Undefined
 * for anything else (flow collections, anchors, tags, aliases, explicit keys, multi-line
 * flow scalars, directives, `...`, tabs, CR, a byte order mark, anything the library's
 * parser would report as an error), which the library's own parser then reads.
 *
 * Why: the library's lexer and parser are generators, a yield per token, and were half of
 * the whole-file validation of a 500-document file. One pass over the characters with
 * plain calls makes the same tokens in a fraction of that, and the library's Composer
 * turns them into the same documents, values, errors and ranges as before. The tokens are
 * the library's documented CST; a test compares them with the library's own, deep-equal,
 * over every fixture and thousands of edits of them.
 *
 * The two halves mirror the library's: a lexer that decides where tokens end (including
 * how far a block scalar or a plain scalar runs, which depends on the indentation it
 * tracks), and a builder that places each token in the tree (which item's `start`,
 * `sep` or `end` a comment or blank line joins). `offset` is where `text` starts in its
 * file, as Parser.offset.
 */
export function blockYamlTokens(text: string, offset = 0): CST.Token[] | undefined {
  if (!plainText(text)) return undefined;
  const builder = new TreeBuilder(offset);
  try {
    new LineLexer(text, builder).run();
    return builder.finish();
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

/** Thrown (never an Error: no stack trace is made) when the text leaves the subset. */
const UNSUPPORTED = Symbol('unsupported YAML');

function unsupported(): never {
  throw UNSUPPORTED;
}

/** No tab, carriage return or byte order mark: each changes indentation or line rules. */
function plainText(text: string): boolean {
  return text.indexOf('\t') === -1 && text.indexOf('\r') === -1 && text.charCodeAt(0) !== 0xfeff;
}

/** The library's "empty" characters after an indicator. */
function isEmpty(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
}

type TokenType = CST.SourceToken['type'] | 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar' | 'doc-mode';

/**
 * Splits lines into the library lexer's tokens. Its indentation state: `indentValue`, the
 * columns of the current line's indentation including leading `- `, and `indentNext`, the
 * column a continuation line must reach (set by `- ` and `: `, lowered at each less
 * indented line, reset by `---`).
 */
class LineLexer {
  private pos = 0;
  private indentValue = 0;
  private indentNext = 0;
  private endOfLine = -1;

  constructor(
    private readonly text: string,
    private readonly out: TreeBuilder,
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
        case '!':
        case '&':
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

  /** `- ` and `: ` within a line (a key's value indicator, a nested sequence). */
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

type Item = { start: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };
type Collection = { type: 'block-map' | 'block-seq'; offset: number; indent: number; items: Item[] };
type Open = CST.Document | CST.FlowScalar | CST.BlockScalar | CST.FlowCollection | Collection;

/**
 * Places tokens as the library's Parser does. Its state: `indent`, the current line's
 * indentation so far (spaces and `- ` at the start of a line), and `onKeyLine`, whether the
 * current line has had a mapping key.
 */
class TreeBuilder {
  private readonly done: CST.Token[] = [];
  private readonly stack: Open[] = [];
  private indent = 0;
  private atNewLine = true;
  private onKeyLine = false;
  private type: TokenType = 'doc-mode';
  private offset = 0;
  private source = '';

  constructor(private readonly base: number) {}

  next(type: TokenType, at: number, source: string): void {
    this.type = type;
    this.offset = this.base + at;
    this.source = source;
    if (type === 'scalar') {
      // Before the step: a block scalar's body, which ends with its line break, sets the line state back.
      this.atNewLine = false;
      return this.step();
    }
    this.step();
    switch (type) {
      case 'newline':
        this.atNewLine = true;
        this.indent = 0;
        break;
      case 'space':
      case 'map-value-ind':
      case 'seq-item-ind':
        if (this.atNewLine) this.indent += source.length;
        break;
      case 'doc-mode':
        break;
      default:
        this.atNewLine = false;
    }
  }

  finish(): CST.Token[] {
    while (this.stack.length > 0) this.pop();
    return this.done;
  }

  private get token(): CST.SourceToken {
    return { type: this.type as CST.SourceToken['type'], offset: this.offset, indent: this.indent, source: this.source };
  }

  private top(): Open | undefined {
    return this.stack[this.stack.length - 1];
  }

  private step(): void {
    const top = this.top();
    if (!top) return this.stream();
    switch (top.type) {
      case 'document':
        return this.document(top);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        return this.flowScalar(top);
      case 'block-scalar':
        return this.blockScalar(top);
      case 'flow-collection':
        return this.flowCollection(top);
      case 'block-map':
        return this.blockMap(top as Collection);
      case 'block-seq':
        return this.blockSequence(top as Collection);
    }
    unsupported();
  }

  private stream(): void {
    switch (this.type) {
      case 'space':
      case 'comment':
      case 'newline':
        this.done.push(this.token);
        return;
      case 'doc-mode':
        this.stack.push({ type: 'document', offset: this.offset, start: [] });
        return;
      case 'doc-start':
        this.stack.push({ type: 'document', offset: this.offset, start: [this.token] });
        return;
    }
    unsupported();
  }

  private document(doc: CST.Document): void {
    if (doc.value) return this.lineEnd(doc);
    switch (this.type) {
      case 'doc-start':
        if (doc.start.some((token) => !isTrivia(token))) {
          this.pop();
          return this.step();
        }
        doc.start.push(this.token);
        return;
      case 'space':
      case 'comment':
      case 'newline':
        doc.start.push(this.token);
        return;
    }
    this.stack.push(this.blockValue());
  }

  private flowScalar(scalar: CST.FlowScalar): void {
    if (this.type !== 'map-value-ind') return this.lineEnd(scalar);
    // `key:` after a scalar that opened a value: it was the first key of a mapping.
    const start = firstKeyStart(this.previousProps(this.stack[this.stack.length - 2]));
    let sep: CST.SourceToken[];
    if (scalar.end) {
      sep = scalar.end;
      sep.push(this.token);
      delete scalar.end;
    } else sep = [this.token];
    this.onKeyLine = true;
    this.stack[this.stack.length - 1] = { type: 'block-map', offset: scalar.offset, indent: scalar.indent, items: [{ start, key: scalar, sep }] };
  }

  private blockScalar(scalar: CST.BlockScalar): void {
    switch (this.type) {
      case 'space':
      case 'comment':
      case 'newline':
        scalar.props.push(this.token);
        return;
      case 'scalar':
        scalar.source = this.source;
        this.atNewLine = true;
        this.indent = 0;
        return this.pop();
    }
    unsupported();
  }

  /** `{}` or `[]`: its closing bracket, then what follows it on its line. */
  private flowCollection(collection: CST.FlowCollection): void {
    if (collection.end.length === 0) {
      if (this.type !== 'flow-map-end' && this.type !== 'flow-seq-end') unsupported();
      collection.end.push(this.token);
      return;
    }
    const parent = this.stack[this.stack.length - 2];
    if (parent.type === 'block-map') {
      const items = (parent as Collection).items;
      if ((this.type === 'map-value-ind' && parent.indent === collection.indent) || (this.type === 'newline' && !items[items.length - 1].sep)) {
        this.pop();
        return this.step();
      }
    }
    // A flow collection as a key.
    if (this.type === 'map-value-ind') unsupported();
    this.lineEnd(collection);
  }

  private lineEnd(token: CST.Document | CST.FlowScalar | CST.FlowCollection): void {
    switch (this.type) {
      case 'doc-start':
      case 'map-value-ind':
        this.pop();
        return this.step();
      case 'newline':
        this.onKeyLine = false;
        (token.end ??= []).push(this.token);
        return this.pop();
      case 'space':
      case 'comment':
        (token.end ??= []).push(this.token);
        return;
    }
    // The library keeps such a token as an error.
    unsupported();
  }

  private blockMap(map: Collection): void {
    const it = map.items[map.items.length - 1];
    switch (this.type) {
      case 'newline':
        this.onKeyLine = false;
        if (it.value) {
          const end = endOf(it.value);
          if (end && end[end.length - 1]?.type === 'comment') end.push(this.token);
          else map.items.push({ start: [this.token] });
        } else if (it.sep) it.sep.push(this.token);
        else it.start.push(this.token);
        return;
      case 'space':
      case 'comment':
        if (it.value) map.items.push({ start: [this.token] });
        else if (it.sep) it.sep.push(this.token);
        else {
          if (this.atIndentedComment(it.start, map.indent) && this.joinPreviousEnd(map.items)) return;
          it.start.push(this.token);
        }
        return;
    }
    if (this.indent >= map.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map.indent;
      const atNextItem = atMapIndent && it.sep !== undefined && this.type !== 'seq-item-ind';
      // Blank-line-separated trivia after an empty value belong to the next item.
      let start: CST.SourceToken[] = [];
      if (atNextItem && it.sep && !it.value) start = splitAfterBlankLine(it.sep, map.indent);
      switch (this.type) {
        case 'map-value-ind':
          if (!it.sep || it.value || atNextItem || it.sep.some((token) => token.type === 'map-value-ind')) unsupported();
          it.sep.push(this.token);
          this.onKeyLine = true;
          return;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar': {
          const scalar = this.scalarToken();
          if (atNextItem || it.value) {
            map.items.push({ start, key: scalar, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) this.stack.push(scalar);
          else {
            Object.assign(it, { key: scalar, sep: [] });
            this.onKeyLine = true;
          }
          return;
        }
        case 'seq-item-ind':
          // A sequence on the key's own line is an error.
          if (!it.sep || it.value || !it.sep.some((token) => token.type === 'newline')) unsupported();
          this.stack.push(this.blockValue());
          return;
        case 'block-scalar-header':
        case 'flow-map-start':
        case 'flow-seq-start':
          if (atMapIndent || !it.sep || it.value) unsupported();
          this.stack.push(this.blockValue());
          return;
      }
    }
    this.pop();
    this.step();
  }

  private blockSequence(seq: Collection): void {
    const it = seq.items[seq.items.length - 1];
    switch (this.type) {
      case 'newline':
        if (it.value) {
          const end = endOf(it.value);
          if (end && end[end.length - 1]?.type === 'comment') end.push(this.token);
          else seq.items.push({ start: [this.token] });
        } else it.start.push(this.token);
        return;
      case 'space':
      case 'comment':
        if (it.value) seq.items.push({ start: [this.token] });
        else {
          if (this.atIndentedComment(it.start, seq.indent) && this.joinPreviousEnd(seq.items)) return;
          it.start.push(this.token);
        }
        return;
      case 'seq-item-ind':
        if (this.indent !== seq.indent) break;
        if (it.value || it.start.some((token) => token.type === 'seq-item-ind')) seq.items.push({ start: [this.token] });
        else it.start.push(this.token);
        return;
    }
    if (this.indent > seq.indent && this.type !== 'doc-start') {
      this.stack.push(this.blockValue());
      return;
    }
    this.pop();
    this.step();
  }

  /** A comment more indented than its collection, after only blank space: the end of the previous item's scalar. */
  private atIndentedComment(start: CST.SourceToken[], indent: number): boolean {
    return this.type === 'comment' && this.indent > indent && start.every((token) => token.type === 'newline' || token.type === 'space');
  }

  private joinPreviousEnd(items: Item[]): boolean {
    const end = endOf(items[items.length - 2]?.value);
    if (!end) return false;
    const it = items.pop()!;
    for (const token of it.start) end.push(token);
    end.push(this.token);
    return true;
  }

  private scalarToken(): CST.FlowScalar {
    return { type: this.type as CST.FlowScalar['type'], offset: this.offset, indent: this.indent, source: this.source };
  }

  /** The node a token opens where a value may start. */
  private blockValue(): Open {
    switch (this.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        return this.scalarToken();
      case 'block-scalar-header':
        return { type: 'block-scalar', offset: this.offset, indent: this.indent, props: [this.token], source: '' };
      case 'seq-item-ind':
        return { type: 'block-seq', offset: this.offset, indent: this.indent, items: [{ start: [this.token] }] };
      case 'flow-map-start':
      case 'flow-seq-start':
        return { type: 'flow-collection', offset: this.offset, indent: this.indent, start: this.token, items: [], end: [] };
    }
    // `: value` without a key, or a token the library reports as unexpected.
    return unsupported();
  }

  private previousProps(parent: Open): CST.SourceToken[] {
    switch (parent.type) {
      case 'document':
        return parent.start;
      case 'block-map': {
        const it = (parent as Collection).items[(parent as Collection).items.length - 1];
        return it.sep ?? it.start;
      }
      case 'block-seq':
        return (parent as Collection).items[(parent as Collection).items.length - 1].start;
    }
    return [];
  }

  private pop(): void {
    const token = this.stack.pop()!;
    const top = this.top();
    if (!top) {
      this.done.push(token as CST.Token);
      return;
    }
    if (token.type === 'block-scalar') token.indent = 'indent' in top ? top.indent : 0;
    else if (token.type === 'flow-collection' && top.type === 'document') token.indent = 0;
    switch (top.type) {
      case 'document':
        top.value = token as CST.Token;
        break;
      case 'block-map': {
        const it = (top as Collection).items[(top as Collection).items.length - 1];
        // A collection or scalar as a key: not in the subset.
        if (it.value || !it.sep) unsupported();
        it.value = token as CST.Token;
        break;
      }
      case 'block-seq': {
        const items = (top as Collection).items;
        const it = items[items.length - 1];
        if (it.value) items.push({ start: [], value: token as CST.Token });
        else it.value = token as CST.Token;
        break;
      }
      default:
        unsupported();
    }
    if (token.type === 'block-map' || token.type === 'block-seq') this.handTrailingTrivia(token as Collection, top);
  }

  /**
   * Blank lines and comments after a collection's last item, no more indented than the
   * collection, move out to its parent (the document's `end`, or an item of its own).
   */
  private handTrailingTrivia(collection: Collection, parent: Open): void {
    const last = collection.items[collection.items.length - 1];
    if (!last || last.sep || last.value || last.start.length === 0 || !last.start.every(isTrivia)) return;
    if (collection.indent !== 0 && !last.start.every((token) => token.type !== 'comment' || token.indent < collection.indent)) return;
    if (parent.type === 'document') parent.end = last.start;
    else (parent as Collection).items.push({ start: last.start });
    collection.items.pop();
  }
}

function isTrivia(token: CST.SourceToken): boolean {
  return token.type === 'space' || token.type === 'comment' || token.type === 'newline';
}

function endOf(value: CST.Token | null | undefined): CST.SourceToken[] | undefined {
  const end = value && 'end' in value ? value.end : undefined;
  return Array.isArray(end) ? (end as CST.SourceToken[]) : undefined;
}

/** The props of a first key that stand before it (after the last line break or indicator): taken out of `prev`. */
function firstKeyStart(prev: CST.SourceToken[]): CST.SourceToken[] {
  if (prev.length === 0) return [];
  let i = prev.length;
  while (--i >= 0) {
    const type = prev[i].type;
    if (type === 'doc-start' || type === 'explicit-key-ind' || type === 'map-value-ind' || type === 'seq-item-ind' || type === 'newline') break;
  }
  while (prev[++i]?.type === 'space') {
    // skip the spaces that follow it
  }
  return prev.splice(i, prev.length);
}

/** From a `sep` that ends an empty value: the trivia after its second line break, which open the next item. */
function splitAfterBlankLine(sep: CST.SourceToken[], indent: number): CST.SourceToken[] {
  const breaks: number[] = [];
  for (let i = 0; i < sep.length; i++) {
    const token = sep[i];
    if (token.type === 'newline') breaks.push(i);
    else if (token.type === 'space') continue;
    else if (token.type === 'comment') {
      if (token.indent > indent) breaks.length = 0;
    } else breaks.length = 0;
  }
  return breaks.length >= 2 ? sep.splice(breaks[1]) : [];
}
