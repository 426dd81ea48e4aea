/** The route wizard's custom requests: thin wrappers over the core with the current settings. */
import { ErrorCodes, ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { generateConfig, ROUTE_METHODS } from '../core/ide/generate';
import type { Settings } from '../core/text/settings';
import { checkWizardInput, WIZARD_STEPS, wizardDefaults } from '../core/ide/wizardCheck';
import {
  Methods,
  type CheckWizardInputParams, type CheckWizardInputResult, type GenerateConfigParams, type GenerateConfigResult,
  type WizardDefaultsParams, type WizardDefaultsResult,
} from '../protocol';
import { guard, type Logger } from './guard';

export interface WizardContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: () => Promise<Settings>;
  log: Logger;
}

/** Registers mcroutes/wizardDefaults, mcroutes/checkWizardInput and mcroutes/generateConfig. */
export function registerWizardRequests({ connection, documents, settings, log }: WizardContext): void {
  connection.onRequest(Methods.wizardDefaults, guard(log, Methods.wizardDefaults, async (params: WizardDefaultsParams): Promise<WizardDefaultsResult> => {
    const open = params?.uri ? documents.get(params.uri) : undefined;
    return wizardDefaults(await settings(), isRecord(params?.draft) ? params.draft : {}, open?.languageId === 'yaml' ? open.getText() : undefined);
  }));

  connection.onRequest(Methods.checkWizardInput, guard(log, Methods.checkWizardInput, async (params: CheckWizardInputParams): Promise<CheckWizardInputResult> => {
    if (!params || !WIZARD_STEPS.includes(params.step) || typeof params.value !== 'string') {
      return { ok: false, severity: 'error', message: `mcroutes/checkWizardInput needs a step (${WIZARD_STEPS.join(', ')}) and a string value.` };
    }
    return checkWizardInput(params.step, params.value, isRecord(params.draft) ? params.draft : {}, await settings());
  }, () => ({ ok: true })));

  const generate = guard(log, Methods.generateConfig, async (answers: GenerateConfigParams['answers']): Promise<GenerateConfigResult> => {
    const current = await settings();
    return { text: generateConfig({ ...answers, networkType: answers.networkType ?? current.networkType }) };
  });
  connection.onRequest(Methods.generateConfig, (params: GenerateConfigParams): Promise<GenerateConfigResult> | ResponseError<void> => {
    const answers = params?.answers;
    if (!isRecord(answers) || !ROUTE_METHODS.includes(answers.method) || !Array.isArray(answers.routes) ||
        !['role', 'name', 'interface', 'ignitionVersion'].every((key) => typeof answers[key] === 'string') ||
        !['addressing'].every((key) => answers[key] === undefined || typeof answers[key] === 'string') ||
        !['withPool'].every((key) => answers[key] === undefined || typeof answers[key] === 'boolean')) {
      return new ResponseError(ErrorCodes.InvalidParams, 'mcroutes/generateConfig needs answers { role, name, method, interface, routes, ignitionVersion, addressing?, withPool? }');
    }
    return generate(answers);
  });
}

function isRecord<T>(v: T): v is T & Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
