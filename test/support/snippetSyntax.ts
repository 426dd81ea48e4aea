/**
 * Expands VS Code / LSP snippet syntax the way the editor does when a snippet is
 * accepted and every placeholder is left at its default: `$1` and `${1}` (a mirror of the
 * placeholder 1 elsewhere, or empty), `${1:default}` (nested snippets allowed),
 * `${1|a,b|}` (the first choice), `$NAME`, `${NAME}` and `${NAME:default}` (variables),
 * escapes `\$`, `\}`, `\\` (and `\,` `\|` inside a choice). Transforms
 * (`${1/regex/format/}`) are not supported: expanding one throws.
 */

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: Node[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: Node[] };

/** Values of the variables the editor resolves (TM_FILENAME…); others expand to their default or their name. */
export type SnippetVariables = Record<string, string>;

export interface Expansion {
  text: string;
  /** Offset of `$0` in the text, or its end when there is none. */
  finalOffset: number;
}

export function expandSnippet(snippet: string, variables: SnippetVariables = {}): Expansion {
  const parser = new Parser(snippet);
  const nodes = parser.parseUntil(undefined);
  const defaults = new Map<number, Node[] | string>();
  collectDefaults(nodes, defaults);
  let finalOffset: number | undefined;
  let out = '';
  const render = (list: Node[]): void => {
    for (const node of list) {
      if (node.kind === 'text') {
        out += node.value;
      } else if (node.kind === 'variable') {
        if (node.name in variables) out += variables[node.name];
        else if (node.children) render(node.children);
        else out += node.name;
      } else {
        if (node.index === 0 && finalOffset === undefined) finalOffset = out.length;
        const value = node.choices ? node.choices[0] : node.children ?? defaults.get(node.index) ?? '';
        if (typeof value === 'string') out += value;
        else render(value);
      }
    }
  };
  render(nodes);
  return { text: out, finalOffset: finalOffset ?? out.length };
}

function collectDefaults(nodes: Node[], defaults: Map<number, Node[] | string>): void {
  for (const node of nodes) {
    if (node.kind === 'tabstop') {
      if (!defaults.has(node.index)) {
        if (node.choices) defaults.set(node.index, node.choices[0]);
        else if (node.children) defaults.set(node.index, node.children);
      }
      if (node.children) collectDefaults(node.children, defaults);
    } else if (node.kind === 'variable' && node.children) {
      collectDefaults(node.children, defaults);
    }
  }
}

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  /** Nodes up to `close` (consumed), or to the end. */
  parseUntil(close: '}' | undefined): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.at < this.source.length) {
      const ch = this.source[this.at];
      if (ch === '\\' && this.at + 1 < this.source.length && '$}\\'.includes(this.source[this.at + 1])) {
        text += this.source[this.at + 1];
        this.at += 2;
        continue;
      }
      if (ch === '}' && close === '}') {
        this.at++;
        flush();
        return nodes;
      }
      if (ch === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += ch;
      this.at++;
    }
    if (close) throw new Error(`snippet: a placeholder is not closed: ${this.source}`);
    flush();
    return nodes;
  }

  private parseDollar(): Node | undefined {
    const rest = this.source.slice(this.at);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return { kind: 'variable', name: m[1] };
    }
    m = /^\$\{(\d+)\}/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$\{(\d+)\|/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]), choices: this.parseChoices() };
    }
    m = /^\$\{(\d+):/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]), children: this.parseUntil('}') };
    }
    m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return { kind: 'variable', name: m[1] };
    }
    m = /^\$\{([A-Za-z_][A-Za-z0-9_]*):/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return { kind: 'variable', name: m[1], children: this.parseUntil('}') };
    }
    if (/^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)\//.test(rest)) throw new Error(`snippet: transforms are not supported: ${rest.slice(0, 40)}`);
    return undefined;
  }

  private parseChoices(): string[] {
    const choices: string[] = [];
    let current = '';
    while (this.at < this.source.length) {
      const ch = this.source[this.at];
      if (ch === '\\' && this.at + 1 < this.source.length && ',|\\$}'.includes(this.source[this.at + 1])) {
        current += this.source[this.at + 1];
        this.at += 2;
        continue;
      }
      if (ch === ',') {
        choices.push(current);
        current = '';
        this.at++;
        continue;
      }
      if (ch === '|' && this.source[this.at + 1] === '}') {
        choices.push(current);
        this.at += 2;
        return choices;
      }
      current += ch;
      this.at++;
    }
    throw new Error(`snippet: a choice is not closed: ${this.source}`);
  }
}
