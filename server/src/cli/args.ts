/** The arguments of `mcroutes lint`, parsed without a dependency. */
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

export class UsageError extends Error {}

const LIST_FLAGS: Record<string, string> = {
  '--cluster-network': 'clusterNetwork',
  '--service-network': 'serviceNetwork',
  '--machine-network': 'machineNetwork',
};
const VALUE_FLAGS = ['--format', '--max-warnings', '--openshift-version', '--network-type', '--rule', ...Object.keys(LIST_FLAGS)];

export function parseLintArgs(args: string[]): LintOptions {
  const options: LintOptions = { inputs: [], format: 'text', fix: false, hints: false, help: false, settings: {} };
  let onlyInputs = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyInputs || arg === '-' || !arg.startsWith('-')) {
      options.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '-h' || name === '--help') options.help = true;
    else if (name === '--fix') options.fix = true;
    else if (name === '--hints') options.hints = true;
    else if (VALUE_FLAGS.includes(name)) {
      let value: string;
      if (name !== arg) value = arg.slice(eq + 1);
      else {
        if (i + 1 >= args.length) throw new UsageError(`${name} needs a value`);
        value = args[++i];
      }
      setValue(options, name, value);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return options;
}

function setValue(options: LintOptions, name: string, value: string): void {
  switch (name) {
    case '--format':
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif; got ${JSON.stringify(value)}`);
      options.format = value;
      return;
    case '--max-warnings':
      if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a whole number of 0 or more; got ${JSON.stringify(value)}`);
      options.maxWarnings = Number(value);
      return;
    case '--openshift-version':
      options.settings.openshiftVersion = value;
      return;
    case '--network-type':
      options.settings.networkType = value;
      return;
    case '--rule': {
      const m = /^([a-z0-9-]+)=([a-z]+)$/.exec(value);
      if (!m) throw new UsageError(`--rule takes ID=LEVEL, e.g. route-default=off; got ${JSON.stringify(value)}`);
      options.settings.rules = { ...options.settings.rules, [m[1]]: m[2] };
      return;
    }
    default:
      options.settings[LIST_FLAGS[name]] = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  }
}
