/** `mcroutes/convert`: the open document as the other form (MachineConfig ⇄ Butane), by the core's translation. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { butaneToMachineConfig, machineConfigToButane } from '../core/kinds/butane/translate';
import { butaneVersionOfRelease } from '../core/kinds/butane/versions';
import type { Settings } from '../core/text/settings';
import { Methods, type ConvertParams, type ConvertResult } from '../protocol';
import { guard, type Logger } from './guard';

export interface ConvertContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: () => Promise<Settings>;
  log: Logger;
}

export function registerConvertRequest({ connection, documents, settings, log }: ConvertContext): void {
  connection.onRequest(Methods.convert, guard(log, Methods.convert, async (params: ConvertParams): Promise<ConvertResult | null> => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!document || document.languageId !== 'yaml') return null;
    if (params.to === 'machineconfig') return butaneToMachineConfig(document.getText());
    if (params.to !== 'butane') return null;
    // The target release as the Butane version, when it compiles to the MachineConfig's Ignition spec.
    const preferredVersion = butaneVersionOfRelease((await settings()).openshiftVersion);
    return machineConfigToButane(document.getText(), { preferredVersion });
  }, () => null));
}
