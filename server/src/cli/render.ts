/**
 * `mcroutes render FILE [--unit NAME | --file PATH | --policy NAME]`: the preview the editor
 * shows beside the YAML (server/src/core/ide/preview.ts), printed on stdout: what the node
 * gets from each unit and file of a MachineConfig and from each NMState document, the `ip
 * route` lines its routes should produce, and the problems found in it.
 */
import { readFileSync } from 'node:fs';
import { lintText } from '../core/analysis/lint';
import { previewTargets, renderPreview, type PreviewSelection } from '../core/ide/preview';
import type { Settings } from '../core/text/settings';
import { butaneToMachineConfig, machineConfigToButane } from '../core/kinds/butane/translate';
import { butaneVersionOfRelease } from '../core/kinds/butane/versions';
import { renderPool, poolRoles, type PoolFile } from '../core/ide/poolPreview';
import { expandInputs, STDIN } from './files';
import { fileErrorReason, readInputText } from './fileErrors';
import { parseFlags, readFlagSettings, SETTING_FLAGS, SETTING_FLAGS_USAGE, SETTING_SWITCHES, UsageError } from './flags';

export interface RenderOutput {
  out(text: string): void;
  err(text: string): void;
}

export const RENDER_USAGE = `usage: mcroutes render FILE [--unit NAME | --file PATH | --policy NAME | --to FORM] [options]
       mcroutes render --pool ROLE [FILE | DIR | GLOB]... [options]

Prints what the node gets from the MachineConfigs in FILE (- reads stdin): each
unit at the path the node writes it to, with its text exactly as the node has it,
each Exec*= line split into arguments as systemd splits it, the \`ip route show\`
lines its routes should produce and the problems found in it; files written by
storage.files likewise, their data: URLs decoded, the routes of nmstate files.
For NMState documents (NodeNetworkConfigurationPolicy, NMStateConfig, a bare
state): the nodes they reach, the \`ip route\` lines of their routes, their
route rules and the problems found in them.

  --unit NAME             only the unit NAME (e.g. nmcli-dev-modify.service)
  --file PATH             only the storage.files entry PATH
  --policy NAME           only the NMState document whose metadata.name is NAME
  --pool ROLE             print what the nodes of the pool ROLE get from all the
                          MachineConfigs of the files together (directories and
                          globs as lint takes them), merged as the Machine
                          Config Operator merges them: the configs in merge
                          order, each unit, dropin and file with the config it
                          comes from and the ones it overrides, the routes of
                          each with their source, NMState policies for the
                          role's nodes, and the ip route lines all together
  --to machineconfig      print the MachineConfig the Butane config in FILE
                          compiles to (file contents as percent-encoded data:
                          URLs; butane itself may gzip and base64 them)
  --to butane             print the MachineConfigs in FILE as Butane configs
                          (variant openshift; data: URLs of text become inline)
                          What cannot be translated is said on stderr and as a
                          comment in the output.
${SETTING_FLAGS_USAGE}
  -h, --help              show this help

Exit status 0 when the preview was printed (problems do not change it), 2 when
the file could not be read, the unit or file is not in it (with --to: nothing in
it could be translated; with --pool: no MachineConfig or pool of the files has
the role), or the usage was wrong.
`;

