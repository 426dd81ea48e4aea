/**
 * Behaviour snapshot (issue 16: "Nothing a user sees changes"). For every YAML fixture under
 * test/fixtures (but test/fixtures/neovim and the snapshots themselves), and for two settings
 * (the defaults and one non-default set), the core's findings, hovers and completions are
 * computed and compared with test/fixtures/snapshots/<fixture path, `/` as `__`>.json.
 *
 * - Findings: every lint finding (code, severity, range, message, data, fixes) of lintText.
 * - Hovers: hoverAt at the start and the middle of every token (each line split on
 *   whitespace and on `=,:"'`); the positions that give the same hover (range and Markdown)
 *   are grouped under it, positions without a hover are not recorded.
 * - Completions: completionsAt at the end of every line and right after every `=` and
 *   `: `, asked explicitly (no trigger character) and, after `=` and `: `, also as the editor
 *   asks when the user types that character (trigger `=` or ` `); the positions that give the
 *   same items are grouped under them (each with its replace range), empty lists are not recorded.
 * - Markdown (hovers, completion documentation) is stored once per file, in `markdown`, as
 *   lines under a key made from its text; the comparison is on the full texts.
 *
 * A missing snapshot is a failure. To record (after `npx tsc -b`):
 *   MCROUTES_UPDATE_SNAPSHOTS=1 npx mocha out/test/unit/snapshot.test.js
 * which writes the files (and removes those of fixtures that are gone) and passes.
 * Fixtures larger than MAX_FIXTURE_BYTES are not snapshotted; test/fixtures/snapshots/README.md lists them.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { completionsAt, type CompletionRequest, type Completions } from '../../server/src/core/ide/completion';
import { hoverAt } from '../../server/src/core/ide/hover';
import { lintText, type ParsedText } from '../../server/src/core/analysis/lint';
import { readSettings } from '../../server/src/core/analysis/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const SNAPSHOTS = path.join(FIXTURES, 'snapshots');
const README = path.join(SNAPSHOTS, 'README.md');
const UPDATE = process.env.MCROUTES_UPDATE_SNAPSHOTS === '1';
/** Larger fixtures are skipped (and listed in the README) to keep the snapshots small. */
const MAX_FIXTURE_BYTES = 200 * 1024;
/** Directories of test/fixtures that hold no YAML inputs of the core. */
const NOT_INPUTS = new Set(['neovim', 'snapshots']);

/** The settings each fixture is snapshotted under; the names are the keys of a snapshot file. */
const VARIANTS: ReadonlyArray<{ name: string; settings: Settings }> = [
  { name: 'default', settings: DEFAULT_SETTINGS },
  {
    name: 'sdn-4.12-ens5',
    settings: checkedSettings({
      networkType: 'OpenShiftSDN',
      openshiftVersion: '4.12',
      brExInterface: 'ens5',
      ovnMasqueradeSubnet: '169.254.0.0/17',
      rules: { 'unit-install-missing': 'off', 'route-host-bits': 'hint' },
    }),
  },
];

function checkedSettings(raw: unknown): Settings {
  const { settings, complaints } = readSettings(raw);
  assert.deepEqual(complaints, [], 'the non-default snapshot settings are valid');
  return settings;
}

interface Fixture {
  /** Path under test/fixtures, with `/`. */
  name: string;
  file: string;
  bytes: number;
}

function fixtures(): Fixture[] {
  const found: Fixture[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const name = prefix + entry.name;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(prefix === '' && NOT_INPUTS.has(entry.name))) walk(file, `${name}/`);
      } else if (/\.ya?ml$/i.test(entry.name)) {
        found.push({ name, file, bytes: fs.statSync(file).size });
      }
    }
  };
  walk(FIXTURES, '');
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const snapshotFileOf = (name: string): string => path.join(SNAPSHOTS, `${name.replace(/\//g, '__')}.json`);

// ---- what is recorded --------------------------------------------------------------------

