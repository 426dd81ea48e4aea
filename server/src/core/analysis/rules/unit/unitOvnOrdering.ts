import type { EmbeddedText } from '../../../text/embeddedText';
import type { ExecLine, IgnitionConfig } from '../../../kinds/machineconfig/model';
import type { Fix } from '../../../text/problem';
import { commandWords, hasExpansion, shellScriptArgument } from '../../../formats/shellScript';
import { directivesOf, valueHasWord } from '../../../formats/unitFile';
import { textsOfUnit } from '../../../kinds/machineconfig/unitStarters';
import { stringValue } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';
import { addDirectiveValueEdit } from '../../../kinds/machineconfig/unitEdits';

/** Units ordered after br-ex exists: ovs-configuration.service itself, or what it runs before. */
const AFTER_BR_EX = ['ovs-configuration.service', 'kubelet-dependencies.target', 'kubelet.service'];

/**
 * The names configure-ovs gives br-ex and its NetworkManager profiles (MCO
 * configure-ovs-network.yaml: the bridge, its port and interface profiles, the NIC's port
 * profiles ovs-port-phys0/ovs-if-phys0, and br-ex1 of a second bridge).
 */
const BR_EX_NAMES = new Set([
  'br-ex', 'ovs-port-br-ex', 'ovs-if-br-ex', 'ovs-port-phys0', 'ovs-if-phys0',
  'br-ex1', 'ovs-port-br-ex1', 'ovs-if-br-ex1', 'ovs-port-phys1', 'ovs-if-phys1',
]);

/**
 * Verbs that change something, per program; a command whose verb is not listed (`show`,
 * `status`, `list`, a bare `ip route`) only reads and cannot lose a race with configure-ovs.
 */
const NMCLI_VERBS = ['modify', 'up', 'down', 'add', 'delete', 'reload', 'load', 'edit', 'clone', 'import', 'connect', 'disconnect', 'reapply', 'set'];
const IP_VERBS = ['add', 'append', 'replace', 'change', 'chg', 'prepend', 'delete', 'del', 'flush', 'set'];
const OVS_VERBS = new Set([
  'add-br', 'del-br', 'add-port', 'del-port', 'add-bond', 'add-bond-iface', 'del-bond-iface', 'set', 'add', 'remove', 'clear',
  'create', 'destroy', 'add-flow', 'add-flows', 'mod-flows', 'del-flows', 'replace-flows', 'mod-port',
]);

/**
 * On OVN-Kubernetes, ovs-configuration.service (configure-ovs.sh) tears br-ex down and builds
 * it again at every boot, moving the NIC's configuration onto it (MCO templates: it runs after
 * NetworkManager-wait-online.service, before kubelet-dependencies.target). A unit that changes
 * br-ex, or the NIC under it, without being ordered after it races it: the change is lost or
 * fails on a bridge that is not there yet. A unit that only touches other NICs does not race.
 */
