/**
 * The config file of `mcroutes lint`: `.mcroutes.json` or `.mcroutes.yaml`, the nearest
 * one found upward from each linted file (from the working directory for stdin), with the
 * keys of the editor settings without their `mcroutes.` prefix. Flags override it.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { readSettings } from '../core/analysis/settings';
import type { Settings } from '../core/text/settings';
import { flagComplaint } from './flags';

export const CONFIG_NAMES = ['.mcroutes.json', '.mcroutes.yaml'];

export class ConfigError extends Error {}

export interface Resolved {
  settings: Settings;
  /** The config file used, if any. */
  configFile?: string;
}

export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byConfig = new Map<string, Resolved>();

  constructor(private readonly flags: Record<string, unknown> & { rules?: Record<string, string> }) {
    // Flags alone must be valid, whatever the config files say.
    const { complaints } = readSettings(flags);
    if (complaints.length > 0) throw new ConfigError(`invalid option: ${flagComplaint(complaints[0])}`);
  }

  /** The settings for a file (or for stdin, from the working directory). */
  resolve(file: string | undefined): Resolved {
    const start = file === undefined ? process.cwd() : path.dirname(path.resolve(file));
    const configFile = this.find(start);
    const key = configFile ?? '';
    let resolved = this.byConfig.get(key);
    if (!resolved) {
      const raw = configFile ? readConfig(configFile) : {};
      const merged = { ...raw, ...this.flags, rules: { ...asRecord(raw.rules), ...this.flags.rules } };
      const { settings, complaints } = readSettings(merged);
      if (complaints.length > 0) throw new ConfigError(`${configFile}: ${complaints[0].key ?? 'settings'}: ${complaints[0].problem}.`);
      resolved = { settings, configFile };
      this.byConfig.set(key, resolved);
    }
    return resolved;
  }

  private find(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let found: string | undefined;
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
    }
    const parent = path.dirname(dir);
    if (found === undefined && parent !== dir) found = this.find(parent);
    this.byDir.set(dir, found);
    return found;
  }
}

const KEYS = ['openshiftVersion', 'networkType', 'clusterNetwork', 'serviceNetwork', 'machineNetwork', 'brExInterface', 'brExCustomizedByNmstate', 'ovnMasqueradeSubnet', 'rules'];

function readConfig(file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parse(text, { version: '1.1' });
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: must hold an object with the keys ${KEYS.join(', ')}`);
  const record = raw as Record<string, unknown>;
  const unknown = Object.keys(record).find((k) => !KEYS.includes(k.replace(/^mcroutes\./, '')) || k.startsWith('mcroutes.'));
  if (unknown !== undefined) {
    throw new ConfigError(`${file}: unknown key ${JSON.stringify(unknown)}; the keys are ${KEYS.join(', ')} (the editor settings without "mcroutes.")`);
  }
  return record;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
