/**
 * The roles MachineConfigs use elsewhere in the workspace, for completing the role
 * label, and the MachineConfigPools there, for mc-role-label: those of the open documents
 * (as edited) and of the YAML files in the workspace folders (as saved). The folder scan is
 * bounded (MAX_FILES files, none over MAX_BYTES, node_modules and .git skipped), runs in
 * the background, and is cached per file by size and modification time; it is repeated at
 * most every REFRESH_MS.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rolesInParsed } from '../core/ide/completion';
import { fileFactsOf, mergePoolFacts, parseText } from '../core/analysis/lint';
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

/** What one file says: the roles for completion, its MachineConfigPools for mc-role-label. */
interface TextRoles {
  roles: string[];
  pools: number;
  poolRoles: string[];
}

const NO_POOLS: PoolFacts = Object.freeze({ pools: 0, poolRoles: new Set<string>() });

export class WorkspaceRoles {
  private roots: string[] = [];
  private files = new Map<string, FileRoles>();
  private openRoles = new Map<string, { version: number; roles: string[] }>();
  /** The pools of each open document as its last complete analysis found them (the server notes them). */
  private openPools = new Map<string, { pools: number; poolRoles: string[] }>();
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

  /** Starts a scan when none ran lately; resolves when it ends. */
  refresh(): Promise<void> {
    if (this.scanning) return this.scanning;
    if (this.scannedAt > 0 && Date.now() - this.scannedAt < this.options.refreshMs) return Promise.resolve();
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

  /** Records the pools of an open document's complete analysis; true when they differ from what was known of it. */
  notePools(uri: string, facts: PoolFacts): boolean {
    const next = { pools: facts.pools, poolRoles: [...facts.poolRoles].sort() };
    const before = this.openPools.get(uri) ?? this.savedPools(uri);
    this.openPools.set(uri, next);
    return poolsKey(before) !== poolsKey(next);
  }

  /** A closed document: its saved file speaks for it again; true when that changes the pools. */
  forget(uri: string): boolean {
    const before = this.openPools.get(uri);
    if (!before) return false;
    this.openPools.delete(uri);
    return poolsKey(before) !== poolsKey(this.savedPools(uri));
  }

  private savedPools(uri: string): { pools: number; poolRoles: readonly string[] } {
    const file = filePathOf(uri);
    return (file ? this.files.get(file) : undefined) ?? { pools: 0, poolRoles: [] };
  }

  private diskPoolsKey(): string {
    return [...this.files].filter(([, e]) => e.pools > 0).map(([file, e]) => `${file}\0${poolsKey(e)}`).sort().join('\n');
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
    let tooLarge = 0;
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
        if (roles) found.set(full, roles);
        else if (roles === null) tooLarge++;
      }
    }
    this.files = found;
    const bounds: string[] = [];
    stopped ||= queue.length > 0;
    if (stopped && files >= this.options.maxFiles) bounds.push(`the scan stops at ${this.options.maxFiles} YAML files`);
    else if (stopped) bounds.push(`the scan stops at ${this.options.maxEntries} directory entries`);
    if (tooLarge > 0) bounds.push(`${tooLarge} file${tooLarge === 1 ? ' is' : 's are'} over ${this.options.maxBytes} bytes and not read`);
    this.bound = bounds.length > 0 ? bounds.join('; ') : undefined;
  }

  /** null: the file is over maxBytes. */
  private async rolesOfFile(file: string): Promise<FileRoles | undefined | null> {
    try {
      const stat = await fs.stat(file);
      if (stat.size > this.options.maxBytes) return null;
      const cached = this.files.get(file);
      if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached;
      const text = await fs.readFile(file, 'utf8');
      return { size: stat.size, mtimeMs: stat.mtimeMs, ...rolesOfText(text) };
    } catch {
      return undefined;
    }
  }
}

/** The roles of a file's MachineConfigs and pools, and its pools; files that mention neither are not parsed. */
function rolesOfText(text: string): TextRoles {
  if (!text.includes(ROLE_LABEL) && !text.includes('MachineConfigPool')) return { roles: [], pools: 0, poolRoles: [] };
  const parsed = parseText(text);
  const { pools, poolRoles } = fileFactsOf(parsed.documents.map((d) => d.document));
  return { roles: rolesInParsed(parsed), pools, poolRoles: [...poolRoles].sort() };
}

function poolsKey(facts: { pools: number; poolRoles: readonly string[] }): string {
  return `${facts.pools}:${[...facts.poolRoles].sort().join(',')}`;
}

function filePathOf(uri: string): string | undefined {
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
