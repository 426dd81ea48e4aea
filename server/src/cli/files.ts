/**
 * Turns `mcroutes lint` arguments (files, directories, globs, `-`) into the files to read.
 * Directories are listed (their *.yaml, *.yml and *.bu files) and globs matched by tinyglobby (picomatch patterns: `*`, `**`, `?`,
 * `[abc]`, `{a,b}`): node_modules and .git below the directory (or below a glob's fixed
 * leading part) are skipped, other dot files and directories are searched, and symbolic
 * links met on the way are neither followed nor listed.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import type * as Tinyglobby from 'tinyglobby';

export const STDIN = '-';
/** YAML files, Butane configs (`*.bu`, YAML too) among them. */
const YAML_FILE = /\.(ya?ml|bu)$/i;
/** The characters that make an argument that names nothing on disk a glob. */
const GLOB_CHARS = /[*?[{]/;
const GLOB_OPTIONS = {
  dot: true,
  ignore: ['**/node_modules/**', '**/.git/**'],
  followSymbolicLinks: false,
  expandDirectories: false,
  extglob: false,
} as const;

/**
 * tinyglobby, required when a directory or glob is first expanded (its start-up is not paid
 * by `mcroutes lint FILE`); `require` also makes a bundle take its (and fdir's) CommonJS
 * build: fdir's ES module build calls createRequire(import.meta.url), which a CommonJS
 * bundle cannot serve.
 */
let tinyglobby: typeof Tinyglobby | undefined;

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
      const found = filesUnder(input, '**').filter((f) => YAML_FILE.test(f));
      if (found.length === 0) errors.push(`${input} contains no YAML files (*.yaml, *.yml, *.bu)`);
      found.forEach(add);
    } else if (stat) {
      add(input);
    } else if (GLOB_CHARS.test(input)) {
      const { base, rest } = splitGlob(input.split(path.sep).join('/'));
      // A glob that ends in `/` names directories: no file matches it.
      const found = isDirectory(base) && !rest.endsWith('/') ? filesUnder(base, rest) : [];
      if (found.length === 0) errors.push(`no file matches ${input}`);
      found.forEach(add);
    } else {
      errors.push(`cannot read ${input}: no such file or directory`);
    }
  }
  return { files, errors };
}

/**
 * A glob's leading segments without glob characters (the directory it is matched under,
 * '.' when none) and the rest: node_modules and .git are skipped below the base only, as
 * for a directory given by name.
 */
function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  let fixed = 0;
  while (fixed < segments.length - 1 && !GLOB_CHARS.test(segments[fixed])) fixed++;
  const rest = segments.slice(fixed).join('/');
  if (fixed === 0) return { base: '.', rest };
  return { base: segments.slice(0, fixed).join('/') || '/', rest };
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The files under dir matching pattern, joined onto dir as given, in the order of a sorted depth-first walk. */
function filesUnder(dir: string, pattern: string): string[] {
  // A leading `!` is a file name's, not tinyglobby's negation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tinyglobby ??= require('tinyglobby') as typeof Tinyglobby;
  const found = tinyglobby.globSync(pattern.startsWith('!') ? `\\${pattern}` : pattern, { ...GLOB_OPTIONS, cwd: dir });
  return found.map((file) => file.split('/')).sort(bySegments).map((segments) => path.join(dir, ...segments));
}

/** Name by name, as a walk that sorts each directory's entries meets them (a/x before a.yaml). */
function bySegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}
