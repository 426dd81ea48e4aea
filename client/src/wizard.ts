/**
 * "MachineConfig Routes: New Static Route…": a multi-step quick input. VS Code glue only:
 * every proposal, every verdict on an answer and the YAML itself come from the server
 * (mcroutes/wizardDefaults, mcroutes/checkWizardInput, mcroutes/generateConfig), which
 * answers with the linter's own rules. Nothing is created before the last step; Esc at
 * any step leaves nothing behind.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Methods,
  type CheckWizardInputParams, type CheckWizardInputResult, type GenerateConfigParams, type GenerateConfigResult,
  type RouteAnswer, type RouteMethod, type WizardDefaults, type WizardDefaultsParams, type WizardDraft, type WizardStep,
} from '../../server/src/protocol';

export const WIZARD_TITLE = 'New Static Route';
/** Delay between a keystroke and asking the server about the value. */
const CHECK_DELAY_MS = 120;

/** What the wizard collects; route i is complete when its step "more" was answered. */
interface State {
  role?: string;
  /** The role was typed (a custom pool), not picked. */
  customRole?: boolean;
  name?: string;
  /** The name proposed when the name was answered: a later role gets its own proposal instead. */
  proposedName?: string;
  method?: RouteMethod;
  /** Include the custom role's MachineConfigPool. */
  withPool?: boolean;
  interface?: string;
  /** Keyfile: the NIC's addressing as typed (`dhcp` or addresses with prefix). */
  addressing?: string;
  routes: { destination?: string; gateway?: string; metric?: string }[];
  ignitionVersion?: string;
  where?: 'editor' | 'cursor';
}

class Back extends Error {}
class Cancel extends Error {}

type Step = (flow: Flow) => Promise<Step | undefined>;

interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

