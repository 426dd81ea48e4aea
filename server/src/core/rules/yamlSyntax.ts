import type { Rule } from './rule';

const EXPLANATIONS: Record<string, string> = {
  DUPLICATE_KEY: 'The same key appears twice in one mapping; the cluster keeps only one of them.',
  TAB_AS_INDENT: 'YAML indentation must use spaces, not tabs.',
  BAD_INDENT: 'The indentation does not match the surrounding block.',
};

/** The YAML itself does not parse: the `yaml` library's errors, with its codes. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  check({ document, text, report }) {
    for (const error of document.errors) {
      const [start, end] = error.pos;
      const detail = EXPLANATIONS[error.code];
      const message = firstLine(error.message);
      report({
        severity: 'error',
        message: detail ? `${message} ${detail}` : message,
        range: widenToWord(text, start, end),
        data: { yamlCode: error.code },
      });
    }
  },
};

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.endsWith('.') || line.endsWith(':') ? line.replace(/:$/, '.') : `${line}.`;
}

/** The library often points at one character; underline the whole word there (a key, a value). */
function widenToWord(text: string, start: number, end: number): { start: number; end: number } {
  start = Math.min(start, text.length);
  end = Math.min(Math.max(start, end), text.length);
  if (end - start > 1) return { start, end };
  let wordEnd = start;
  while (wordEnd < text.length && /[\w.\-/]/.test(text[wordEnd])) wordEnd++;
  return { start, end: Math.max(end, wordEnd) };
}
