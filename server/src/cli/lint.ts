/**
 * `mcroutes lint [paths|globs|-]...`: the findings of every MachineConfig in the files,
 * as text, JSON or SARIF, with an exit status for CI.
 */
import * as path from 'node:path';
import { LineIndex } from '../core/text/lineIndex';
import { fileFactsOf, indexOf, lintParsed, mergePoolFacts, parseText, type ParsedText } from '../core/analysis/lint';
import { findingsOfFiles, type FileIndex } from '../core/analysis/workspaceIndex';
import type { RuleFailure } from '../core/text/problem';
import type { Settings } from '../core/text/settings';
import { RULES } from '../core/analysis/rules';
import type { PoolFacts } from '../core/analysis/rules/rule';
import { parseLintArgs, UsageError, type LintOptions } from './args';
import { SETTING_FLAGS_USAGE } from './flags';
import { ConfigError, ConfigResolver } from './config';
import { expandInputs, STDIN } from './files';
import { fileErrorReason, readInputText } from './fileErrors';
import { fixText, writeAtomically } from './fix';
import { jsonOutput, textLine, useColour, type Finding } from './format';
import { sarifOutput } from './sarif';

export interface LintIO {
  out(text: string): void;
  err(text: string): void;
}

export interface ToolInfo {
  version: string;
  informationUri?: string;
}

export const LINT_USAGE = `usage: mcroutes lint [options] [FILE | DIR | GLOB | -]...

Reports the problems in MachineConfig YAML, and in the routes of NMState
policies and state files. A directory is searched recursively for *.yaml and
*.yml (node_modules and .git skipped); a glob may use *, **, ?, [abc] and {a,b}
(quote it so the shell leaves it alone); - reads stdin. Other YAML is skipped
and counted. The files are read
together: a MachineConfigPool in one answers for the roles of MachineConfigs in
the others, and what the configs of one pool do together is checked across them
(a unit or file one config overrides in another, a route two of them add, a
pool that leaves out worker).

  --format FORMAT         text (default): FILE:LINE:COLUMN SEVERITY RULE MESSAGE,
                          coloured on a terminal unless NO_COLOR is set; json: an
                          array of {file, line, column, endLine, endColumn,
                          severity, code, message}; sarif: SARIF 2.1.0
  --hints                 also report hints (advice that holds for correct configs
                          too; hidden by default in every format)
  --max-warnings N        exit 1 when there are more than N warnings
  --fix                   apply the safe quick fixes in place (atomically), say
                          what was fixed on stderr, then report what remains
${SETTING_FLAGS_USAGE}
  --rule ID=LEVEL         a rule's level: error, warning, info, hint or off
                          (repeatable)
  -h, --help              show this help

Settings are also read from the nearest .mcroutes.json or .mcroutes.yaml above
each file (from the working directory for stdin): the keys of the editor
settings without "mcroutes.", e.g. {"networkType": "OpenShiftSDN",
"rules": {"route-default": "off"}}. Flags override it.

Exit status: 0 clean; 1 an error was found, or more warnings than --max-warnings;
2 wrong usage, an invalid setting, or a file that could not be read or written
(the other files are still linted).
`;

