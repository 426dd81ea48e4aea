/** `mcroutes`: the command line on the same core as the language server. */
import { readFileSync } from 'node:fs';
import { LineIndex } from './core/lineIndex';
import { lintText } from './core/lint';
import type { Problem } from './core/problem';
import { DEFAULT_SETTINGS } from './core/settings';
import { newCommand } from './cliNew';
import { renderCommand } from './cliRender';

// esbuild inlines the manifest, so the bundle knows its own version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = (require('../../package.json') as { version: string }).version;

const USAGE = `usage: mcroutes <command> [arguments]

commands:
  lint FILE...    report problems in MachineConfig YAML files (- reads stdin),
                  one line each:
                  FILE:LINE:COLUMN SEVERITY RULE MESSAGE
                  exit status 0 when clean, 1 when an error was found,
                  2 when a file could not be read or the usage was wrong
  new --route DEST[,GATEWAY[,METRIC]]... [--role ROLE] [--method METHOD] ...
                  print a MachineConfig (or NMState policy) adding the routes,
                  checked like the route wizard checks it (mcroutes new --help)
  render FILE [--unit NAME | --file PATH]
                  print what the node gets: each unit and file as the node
                  has it, Exec*= lines split as systemd splits them, the
                  ip route lines its routes should produce, its problems
                  (mcroutes render --help)

options:
  -h, --help      show this help
  -V, --version   show the version
`;

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs the command line and returns the exit status. */
export function main(args: string[], io: Output = STDIO): number {
  const [command, ...rest] = args;
  if (command === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command === '-V' || command === '--version' || command === 'version') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (command === 'lint') return lint(rest, io);
  if (command === 'new') return newCommand(rest, io);
  if (command === 'render') return renderCommand(rest, io);
  io.err(`mcroutes: unknown command ${JSON.stringify(command)}\n${USAGE}`);
  return 2;
}

function lint(args: string[], io: Output): number {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(USAGE);
    return 0;
  }
  const options = args.filter((a) => a.startsWith('-') && a !== '-' && a !== '--');
  if (options.length > 0) {
    io.err(`mcroutes: unknown option ${options[0]}\n${USAGE}`);
    return 2;
  }
  const files = args.filter((a) => a !== '--');
  if (files.length === 0) {
    io.err(`mcroutes: lint needs at least one FILE\n${USAGE}`);
    return 2;
  }
  let unreadable = false;
  let errors = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (error) {
      io.err(`mcroutes: cannot read ${file}: ${reason(error)}\n`);
      unreadable = true;
      continue;
    }
    const result = lintText(text, DEFAULT_SETTINGS);
    for (const failure of result.failures) {
      io.err(`mcroutes: internal error: rule ${failure.rule} failed on ${file}: ${failure.error}\n`);
    }
    const index = new LineIndex(text);
    const problems = [...result.problems].sort(byPosition);
    for (const problem of problems) {
      const { line, character } = index.positionAt(problem.start);
      const message = problem.message.replace(/\s*[\r\n]+\s*/g, ' ');
      io.out(`${file}:${line + 1}:${character + 1} ${problem.severity} ${problem.code} ${message}\n`);
      if (problem.severity === 'error') errors = true;
    }
  }
  return unreadable ? 2 : errors ? 1 : 0;
}

function byPosition(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
};

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return error instanceof Error ? error.message : String(error);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