/** Runs the wizard; resolves when it finished or was cancelled. */
export async function runRouteWizard(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const yamlEditor = editor && editor.document.languageId === 'yaml' ? editor : undefined;
  const flow = new Flow(client, yamlEditor);
  let completed: boolean;
  try {
    completed = await flow.run(stepRole);
  } catch (error) {
    output.error(`New Static Route: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    void vscode.window.showErrorMessage(`${WIZARD_TITLE}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!completed) return;
  await finish(flow, output);
}

/** One quick input at a time, a history for the back button, the state, and the server. */
class Flow {
  readonly state: State = { routes: [] };
  /** The server's steps for the answers so far (wizardDefaults().steps): which questions are asked. */
  steps: WizardStep[] = ['role', 'name', 'method', 'interface', 'destination', 'gateway', 'metric', 'ignitionVersion'];
  private current: vscode.QuickInput | undefined;
  private defaultsCache = new Map<string, Promise<WizardDefaults>>();

  constructor(readonly client: LanguageClient, readonly yamlEditor: vscode.TextEditor | undefined) {}

  /** True when the last step was answered, false when the user cancelled. */
  async run(start: Step): Promise<boolean> {
    const history: Step[] = [];
    let step: Step | undefined = start;
    try {
      while (step) {
        history.push(step);
        try {
          step = await step(this);
        } catch (error) {
          if (!(error instanceof Back)) throw error;
          history.pop();
          step = history.pop();
        }
      }
      return true;
    } catch (error) {
      if (error instanceof Cancel) return false;
      throw error;
    } finally {
      this.current?.dispose();
      this.current = undefined;
    }
  }

  /** The questions shown, in order: the server's steps, with "another route?" after the metric and "where?" last. */
  private get shown(): string[] {
    const list: string[] = [];
    for (const step of this.steps) list.push(...(step === 'metric' ? ['metric', 'more'] : [step]));
    if (this.yamlEditor) list.push('where');
    return list;
  }

  get totalSteps(): number {
    return this.shown.length;
  }

  /** The number shown for a question (1-based). */
  stepNumber(step: WizardStep | 'more' | 'where'): number {
    return this.shown.indexOf(step) + 1;
  }

  /** Asks the server which questions the answers so far need. */
  async refreshSteps(): Promise<void> {
    this.steps = (await this.defaults(this.draft())).steps;
  }

  /** The answers so far, as the server's checks take them; route `index` is the one being entered. */
  draft(index?: number): WizardDraft {
    const complete = (r: State['routes'][number]): RouteAnswer => ({
      destination: r.destination ?? '',
      ...(r.gateway ? { gateway: r.gateway } : {}),
      ...(r.metric ? { metric: Number(r.metric) } : {}),
    });
    const done = index === undefined ? this.state.routes : this.state.routes.slice(0, index);
    const entering = index === undefined ? undefined : this.state.routes[index];
    return {
      role: this.state.role,
      name: this.state.name,
      method: this.state.method,
      ...(this.state.withPool !== undefined ? { withPool: this.state.withPool } : {}),
      interface: this.state.interface,
      ...(this.state.addressing !== undefined ? { addressing: this.state.addressing } : {}),
      routes: done.filter((r) => r.destination).map(complete),
      ...(entering?.destination ? { route: complete(entering) } : {}),
      ignitionVersion: this.state.ignitionVersion,
    };
  }

  defaults(draft: WizardDraft): Promise<WizardDefaults> {
    const params: WizardDefaultsParams = { uri: this.yamlEditor?.document.uri.toString(), draft };
    const key = JSON.stringify(params);
    let cached = this.defaultsCache.get(key);
    if (!cached) {
      cached = this.client.sendRequest<WizardDefaults>(Methods.wizardDefaults, params);
      this.defaultsCache.set(key, cached);
    }
    return cached;
  }

  check(step: WizardStep, value: string, draft: WizardDraft): Promise<CheckWizardInputResult> {
    const params: CheckWizardInputParams = { step, value, draft };
    return this.client.sendRequest<CheckWizardInputResult>(Methods.checkWizardInput, params);
  }

  /** A pick list; resolves with the chosen item's value. */
  pick<T>(options: { step: number; placeholder: string; items: PickItem<T>[]; active?: T }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const input = vscode.window.createQuickPick<PickItem<T>>();
      input.title = WIZARD_TITLE;
      input.step = options.step;
      input.totalSteps = this.totalSteps;
      input.placeholder = options.placeholder;
      input.ignoreFocusOut = true;
      input.matchOnDescription = true;
      input.items = options.items;
      const active = options.items.find((item) => item.value === options.active);
      if (active) input.activeItems = [active];
      input.buttons = hasBack(options) ? [vscode.QuickInputButtons.Back] : [];
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        fn();
      };
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) settle(() => reject(new Back()));
      });
      input.onDidAccept(() => {
        const chosen = input.selectedItems[0] ?? input.activeItems[0];
        if (chosen) settle(() => resolve(chosen.value));
      });
      input.onDidHide(() => settle(() => reject(new Cancel())));
      this.show(input);
    });
  }

  /**
   * A text answer checked by the server while the user types. Enter takes a value the
   * server accepts; on a refused value with a suggestion (the network address, br-ex, a
   * valid name), Enter puts the suggestion in the box, as the light-bulb button does.
   */
  ask(options: {
    step: number;
    /** Show the Back button although the step is the first (a question that refines the first one). */
    back?: boolean;
    wizardStep: WizardStep;
    prompt: string;
    placeholder?: string;
    value?: string;
    draft: () => WizardDraft;
  }): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const input = vscode.window.createInputBox();
      input.title = WIZARD_TITLE;
      input.step = options.step;
      input.totalSteps = this.totalSteps;
      input.prompt = options.prompt;
      input.placeholder = options.placeholder;
      input.value = options.value ?? '';
      input.ignoreFocusOut = true;
      const back = hasBack(options) ? [vscode.QuickInputButtons.Back] : [];
      input.buttons = back;

      let settled = false;
      let verdict: { value: string; result: CheckWizardInputResult } | undefined;
      let pending: { value: string; promise: Promise<CheckWizardInputResult> } | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let useButton: vscode.QuickInputButton | undefined;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        fn();
      };

      const checkNow = (value: string): Promise<CheckWizardInputResult> => {
        if (verdict?.value === value) return Promise.resolve(verdict.result);
        if (pending?.value === value) return pending.promise;
        input.busy = true;
        const promise = this.check(options.wizardStep, value, options.draft()).then(
          (result) => result ?? { ok: true },
          () => ({ ok: true }) as CheckWizardInputResult, // the server's trouble is in its log; the document is linted anyway
        );
        pending = { value, promise };
        void promise.then((result) => {
          if (pending?.value === value) pending = undefined;
          if (input.value !== value || settled) return;
          verdict = { value, result };
          input.busy = false;
          show(result);
        });
        return promise;
      };

      const show = (result: CheckWizardInputResult) => {
        if (!result.message) {
          input.validationMessage = undefined;
        } else {
          const severity = !result.ok || result.severity === 'error' ? vscode.InputBoxValidationSeverity.Error
            : result.severity === 'warning' ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Info;
          const hint = !result.ok && result.suggestion !== undefined ? ` Press Enter to use ${result.suggestion}.` : '';
          input.validationMessage = { message: `${result.message}${hint}`, severity };
        }
        useButton = !result.ok && result.suggestion !== undefined
          ? { iconPath: new vscode.ThemeIcon('lightbulb'), tooltip: `Use ${result.suggestion}` }
          : undefined;
        input.buttons = useButton ? [...back, useButton] : back;
      };

      const useSuggestion = () => {
        const suggestion = verdict && !verdict.result.ok ? verdict.result.suggestion : undefined;
        if (suggestion === undefined) return false;
        input.value = suggestion;
        scheduleCheck(suggestion, 0);
        return true;
      };

      const scheduleCheck = (value: string, delay = CHECK_DELAY_MS) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void checkNow(value), delay);
      };

      input.onDidChangeValue((value) => {
        verdict = undefined;
        scheduleCheck(value);
      });
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) settle(() => reject(new Back()));
        else if (button === useButton) useSuggestion();
      });
      input.onDidAccept(async () => {
        const value = input.value;
        const result = await checkNow(value);
        if (settled || input.value !== value) return;
        verdict = { value, result };
        input.busy = false;
        if (result.ok) {
          settle(() => resolve(value.trim()));
          return;
        }
        show(result);
        useSuggestion();
      });
      input.onDidHide(() => settle(() => reject(new Cancel())));
      this.show(input);
      if (input.value !== '') scheduleCheck(input.value, 0);
    });
  }

  private show(input: vscode.QuickInput): void {
    const previous = this.current;
    this.current = input;
    input.show();
    // Disposed after the next one is shown, so its hide event is not a cancel.
    previous?.dispose();
  }
}