/** 1-based line:column of each offset, for a reader of the snapshot (the offsets are the core's). */
class Lines {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  get count(): number {
    return this.starts.length;
  }
  start(line: number): number {
    return this.starts[line];
  }
  /** The end of line `line`'s content (before `\r\n` or `\n`). */
  end(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    if (end > this.starts[line] && this.text[end - 1] === '\r') end--;
    return end;
  }
  at(offset: number): string {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${lo + 1}:${offset - this.starts[lo] + 1}`;
  }
  span(start: number, end: number): string {
    return `${this.at(start)}-${this.at(end)}`;
  }
}

/** The start and the middle of every token: lines split on whitespace and on `=,:"'`. */
function hoverOffsets(lines: Lines): number[] {
  const offsets = new Set<number>();
  for (let line = 0; line < lines.count; line++) {
    const start = lines.start(line);
    const content = lines.text.slice(start, lines.end(line));
    for (const token of content.matchAll(/[^\s=,:"']+/g)) {
      const at = start + token.index!;
      offsets.add(at);
      offsets.add(at + Math.floor(token[0].length / 2));
    }
  }
  return [...offsets].sort((a, b) => a - b);
}

/** The end of every line, and right after every `=` and every `: `, with the character an editor would send there. */
function completionOffsets(lines: Lines): Array<{ offset: number; trigger?: string }> {
  const { text } = lines;
  const explicit = new Set<number>();
  const triggered = new Map<number, string>();
  for (let line = 0; line < lines.count; line++) explicit.add(lines.end(line));
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=') triggered.set(i + 1, '=');
    else if (text[i] === ':' && text[i + 1] === ' ') triggered.set(i + 2, ' ');
  }
  for (const offset of triggered.keys()) explicit.add(offset);
  const asked: Array<{ offset: number; trigger?: string }> = [];
  for (const offset of [...explicit].sort((a, b) => a - b)) {
    asked.push({ offset });
    const trigger = triggered.get(offset);
    if (trigger !== undefined) asked.push({ offset, trigger });
  }
  return asked;
}

function findingsOf(text: string, settings: Settings, lines: Lines): { parsed: ParsedText; snapshot: unknown } {
  const { parsed, problems, failures, machineConfigs } = lintText(text, settings);
  const findings = problems.map((problem) => ({
    code: problem.code,
    severity: problem.severity,
    start: problem.start,
    end: problem.end,
    where: lines.span(problem.start, problem.end),
    message: problem.message,
    data: problem.data,
    fixes: problem.fixes?.map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      edits: fix.edits.map((edit) => ({ start: edit.start, end: edit.end, newText: edit.newText })),
    })),
  }));
  return { parsed, snapshot: { machineConfigs, failures, findings } };
}

function hoversOf(parsed: ParsedText, settings: Settings, lines: Lines): HoverGroup[] {
  const groups = new Map<string, HoverGroup>();
  for (const offset of hoverOffsets(lines)) {
    const hover = hoverAt(parsed, offset, settings);
    if (!hover) continue;
    const key = JSON.stringify([hover.start, hover.end, hover.markdown]);
    let group = groups.get(key);
    if (!group) {
      group = { at: [], where: lines.span(hover.start, hover.end), start: hover.start, end: hover.end, markdown: hover.markdown };
      groups.set(key, group);
    }
    group.at.push(offset);
  }
  // In the order of the first position of each group (a Map keeps insertion order, and the offsets ascend).
  return [...groups.values()];
}

function completionsOf(parsed: ParsedText, settings: Settings, lines: Lines): CompletionGroup[] {
  const groups = new Map<string, CompletionGroup>();
  for (const { offset, trigger } of completionOffsets(lines)) {
    const request: CompletionRequest = { knownRoles: [], ...(trigger !== undefined ? { triggerCharacter: trigger } : {}) };
    const found: Completions = completionsAt(parsed, offset, settings, request);
    if (found.items.length === 0) continue;
    const items = normalised(found.items) as Array<Record<string, unknown>>;
    const key = JSON.stringify(items);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { at: [], items }));
    group.at.push({ at: offset, where: lines.at(offset), trigger, replaceStart: found.replaceStart, replaceEnd: found.replaceEnd });
  }
  return [...groups.values()];
}

