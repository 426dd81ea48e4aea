/** `mcroutes/assumptions`: what the findings of a document assume, from the current settings and the document's analysis. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../core/analysis/lint';
import type { SettingsReading } from '../core/analysis/settings';
import { assumptionsOf } from '../core/ide/assumptions';
import { Methods, type AssumptionsParams, type AssumptionsResult } from '../protocol';
import { guard, type Logger } from './guard';

export interface AssumptionsContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The settings as the findings use them, with the complaints about the values left out. */
  reading: () => Promise<SettingsReading>;
  analysisNow: (document: TextDocument) => Promise<LintResult>;
  isYaml: (document: TextDocument) => boolean;
  log: Logger;
}

export function registerAssumptionsRequest({ connection, documents, reading, analysisNow, isYaml, log }: AssumptionsContext): void {
  connection.onRequest(Methods.assumptions, guard(log, Methods.assumptions, async (params: AssumptionsParams): Promise<AssumptionsResult | null> => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!document) return null;
    const current = await reading();
    // Not YAML: read as nothing, without analysing it.
    const { parsed } = isYaml(document) ? await analysisNow(document) : { parsed: { text: '', documents: [] } };
    return assumptionsOf(parsed, current);
  }, () => null));
}
