import { visit } from 'yaml';
import { aliasExpansion, LIMITS } from '../../../text/limits';
import type { Rule } from '../rule';

/** What to do, after the parser's own words, for the errors people make most. */
const ACTIONS: Record<string, string> = {
  DUPLICATE_KEY: 'the cluster keeps only one of them; remove one',
  TAB_AS_INDENT: 'indent with spaces',
  BAD_INDENT: 'align it with its block',
};
/** What a finding's message fits in: one line of the Problems panel. */
const ONE_LINE = 120;

/** The YAML itself does not parse: the `yaml` library's errors, with its codes. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  check({ document, text, report }) {
    // The parser often reports the same broken line several times over; one is enough.
    // Lines are known by the offset they start at (a line index of the whole file per
    // document made 1,000 broken documents cost seconds).
    const reportedLines = new Set<number>();
    let first = true;
    for (const error of document.errors) {
      const [start, end] = error.pos;
      const line = lineStartOf(text, start);
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      const action = ACTIONS[error.code];
      // The parser's own recursion gave out (LIMITS.nesting keeps this rare): say what it means.
      const said = /maximum call stack/i.test(error.message)
        ? 'This document nests too deeply for the YAML parser to read it'
        : firstLine(error.message);
      const message = `${said}${action ? `: ${action}` : ''}`;
      // The first error of a document says why its other findings are missing, where that fits.
      const waiting = first && error.code !== 'DUPLICATE_KEY' ? `${message}; ${WAITING}` : message;
      first = false;
      report({
        severity: 'error',
        message: `${waiting.length < ONE_LINE ? waiting : message}.`,
        range: widenToWord(text, start, end),
        data: { yamlCode: error.code },
      });
    }
    checkAliases(document, text, report);
    checkCharacters(document, text, report, reportedLines);
  },
};

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.min(offset, text.length) - 1) + 1;
}

/**
 * Characters YAML does not allow (C0 and C1 controls but tab and line breaks, DEL, lone
 * surrogates, U+FFFE/U+FFFF, a byte-order mark past the start), and U+FFFD, which stands
 * where bytes were not valid UTF-8 when the file was read. The `yaml` library lets them
 * pass; oc's reader does not.
 */
const NOT_YAML = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFEFF\uFFFD-\uFFFF]+/gu;
const MAX_CHARACTER_FINDINGS = 10;

function checkCharacters(
  document: Parameters<Rule['check']>[0]['document'],
  text: string,
  report: Parameters<Rule['check']>[0]['report'],
  reportedLines: Set<number>,
): void {
  const [start, , end] = document.range;
  const source = text.slice(start, end);
  NOT_YAML.lastIndex = 0;
  const found: { start: number; end: number; chars: string }[] = [];
  for (let m = NOT_YAML.exec(source); m; m = NOT_YAML.exec(source)) {
    // A byte-order mark at the very start of the file is one (VS Code strips it; the CLI may not).
    if (start + m.index === 0 && m[0] === '\uFEFF') continue;
    // One finding per line, and none where the parser already complained.
    const line = lineStartOf(text, start + m.index);
    if (reportedLines.has(line)) continue;
    reportedLines.add(line);
    found.push({ start: start + m.index, end: start + m.index + m[0].length, chars: m[0] });
  }
  const shown = found.slice(0, MAX_CHARACTER_FINDINGS);
  shown.forEach((f, i) => {
    const code = (f.chars.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    const replacement = f.chars[0] === '\uFFFD';
    const said = replacement
      ? 'U+FFFD stands where bytes were not UTF-8, and the cluster would get it: retype the text'
      : `YAML does not allow the character U+${code}, and oc's reader refuses it: remove it`;
    const more = i === shown.length - 1 ? found.length - shown.length : 0;
    report({
      severity: replacement ? 'warning' : 'error',
      message: more > 0 ? `${said}; ${more} more line${more === 1 ? ' has' : 's have'} them too.` : `${said}.`,
      range: { start: f.start, end: f.end },
      data: { character: `U+${code}` },
    });
  });
}

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
    message: `The aliases of this document expand to more than ${LIMITS.aliasExpansion.toLocaleString('en-US')} values, which oc's YAML decoder refuses: use fewer aliases.`,
    range: at ?? { start, end: start },
    data: { limit: 'alias-expansion', max: LIMITS.aliasExpansion, actual: expansion },
  });
}

const WAITING = 'other checks wait until it parses';

/** The parser's first line, without its closing punctuation. */
function firstLine(message: string): string {
  return message.split('\n')[0].trim().replace(/[.:]+$/, '');
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
