/**
 * The core's layers (DESIGN "Layout"): each layer imports only the layers listed before it,
 * rules import no ide/ code and no other rule, and the core's import graph has no cycle.
 * Read from the sources' import/export specifiers, so moving a file is enough to check it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORE = path.join(ROOT, 'server', 'src', 'core');

/** Lowest first: a file may import its own layer and the layers before it. */
const LAYERS = ['text', 'net', 'routes', 'formats', 'kinds', 'analysis', 'ide'] as const;

/** Imports known to run the wrong way, as `from -> to` (paths under server/src/core, no extension). Empty: none left. */
const KNOWN_EXCEPTIONS: string[] = [];

const RULES = 'analysis/rules/';
/** Files of analysis/rules/ that are not rules: the rule types and the registry. */
const RULE_SUPPORT = new Set(['analysis/rules/rule', 'analysis/rules/index']);

function coreFiles(): string[] {
  return fs.readdirSync(CORE, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.split(path.sep).join('/').slice(0, -'.ts'.length))
    .sort();
}

/** The core files a file imports or re-exports from (relative specifiers resolved; packages left out). */
function importsOf(file: string, files: Set<string>): string[] {
  const text = fs.readFileSync(path.join(CORE, `${file}.ts`), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) {
    const specifier = match[1];
    if (!specifier.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '');
    if (target.startsWith('..')) found.push(target); // outside the core: a layer violation of its own
    else if (files.has(target)) found.push(target);
    else if (files.has(`${target}/index`)) found.push(`${target}/index`);
    else found.push(target);
  }
  return [...new Set(found)];
}

function layerOf(file: string): number {
  return LAYERS.indexOf(file.split('/')[0] as (typeof LAYERS)[number]);
}

function graph(): Map<string, string[]> {
  const files = coreFiles();
  const known = new Set(files);
  return new Map(files.map((file) => [file, importsOf(file, known)]));
}

describe('layers: the core imports downward only (DESIGN "Layout")', function () {
  const edges = graph();

  it('every core file sits in a layer', function () {
    const outside = [...edges.keys()].filter((file) => layerOf(file) < 0);
    assert.deepEqual(outside, [], `files outside ${LAYERS.join(', ')}`);
  });

  it('no layer imports a layer after it (or anything outside the core)', function () {
    const offending: string[] = [];
    for (const [file, targets] of edges) {
      for (const target of targets) {
        const upward = target.startsWith('..') || layerOf(target) < 0 || layerOf(target) > layerOf(file);
        if (upward) offending.push(`${file} -> ${target}`);
      }
    }
    const unexpected = offending.filter((edge) => !KNOWN_EXCEPTIONS.includes(edge));
    assert.deepEqual(unexpected, [], `imports of a higher layer (order: ${LAYERS.join(' · ')}):\n${unexpected.join('\n')}`);
    const stale = KNOWN_EXCEPTIONS.filter((edge) => !offending.includes(edge));
    assert.deepEqual(stale, [], 'known exceptions that no longer occur: take them off the list');
  });

  it('rules import no ide/ code, no other rule and nothing of analysis but the rule types', function () {
    const offending: string[] = [];
    for (const [file, targets] of edges) {
      if (!file.startsWith(RULES) || RULE_SUPPORT.has(file)) continue;
      for (const target of targets) {
        if (target.startsWith('ide/')) offending.push(`${file} -> ${target} (ide)`);
        else if (target.startsWith(RULES) && !RULE_SUPPORT.has(target)) offending.push(`${file} -> ${target} (another rule)`);
        else if (target.startsWith('analysis/') && target !== 'analysis/rules/rule') offending.push(`${file} -> ${target} (analysis)`);
      }
    }
    assert.deepEqual(offending, [], offending.join('\n'));
  });

  it('ide/ imports no rule', function () {
    const offending: string[] = [];
    for (const [file, targets] of edges) {
      if (!file.startsWith('ide/')) continue;
      for (const target of targets) if (target.startsWith(RULES) && !RULE_SUPPORT.has(target)) offending.push(`${file} -> ${target}`);
    }
    assert.deepEqual(offending, [], offending.join('\n'));
  });

  it('the import graph has no cycle', function () {
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    let cycle: string[] | undefined;
    const visit = (file: string): void => {
      if (cycle) return;
      state.set(file, 'open');
      stack.push(file);
      for (const target of edges.get(file) ?? []) {
        if (!edges.has(target)) continue;
        if (state.get(target) === 'open') {
          cycle = [...stack.slice(stack.indexOf(target)), target];
          return;
        }
        if (!state.has(target)) visit(target);
        if (cycle) return;
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of edges.keys()) if (!state.has(file)) visit(file);
    assert.equal(cycle, undefined, `an import cycle: ${cycle?.join(' -> ')}`);
  });
});