export function renderCommand(args: string[], io: RenderOutput): number {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(RENDER_USAGE);
    return 0;
  }
  let options: RenderOptions;
  try {
    options = readOptions(args);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    throw error;
  }
  const { files, unitName, filePath, stateName, to, settings } = options;
  if (options.pool !== undefined) {
    if ([unitName, filePath, stateName, to].some((v) => v !== undefined)) return usage(io, '--pool takes no --unit, --file, --policy or --to');
    return renderPoolCommand(options.pool, files, settings, io);
  }
  if (files.length !== 1) return usage(io, files.length === 0 ? 'render needs a FILE' : 'render takes one FILE');
  if ([unitName, filePath, stateName, to].filter((v) => v !== undefined).length > 1) return usage(io, 'give one of --unit, --file, --policy and --to');
  if (to !== undefined && !TARGETS.includes(to)) return usage(io, `--to ${to}: use one of ${TARGETS.join(', ')}`);

  const file = files[0];
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    io.err(`mcroutes: cannot read ${file}: ${fileErrorReason(error)}\n`);
    return 2;
  }
  if (to !== undefined) {
    const translation = to === 'butane'
      ? machineConfigToButane(text, { preferredVersion: butaneVersionOfRelease(settings.openshiftVersion) })
      : butaneToMachineConfig(text);
    for (const note of translation.notes) io.err(`mcroutes: note: ${note}\n`);
    io.out(translation.text);
    return translation.translated > 0 ? 0 : 2;
  }
  const result = lintText(text, settings);
  for (const failure of result.failures) io.err(`mcroutes: internal error: rule ${failure.rule} failed on ${file}: ${failure.error}\n`);
  const selection: PreviewSelection = {};
  if (unitName !== undefined) selection.unitName = unitName;
  if (filePath !== undefined) selection.filePath = filePath;
  if (stateName !== undefined) selection.stateName = stateName;
  io.out(renderPreview(result.parsed, settings, result.problems, selection, file === STDIN ? 'standard input' : file));
  const targets = previewTargets(result.parsed);
  const wanted = selection.unitName ?? selection.filePath ?? selection.stateName;
  const kind = selection.unitName !== undefined ? 'unit' : selection.filePath !== undefined ? 'file' : 'state';
  return wanted === undefined || targets.some((t) => t.kind === kind && t.name === wanted) ? 0 : 2;
}

const TARGETS: readonly string[] = ['machineconfig', 'butane'];

interface RenderOptions { files: string[]; pool?: string; unitName?: string; filePath?: string; stateName?: string; to?: string; settings: Settings }

function readOptions(args: string[]): RenderOptions {
  const flags = parseFlags(args, { command: 'render', values: ['--unit', '--file', '--policy', '--to', '--pool', ...Object.keys(SETTING_FLAGS)], switches: Object.keys(SETTING_SWITCHES), positional: true });
  return { files: flags.positional, pool: flags.single('--pool'), unitName: flags.single('--unit'), filePath: flags.single('--file'), stateName: flags.single('--policy'), to: flags.single('--to'), settings: readFlagSettings(flags) };
}

function usage(io: RenderOutput, message: string): number {
  io.err(`mcroutes: ${message}\n${RENDER_USAGE}`);
  return 2;
}

/** The role names a pool may have: a label value (a DNS-1123 label, as the MCO's role names are). */
const ROLE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function renderPoolCommand(role: string, inputs: string[], settings: Settings, io: RenderOutput): number {
  if (!ROLE_NAME.test(role)) return usage(io, `--pool takes a role name such as worker or infra; got ${JSON.stringify(role)}`);
  if (inputs.length === 0) return usage(io, 'render --pool needs at least one FILE, DIR or GLOB');
  if (inputs.includes(STDIN)) return usage(io, 'render --pool reads files, not stdin');
  const { files, errors } = expandInputs(inputs);
  let failed = errors.length > 0;
  for (const message of errors) io.err(`mcroutes: ${message}\n`);
  const pool: PoolFile[] = [];
  for (const file of files) {
    const text = readInputText(file, file, (line) => io.err(line));
    if (text === undefined) {
      failed = true;
      continue;
    }
    const result = lintText(text, settings);
    for (const failure of result.failures) io.err(`mcroutes: internal error: rule ${failure.rule} failed on ${file}: ${failure.error}\n`);
    pool.push({ name: file, parsed: result.parsed, problems: result.problems });
  }
  if (pool.length === 0) return 2;
  io.out(renderPool(pool, role, settings));
  const roles = poolRoles(pool);
  if (!roles.includes(role)) {
    io.err(`mcroutes: no MachineConfig or MachineConfigPool of these files has the role ${role}${roles.length > 0 ? `; roles here: ${roles.join(', ')}` : ''}\n`);
    return 2;
  }
  return failed ? 2 : 0;
}
