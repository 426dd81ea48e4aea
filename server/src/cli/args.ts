/** The arguments of `mcroutes lint`. */
import { parseFlags, settingsFromFlags, SETTING_FLAGS, SETTING_SWITCHES, UsageError } from './flags';

export { UsageError } from './flags';

export type Format = 'text' | 'json' | 'sarif';

export interface LintOptions {
  inputs: string[];
  format: Format;
  maxWarnings?: number;
  fix: boolean;
  hints: boolean;
  help: boolean;
  /** Settings given as flags, in the shape of the editor settings (validated by readSettings). */
  settings: Record<string, unknown> & { rules?: Record<string, string> };
}

export function parseLintArgs(args: string[]): LintOptions {
  const flags = parseFlags(args, {
    command: 'lint',
    values: ['--format', '--max-warnings', '--rule', ...Object.keys(SETTING_FLAGS)],
    switches: ['-h', '--help', '--fix', '--hints', ...Object.keys(SETTING_SWITCHES)],
    positional: true,
  });
  const options: LintOptions = {
    inputs: flags.positional,
    format: 'text',
    fix: flags.switches.has('--fix'),
    hints: flags.switches.has('--hints'),
    help: flags.switches.has('-h') || flags.switches.has('--help'),
    settings: settingsFromFlags(flags),
  };
  const format = flags.single('--format');
  if (format !== undefined) {
    if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif; got ${JSON.stringify(format)}`);
    options.format = format;
  }
  const maxWarnings = flags.single('--max-warnings');
  if (maxWarnings !== undefined) {
    if (!/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings must be a whole number of 0 or more; got ${JSON.stringify(maxWarnings)}`);
    options.maxWarnings = Number(maxWarnings);
  }
  for (const rule of flags.values.get('--rule') ?? []) {
    const m = /^([a-z0-9-]+)=([a-z]+)$/.exec(rule);
    if (!m) throw new UsageError(`--rule takes ID=LEVEL, e.g. route-default=off; got ${JSON.stringify(rule)}`);
    options.settings.rules = { ...options.settings.rules, [m[1]]: m[2] };
  }
  return options;
}
