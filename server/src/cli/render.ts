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
import { fileErrorReason } from './fileErrors';
import { parseFlags, readFlagSettings, SETTING_FLAGS, SETTING_FLAGS_USAGE, SETTING_SWITCHES, UsageError } from './flags';

export interface RenderOutput {
  out(text: string): void;
  err(text: string): void;
}

export const RENDER_USAGE = `usage: mcroutes render FILE [--unit NAME | --file PATH | --policy NAME] [options]

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
${SETTING_FLAGS_USAGE}
  -h, --help              show this help

Exit status 0 when the preview was printed (problems do not change it), 2 when
the file could not be read, the unit or file is not in it, or the usage was wrong.
`;

export function renderCommand(args: string[], io: RenderOutput): number {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(RENDER_USAGE);
    return 0;
  }
  let options: { files: string[]; unitName?: string; filePath?: string; stateName?: string; settings: Settings };
  try {
    options = readOptions(args);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    throw error;
  }
  const { files, unitName, filePath, stateName, settings } = options;
  if (files.length !== 1) return usage(io, files.length === 0 ? 'render needs a FILE' : 'render takes one FILE');
  if ([unitName, filePath, stateName].filter((v) => v !== undefined).length > 1) return usage(io, 'give one of --unit, --file and --policy');

  const file = files[0];
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    io.err(`mcroutes: cannot read ${file}: ${fileErrorReason(error)}\n`);
    return 2;
  }
  const result = lintText(text, settings);
  for (const failure of result.failures) io.err(`mcroutes: internal error: rule ${failure.rule} failed on ${file}: ${failure.error}\n`);
  const selection: PreviewSelection = {};
  if (unitName !== undefined) selection.unitName = unitName;
  if (filePath !== undefined) selection.filePath = filePath;
  if (stateName !== undefined) selection.stateName = stateName;
  io.out(renderPreview(result.parsed, settings, result.problems, selection));
  const targets = previewTargets(result.parsed);
  const wanted = selection.unitName ?? selection.filePath ?? selection.stateName;
  const kind = selection.unitName !== undefined ? 'unit' : selection.filePath !== undefined ? 'file' : 'state';
  return wanted === undefined || targets.some((t) => t.kind === kind && t.name === wanted) ? 0 : 2;
}

function readOptions(args: string[]): { files: string[]; unitName?: string; filePath?: string; stateName?: string; settings: Settings } {
  const flags = parseFlags(args, { command: 'render', values: ['--unit', '--file', '--policy', ...Object.keys(SETTING_FLAGS)], switches: Object.keys(SETTING_SWITCHES), positional: true });
  return { files: flags.positional, unitName: flags.single('--unit'), filePath: flags.single('--file'), stateName: flags.single('--policy'), settings: readFlagSettings(flags) };
}

function usage(io: RenderOutput, message: string): number {
  io.err(`mcroutes: ${message}\n${RENDER_USAGE}`);
  return 2;
}