interface HoverGroup {
  /** The offsets asked at that gave this hover. */
  at: number[];
  where: string;
  start: number;
  end: number;
  /** The Markdown; in a stored snapshot, its key in the file's `markdown` table. */
  markdown: string;
}

/** One completion list and every position (with its replace range) that gave it. */
interface CompletionGroup {
  at: Array<{ at: number; where: string; trigger?: string; replaceStart: number; replaceEnd: number }>;
  /** The items; in a stored snapshot, `documentation` is a key of the file's `markdown` table. */
  items: Array<Record<string, unknown>>;
}

interface VariantSnapshot {
  lint: unknown;
  hovers: HoverGroup[];
  completions: CompletionGroup[];
}

function snapshotOf(text: string, settings: Settings): VariantSnapshot {
  const lines = new Lines(text);
  const { parsed, snapshot: lint } = findingsOf(text, settings, lines);
  const hovers = hoversOf(parsed, settings, lines);
  const completions = completionsOf(parsed, settings, lines);
  return normalised({ lint, hovers, completions }) as VariantSnapshot;
}

// ---- storage -----------------------------------------------------------------------------

/**
 * The value as JSON would give it back, with object keys sorted (stable files, readable
 * diffs). Anything JSON cannot hold faithfully (a Map, a Set, a class instance, a function,
 * a non-finite number) fails the test rather than vanish from the snapshot.
 */
function normalised(value: unknown, where = '$'): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${where}: a non-finite number cannot be snapshotted`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => (item === undefined ? null : normalised(item, `${where}[${i}]`)));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    assert.ok(proto === Object.prototype || proto === null, `${where}: a ${value.constructor?.name ?? 'non-plain object'} cannot be snapshotted`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = normalised(item, `${where}.${key}`);
    }
    return out;
  }
  assert.fail(`${where}: a ${typeof value} cannot be snapshotted`);
}

/**
 * A snapshot file: the Markdown of hovers and completion documentation is kept once, as
 * lines (a changed line shows as one line of a diff), under a key derived from its text
 * (sha256, 12 hex digits), so that a new text does not renumber the others.
 */
interface SnapshotFile {
  fixture: string;
  markdown: Record<string, string[]>;
  variants: Record<string, VariantSnapshot>;
}

const markdownKey = (markdown: string): string => createHash('sha256').update(markdown).digest('hex').slice(0, 12);

/** Replaces each Markdown text of `snapshot` by its key, adding the text to `table`. */
function interned(snapshot: VariantSnapshot, table: Record<string, string[]>): VariantSnapshot {
  const intern = (markdown: string): string => {
    const key = markdownKey(markdown);
    const lines = markdown.split('\n');
    const held = table[key];
    assert.ok(held === undefined || held.join('\n') === markdown, `two Markdown texts share the key ${key}`);
    table[key] = lines;
    return key;
  };
  return {
    ...snapshot,
    hovers: snapshot.hovers.map((hover) => ({ ...hover, markdown: intern(hover.markdown) })),
    completions: snapshot.completions.map((group) => ({
      ...group,
      items: group.items.map((item) => (typeof item.documentation === 'string' ? { ...item, documentation: intern(item.documentation) } : item)),
    })),
  };
}

/** The stored variant with its Markdown keys replaced by their texts. */
function resolved(snapshot: VariantSnapshot, table: Record<string, string[]>, file: string): VariantSnapshot {
  const text = (key: string): string => {
    const lines = table[key];
    assert.ok(Array.isArray(lines), `${file}: no Markdown ${key} in its table; record it again with MCROUTES_UPDATE_SNAPSHOTS=1`);
    return lines.join('\n');
  };
  return {
    ...snapshot,
    hovers: snapshot.hovers.map((hover) => ({ ...hover, markdown: text(hover.markdown) })),
    completions: snapshot.completions.map((group) => ({
      ...group,
      items: group.items.map((item) => (typeof item.documentation === 'string' ? { ...item, documentation: text(item.documentation) } : item)),
    })),
  };
}

function readSnapshot(file: string): SnapshotFile | undefined {
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SnapshotFile;
}

/** Writes one variant into the fixture's file, keeping the other variants (those still defined). */
function writeSnapshot(file: string, fixture: string, variant: string, value: VariantSnapshot): void {
  let old: SnapshotFile | undefined;
  try {
    old = readSnapshot(file);
  } catch {
    old = undefined; // not JSON: rewritten whole
  }
  const table: Record<string, string[]> = {};
  const variants: Record<string, VariantSnapshot> = {};
  for (const { name } of VARIANTS) {
    if (name === variant) {
      variants[name] = interned(value, table);
    } else if (old?.variants?.[name] !== undefined) {
      // A variant stored in another shape is dropped; its own test writes it again.
      try {
        variants[name] = interned(resolved(old.variants[name], old.markdown ?? {}, file), table);
      } catch {
        /* dropped */
      }
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${printed(normalised({ fixture, markdown: table, variants }))}\n`);
}

