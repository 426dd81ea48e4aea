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
  while (at < text.length && /\s/.test(text[at])) at++;
  const prefixStart = at;
  while (at < text.length && PREFIX_CHARS.includes(text[at])) at++;
  const prefixes = text.slice(prefixStart, at);

  const argv: EmbeddedText[] = [];
  while (at < text.length) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (at >= text.length) break;
    const word = new EmbeddedTextBuilder(value.positionAt(at), value.exact, undefined, value.grouped);
    let quote: string | undefined;
    let quoteStart = at;
    while (at < text.length) {
      const ch = text[at];
      if (quote) {
        if (ch === quote) {
          quote = undefined;
          at++;
          continue;
        }
      } else {
        if (/\s/.test(ch)) break;
        if (ch === '"' || ch === "'") {
          quote = ch;
          quoteStart = at;
          at++;
          continue;
        }
      }
      if (ch === '\\' && at + 1 < text.length) {
        const next = text[at + 1];
        const decoded = C_ESCAPES[next] ?? next;
        const from = value.rangeOf(at, at + 2);
        word.push(decoded, from.start, from.end);
        at += 2;
        continue;
      }
      word.copy(value, at, at + 1);
      at++;
    }
    if (quote) {
      return {
        prefixes,
        argv,
        error: { message: `The quote ${quote} opened here is never closed.`, at: value.slice(quoteStart, quoteStart + 1) },
        unfinished: { word: word.build(), quote },
      };
    }
    argv.push(word.build());
  }
  return { prefixes, argv };
}
