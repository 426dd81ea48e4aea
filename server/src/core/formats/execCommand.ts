import { EmbeddedText, EmbeddedTextBuilder, isWhitespaceAt } from '../text/embeddedText';

export interface ExecCommand {
  /** Prefix characters such as `-` (ignore failure) or `+` (full privileges). */
  prefixes: string;
  argv: EmbeddedText[];
  /** Why the line could not be split, if it could not. */
  error?: { message: string; at: EmbeddedText };
  /** With an unclosed quote: the word it leaves unfinished (not in argv), for readers of a line being typed. */
  unfinished?: { word: EmbeddedText; quote: string };
}

const PREFIX_CHARS = '@-:+!|';

const C_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", s: ' ',
};

/**
 * Splits an Exec*= value into arguments as systemd does: whitespace separates words,
 * double and single quotes group them, backslash escapes are C-style. No shell is
 * involved, which is exactly why `|` or `&&` in ExecStart do not do what people hope.
 */
export function splitExecCommand(value: EmbeddedText): ExecCommand {
  const text = value.value;
  let at = 0;
  while (at < text.length && isWhitespaceAt(text, at)) at++;
  const prefixStart = at;
  while (at < text.length && PREFIX_CHARS.includes(text[at])) at++;
  const prefixes = text.slice(prefixStart, at);

  const argv: EmbeddedText[] = [];
  while (at < text.length) {
    while (at < text.length && isWhitespaceAt(text, at)) at++;
    if (at >= text.length) break;
    const wordStart = at;
    // Most words are written as they are meant (no quotes, no escapes): such a word is a
    // slice of the line. Only a word with quotes or escapes is built, run by run.
    while (at < text.length && !isWhitespaceAt(text, at) && !isSpecial(text[at])) at++;
    if (at >= text.length || isWhitespaceAt(text, at)) {
      argv.push(value.slice(wordStart, at));
      continue;
    }
    const word = splitQuotedWord(value, wordStart, at);
    if (word.quote) {
      return {
        prefixes,
        argv,
        error: { message: `The quote ${word.quote} opened here is never closed.`, at: value.slice(word.quoteStart, word.quoteStart + 1) },
        unfinished: { word: word.text, quote: word.quote },
      };
    }
    argv.push(word.text);
    at = word.end;
  }
  return { prefixes, argv };
}

/**
 * The rest of a word with quotes or escapes, from `at` (its first quote or backslash; what
 * stands before it from `wordStart` is plain): built run by run. `quote` is set when a quote
 * is left open at the end of the line.
 */
function splitQuotedWord(value: EmbeddedText, wordStart: number, at: number): { text: EmbeddedText; end: number; quote?: string; quoteStart: number } {
  const text = value.value;
  const word = new EmbeddedTextBuilder(value.positionAt(wordStart), value.exact, value.grouped);
  let runStart = wordStart;
  let quote: string | undefined;
  let quoteStart = at;
  while (at < text.length) {
    const ch = text[at];
    if (quote) {
      if (ch === quote) {
        word.copy(value, runStart, at);
        quote = undefined;
        runStart = ++at; // past the quote
        continue;
      }
    } else {
      if (isWhitespaceAt(text, at)) break;
      if (ch === '"' || ch === "'") {
        word.copy(value, runStart, at);
        quote = ch;
        quoteStart = at;
        runStart = ++at; // past the quote
        continue;
      }
    }
    if (ch === '\\' && at + 1 < text.length) {
      const next = text[at + 1];
      const decoded = C_ESCAPES[next] ?? next;
      const from = value.rangeOf(at, at + 2);
      word.copy(value, runStart, at);
      word.push(decoded, from.start, from.end);
      at += 2;
      runStart = at;
      continue;
    }
    at++;
  }
  word.copy(value, runStart, at);
  return { text: word.build(), end: at, quote, quoteStart };
}

/** A character that makes a word more than a slice of the line: a quote, or a backslash that escapes. */
function isSpecial(ch: string): boolean {
  return ch === '"' || ch === "'" || ch === '\\';
}
