/** The unit preview's custom requests: the core's render over the cached analysis of the document's current version. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../core/analysis/lint';
import { previewTargets, renderPreview, targetAt, type PreviewSelection, type PreviewTarget } from '../core/ide/preview';
import type { Settings } from '../core/text/settings';
import { Methods, type PreviewParams, type PreviewResult, type PreviewTargetInfo, type PreviewTargetsParams } from '../protocol';
import { guard, type Logger } from './guard';

export interface PreviewContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: () => Promise<Settings>;
  /** The analysis of the document as it is now (cached per version). */
  analysisNow: (document: TextDocument) => Promise<LintResult>;
  log: Logger;
}

/** Registers mcroutes/preview and mcroutes/previewTargets. */
export function registerPreviewRequests({ connection, documents, settings, analysisNow, log }: PreviewContext): void {
  connection.onRequest(Methods.preview, guard(log, Methods.preview, async (params: PreviewParams): Promise<PreviewResult | null> => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!document || document.languageId !== 'yaml') return null;
    const analysis = await analysisNow(document);
    return preview(document, analysis, await settings(), params);
  }, () => null));

  connection.onRequest(Methods.previewTargets, guard(log, Methods.previewTargets, async (params: PreviewTargetsParams): Promise<PreviewTargetInfo[]> => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!document || document.languageId !== 'yaml') return [];
    const { parsed } = await analysisNow(document);
    return previewTargets(parsed).map((target) => targetInfo(document, target));
  }, (): PreviewTargetInfo[] => []));
}

/** The preview of one document version, for the selection in `params`. */
export function preview(document: TextDocument, analysis: LintResult, settings: Settings, params: PreviewParams): PreviewResult {
  const { parsed, problems } = analysis;
  const selection: PreviewSelection = {};
  let selected: PreviewTargetInfo | undefined;
  if (typeof params.unit === 'string') selection.unitName = params.unit;
  else if (typeof params.file === 'string') selection.filePath = params.file;
  else if (typeof params.state === 'string') selection.stateName = params.state;
  else if (isPosition(params.position)) {
    selection.offset = document.offsetAt(params.position);
    const target = targetAt(parsed, selection.offset);
    if (target) selected = targetInfo(document, target);
  }
  return {
    version: document.version,
    text: renderPreview(parsed, settings, problems, selection, documentName(document.uri)),
    ...(selected ? { selected } : {}),
    targets: previewTargets(parsed).map((target) => targetInfo(document, target)),
  };
}

/** The document's name as its editor tab shows it: the last segment of the uri's path (`seed.yaml`, `Untitled-1`). */
export function documentName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const slash = path.lastIndexOf('/');
  const last = slash >= 0 ? path.slice(slash + 1) : path.slice(path.indexOf(':') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}

function targetInfo(document: TextDocument, target: PreviewTarget): PreviewTargetInfo {
  return {
    kind: target.kind,
    ...(target.name !== undefined ? { name: target.name } : {}),
    range: { start: document.positionAt(target.start), end: document.positionAt(target.end) },
  };
}

function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown } | undefined;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}
