/**
 * The pool preview's custom requests: the core's render (core/ide/poolPreview.ts) over the
 * open YAML documents, as edited, and the YAML files of the workspace folders found by the
 * bounded scan of workspaceRoles.ts, as saved. Only files that name a role label, a pool or a
 * node role are parsed, and the bytes read from disk for one request are bounded too; the
 * answer says when a bound left files out.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, type LintResult } from '../core/analysis/lint';
import { poolRoles, renderPool, type PoolFile } from '../core/ide/poolPreview';
import type { Settings } from '../core/text/settings';
import { Methods, type PoolPreviewParams, type PoolPreviewResult, type PoolRolesResult } from '../protocol';
import { guard, type Logger } from './guard';
import { filePathOf, type WorkspaceRoles } from './workspaceRoles';

export interface PoolPreviewContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: () => Promise<Settings>;
  analysisNow: (document: TextDocument) => Promise<LintResult>;
  isYaml: (document: TextDocument) => boolean;
  workspace: WorkspaceRoles;
  log: Logger;
  /** Bytes read from disk for one request at most. */
  maxBytesRead?: number;
}

const MAX_BYTES_READ = 64 * 1024 * 1024;
/** What a file must mention to matter to a pool: a MachineConfig's role label, a MachineConfigPool, a policy's node role. */
const POOL_WORDS = ['machineconfiguration.openshift.io/role', 'MachineConfigPool', 'node-role.kubernetes.io/', 'NodeNetworkConfigurationPolicy'];

/** Registers mcroutes/previewPool and mcroutes/poolRoles. */
export function registerPoolPreviewRequests(context: PoolPreviewContext): void {
  const { connection, log } = context;
  connection.onRequest(Methods.previewPool, guard(log, Methods.previewPool, async (params: PoolPreviewParams): Promise<PoolPreviewResult> => {
    const role = typeof params?.role === 'string' ? params.role.trim() : '';
    if (role === '') return { text: 'No role given: pick the pool to preview.\n', files: 0 };
    const settings = await context.settings();
    const { files, bound } = await poolFiles(context, settings);
    const text = renderPool(files, role, settings) + (bound ? `\nNot read: ${bound}.\n` : '');
    return { text, files: files.length, ...(bound ? { bound } : {}) };
  }, (): PoolPreviewResult => ({ text: 'The pool preview failed: see the MachineConfig Routes output.\n', files: 0 })));

  connection.onRequest(Methods.poolRoles, guard(log, Methods.poolRoles, async (): Promise<PoolRolesResult> => {
    const { files, bound } = await poolFiles(context, await context.settings());
    return { roles: poolRoles(files), ...(bound ? { bound } : {}) };
  }, (): PoolRolesResult => ({ roles: [] })));
}

/** The open YAML documents (their current analysis) and the workspace's YAML files that are not open (read and linted now). */
async function poolFiles(context: PoolPreviewContext, settings: Settings): Promise<{ files: PoolFile[]; bound?: string }> {
  const { roots, files: onDisk, bound: scanBound } = await context.workspace.yamlFiles();
  const name = (file: string): string => shownPath(file, roots);
  const files: PoolFile[] = [];
  const openPaths = new Set<string>();
  for (const document of context.documents.all()) {
    if (!context.isYaml(document)) continue;
    const file = filePathOf(document.uri);
    if (file) openPaths.add(file);
    const text = document.getText();
    if (!POOL_WORDS.some((w) => text.includes(w))) continue;
    const { parsed, problems } = await context.analysisNow(document);
    files.push({ name: file ? name(file) : document.uri, parsed, problems });
  }
  const maxBytes = context.maxBytesRead ?? MAX_BYTES_READ;
  let read = 0;
  let left = 0;
  for (const file of [...onDisk].sort()) {
    if (openPaths.has(file)) continue;
    if (read >= maxBytes) {
      left++;
      continue;
    }
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      continue;
    }
    read += Buffer.byteLength(text);
    if (text.includes('\0') || !POOL_WORDS.some((w) => text.includes(w))) continue;
    const { parsed, problems } = lintText(text, settings);
    files.push({ name: name(file), parsed, problems });
  }
  const bounds = [scanBound, left > 0 ? `${left} file${left === 1 ? '' : 's'} past the ${maxBytes} bytes read for one preview` : undefined].filter((b): b is string => b !== undefined);
  return { files, ...(bounds.length > 0 ? { bound: bounds.join('; ') } : {}) };
}

/** Relative to the workspace folder that holds it (the folder's name first when there are several). */
function shownPath(file: string, roots: readonly string[]): string {
  for (const root of roots) {
    const relative = path.relative(root, file);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      return (roots.length > 1 ? path.join(path.basename(root), relative) : relative).split(path.sep).join('/');
    }
  }
  return file;
}