export function lintCommand(args: string[], io: LintIO, tool: ToolInfo, stdout: { isTTY?: boolean } = process.stdout): number {
  let options: LintOptions;
  try {
    options = parseLintArgs(args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mcroutes: ${error.message}\n${LINT_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.out(LINT_USAGE);
    return 0;
  }
  if (options.inputs.length === 0) {
    io.err(`mcroutes: lint needs at least one FILE, DIR, GLOB or -\n${LINT_USAGE}`);
    return 2;
  }
  if (options.fix && options.inputs.includes(STDIN)) {
    io.err('mcroutes: --fix cannot rewrite stdin; give the file instead\n');
    return 2;
  }
  let resolver: ConfigResolver;
  try {
    resolver = new ConfigResolver(options.settings);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`mcroutes: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const { files, errors } = expandInputs(options.inputs);
  let failed = errors.length > 0;
  for (const message of errors) io.err(`mcroutes: ${message}\n`);

  // The files linted together are the workspace: a MachineConfigPool in one answers for the
  // roles of the others, and the index of all of them shows what configs do together.
  const texts: { file: string; text: string; settings: Settings; parsed: ParsedText; pools: PoolFacts; index: FileIndex }[] = [];
  for (const file of files) {
    const read = readInputText(file === STDIN ? 0 : file, file, (line) => io.err(line));
    if (read === undefined) {
      failed = true;
      continue;
    }
    let text = read;
    let settings: Settings;
    try {
      settings = resolver.resolve(file === STDIN ? undefined : file).settings;
    } catch (error) {
      if (error instanceof ConfigError) {
        io.err(`mcroutes: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    if (options.fix) {
      const fixed = fixText(text, settings);
      if (fixed.text !== text) {
        try {
          writeAtomically(file, fixed.text);
          text = fixed.text;
          const what = fixed.applied.map((a) => `${a.code} (${a.title})`).join(', ');
          io.err(`mcroutes: fixed ${fixed.applied.length} problem${fixed.applied.length === 1 ? '' : 's'} in ${shown(file)}: ${what}\n`);
        } catch (error) {
          io.err(`mcroutes: cannot write ${file}: ${fileErrorReason(error)}; it was left as it was\n`);
          failed = true;
        }
      }
    }
    const failures: RuleFailure[] = [];
    const parsed = parseText(text, failures);
    for (const failure of failures) io.err(`mcroutes: internal error: rule ${failure.rule} failed on ${file}: ${failure.error}\n`);
    texts.push({ file, text, settings, parsed, pools: fileFactsOf(parsed.documents.map((d) => d.document)), index: indexOf(parsed, []) });
  }

  const findings: Finding[] = [];
  let checked = 0;
  let skipped = 0;
  const withPools = texts.filter((t) => t.pools.pools > 0);
  // The findings across files of every file, in one pass over the run.
  const across = findingsOfFiles(texts.filter((t) => t.index.documents.length > 0).map((t) => ({ file: t.file, index: t.index })));
  const lines = new Map<string, LineIndex>();
  const linesOf = (entry: { file: string; text: string }): LineIndex => {
    let index = lines.get(entry.file);
    if (!index) lines.set(entry.file, (index = new LineIndex(entry.text)));
    return index;
  };
  const byFile = new Map(texts.map((t) => [t.file, t]));
  for (const entry of texts) {
    const { file, settings } = entry;
    checked++;
    const workspace = { ...mergePoolFacts(withPools.filter((other) => other !== entry).map((other) => other.pools)), findings: across.get(entry.file) ?? [] };
    const result = lintParsed(entry.parsed, settings, RULES, [], workspace);
    for (const failure of result.failures) {
      io.err(`mcroutes: internal error: rule ${failure.rule} failed on ${file}: ${failure.error}\n`);
    }
    // Files with no document of a kind we read (MachineConfig, NMState) are skipped.
    if (!result.ours) {
      skipped++;
      continue;
    }
    const index = linesOf(entry);
    for (const problem of result.problems) {
      if (problem.severity === 'hint' && !options.hints) continue;
      const start = index.positionAt(problem.start);
      const end = index.positionAt(problem.end);
      const related = (problem.related ?? []).flatMap((r) => {
        const other = r.file === undefined ? entry : byFile.get(r.file);
        if (!other) return [];
        const at = linesOf(other).positionAt(r.start);
        return [{ file: shown(other.file), line: at.line + 1, column: at.character + 1, message: r.message }];
      });
      findings.push({
        file: shown(file),
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: problem.severity,
        code: problem.code,
        message: problem.message.replace(/\s*[\r\n]+\s*/g, ' '),
        ...(related.length > 0 ? { related } : {}),
      });
    }
  }

  if (options.format === 'json') io.out(jsonOutput(findings));
  else if (options.format === 'sarif') io.out(sarifOutput(findings, tool));
  else {
    const colour = useColour(stdout);
    for (const finding of findings) io.out(textLine(finding, colour));
    if (checked > 0) {
      io.err(`${checked} file${checked === 1 ? '' : 's'} checked${skipped > 0 ? `, ${skipped} skipped (not a MachineConfig)` : ''}\n`);
    }
  }

  if (failed) return 2;
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errorCount > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    if (options.format === 'text') io.err(`mcroutes: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Relative to the working directory when the file is inside it, else as given. */
function shown(file: string): string {
  if (file === STDIN) return STDIN;
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
