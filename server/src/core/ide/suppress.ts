import { isCollection, isMap, isScalar, Scalar } from 'yaml';
import type { AnalysedDocument, ParsedText } from '../analysis/lint';
import { hasStructuralErrors } from '../analysis/lint';
import { findSuppressions, SUPPRESSION_DIRECTIVE } from '../analysis/suppressions';
import { parseKeyfile } from '../formats/keyfile';
import { commandLineStarts, parseShellScript } from '../formats/shellScript';
import { parseUnitFile } from '../formats/unitFile';
import { unitTextsOf } from '../kinds/machineconfig/model';
import { EmbeddedText } from '../text/embeddedText';
import type { Fix, Problem, TextEdit } from '../text/problem';
import { forEachNode, parseYamlDocuments, seqAt } from '../text/yamlDocuments';
import { embeddedTextOfScalar } from '../text/yamlScalar';

/**
 * "Suppress RULE on this line": the comment `# mcroutes-disable-next-line RULE` on a line
 * of its own above the finding's line, with that line's indentation, or the id added to
 * the directive already there. The comment goes where it is one and changes nothing else:
 * in the YAML between nodes, or inside a literal block scalar whose text is a unit, a
 * keyfile, a route file, a shell script, an nmstate file or SSH authorized keys (`#`
 * starts a comment line in each).
 * A finding on a continued line (the lines before it end in a backslash) gets the comment
 * above the first of them, which covers them all. Nowhere else (a quoted or folded
 * scalar, a file of another kind, YAML that does not parse): undefined, not offered.
 */
export function suppressionFix(parsed: ParsedText, problem: Problem): Fix | undefined {
  // Its own finding is not silenced by another directive (applySuppressions reports it afterwards).
  if (problem.code === 'unused-suppression') return undefined;
  const edit = suppressionEdit(parsed, problem);
  return edit ? { title: `Suppress ${problem.code} on this line`, edits: [edit], safe: false } : undefined;
}

function suppressionEdit(parsed: ParsedText, problem: Problem): TextEdit | undefined {
  const { text } = parsed;
  const analysed = parsed.documents.find(({ document }) => document.range[0] <= problem.start && problem.start <= document.range[2]);
  // A lone \r ends a line for the suppressions (LineIndex), not for the lines counted here.
  if (!analysed || hasStructuralErrors(analysed.document) || (text.includes('\r') && /\r(?!\n)/.test(text))) return undefined;

  let lineStart = lineStartOf(text, problem.start);
  while (lineStart > 0 && endsInBackslash(text, lineStartOf(text, lineStart - 1))) lineStart = lineStartOf(text, lineStart - 1);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineEndOf(text, lineStart)))![0];
  const lineEnd = lineEndOf(text, lineStart);
  // A blank line has no indentation to copy; a document marker belongs to the chunk after the comment.
  if (lineStart + indent.length === lineEnd || /^(---|\.\.\.)(\s|$)/.test(text.slice(lineStart, lineEnd))) return undefined;

  const above = lineStart > 0 ? directiveOn(text, lineStartOf(text, lineStart - 1)) : undefined;
  if (above) {
    // A directive naming no rule, or this one, would have silenced the finding: nothing to add.
    const last = above.rules[above.rules.length - 1];
    if (!last || above.rules.some((r) => r.id === problem.code)) return undefined;
    return { start: last.end, end: last.end, newText: `, ${problem.code}` };
  }

  const comment = `# ${SUPPRESSION_DIRECTIVE} ${problem.code}`;
  if (!commentFits(text, analysed, lineStart, indent, comment)) return undefined;
  const eol = text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, newText: `${indent}${comment}${eol}` };
}

/** Whether a line `indent + comment` put before the line at `lineStart` is a comment where it stands. */
function commentFits(text: string, analysed: AnalysedDocument, lineStart: number, indent: string, comment: string): boolean {
  let around: Scalar | undefined;
  let flow = false;
  forEachNode(analysed.document, (node) => {
    const range = node.range;
    if (!range || !(range[0] < lineStart && lineStart < range[1])) return;
    if (isScalar(node)) around = node;
    else if (isCollection(node) && node.flow) flow = true;
  });
  // Between the nodes of block collections a comment line is always one.
  if (!around) return !flow;
  // In a quoted or plain scalar the line is text of the value; in a folded one it joins the line before.
  if (around.type !== Scalar.BLOCK_LITERAL) return false;
  const embedded = embeddedTextIn(analysed, around, text);
  if (!embedded?.text.exact) return false;
  const index = embedded.text.indexAt(lineStart + indent.length);
  if (index === undefined) return false;
  const value = embedded.text.value;
  const valueLineStart = value.lastIndexOf('\n', index - 1) + 1;
  const changed = `${value.slice(0, valueLineStart)}${value.slice(valueLineStart, index)}${comment}\n${value.slice(valueLineStart)}`;
  return embedded.readsTheSame(value, changed, valueLineStart);
}