/** Every question after the first has a Back button, and so has one that refines the first (the custom pool's name). */
function hasBack(options: { step: number; back?: boolean }): boolean {
  return options.back ?? options.step > 1;
}

// ---------------------------------------------------------------------------------------
// The steps. Each returns the next; throwing Back returns to the previous one.

const CUSTOM = '\u0000custom';

async function stepRole(flow: Flow): Promise<Step> {
  const role = await flow.pick<string>({
    step: flow.stepNumber('role'),
    placeholder: 'Which nodes get the routes? (the MachineConfigPool)',
    items: [
      { label: 'worker', description: 'the worker pool', value: 'worker' },
      { label: 'master', description: 'the control plane nodes', value: 'master' },
      { label: 'Custom pool…', description: 'a pool of your own, e.g. infra', value: CUSTOM },
    ],
    active: flow.state.customRole ? CUSTOM : flow.state.role,
  });
  if (role === CUSTOM) return stepCustomRole;
  flow.state.role = role;
  flow.state.customRole = false;
  return stepName;
}

async function stepCustomRole(flow: Flow): Promise<Step> {
  const role = await flow.ask({
    // Still the pool question (step 1), asked again in words: Back returns to the list of pools.
    step: flow.stepNumber('role'),
    back: true,
    wizardStep: 'role',
    prompt: 'The custom MachineConfigPool (its role label), e.g. infra',
    value: flow.state.customRole ? flow.state.role : '',
    draft: () => ({}),
  });
  flow.state.role = role;
  flow.state.customRole = true;
  return stepName;
}

async function stepName(flow: Flow): Promise<Step> {
  const defaults = await flow.defaults({ role: flow.state.role });
  // A name the user typed stays when they go back and change the role; a proposal follows the role.
  const kept = flow.state.name !== undefined && flow.state.name !== flow.state.proposedName ? flow.state.name : undefined;
  flow.state.name = await flow.ask({
    step: flow.stepNumber('name'),
    wizardStep: 'name',
    prompt: 'Name of the config (metadata.name); configs merge in name order, the later wins',
    value: kept ?? defaults.name ?? '',
    draft: () => ({ role: flow.state.role }),
  });
  flow.state.proposedName = defaults.name;
  return stepMethod;
}

