/** Completion over the bundled server: each context, the edits it makes, roles from the workspace. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyLspEdits, positionAt, sessionPerSuite, startSession } from '../support/lspClient';
import { ROUTE_CONFIG } from '../support/machineConfig';

interface Item {
  label: string;
  kind?: number;
  detail?: string;
  insertTextFormat?: number;
  insertTextMode?: number;
  textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
}
interface List {
  isIncomplete: boolean;
  items: Item[];
}

const SNIPPET = 2;
const AS_IS = 1;
const TRIGGER_CHARACTER = 2;

const ROUTE_MC = ROUTE_CONFIG;

const INFRA_MC = ROUTE_MC.replace('role: worker', 'role: infra').replace('99-worker', '99-infra');

describe('completion over the protocol', function () {
  this.timeout(20000);
  let workspace: string;
  const server = sessionPerSuite(() => {
    // A workspace folder with a config of another role on disk, and one in node_modules that is skipped.
    workspace = mkdtempSync(path.join(tmpdir(), 'mcroutes-completion-'));
    writeFileSync(path.join(workspace, 'edge.yaml'), ROUTE_MC.replace('role: worker', 'role: edge'));
    mkdirSync(path.join(workspace, 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(workspace, 'node_modules', 'x', 'hidden.yaml'), ROUTE_MC.replace('role: worker', 'role: hidden'));
    return { workspaceFolder: workspace, initializationOptions: { debounceMs: 0 } };
  });
  let version = 0;

  before(() => {
    // Another open document with a custom role.
    server().didOpen('file:///completion/infra.yaml', INFRA_MC);
  });

  after(() => {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  /** Opens `withCaret` ($0 marks the caret) as a new document and asks for completion there. */
  async function complete(withCaret: string, trigger?: string): Promise<{ list: List | null; text: string }> {
    const offset = withCaret.indexOf('$0');
    const text = withCaret.slice(0, offset) + withCaret.slice(offset + 2);
    const uri = `file:///completion/doc${++version}.yaml`;
    server().didOpen(uri, text);
    const list = await server().request<List | null>('textDocument/completion', {
      textDocument: { uri },
      position: positionAt(text, offset),
      ...(trigger ? { context: { triggerKind: TRIGGER_CHARACTER, triggerCharacter: trigger } } : { context: { triggerKind: 1 } }),
    });
    return { list, text };
  }

  const labels = (list: List | null): string[] => (list?.items ?? []).map((i) => i.label);
  const item = (list: List | null, label: string): Item => {
    const found = list?.items.find((i) => i.label === label);
    assert.ok(found, `no ${label} in ${JSON.stringify(labels(list))}`);
    return found;
  };

  it('announces completion with its trigger characters', async () => {
    const probe = await startSession({ initializationOptions: { debounceMs: 0 } });
    try {
      assert.deepEqual(probe.initializeResult.capabilities.completionProvider.triggerCharacters, ['=', ' ', '[']);
    } finally {
      await probe.shutdownAndExit();
    }
  });

  it('YAML keys: a key with a block value inserts its indented block, as a snippet kept as is', async () => {
    const { list, text } = await complete(ROUTE_MC.replace('    ignition:\n      version: 3.4.0\n', '    $0\n'));
    assert.deepEqual(labels(list), ['ignition', 'storage', 'passwd']);
    const ignition = item(list, 'ignition');
    assert.equal(ignition.insertTextFormat, SNIPPET);
    assert.equal(ignition.insertTextMode, AS_IS);
    assert.equal(ignition.textEdit.newText, 'ignition:\n      version: ${1|3.4.0,3.3.0,3.2.0,3.1.0,3.0.0|}');
    assert.match(applyLspEdits(text, [ignition.textEdit]), /\n {4}ignition:\n {6}version: \$\{1\|3\.4\.0/);
  });

  it('keys of a units item after `- `, asked by typing the space', async () => {
    const { list } = await complete(ROUTE_MC.replace('        - name: static-routes.service\n', '        - $0\n'), ' ');
    // enabled and contents are there already.
    assert.deepEqual(labels(list), ['name', 'mask', 'dropins']);
  });

  it('roles: worker, master, another open document\'s, the workspace folder\'s (node_modules skipped)', async () => {
    const { list } = await complete(ROUTE_MC.replace('role: worker', 'role: $0'));
    assert.deepEqual(labels(list), ['worker', 'master', 'edge', 'infra']);
  });

  it('Ignition versions, newest first; a typed value is replaced whole', async () => {
    const { list, text } = await complete(ROUTE_MC.replace('version: 3.4.0', 'version: 3.$04.0'));
    assert.deepEqual(labels(list), ['3.4.0', '3.3.0', '3.2.0', '3.1.0', '3.0.0']);
    assert.match(applyLspEdits(text, [item(list, '3.3.0').textEdit]), /version: 3\.3\.0\n/);
  });

  it('enabled: true or false, after the space typed behind the colon', async () => {
    const { list } = await complete(ROUTE_MC.replace('enabled: true', 'enabled: $0'), ' ');
    assert.deepEqual(labels(list), ['true', 'false']);
  });

  it('unit sections after `[`', async () => {
    const { list, text } = await complete(ROUTE_MC.replace('            [Install]\n', '            [$0\n'), '[');
    assert.deepEqual(labels(list), ['[Install]']);
    assert.match(applyLspEdits(text, [item(list, '[Install]').textEdit]), /\n {12}\[Install\]\n {12}WantedBy/);
  });

  it('directives of the current section at a unit line start', async () => {
    const { list, text } = await complete(ROUTE_MC.replace('            RemainAfterExit=yes\n', '            Rem$0\n'));
    assert.ok(!labels(list).includes('Type'), 'Type is there already');
    assert.deepEqual(item(list, 'RemainAfterExit').textEdit.range, { start: positionAt(text, text.indexOf('Rem\n')), end: positionAt(text, text.indexOf('Rem\n') + 3) });
    assert.equal(item(list, 'RemainAfterExit').textEdit.newText, 'RemainAfterExit=${1|yes,no|}');
    assert.equal(item(list, 'RemainAfterExit').kind, 5 /* Field */);
  });

  it('directive values after `=`', async () => {
    const { list } = await complete(ROUTE_MC.replace('Type=oneshot', 'Type=$0'), '=');
    assert.equal(labels(list)[0], 'oneshot');
    const after = await complete(ROUTE_MC.replace('After=network-online.target ovs-configuration.service', 'After=network-online.target $0'), ' ');
    assert.equal(labels(after.list)[0], 'ovs-configuration.service');
  });

  it('the nmcli command: program, object, interface, property, route attributes', async () => {
    const exec = (line: string, trigger?: string) => complete(ROUTE_MC.replace(/ExecStart=.*\n/, `${line}\n`), trigger);
    assert.deepEqual(labels((await exec('ExecStart=$0', '=')).list), ['/usr/bin/nmcli']);
    assert.deepEqual(labels((await exec('ExecStart=/usr/bin/nmcli $0', ' ')).list), ['device', 'dev', 'connection', 'con']);
    assert.equal(labels((await exec('ExecStart=/usr/bin/nmcli device modify $0', ' ')).list)[0], 'br-ex');
    const property = await exec('ExecStart=/usr/bin/nmcli device modify br-ex +ip$0');
    assert.equal(labels(property.list)[0], '+ipv4.routes');
    assert.match(applyLspEdits(property.text, [item(property.list, '+ipv4.routes').textEdit]), /br-ex \+ipv4\.routes "\$1"\$0\n/);
    const attributes = await exec('ExecStart=/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1 $0"', ' ');
    assert.deepEqual(labels(attributes.list).slice(0, 4), ['table=', 'onlink=true', 'src=', 'mtu=']);
  });

  it('manifest snippets only where a new document begins: an empty document, after `---`; not under metadata: or labels:', async () => {
    const empty = await complete('$0');
    const route = item(empty.list, 'mc-route');
    assert.equal(route.kind, 15 /* Snippet */);
    assert.equal(route.insertTextFormat, SNIPPET);
    assert.equal(route.detail, 'MachineConfig: static route (nmcli in a systemd unit)');
    assert.match(route.textEdit.newText, /^apiVersion: machineconfiguration\.openshift\.io\/v1\nkind: MachineConfig\nmetadata:\n {2}name: 99-\$\{1\|worker,master,infra\|\}-static-routes\n/);
    assert.ok(labels(empty.list).includes('nncp-route') && labels(empty.list).includes('bu-route'));
    const typed = await complete(`${ROUTE_MC}---\nnnc$0\n`);
    const nncp = item(typed.list, 'nncp-route');
    assert.deepEqual(nncp.textEdit.range, { start: positionAt(typed.text, typed.text.indexOf('nnc\n')), end: positionAt(typed.text, typed.text.indexOf('nnc\n') + 3) });
    assert.match(applyLspEdits(typed.text, [nncp.textEdit]), /\n---\napiVersion: nmstate\.io\/v1\nkind: NodeNetworkConfigurationPolicy\n/);
    for (const inside of [ROUTE_MC.replace('  labels:\n', '  $0\n  labels:\n'), ROUTE_MC.replace('    machineconfiguration.openshift.io/role: worker\n', '    machineconfiguration.openshift.io/role: worker\n    mc$0\n')]) {
      const { list } = await complete(inside);
      assert.ok(!(list?.items ?? []).some((i) => i.kind === 15 && i.label.startsWith('mc-')), JSON.stringify(labels(list)));
    }
  });

  it('kind: the kinds the extension reads, the apiVersion in the detail; apiVersion: the one of the kind', async () => {
    const { list } = await complete('kind: $0\n', ' ');
    assert.deepEqual(labels(list), ['MachineConfig', 'MachineConfigPool', 'NodeNetworkConfigurationPolicy', 'NMStateConfig', 'AgentConfig']);
    assert.equal(item(list, 'NodeNetworkConfigurationPolicy').detail, 'apiVersion: nmstate.io/v1');
    assert.equal(item(list, 'MachineConfig').kind, 12 /* Value */);
    const version = await complete('apiVersion: $0\nkind: MachineConfigPool\n', ' ');
    assert.deepEqual(labels(version.list), ['machineconfiguration.openshift.io/v1']);
  });

  it('nothing for a space typed as indentation, nor in YAML that is not a MachineConfig', async () => {
    assert.deepEqual(labels((await complete(ROUTE_MC.replace('    systemd:\n', '    $0\n    systemd:\n'), ' ')).list), []);
    assert.deepEqual(labels((await complete('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  $0\n')).list), []);
    const notYaml = await server().request('textDocument/completion', { textDocument: { uri: 'file:///completion/none.yaml' }, position: { line: 0, character: 0 } });
    assert.equal(notYaml, null);
  });
});
