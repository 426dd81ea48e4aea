/**
 * The roles MachineConfigs use elsewhere in the workspace, for completing the role
 * label, and the MachineConfigPools there, for mc-role-label: those of the open documents
 * (as edited) and of the YAML files in the workspace folders (as saved). The folder scan is
 * bounded (MAX_FILES files, none over MAX_BYTES, node_modules and .git skipped), runs in
 * the background, and is cached per file by size and modification time; it is repeated at
 * most every REFRESH_MS, or at once when the client reports changed files. It is also the
 * workspace index (core/analysis/workspaceIndex.ts): each file's facts for the findings
 * across files, with the positions of their ranges.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rolesInParsed } from '../core/ide/completion';
import { fileFactsOf, mergePoolFacts, parseText } from '../core/analysis/lint';
import { EMPTY_INDEX, factsOfParsed, indexKey, type FileIndex, type IndexedFile } from '../core/analysis/workspaceIndex';
import { LineIndex } from '../core/text/lineIndex';
import type { Range } from 'vscode-languageserver/node';
import type { PoolFacts } from '../core/analysis/rules/rule';
import { describeError, type Logger } from './guard';
import { ROLE_LABEL } from '../core/kinds/machineconfig/pools';

export interface WorkspaceRolesOptions {
  maxFiles: number;
  maxBytes: number;
  /** Directory entries looked at in one scan, files and folders together. */
  maxEntries: number;
  refreshMs: number;
  /** How long the first request waits for the first scan. */
  firstWaitMs: number;
}

const DEFAULTS: WorkspaceRolesOptions = { maxFiles: 2000, maxBytes: 1024 * 1024, maxEntries: 50_000, refreshMs: 30_000, firstWaitMs: 1000 };
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

interface FileRoles extends TextRoles {
  size: number;
  mtimeMs: number;
}

/** What one file says: the roles for completion, its MachineConfigPools for mc-role-label, its facts for the index. */
interface TextRoles {
  roles: string[];
  pools: number;
  poolRoles: string[];
  index: FileIndex;
  /** For the positions of the index's ranges; only files with facts keep one. */
  lines?: LineIndex;
}

const NO_POOLS: PoolFacts = Object.freeze({ pools: 0, poolRoles: new Set<string>() });

export class WorkspaceRoles {
  private roots: string[] = [];
  private files = new Map<string, FileRoles>();
  private openRoles = new Map<string, { version: number; roles: string[] }>();
  /** The pools of each open document as its last complete analysis found them (the server notes them). */
  private openPools = new Map<string, { pools: number; poolRoles: string[] }>();
  /** The index facts of each open document as its last complete analysis found them. */
  private openIndex = new Map<string, { index: FileIndex; keys: readonly string[] }>();
  /** Counts changes of what filesBeyond reads (open documents' facts or places, the files on disk). */
  private generation = 0;
  /** filesBeyond's last answer per current document: the same array while nothing changed (IncrementalLinter reuses its findings across files then). */
  private beyondCache = new Map<string, { generation: number; open: string; files: IndexedFile[] }>();
  /** The bound a scan stopped at, said once in the log until it changes. */
  private boundSaid = '';
  private poolsListener: (() => void) | undefined;
  private scanning: Promise<void> | undefined;
  private scannedAt = 0;
  /** What stopped the last scan short, in words; undefined when it read every YAML file. */
  private bound: string | undefined;
  private readonly options: WorkspaceRolesOptions;