async function stepMethod(flow: Flow): Promise<Step> {
  const method = await flow.pick<RouteMethod>({
    step: flow.stepNumber('method'),
    placeholder: 'How should the nodes get the routes?',
    items: [
      { label: 'nmcli unit', description: 'default', detail: 'A systemd unit runs nmcli dev modify at every boot (MachineConfig)', value: 'nmcli-unit' },
      { label: 'NetworkManager keyfile', detail: 'A connection profile for a secondary NIC, written by the MachineConfig', value: 'keyfile' },
      { label: 'NMState policy', detail: 'A NodeNetworkConfigurationPolicy for the Kubernetes NMState operator', value: 'nmstate' },
    ],
    active: flow.state.method ?? 'nmcli-unit',
  });
  if (method !== flow.state.method) flow.state.interface = undefined; // the proposal depends on the method
  flow.state.method = method;
  await flow.refreshSteps();
  return flow.steps.includes('pool') ? stepPool : stepInterface;
}

async function stepPool(flow: Flow): Promise<Step> {
  const role = flow.state.role ?? '';
  flow.state.withPool = await flow.pick<boolean>({
    step: flow.stepNumber('pool'),
    placeholder: `No default pool selects the role ${role}: include its MachineConfigPool?`,
    items: [
      { label: 'Include the MachineConfigPool', detail: `A pool ${role} that applies the worker configs and its own; label nodes node-role.kubernetes.io/${role}= to move them in`, value: true },
      { label: 'No', detail: `The cluster already has a pool that selects ${role}`, value: false },
    ],
    active: flow.state.withPool ?? true,
  });
  return stepInterface;
}

async function stepInterface(flow: Flow): Promise<Step> {
  const defaults = await flow.defaults({ method: flow.state.method });
  const others = defaults.fileInterfaces.filter((name) => name !== defaults.interface);
  const fromFile = others.length > 0 ? ` The open file uses ${others.join(', ')}.` : '';
  flow.state.interface = await flow.ask({
    step: flow.stepNumber('interface'),
    wizardStep: 'interface',
    prompt: `${defaults.interfaceNote}${fromFile}`,
    placeholder: defaults.interfaceExample,
    value: flow.state.interface ?? defaults.interface,
    draft: () => ({ role: flow.state.role, name: flow.state.name, method: flow.state.method }),
  });
  return flow.steps.includes('addressing') ? stepAddressing : routeSteps(0);
}

async function stepAddressing(flow: Flow): Promise<Step> {
  flow.state.addressing = await flow.ask({
    step: flow.stepNumber('addressing'),
    wizardStep: 'addressing',
    prompt: `The address of ${flow.state.interface} with its prefix, or dhcp: the keyfile replaces the NIC's profile, so it carries its addressing`,
    placeholder: 'e.g. 10.0.5.10/24, or dhcp',
    value: flow.state.addressing,
    draft: () => flow.draft(),
  });
  return routeSteps(0);
}

/** Destination, gateway, metric, then "add another or finish" for route `index`. */
function routeSteps(index: number): Step {
  const label = (flow: Flow) => (index > 0 || flow.state.routes.length > 1 ? `Route ${index + 1}: ` : '');
  const destination: Step = async (flow) => {
    const route = flow.state.routes[index] ?? {};
    const value = await flow.ask({
      step: flow.stepNumber('destination'),
      wizardStep: 'destination',
      prompt: `${label(flow)}Destination network (address/prefix), IPv4 or IPv6`,
      placeholder: 'e.g. 192.168.1.0/24 or fd00:1::/64',
      value: route.destination,
      draft: () => flow.draft(index),
    });
    if (value !== route.destination) flow.state.routes[index] = { destination: value };
    return gateway;
  };
  const gateway: Step = async (flow) => {
    const route = flow.state.routes[index];
    // The example is of the destination's family.
    const defaults = await flow.defaults({ route: { destination: route.destination ?? '' } });
    const value = await flow.ask({
      step: flow.stepNumber('gateway'),
      wizardStep: 'gateway',
      prompt: `${label(flow)}Next hop for ${route.destination} (leave empty when the network is on the link)`,
      placeholder: defaults.gatewayExample,
      value: route.gateway,
      draft: () => ({ ...flow.draft(index), route: { destination: route.destination ?? '' } }),
    });
    route.gateway = value || undefined;
    return metric;
  };
  const metric: Step = async (flow) => {
    const route = flow.state.routes[index];
    const value = await flow.ask({
      step: flow.stepNumber('metric'),
      wizardStep: 'metric',
      prompt: `${label(flow)}Metric for ${route.destination} (optional; lower wins, NetworkManager's default for Ethernet is 100)`,
      placeholder: 'e.g. 100',
      value: route.metric,
      draft: () => ({ ...flow.draft(index), route: { destination: route.destination ?? '', ...(route.gateway ? { gateway: route.gateway } : {}) } }),
    });
    route.metric = value || undefined;
    return more;
  };
  const more: Step = async (flow) => {
    const summary = flow.state.routes.slice(0, index + 1).map(describeRoute).join('; ');
    const choice = await flow.pick<'add' | 'finish'>({
      step: flow.stepNumber('more'),
      placeholder: `Routes: ${summary}`,
      items: [
        { label: 'Add another route', description: 'IPv4 or IPv6', value: 'add' },
        { label: 'Finish', description: `${index + 1} route${index === 0 ? '' : 's'}`, value: 'finish' },
      ],
      active: 'finish',
    });
    if (choice === 'add') return routeSteps(index + 1);
    flow.state.routes.length = index + 1; // routes entered after going back are dropped
    return flow.steps.includes('ignitionVersion') ? stepIgnition : stepWhere;
  };
  return destination;
}

