/**
 * `mcroutes render FILE [--unit NAME | --file PATH]`: the unit preview the editor shows
 * beside the YAML (server/src/core/render/preview.ts), printed on stdout: what the node
 * gets from each unit and file, the `ip route` lines its routes should produce, and the
 * problems found in it.
 */
import { readFileSync } from 'node:fs';
import { lintText } from '../core/lint';
import { previewTargets, renderPreview, type PreviewSelection } from '../core/render/preview';
import { readSettings } from '../core/settings';

export interface RenderOutput {
  out(text: string): void;
  err(text: string): void;
}

export const RENDER_USAGE = `usage: mcroutes render FILE [--unit NAME | --file PATH] [options]

Prints what the node gets from the MachineConfigs in FILE (- reads stdin): each
unit at the path the node writes it to, with its text exactly as the node has it,
each Exec*= line split into arguments as systemd splits it, the \`ip route show\`
lines its routes should produce and the problems found in it; files written by
storage.files likewise, their data: URLs decoded.

  --unit NAME             only the unit NAME (e.g. nmcli-dev-modify.service)
  --file PATH             only the storage.files entry PATH
  --network-type TYPE     OVNKubernetes (default) or OpenShiftSDN
  --openshift-version V   target release 4.N (default 4.19)
  -h, --help              show this help

Exit status 0 when the preview was printed (problems do not change it), 2 when
the file could not be read, the unit or file is not in it, or the usage was wrong.
`;

const VALUE_FLAGS = ['--unit', '--file', '--network-type', '--openshift-version'];

export function renderCommand(args: string[], io: RenderOutput): number {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(RENDER_USAGE);
    return 0;
  }
  const values = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const equals = arg.indexOf('=');
    const flag = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    if (VALUE_FLAGS.includes(flag)) {
      const value = equals > 0 && flag !== arg ? arg.slice(equals + 1) : args[++i];
      if (value === undefined) return usage(io, `${flag} needs a value`);
      if (values.has(flag)) return usage(io, `${flag} is given twice`);
      values.set(flag, value);
    } else if (arg.startsWith('-') && arg !== '-') {
      return usage(io, `unknown option ${arg}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) return usage(io, files.length === 0 ? 'render needs a FILE' : 'render takes one FILE');
  if (values.has('--unit') && values.has('--file')) return usage(io, 'give --unit or --file, not both');

  const { settings, complaints } = readSettings({
    networkType: values.get('--network-type'),
    openshiftVersion: values.get('--openshift-version'),
  });
  if (complaints.length > 0) return usage(io, complaints[0].replace(/^mcroutes\./, '').replace(/ Using .*$/, ''));

  const file = files[0];
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    io.err(`mcroutes: cannot read ${file}: ${reason(error)}\n`);
    return 2;
  }
  const result = lintText(text, settings);
  for (const failure of result.failures) io.err(`mcroutes: internal error: rule ${failure.rule} failed on ${file}: ${failure.error}\n`);
  const selection: PreviewSelection = {};
  if (values.has('--unit')) selection.unitName = values.get('--unit');
  if (values.has('--file')) selection.filePath = values.get('--file');
  io.out(renderPreview(result.parsed, settings, result.problems, selection));
  const targets = previewTargets(result.parsed);
  const wanted = selection.unitName ?? selection.filePath;
  const kind = selection.unitName !== undefined ? 'unit' : 'file';
  return wanted === undefined || targets.some((t) => t.kind === kind && t.name === wanted) ? 0 : 2;
}

function usage(io: RenderOutput, message: string): number {
  io.err(`mcroutes: ${message}\n${RENDER_USAGE}`);
  return 2;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return error instanceof Error ? error.message : String(error);
}
