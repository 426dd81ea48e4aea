import { visit } from 'yaml';
import { aliasExpansion, LIMITS } from '../limits';
import { LineIndex } from '../lineIndex';
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
    // The parser often reports the same broken line several times over; one is enough.
    const reportedLines = new Set<number>();
    const lines = document.errors.length > 0 ? new LineIndex(text) : undefined;
    let first = true;
    for (const error of document.errors) {
      const [start, end] = error.pos;
      const line = lines!.positionAt(start).line;
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      const detail = EXPLANATIONS[error.code];
      // The parser's own recursion gave out (LIMITS.nesting keeps this rare): say what it means.
      const said = /maximum call stack/i.test(error.message)
        ? 'This document nests too deeply for the YAML parser to read it.'
        : firstLine(error.message);
      const message = [said, detail, first && error.code !== 'DUPLICATE_KEY' ? WAITING : undefined].filter(Boolean).join(' ');
      first = false;
      report({
        severity: 'error',
        message,
        range: widenToWord(text, start, end),
        data: { yamlCode: error.code },
      });
    }
    checkAliases(document, text, report);
  },
};

/** An alias bomb ("billion laughs"): aliases whose expansion explodes. mcroutes never expands them; oc does, and refuses. */
function checkAliases(document: Parameters<Rule['check']>[0]['document'], text: string, report: Parameters<Rule['check']>[0]['report']): void {
  const [start, end] = document.range;
  // Aliases need an anchor (`&`) and a reference (`*`): most documents have neither and cost nothing here.
  const source = text.slice(start, end);
  if (!source.includes('&') || !source.includes('*')) return;
  const expansion = aliasExpansion(document);
  if (expansion <= LIMITS.aliasExpansion) return;
  let at: { start: number; end: number } | undefined;
  visit(document, {
    Alias(_, alias) {
      if (at || !alias.range) return;
      at = { start: alias.range[0], end: alias.range[1] };
      return visit.BREAK;
    },
  });
  report({
    severity: 'error',
    message:
      `The aliases of this document expand to more than ${LIMITS.aliasExpansion.toLocaleString('en-US')} values: an alias bomb ("billion laughs"). ` +
      'oc refuses it ("yaml: document contains excessive aliasing"); mcroutes does not expand aliases.',
    range: at ?? { start, end: start },
    data: { limit: 'alias-expansion', max: LIMITS.aliasExpansion, actual: expansion },
  });
}

const WAITING = 'The other checks of this document resume once it parses.';

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