function describeRoute(route: State['routes'][number]): string {
  return [route.destination, route.gateway ? `via ${route.gateway}` : undefined, route.metric ? `metric ${route.metric}` : undefined]
    .filter(Boolean).join(' ');
}

async function stepIgnition(flow: Flow): Promise<Step | undefined> {
  const defaults = await flow.defaults({});
  const [newest] = defaults.ignitionVersions;
  flow.state.ignitionVersion = await flow.pick<string>({
    step: flow.stepNumber('ignitionVersion'),
    placeholder: `Ignition spec version (${defaults.ignitionNote})`,
    items: defaults.ignitionVersions.map((version) => ({ label: version, description: version === newest ? 'newest' : undefined, value: version })),
    active: flow.state.ignitionVersion ?? newest,
  });
  return stepWhere;
}

async function stepWhere(flow: Flow): Promise<Step | undefined> {
  if (!flow.yamlEditor) {
    flow.state.where = 'editor';
    return undefined;
  }
  flow.state.where = await flow.pick<'editor' | 'cursor'>({
    step: flow.stepNumber('where'),
    placeholder: 'Where should the YAML go?',
    items: [
      { label: 'Open in a new editor', description: 'an untitled YAML document', value: 'editor' },
      { label: 'Insert at cursor', description: flow.yamlEditor.document.fileName.split(/[\\/]/).pop(), value: 'cursor' },
    ],
    active: flow.state.where ?? 'editor',
  });
  return undefined;
}

/** Asks the server for the YAML and puts it where the user chose. */
async function finish(flow: Flow, output: vscode.LogOutputChannel): Promise<void> {
  const { state } = flow;
  const draft = flow.draft();
  const params: GenerateConfigParams = {
    answers: {
      role: state.role ?? 'worker',
      name: state.name ?? '',
      method: state.method ?? 'nmcli-unit',
      interface: state.interface ?? '',
      ...(state.method === 'keyfile' && state.addressing !== undefined ? { addressing: state.addressing } : {}),
      ...(flow.steps.includes('pool') && state.withPool ? { withPool: true } : {}),
      routes: draft.routes as RouteAnswer[],
      ignitionVersion: state.ignitionVersion ?? '',
    },
  };
  let result: GenerateConfigResult | null;
  try {
    result = await flow.client.sendRequest<GenerateConfigResult | null>(Methods.generateConfig, params);
  } catch (error) {
    output.error(`New Static Route: generating failed: ${error instanceof Error ? error.message : String(error)}`);
    result = null;
  }
  if (!result) {
    void vscode.window.showErrorMessage(`${WIZARD_TITLE}: the language server could not generate the YAML; see the "MachineConfig Routes" output.`);
    return;
  }
  const editor = flow.yamlEditor;
  if (state.where === 'cursor' && editor && !editor.document.isClosed) {
    const document = editor.document;
    const at = editor.selection.active;
    const before = document.getText(new vscode.Range(new vscode.Position(0, 0), at));
    const after = document.getText(new vscode.Range(at, document.lineAt(document.lineCount - 1).range.end));
    // A document of its own inside the file: `---` where other YAML comes before or after.
    const prefix = (at.character > 0 ? '\n' : '') + (before.trim() !== '' ? '---\n' : '');
    const suffix = after.trim() !== '' ? '---\n' : '';
    const done = await editor.edit((edit) => edit.insert(at, prefix + result.text + suffix));
    if (done) return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: result.text });
  await vscode.window.showTextDocument(document, { preview: false });
}
