import { EmbeddedText, EmbeddedTextBuilder } from '../text/embeddedText';

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
  while (at < text.length && isSpace(text[at])) at++;
  const prefixStart = at;
  while (at < text.length && PREFIX_CHARS.includes(text[at])) at++;
  const prefixes = text.slice(prefixStart, at);

  const argv: EmbeddedText[] = [];
  while (at < text.length) {
    while (at < text.length && isSpace(text[at])) at++;
    if (at >= text.length) break;
    const wordStart = at;
    // Most words are written as they are meant (no quotes, no escapes): such a word is a
    // slice of the line. Only a word with quotes or escapes is built, run by run.
    let word: EmbeddedTextBuilder | undefined;
    let runStart = at;
    const built = (): EmbeddedTextBuilder => {
      word ??= new EmbeddedTextBuilder(value.positionAt(wordStart), value.exact, value.grouped);
      word.copy(value, runStart, at);
      return word;
    };
    let quote: string | undefined;
    let quoteStart = at;
    while (at < text.length) {
      const ch = text[at];
      if (quote) {
        if (ch === quote) {
          built();
          quote = undefined;
          runStart = ++at; // past the quote
          continue;
        }
      } else {
        if (isSpace(ch)) break;
        if (ch === '"' || ch === "'") {
          built();
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
        built().push(decoded, from.start, from.end);
        at += 2;
        runStart = at;
        continue;
      }
      at++;
    }
    if (quote) {
      return {
        prefixes,
        argv,
        error: { message: `The quote ${quote} opened here is never closed.`, at: value.slice(quoteStart, quoteStart + 1) },
        unfinished: { word: built().build(), quote },
      };
    }
    argv.push(word ? built().build() : value.slice(wordStart, at));
  }
  return { prefixes, argv };
}

/** `\s` (the whitespace of JavaScript's regular expressions), ASCII answered without one. */
function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : /\s/.test(ch);
}
