/** `mcroutes`: the command line on the same core as the language server. */
import { lintCommand } from './cli/lint';
import { newCommand } from './cli/new';
import { renderCommand } from './cli/render';

// esbuild inlines the manifest, so the bundle knows its own version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MANIFEST = require('../../package.json') as { version: string; homepage?: string };
const VERSION: string = MANIFEST.version;

const USAGE = `usage: mcroutes <command> [arguments]

commands:
  lint [FILE | DIR | GLOB | -]... [--format text|json|sarif] [--fix] ...
                  report problems in MachineConfig YAML (- reads stdin), one
                  line each: FILE:LINE:COLUMN SEVERITY RULE MESSAGE; exit
                  status 0 clean, 1 errors (or warnings over --max-warnings),
                  2 usage or I/O errors (mcroutes lint --help)
  new --route DEST[,GATEWAY[,METRIC]]... [--role ROLE] [--method METHOD] ...
                  print a MachineConfig (or NMState policy, or with --format
                  butane a Butane config) adding the routes, checked like
                  the route wizard checks it (mcroutes new --help)
  render FILE [--unit NAME | --file PATH | --policy NAME | --to FORM]
                  print what the node gets: each unit and file as the node
                  has it, Exec*= lines split as systemd splits them, the
                  ip route lines its routes (and NMState policies') should
                  produce, its problems; --to machineconfig|butane prints
                  the other form of a Butane config or MachineConfig
                  (mcroutes render --help)
  render --pool ROLE [FILE | DIR | GLOB]...
                  print what the nodes of a pool get from all the
                  MachineConfigs of the files, merged in the Machine Config
                  Operator's order: which config each unit, dropin and file
                  comes from and what it overrides, the routes with their
                  sources, the ip route lines all together

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
  if (command === 'lint') return lintCommand(rest, io, { version: VERSION, informationUri: MANIFEST.homepage });
  if (command === 'new') return newCommand(rest, io);
  if (command === 'render') return renderCommand(rest, io);
  io.err(`mcroutes: unknown command ${JSON.stringify(command)}\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  // `mcroutes lint … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2));
}