  constructor(private readonly log: Logger, options: Partial<WorkspaceRolesOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** The workspace folders of `initialize` (or its rootUri/rootPath); only file: URIs are scanned. */
  setRoots(params: InitializeParams): void {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const roots = uris.map(filePathOf).filter((p): p is string => p !== undefined);
    if (roots.length === 0 && params.rootPath) roots.push(params.rootPath);
    this.roots = roots;
  }

  /** Called when a scan finds the pools on disk changed (the findings of open documents depend on them). */
  onPoolsChanged(listener: () => void): void {
    this.poolsListener = listener;
  }

  /** Files changed on disk (the client's file watcher): the next refresh scans at once. */
  filesChanged(): Promise<void> {
    if (this.scannedAt > 0) this.scannedAt = 1;
    return this.scanning ? this.scanning.then(() => this.refresh()) : this.refresh();
  }

  /** Starts a scan when none ran lately; resolves when it ends. */
  refresh(): Promise<void> {
    if (this.scanning) return this.scanning;
    if (this.scannedAt > 1 && Date.now() - this.scannedAt < this.options.refreshMs) return Promise.resolve();
    const before = this.diskPoolsKey();
    this.scanning = this.scan()
      .then(() => {
        if (this.diskPoolsKey() !== before) this.poolsListener?.();
      })
      .catch((error: unknown) => this.log.error(`mcroutes: scanning the workspace for roles failed: ${describeError(error)}`))
      .finally(() => {
        this.scannedAt = Date.now();
        this.scanning = undefined;
      });
    return this.scanning;
  }

  /**
   * Roles of the open YAML documents other than `current` and of the files on disk that
   * are not open. The first call waits a little for the first scan; later calls answer
   * from the cache while a refresh runs.
   */
  async roles(open: TextDocument[], current: string): Promise<string[]> {
    const first = this.scannedAt === 0;
    const scan = this.refresh();
    if (first) await Promise.race([scan, delay(this.options.firstWaitMs)]);
    const roles = new Set<string>();
    const openPaths = new Set<string>();
    for (const document of open) {
      const file = filePathOf(document.uri);
      if (file) openPaths.add(file);
      if (document.uri === current) continue;
      for (const role of this.rolesOfOpen(document)) roles.add(role);
    }
    const currentPath = filePathOf(current);
    for (const [file, entry] of this.files) {
      if (openPaths.has(file) || file === currentPath) continue;
      for (const role of entry.roles) roles.add(role);
    }
    // Forget closed documents.
    const openUris = new Set(open.map((d) => d.uri));
    for (const uri of this.openRoles.keys()) if (!openUris.has(uri)) this.openRoles.delete(uri);
    return [...roles].sort();
  }

  /**
   * The MachineConfigPools beyond `current`: the open documents as last analysed (else as
   * saved) and the files on disk. Answers at once from what is known (never waits for a scan).
   */
  poolsBeyond(openUris: readonly string[], current: string): PoolFacts {
    const beyond: { pools: number; poolRoles: readonly string[] }[] = [];
    const noted = new Set<string>();
    for (const uri of openUris) {
      const facts = this.openPools.get(uri);
      if (!facts) continue;
      const file = filePathOf(uri);
      if (file) noted.add(file);
      if (uri !== current) beyond.push(facts);
    }
    const currentPath = filePathOf(current);
    for (const [file, entry] of this.files) if (!noted.has(file) && file !== currentPath) beyond.push(entry);
    const merged = mergePoolFacts(beyond);
    return merged.pools === 0 ? NO_POOLS : merged;
  }

  /**
   * The index facts beyond `current`: the open documents as last analysed (else as saved)
   * and the files on disk, each named by URI. Answers at once from what is known.
   */
  filesBeyond(openUris: readonly string[], current: string): IndexedFile[] {
    const open = openUris.join('\n');
    const cached = this.beyondCache.get(current);
    if (cached && cached.generation === this.generation && cached.open === open) return cached.files;
    const files = this.computeFilesBeyond(openUris, current);
    this.beyondCache.set(current, { generation: this.generation, open, files });
    return files;
  }

  private computeFilesBeyond(openUris: readonly string[], current: string): IndexedFile[] {
    const files: IndexedFile[] = [];
    const noted = new Set<string>();
    for (const uri of openUris) {
      const facts = this.openIndex.get(uri);
      if (!facts) continue;
      const file = filePathOf(uri);
      if (file) noted.add(file);
      if (uri !== current && facts.index.documents.length > 0) files.push({ file: uri, index: facts.index });
    }
    const currentPath = filePathOf(current);
    for (const [file, entry] of this.files) {
      if (noted.has(file) || file === currentPath || entry.index.documents.length === 0) continue;
      files.push({ file: pathToFileURL(file).href, index: entry.index });
    }
    return files;
  }

  /**
   * Records the index facts of an open document's complete analysis: 'facts' when what they
   * say changed (the other documents' findings may change), 'ranges' when only where they
   * are moved (only related locations into it move), false when nothing changed.
   */
  noteIndex(uri: string, index: FileIndex, factsKeys?: readonly string[]): 'facts' | 'ranges' | false {
    const saved = this.savedEntry(uri)?.index ?? EMPTY_INDEX;
    const before = this.openIndex.get(uri) ?? { index: saved, keys: factsKeysOf(saved) };
    // The linter's keys of the facts without places (cheap: kept per document chunk), else made here.
    const keys = factsKeys ?? factsKeysOf(index);
    this.openIndex.set(uri, { index, keys });
    if (!sameKeys(before.keys, keys)) {
      this.generation++;
      return 'facts';
    }
    if (before.index === index || sameIndexPlaces(before.index, index)) return false;
    this.generation++;
    return 'ranges';
  }

  /** The range of offsets [start, end) of a file on disk the index read (by URI). */
  rangeInSaved(uri: string, start: number, end: number): Range | undefined {
    const lines = this.savedEntry(uri)?.lines;
    return lines ? { start: lines.positionAt(start), end: lines.positionAt(end) } : undefined;
  }

  private savedEntry(uri: string): FileRoles | undefined {
    const file = filePathOf(uri);
    return file ? this.files.get(file) : undefined;
  }

  /** Records the pools of an open document's complete analysis; true when they differ from what was known of it. */
  notePools(uri: string, facts: PoolFacts): boolean {
    const next = { pools: facts.pools, poolRoles: [...facts.poolRoles].sort() };
    const before = this.openPools.get(uri) ?? this.savedPools(uri);
    this.openPools.set(uri, next);
    return poolsKey(before) !== poolsKey(next);
  }

  /** A closed document: its saved file speaks for it again; true when that changes the pools. */
  forget(uri: string): boolean {
    const index = this.openIndex.get(uri);
    this.openIndex.delete(uri);
    if (index !== undefined) this.generation++;
    const indexChanged = index !== undefined && !sameKeys(index.keys, factsKeysOf(this.savedEntry(uri)?.index ?? EMPTY_INDEX));
    const before = this.openPools.get(uri);
    if (!before) return indexChanged;
    this.openPools.delete(uri);
    return indexChanged || poolsKey(before) !== poolsKey(this.savedPools(uri));
  }

  private savedPools(uri: string): { pools: number; poolRoles: readonly string[] } {
    const file = filePathOf(uri);
    return (file ? this.files.get(file) : undefined) ?? { pools: 0, poolRoles: [] };
  }

  /** What the findings of open documents depend on in the files on disk: their pools and index facts. */
  private diskPoolsKey(): string {
    return [...this.files].filter(([, e]) => e.pools > 0 || e.index.documents.length > 0)
      .map(([file, e]) => `${file}\0${poolsKey(e)}\0${indexKey(e.index)}`).sort().join('\n');
  }

  /**
   * The YAML files of the workspace folders (paths, under maxBytes) after a scan that ran
   * lately (waits for it), and what bound stopped the scan short, if one did.
   */
  async yamlFiles(): Promise<{ roots: string[]; files: string[]; bound?: string }> {
    await this.refresh();
    return { roots: [...this.roots], files: [...this.files.keys()], ...(this.bound ? { bound: this.bound } : {}) };
  }

  private rolesOfOpen(document: TextDocument): string[] {
    const cached = this.openRoles.get(document.uri);
    if (cached && cached.version === document.version) return cached.roles;
    const { roles } = rolesOfText(document.getText());
    this.openRoles.set(document.uri, { version: document.version, roles });
    return roles;
  }

  private async scan(): Promise<void> {
    const found = new Map<string, FileRoles>();
    const queue = [...this.roots];
    let entries = 0;
    let files = 0;
    let tooBig = 0;
    let stopped = false;
    while (queue.length > 0 && files < this.options.maxFiles && entries < this.options.maxEntries) {
      const directory = queue.shift()!;
      let list: Dirent[];
      try {
        list = await fs.readdir(directory, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of list) {
        // Stopped only when an entry is left unread: exactly maxFiles files is a complete scan.
        if (++entries > this.options.maxEntries || files >= this.options.maxFiles) {
          stopped = true;
          break;
        }
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) queue.push(full);
          continue;
        }
        // Butane configs (*.bu) carry a role label too.
        if (!entry.isFile() || !/\.(ya?ml|bu)$/i.test(entry.name)) continue;
        files++;
        const roles = await this.rolesOfFile(full);
        if (roles === 'too big') tooBig++;
        else if (roles) found.set(full, roles);
      }
    }
    this.files = found;
    this.generation++;
    stopped ||= queue.length > 0;
    this.sayBounds(stopped && files >= this.options.maxFiles ? files : 0, stopped && entries > this.options.maxEntries, tooBig);
  }

