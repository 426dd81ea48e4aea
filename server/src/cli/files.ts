/** Turns `mcroutes lint` arguments (files, directories, globs, `-`) into the files to read. */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globBase, globRegExp, isGlob } from './glob';

export const STDIN = '-';
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const YAML_FILE = /\.ya?ml$/i;

export interface Expansion {
  files: string[];
  /** One clear sentence each: a missing path, a directory without YAML, a glob that matched nothing. */
  errors: string[];
}

export function expandInputs(inputs: string[]): Expansion {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = file === STDIN ? STDIN : path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const input of inputs) {
    if (input === STDIN) {
      add(STDIN);
      continue;
    }
    let stat;
    try {
      stat = statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const found = walk(input).filter((f) => YAML_FILE.test(f));
      if (found.length === 0) errors.push(`${input} contains no YAML files (*.yaml, *.yml)`);
      found.forEach(add);
    } else if (stat) {
      add(input);
    } else if (isGlob(input)) {
      const pattern = input.split(path.sep).join('/');
      const base = globBase(pattern);
      const matcher = globRegExp(pattern.startsWith('./') ? pattern.slice(2) : pattern);
      const candidates = isDirectory(base) ? walk(base === '.' ? '.' : base) : [];
      const found = candidates.filter((f) => matcher.test(normalise(f)));
      if (found.length === 0) errors.push(`no file matches ${input}`);
      found.forEach(add);
    } else {
      errors.push(`cannot read ${input}: no such file or directory`);
    }
  }
  return { files, errors };
}

function normalise(file: string): string {
  const posix = file.split(path.sep).join('/');
  return posix.startsWith('./') ? posix.slice(2) : posix;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Every file under dir, sorted, skipping node_modules and .git; paths joined onto dir as given. */
function walk(dir: string): string[] {
  const result: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return result;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = dir === '.' ? entry.name : path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) result.push(...walk(full));
    } else if (entry.isFile()) result.push(full);
  }
  return result;
}
