import { EmbeddedText, EmbeddedTextBuilder } from '../text/embeddedText';

/**
 * Shell scripts written by storage.files, read just far enough to find the commands
 * they run: comments skipped, backslash-newline continuations joined, quotes removed,
 * lines split into simple commands at unquoted `;`, `&`, `&&`, `|`, `||`, `(` and `)`,
 * redirections and here-documents left out. It is not a shell: no expansion happens, so
 * a word that holds `$VAR`, `${VAR}`, `$(…)` or a backquote keeps that text as it is
 * and its value is only known at run time (see hasExpansion).
 */

/** One simple command of a script. */
export interface ShellCommand {
  /** Every word as split (quotes removed, escapes applied), each mapped to the file. */
  words: EmbeddedText[];
  /**
   * The command run: `words` without leading reserved words (`if`, `then`, `do`, `!`…),
   * variable assignments (`NAME=value`) and wrappers that run the rest as a command
   * (`sudo`, `exec`, `env`, `command`, `nohup`, with their options).
   */
  argv: EmbeddedText[];
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ksh']);

/** The interpreter a `#!` line names (`/usr/bin/env bash` → bash), or undefined without one. */
export function interpreterOf(text: string): string | undefined {
  if (!text.startsWith('#!')) return undefined;
  const line = text.slice(2, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n')).trim();
  const words = line.split(/\s+/);
  let program = words[0]?.slice(words[0].lastIndexOf('/') + 1) ?? '';
  if (program === 'env') {
    const next = words.slice(1).find((w) => !w.startsWith('-') && !w.includes('='));
    program = next ? next.slice(next.lastIndexOf('/') + 1) : '';
  }
  return program;
}

export const DISPATCHER_DIRECTORY = '/etc/NetworkManager/dispatcher.d/';

/**
 * A file read as a shell script: its text starts with `#!` and a shell (sh, bash, dash,
 * ksh), or it has no `#!` line and its path ends in `.sh` or lies under
 * /etc/NetworkManager/dispatcher.d/. A `#!` line naming another interpreter (python,
 * perl…) says it is not shell, whatever the path.
 */
export function isShellScript(path: string | undefined, text: string): boolean {
  const interpreter = interpreterOf(text);
  if (interpreter !== undefined) return SHELLS.has(interpreter);
  if (!path) return false;
  return path.endsWith('.sh') || (path.startsWith(DISPATCHER_DIRECTORY) && path.length > DISPATCHER_DIRECTORY.length);
}

/** Whether a word holds a shell or systemd expansion (`$VAR`, `${VAR}`, `$(…)`, backquotes): its value is not what is written. */
export function hasExpansion(text: string): boolean {
  return /[$`]/.test(text);
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
/** Wrappers that run the rest of the line as a command, and their options that take an argument. */
const WRAPPERS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-R']),
  exec: new Set(['-a']),
  env: new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string']),
  command: new Set(),
  nohup: new Set(),
};

/** The command a simple command runs (see ShellCommand.argv). */
export function commandWords(words: EmbeddedText[]): EmbeddedText[] {
  let i = 0;
  for (;;) {
    const word = words[i]?.value;
    if (word === undefined) break;
    if (RESERVED.has(word) || ASSIGNMENT.test(word)) {
      i++;
      continue;
    }
    const options = WRAPPERS[word];
    if (!options) break;
    i++;
    while (i < words.length) {
      const w = words[i].value;
      if (word === 'env' && ASSIGNMENT.test(w)) i++;
      else if (w === '--') {
        i++;
        break;
      } else if (w.startsWith('-') && w.length > 1) i += options.has(w) ? 2 : 1;
      else break;
    }
  }
  return words.slice(i);
}

/** Shells whose `-c` runs its argument as a script. */
const C_SHELLS = new Set(['sh', 'bash', 'dash', 'ksh', 'zsh']);
/** Shell options that take the next word (`-o pipefail`, `--rcfile FILE`). */
const SHELL_OPTIONS_WITH_ARGUMENT = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

function baseName(word: string | undefined): string {
  return word === undefined ? '' : word.slice(word.lastIndexOf('/') + 1);
}

/**
 * The index of the script a command line hands to a shell with `-c`: `sh -c 'body'`,
 * `/usr/bin/bash -ec "body"`, `bash -o pipefail -c …`, `/usr/bin/env LANG=C bash -c …`.
 * A shell reads all its options first and takes the first operand as the script, so
 * `bash -c -e 'body'` counts too. Undefined for anything else, or `-c` without a script.
 */
export function shellScriptArgument(argv: readonly EmbeddedText[]): number | undefined {
  let i = 0;
  if (baseName(argv[0]?.value) === 'env') {
    const options = WRAPPERS.env;
    i = 1;
    while (i < argv.length) {
      const w = argv[i].value;
      if (ASSIGNMENT.test(w)) i++;
      else if (w === '--') {
        i++;
        break;
      } else if (w.startsWith('-') && w.length > 1) i += options.has(w) ? 2 : 1;
      else break;
    }
  }
  if (!C_SHELLS.has(baseName(argv[i]?.value))) return undefined;
  let command = false;
  for (i++; i < argv.length; i++) {
    const w = argv[i].value;
    if (w === '--') {
      i++;
      break;
    }
    if (SHELL_OPTIONS_WITH_ARGUMENT.has(w)) i++;
    else if (/^-[A-Za-z]+$/.test(w)) {
      if (w.includes('c')) command = true;
      // `-eo pipefail`: an `o` that ends a group of letters takes the next word.
      if (w.endsWith('o') || w.endsWith('O')) i++;
    } else if (/^\+[A-Za-z]+$/.test(w)) {
      if (w.endsWith('o') || w.endsWith('O')) i++;
    } else if (!w.startsWith('--')) break;
  }
  return command && i < argv.length ? i : undefined;
}

/** Splits a script into its simple commands. Never throws; unterminated quotes end at the end of the text. */
export function parseShellScript(text: EmbeddedText): ShellCommand[] {
  return new Lexer(text).run().map((words) => ({ words, argv: commandWords(words) }));
}

/**
 * The indexes where a line of the script starts outside any quote, here-document, `$(…)`
 * or continued line: a `#` line put there is a comment, and changes no command.
 */
export function commandLineStarts(text: EmbeddedText): ReadonlySet<number> {
  const lexer = new Lexer(text);
  lexer.run();
  return lexer.lineStarts;
}

interface HereDocument {
  delimiter: string;
  stripTabs: boolean;
}

class Lexer {
  private readonly v: string;
  private i = 0;
  private word: EmbeddedTextBuilder | undefined;
  private words: EmbeddedText[] = [];
  private readonly commands: EmbeddedText[][] = [];
  /** The next word is the target of a redirection: left out (a here-document's delimiter is kept here). */
  private redirect: 'file' | HereDocument | undefined;
  private pendingHereDocuments: HereDocument[] = [];
  /** See commandLineStarts. */
  readonly lineStarts = new Set<number>([0]);

  constructor(private readonly text: EmbeddedText) {
    this.v = text.value;
  }

  run(): EmbeddedText[][] {
    const v = this.v;
    while (this.i < v.length) {
      const ch = v[this.i];
      if (ch === '\\') {
        this.backslash(false);
      } else if (ch === '\n') {
        this.endCommand();
        this.i++;
        this.skipHereDocuments();
        this.lineStarts.add(this.i);
      } else if (ch === ' ' || ch === '\t' || ch === '\r') {
        this.endWord();
        this.i++;
      } else if (ch === '#' && !this.word) {
        while (this.i < v.length && v[this.i] !== '\n') this.i++;
      } else if (ch === "'") {
        this.start();
        const close = v.indexOf("'", this.i + 1);
        const end = close < 0 ? v.length : close;
        this.word!.copy(this.text, this.i + 1, end);
        this.i = end + 1;
      } else if (ch === '"') {
        this.start();
        this.i++;
        this.doubleQuoted();
      } else if (ch === '$' && (v[this.i + 1] === '(' || v[this.i + 1] === '{')) {
        this.start();
        const end = this.balanced(this.i + 1);
        this.word!.copy(this.text, this.i, end);
        this.i = end;
      } else if (ch === '`') {
        this.start();
        const end = this.backquoted(this.i);
        this.word!.copy(this.text, this.i, end);
        this.i = end;
      } else if (ch === '>' || ch === '<' || (ch === '&' && v[this.i + 1] === '>')) {
        this.redirection();
      } else if (ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')') {
        this.endCommand();
        this.i += (ch === '&' || ch === '|' || ch === ';') && (v[this.i + 1] === ch || (ch === '|' && v[this.i + 1] === '&')) ? 2 : 1;
      } else {
        this.start();
        this.word!.copy(this.text, this.i, this.i + 1);
        this.i++;
      }
    }
    this.endCommand();
    return this.commands;
  }

  private start(): void {
    if (!this.word) this.word = new EmbeddedTextBuilder(this.text.positionAt(this.i), this.text.exact, this.text.grouped);
  }

  private endWord(): void {
    if (!this.word) return;
    const word = this.word.build();
    this.word = undefined;
    const redirect = this.redirect;
    this.redirect = undefined;
    if (redirect === 'file') return;
    if (redirect) {
      this.pendingHereDocuments.push({ ...redirect, delimiter: word.value });
      return;
    }
    this.words.push(word);
  }

  private endCommand(): void {
    this.endWord();
    this.redirect = undefined;
    if (this.words.length > 0) this.commands.push(this.words);
    this.words = [];
  }

  /** `\x` outside quotes: the character x itself; `\` + newline: nothing (a continuation). */
  private backslash(inDoubleQuotes: boolean): void {
    const v = this.v;
    const next = v[this.i + 1];
    if (next === '\n') {
      this.i += 2;
      return;
    }
    if (next === '\r' && v[this.i + 2] === '\n') {
      this.i += 3;
      return;
    }
    this.start();
    if (next === undefined) {
      this.word!.copy(this.text, this.i, this.i + 1);
      this.i++;
      return;
    }
    if (inDoubleQuotes && !'$`"\\'.includes(next)) {
      // In double quotes a backslash escapes only $ ` " \ and the newline.
      this.word!.copy(this.text, this.i, this.i + 2);
      this.i += 2;
      return;
    }
    const from = this.text.rangeOf(this.i, this.i + 2);
    this.word!.push(next, from.start, from.end);
    this.i += 2;
  }

  private doubleQuoted(): void {
    const v = this.v;
    while (this.i < v.length && v[this.i] !== '"') {
      const ch = v[this.i];
      if (ch === '\\') {
        this.backslash(true);
      } else if (ch === '$' && (v[this.i + 1] === '(' || v[this.i + 1] === '{')) {
        const end = this.balanced(this.i + 1);
        this.word!.copy(this.text, this.i, end);
        this.i = end;
      } else if (ch === '`') {
        const end = this.backquoted(this.i);
        this.word!.copy(this.text, this.i, end);
        this.i = end;
      } else {
        this.word!.copy(this.text, this.i, this.i + 1);
        this.i++;
      }
    }
    this.i++; // the closing quote
  }

  /** The index after the bracket that closes the `(` or `{` at `open`, quotes inside skipped. */
  private balanced(open: number): number {
    const v = this.v;
    const opening = v[open];
    const closing = opening === '(' ? ')' : '}';
    let depth = 0;
    for (let i = open; i < v.length; i++) {
      const ch = v[i];
      if (ch === '\\') i++;
      else if (ch === "'" && opening === '(') {
        const close = v.indexOf("'", i + 1);
        i = close < 0 ? v.length : close;
      } else if (ch === '"') {
        for (i++; i < v.length && v[i] !== '"'; i++) if (v[i] === '\\') i++;
      } else if (ch === opening) depth++;
      else if (ch === closing && --depth === 0) return i + 1;
    }
    return v.length;
  }

  /** The index after the backquote that closes the one at `open`. */
  private backquoted(open: number): number {
    const v = this.v;
    for (let i = open + 1; i < v.length; i++) {
      if (v[i] === '\\') i++;
      else if (v[i] === '`') return i + 1;
    }
    return v.length;
  }

  /** `>`, `>>`, `2>&1`, `&>`, `<`, `<<EOF`, `<<-EOF`, `<<<word`: the operator and its target are not words of the command. */
  private redirection(): void {
    const v = this.v;
    // `2>file`: the digits before the operator are its file descriptor.
    if (this.word && /^\d+$/.test(this.word.build().value) && v[this.i] !== '&') this.word = undefined;
    else this.endWord();
    let op = v[this.i];
    this.i++;
    while (this.i < v.length && '<>&|-'.includes(v[this.i]) && op.length < 3) {
      // `<<-`, `>>`, `>&`, `>|`, `<&`, `&>`, `&>>`, `<<<`; a `-` only right after `<<`
      if (v[this.i] === '-' && op !== '<<') break;
      if ((v[this.i] === '&' || v[this.i] === '|') && !op.endsWith('>') && op !== '<') break;
      op += v[this.i];
      this.i++;
    }
    if (op === '<<' || op === '<<-') this.redirect = { delimiter: '', stripTabs: op === '<<-' };
    else this.redirect = 'file';
  }

  /** After a line with `<<EOF`: the lines up to EOF are the command's input, not commands. */
  private skipHereDocuments(): void {
    const v = this.v;
    for (const doc of this.pendingHereDocuments) {
      while (this.i < v.length) {
        const nl = v.indexOf('\n', this.i);
        const end = nl < 0 ? v.length : nl;
        let line = v.slice(this.i, end).replace(/\r$/, '');
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        this.i = nl < 0 ? v.length : nl + 1;
        if (line === doc.delimiter) break;
      }
    }
    this.pendingHereDocuments = [];
  }
}