const WIDTH = 120;

/**
 * Indented JSON that keeps what fits in WIDTH columns on one line, and lists of numbers
 * always on one: a finding, a completion item, a position per line of a diff.
 */
function printed(value: unknown, indent = '', prefix = 0): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object') return flat;
  const numbers = Array.isArray(value) && value.every((item) => typeof item === 'number');
  if (numbers || indent.length + prefix + flat.length <= WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + printed(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => {
    const head = `${JSON.stringify(key)}: `;
    return inner + head + printed(item, inner, head.length);
  }).join(',\n')}\n${indent}}`;
}

// ---- the tests ---------------------------------------------------------------------------

describe('behaviour snapshot: findings, hovers and completions of every fixture (issue 16)', () => {
  const all = fixtures();
  const snapshotted = all.filter((f) => f.bytes <= MAX_FIXTURE_BYTES);
  const tooLarge = all.filter((f) => f.bytes > MAX_FIXTURE_BYTES);

  it('finds the fixtures', () => {
    assert.ok(snapshotted.length > 0, `YAML fixtures under ${FIXTURES}`);
  });

  for (const fixture of snapshotted) {
    const file = snapshotFileOf(fixture.name);
    for (const { name: variant, settings } of VARIANTS) {
      it(`${fixture.name} (${variant} settings)`, () => {
        const actual = snapshotOf(fs.readFileSync(fixture.file, 'utf8'), settings);
        if (UPDATE) {
          writeSnapshot(file, fixture.name, variant, actual);
          return;
        }
        const relative = path.relative(FIXTURES, file);
        const stored = readSnapshot(file);
        assert.ok(stored, `no snapshot ${relative}; record it with MCROUTES_UPDATE_SNAPSHOTS=1`);
        const expected = stored.variants?.[variant];
        assert.ok(expected !== undefined, `no ${variant} variant in ${relative}; record it with MCROUTES_UPDATE_SNAPSHOTS=1`);
        assert.deepStrictEqual(actual, resolved(expected, stored.markdown ?? {}, relative));
      });
    }
  }

  it('keeps no snapshot of a fixture that is gone', () => {
    const wanted = new Set(snapshotted.map((f) => path.basename(snapshotFileOf(f.name))));
    const stale = fs.existsSync(SNAPSHOTS)
      ? fs.readdirSync(SNAPSHOTS).filter((name) => name.endsWith('.json') && !wanted.has(name)).sort()
      : [];
    if (UPDATE) {
      for (const name of stale) fs.rmSync(path.join(SNAPSHOTS, name));
      return;
    }
    assert.deepEqual(stale, [], 'snapshots without a fixture; remove them with MCROUTES_UPDATE_SNAPSHOTS=1');
  });

  it(`the README lists every fixture skipped for being over ${MAX_FIXTURE_BYTES / 1024} KB`, () => {
    const readme = fs.existsSync(README) ? fs.readFileSync(README, 'utf8') : '';
    const missing = tooLarge.map((f) => f.name).filter((name) => !readme.includes(name));
    assert.deepEqual(missing, [], `list them in ${path.relative(FIXTURES, README)}`);
  });
});