export const unitOvnOrdering: Rule = {
  id: 'unit-ovn-ordering',
  check({ text, ignition: mc, settings, report }) {
    if (!mc || settings.networkType !== 'OVNKubernetes') return;
    const underBrEx = settings.brExInterface;
    const isBrEx = (word: EmbeddedText) => BR_EX_NAMES.has(word.value) || (underBrEx !== undefined && word.value === underBrEx);
    for (const unit of mc.units) {
      // A dropin of ovs-configuration.service or kubelet.service runs in their place in the boot.
      if (AFTER_BR_EX.includes(stringValue(unit.name) ?? '')) continue;
      const texts = textsOfUnit(unit);
      let changed: { exec: ExecLine; name: string } | undefined;
      for (const exec of texts.flatMap((t) => t.execLines)) {
        // A line systemd cannot split is unit-parse's finding; it runs nothing as written.
        if (exec.command.error) continue;
        const name = commandsRunBy(exec, mc).find((argv) => changes(argv) && argv.slice(1).some(isBrEx))?.slice(1).find(isBrEx)?.value;
        if (name) {
          changed = { exec, name };
          break;
        }
      }
      if (!changed) continue;
      // Before=ovs-configuration.service is an ordering too: chosen on purpose, it does not race.
      const ordered = texts.some((t) =>
        directivesOf(t.file, 'Unit', 'After').some((d) => AFTER_BR_EX.some((name) => valueHasWord(d, name))) ||
        directivesOf(t.file, 'Unit', 'Before').some((d) => valueHasWord(d, 'ovs-configuration.service')));
      if (ordered) continue;

      const main = unit.contents;
      const header = main?.file.sections.find((s) => s.name === 'Unit')?.header;
      let fix: Fix | undefined;
      if (main && header) {
        const edit = addDirectiveValueEdit(text, main, 'Unit', 'After', 'ovs-configuration.service');
        if (edit) fix = { title: 'Add After=ovs-configuration.service', edits: [edit], safe: true };
      }
      report({
        severity: 'warning',
        message: BR_EX_NAMES.has(changed.name)
          ? `This unit changes ${changed.name}, which configure-ovs rebuilds at boot: order it After=ovs-configuration.service.`
          : `This unit changes ${changed.name}, the NIC under br-ex: order it After=ovs-configuration.service so the two do not race.`,
        range: header ? header.rangeOf() : changed.exec.directive.key.rangeOf(),
        data: { interface: changed.name },
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

/**
 * The commands an Exec line runs, as argv lists: each command of the line (a lone `;`
 * separates them), the commands of its `sh -c` script, and the commands of a script of the
 * config it runs by path (`ExecStart=/usr/local/bin/routes.sh`, `bash /usr/local/bin/routes.sh`).
 */
function commandsRunBy(exec: ExecLine, mc: IgnitionConfig): EmbeddedText[][] {
  const commands: EmbeddedText[][] = [];
  const runScript = (argv: EmbeddedText[]) => {
    const shell = shellScriptArgument(argv) === undefined && /(^|\/)(ba|da|k|z)?sh$/.test(argv[0]?.value ?? '');
    const path = (shell ? argv.slice(1).find((w) => !w.value.startsWith('-')) : argv[0])?.value;
    const file = path?.startsWith('/') ? mc.files.find((f) => f.pathValue === path) : undefined;
    for (const command of file?.scriptCommands ?? []) commands.push(command.command.argv);
  };
  let start = 0;
  const argv = exec.command.argv;
  for (let end = 0; end <= argv.length; end++) {
    if (end < argv.length && argv[end].value !== ';') continue;
    const command = commandWords(argv.slice(start, end));
    if (command.length > 0) {
      commands.push(command);
      runScript(command);
    }
    start = end + 1;
  }
  for (const command of exec.script ?? []) {
    commands.push(command.command.argv);
    runScript(command.command.argv);
  }
  return commands;
}

/** Whether a command changes the interfaces, profiles or bridges it names (rather than only reading them). */
function changes(argv: EmbeddedText[]): boolean {
  const program = argv[0]?.value ?? '';
  if (hasExpansion(program)) return false;
  const base = program.slice(program.lastIndexOf('/') + 1);
  const words = argv.slice(1).map((w) => w.value);
  if (base === 'nmcli' || base === 'ip') {
    const operands = skipOptions(words, base === 'nmcli' ? ['-f', '--fields', '-g', '--get-values', '-m', '--mode', '-e', '--escape', '-c', '--colors', '-w', '--wait'] : ['-b', '-batch', '-rc', '-rcvbuf', '-l', '-loops', '-f', '-family']);
    const verb = operands[1];
    if (!verb) return false;
    if (base === 'nmcli') return NMCLI_VERBS.some((v) => v.startsWith(verb) && verb.length >= Math.min(3, v.length));
    return IP_VERBS.some((v) => v.startsWith(verb));
  }
  if (base === 'ovs-vsctl' || base === 'ovs-ofctl') return words.some((w) => OVS_VERBS.has(w));
  return base === 'ifup' || base === 'ifdown';
}

/** The words after the leading options (and their arguments). */
function skipOptions(words: string[], withArgument: string[]): string[] {
  let i = 0;
  while (i < words.length && words[i].startsWith('-')) i += withArgument.includes(words[i]) ? 2 : 1;
  return words.slice(i);
}