  /** A scan that stopped at a bound says so (once until that changes): findings across files then miss the rest. */
  private sayBounds(stoppedAtFiles: number, stoppedAtEntries: boolean, tooBig: number): void {
    const parts: string[] = [];
    if (stoppedAtEntries) parts.push(`stopped after ${this.options.maxEntries} directory entries`);
    else if (stoppedAtFiles > 0) parts.push(`stopped at ${this.options.maxFiles} YAML files`);
    if (tooBig > 0) parts.push(`skipped ${tooBig} file${tooBig === 1 ? '' : 's'} over ${this.options.maxBytes} bytes`);
    const said = parts.join('; ');
    this.bound = said || undefined;
    if (said === this.boundSaid) return;
    this.boundSaid = said;
    if (said) this.log.warn(`mcroutes: the workspace index ${said}: roles, pools and findings across files do not see the rest.`);
  }

  private async rolesOfFile(file: string): Promise<FileRoles | 'too big' | undefined> {
    try {
      const stat = await fs.stat(file);
      if (stat.size > this.options.maxBytes) return 'too big';
      const cached = this.files.get(file);
      if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached;
      const text = await fs.readFile(file, 'utf8');
      return { size: stat.size, mtimeMs: stat.mtimeMs, ...rolesOfText(text) };
    } catch {
      return undefined;
    }
  }
}

