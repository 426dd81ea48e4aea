import type { CST } from 'yaml';
import { type TokenType, unsupported } from './blockYamlSubset';
import type { TokenSink } from './blockYamlLexer';

type Item = { start: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };
type Collection = { type: 'block-map' | 'block-seq'; offset: number; indent: number; items: Item[] };
type Open = CST.Document | CST.FlowScalar | CST.BlockScalar | CST.FlowCollection | Collection;

/**
 * Places tokens as the library's Parser does. Its state: `indent`, the current line's
 * indentation so far (spaces and `- ` at the start of a line), and `onKeyLine`, whether the
 * current line has had a mapping key.
 */
export class TreeBuilder implements TokenSink {
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
        if (it.value) this.lineBreakAfterValue(it.value, map.items);
        else if (it.sep) it.sep.push(this.token);
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
        if (it.value) this.lineBreakAfterValue(it.value, seq.items);
        else it.start.push(this.token);
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

  /** A line break after an item's value: the end of a scalar that ends in a comment, else the start of a new item. */
  private lineBreakAfterValue(value: CST.Token, items: Item[]): void {
    const end = endOf(value);
    if (end && end[end.length - 1]?.type === 'comment') end.push(this.token);
    else items.push({ start: [this.token] });
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