interface EmbeddedFormat {
  text: EmbeddedText;
  /** Whether the text with a comment line inserted at `at` says what it said before. */
  readsTheSame(before: string, after: string, at: number): boolean;
}

/** The text a literal block scalar holds, when it is of a format where `#` starts a comment line. */
function embeddedTextIn(analysed: AnalysedDocument, scalar: Scalar, text: string): EmbeddedFormat | undefined {
  const ignition = analysed.ignition;
  if (!ignition) return undefined;
  const unit = unitTextsOf(ignition).find((u) => u.scalar === scalar);
  if (unit) return { text: unit.text, readsTheSame: (before, after) => unitReading(before) === unitReading(after) };
  // An authorized_keys entry: sshd reads each line alone and skips those starting with `#` (sshd(8)).
  const keys = seqAt(ignition.passwd, 'users')?.items.flatMap((user) => (isMap(user) ? seqAt(user, 'sshAuthorizedKeys')?.items ?? [] : []));
  if (keys?.includes(scalar)) return { text: embeddedTextOfScalar(scalar, text), readsTheSame: () => true };
  const file = ignition.files.find((f) => f.inline === scalar);
  if (!file?.text) return undefined;
  const decoded = file.text;
  // Each line of these is read alone, and one whose first character is `#` skipped (GKeyFile; ifcfg-rh's route files).
  if (file.keyfile) return { text: decoded, readsTheSame: (before, after) => keyfileReading(before) === keyfileReading(after) };
  if (file.routeFile) return { text: decoded, readsTheSame: () => true };
  if (file.scriptCommands) {
    return {
      text: decoded,
      readsTheSame: (before, after, at) =>
        !(at === 0 && before.startsWith('#!')) && commandLineStarts(plain(before)).has(at) && scriptReading(before) === scriptReading(after),
    };
  }
  if (file.nmstate) return { text: decoded, readsTheSame: (before, after) => yamlReading(before) === yamlReading(after) };
  return undefined;
}

function plain(value: string): EmbeddedText {
  return EmbeddedText.verbatim(value, 0);
}

/** What systemd reads from a unit: its sections and their directives, and what it cannot read. */
function unitReading(value: string): string {
  const unit = parseUnitFile(plain(value));
  return JSON.stringify([unit.sections.map((s) => [s.name, s.directives.map((d) => [d.key.value, d.value.value])]), unit.errors.map((e) => e.message)]);
}

function keyfileReading(value: string): string {
  return JSON.stringify(parseKeyfile(plain(value)).groups.map((g) => [g.name, g.entries.map((e) => [e.key.value, e.value.value])]));
}

function scriptReading(value: string): string {
  return JSON.stringify(parseShellScript(plain(value)).map((c) => c.words.map((w) => w.value)));
}

function yamlReading(value: string): string | undefined {
  try {
    return JSON.stringify(parseYamlDocuments(value).map((d) => [d.toJS({ maxAliasCount: 100 }), d.errors.length]));
  } catch {
    return undefined;
  }
}

/** The suppression directive standing alone or after content on the line at `lineStart`, if any. */
function directiveOn(text: string, lineStart: number) {
  const line = text.slice(lineStart, lineEndOf(text, lineStart));
  if (!line.includes(SUPPRESSION_DIRECTIVE)) return undefined;
  const found = findSuppressions(line)[0];
  return found && { ...found, rules: found.rules.map((r) => ({ ...r, start: r.start + lineStart, end: r.end + lineStart })) };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, lineStart: number): number {
  for (let i = lineStart; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}

function endsInBackslash(text: string, lineStart: number): boolean {
  return text[lineEndOf(text, lineStart) - 1] === '\\';
}