/** The roles of a file's MachineConfigs and pools, its pools and index facts; files that mention none of them are not parsed. */
function rolesOfText(text: string): TextRoles {
  if (!text.includes(ROLE_LABEL) && !text.includes('MachineConfigPool') && !text.includes('NodeNetworkConfigurationPolicy')) {
    return { roles: [], pools: 0, poolRoles: [], index: EMPTY_INDEX };
  }
  const parsed = parseText(text);
  const { pools, poolRoles } = fileFactsOf(parsed.documents.map((d) => d.document));
  let index = EMPTY_INDEX;
  try {
    index = factsOfParsed(parsed);
  } catch {
    // A file whose facts cannot be read is left out of the index, as one that does not parse.
  }
  return {
    roles: rolesInParsed(parsed), pools, poolRoles: [...poolRoles].sort(), index,
    ...(index.documents.length > 0 ? { lines: new LineIndex(text) } : {}),
  };
}

/**
 * The facts with every range left out, what they say and not where, one key per document:
 * as IncrementalLinter keys them, chunk by chunk (a chunk holds one YAML document).
 */
function factsKeysOf(index: FileIndex): string[] {
  return index.documents.map((d) => JSON.stringify([d], (key, value) => (key === 'range' || key === 'selectorRange' ? undefined : value)));
}

/** Equal lists of keys; the linter hands the same strings again for unchanged chunks, so most compare by reference. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** Whether the documents' facts sit at the same places (compared by their first range, which moves with any edit before them). */
function sameIndexPlaces(a: FileIndex, b: FileIndex): boolean {
  return a.documents.length === b.documents.length && a.documents.every((d, i) => d.range.start === b.documents[i].range.start && d.range.end === b.documents[i].range.end);
}

function poolsKey(facts: { pools: number; poolRoles: readonly string[] }): string {
  return `${facts.pools}:${[...facts.poolRoles].sort().join(',')}`;
}

/** The path of a `file:` URI; undefined for other schemes (untitled documents). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
  });
}
