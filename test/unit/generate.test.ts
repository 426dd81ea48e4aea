/**
 * The wizard's generator (generateConfig) and its way back (readBackRoutes): a property
 * test over many random valid answer sets, and the shape of each method's output.
 */
import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { parseDataUrl } from '../../server/src/core/formats/dataUrl';
import { EmbeddedText } from '../../server/src/core/text/embeddedText';
import {
  generateConfig, readAddressing, readBackInterfaces, readBackRoutes, type RouteAnswer, type WizardAnswers,
} from '../../server/src/core/ide/generate';
import { lintText } from '../../server/src/core/analysis/lint';
import { reservedInterface } from '../../server/src/core/kinds/machineconfig/nmcliCommands';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { checkWizardInput, stepsFor } from '../../server/src/core/ide/wizardCheck';
import { machineConfig } from '../support/machineConfig';
import { randomCase } from '../support/randomAnswers';

/**
 * The one question a generated config may still draw: on OVN-Kubernetes with the NIC under
 * br-ex not known, whether a DHCP keyfile's NIC is it (configure-ovs would keep none of its
 * routes). Only the cluster knows; the wizard asks it when DHCP is chosen.
 */
function expectedQuestion(answers: WizardAnswers, settings: Settings): boolean {
  return settings.networkType === 'OVNKubernetes' && settings.brExInterface === undefined && answers.method === 'keyfile' &&
    answers.addressing === 'dhcp' && /^(eth\d+|en[a-zA-Z0-9]+|em\d+|p\d+p\d+|bond\d+|team\d+)$/.test(answers.interface);
}

/** What the text must hold: each destination with its prefix, IPv4 routes first, then IPv6, each in the order entered. */
function expectedRoutes(routes: RouteAnswer[]): RouteAnswer[] {
  const written = routes.map((route) => ({
    ...route,
    destination: route.destination.includes('/') ? route.destination : `${route.destination}/${route.destination.includes(':') ? 128 : 32}`,
  }));
  return [...written.filter((r) => !r.destination.includes(':')), ...written.filter((r) => r.destination.includes(':'))];
}

/**
 * Hints are true of correct configs (docs/rules.md), so the generated documents may have them:
 * nmcli-device-runtime (the unit modifies the running device, which is why it runs at every
 * boot) and route-ovn-egress (host routes do not steer pod egress on OVN-Kubernetes, true of
 * every route). Nothing else may speak.
 */
const ALLOWED_HINTS = new Set(['nmcli-device-runtime', 'route-ovn-egress']);
const CASES = 300;

describe('generateConfig: a property over random valid answers', function () {
  this.timeout(60_000);

  it(`${CASES} random answer sets (IPv4 and IPv6, all three methods, both network types): the text parses, lints clean, reading it back gives the routes entered, and the wizard's check takes every answer`, function () {
    const methods = new Map<string, number>();
    let v6 = 0;
    let questions = 0;
    let pools = 0;
    let staticNics = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const { answers, settings } = randomCase(seed);
      const where = `seed ${seed}: ${JSON.stringify(answers)}`;
      methods.set(answers.method, (methods.get(answers.method) ?? 0) + 1);
      if (answers.routes.some((r) => r.destination.includes(':'))) v6++;
      if (answers.withPool) pools++;
      if (answers.addressing !== undefined && answers.addressing !== 'dhcp') staticNics++;

      const text = generateConfig(answers);
      const documents = parseAllDocuments(text, { version: '1.1' });
      assert.ok(Array.isArray(documents) && documents.length === (answers.withPool ? 2 : 1), `one YAML document, and the pool's (${where})`);
      for (const document of documents) assert.deepEqual([...document.errors, ...document.warnings].map(String), [], `parses without errors (${where})\n${text}`);

      const result = lintText(text, settings);
      assert.deepEqual(result.failures, [], `no rule failed (${where})`);
      const question = expectedQuestion(answers, settings);
      if (question) questions++;
      const spoken = result.problems.filter((p) => (p.severity !== 'hint' || !ALLOWED_HINTS.has(p.code)) &&
        !(question && p.code === 'nmcli-ovn-port' && p.severity === 'info'));
      assert.deepEqual(spoken.map((p) => `${p.severity} ${p.code}: ${p.message}`), [], `lints clean (${where})\n${text}`);
      assert.equal(result.problems.filter((p) => p.code === 'nmcli-ovn-port').length, question ? 1 : 0, `the question about the NIC (${where})`);
      // An NMState policy is not a MachineConfig: the linter reads its routes (the nmstate kind), and they lint clean above.
      assert.equal(result.machineConfigs, answers.method === 'nmstate' ? 0 : 1, where);
      assert.equal(result.parsed.documents[0].kind?.id, answers.method === 'nmstate' ? 'nmstate' : 'machineconfig', where);

      assert.deepEqual(readBackRoutes(text), expectedRoutes(answers.routes), `read back (${where})\n${text}`);
      assert.deepEqual(readBackInterfaces(text), [answers.interface], `the interface (${where})`);

      // The wizard would have taken every one of these answers without a word (every 4th case:
      // each answer is a lint of its own, and the unit level should stay fast).
      if (seed % 4 !== 0) continue;
      const draft: Parameters<typeof checkWizardInput>[2] = {};
      const quiet = (step: Parameters<typeof checkWizardInput>[0], value: string) => {
        const verdict = checkWizardInput(step, value, draft, settings);
        assert.deepEqual(verdict, { ok: true }, `checkWizardInput(${step}, ${JSON.stringify(value)}) (${where})`);
      };
      // The pool is known before the role is judged (as `new --with-pool` does), so the role draws no word.
      if (answers.withPool) draft.withPool = true;
      if (['worker', 'master'].includes(answers.role) || answers.withPool) quiet('role', answers.role);
      else assert.deepEqual(Object.entries(checkWizardInput('role', answers.role, draft, settings)).filter(([k]) => k !== 'message'),
        [['ok', true], ['severity', 'info'], ['rule', 'mc-role-label']], `a custom role before the method is known: the pool question (${where})`);
      draft.role = answers.role;
      quiet('name', answers.name);
      draft.name = answers.name;
      quiet('method', answers.method);
      draft.method = answers.method;
      assert.equal(stepsFor(draft).includes('pool'), !['worker', 'master'].includes(answers.role) && answers.method !== 'nmstate', where);
      if (answers.withPool) quiet('pool', 'yes');
      quiet('interface', answers.interface);
      draft.interface = answers.interface;
      assert.equal(stepsFor(draft).includes('addressing'), answers.method === 'keyfile', where);
      if (question) {
        const asked = checkWizardInput('addressing', answers.addressing!, draft, settings);
        assert.deepEqual([asked.ok, asked.severity, asked.rule], [true, 'info', 'nmcli-ovn-port'], `the wizard asks too, when DHCP is chosen (${where})`);
      } else if (answers.addressing !== undefined) {
        quiet('addressing', answers.addressing);
      }
      if (answers.addressing !== undefined) draft.addressing = answers.addressing;
      draft.routes = [];
      for (const route of answers.routes) {
        quiet('destination', route.destination);
        draft.route = { destination: route.destination };
        quiet('gateway', route.gateway ?? '');
        if (route.gateway) draft.route.gateway = route.gateway;
        quiet('metric', route.metric === undefined ? '' : String(route.metric));
        draft.routes.push(route);
        draft.route = undefined;
      }
      quiet('ignitionVersion', answers.ignitionVersion);
    }
    // The generator of cases covers what it should.
    for (const method of ['nmcli-unit', 'keyfile', 'nmstate']) assert.ok((methods.get(method) ?? 0) > CASES / 5, `${method}: ${methods.get(method)} cases`);
    assert.ok(v6 > CASES / 3, `${v6} cases with IPv6 routes`);
    assert.ok(pools > CASES / 10 && staticNics > CASES / 10 && questions > 0, `${pools} with a pool, ${staticNics} static keyfiles, ${questions} questions`);
  });

  it('the random case generator is deterministic (a failing seed can be replayed)', function () {
    assert.deepEqual(randomCase(42), randomCase(42));
    assert.notDeepEqual(randomCase(42).answers, randomCase(43).answers);
  });

  it('no random interface is one the cluster network owns', function () {
    for (let seed = 1; seed <= CASES; seed++) {
      const { answers, settings } = randomCase(seed);
      assert.equal(reservedInterface(answers.interface, settings.networkType), undefined);
    }
  });
});

const BASE: WizardAnswers = {
  role: 'worker',
  name: '99-worker-static-routes',
  method: 'nmcli-unit',
  interface: 'br-ex',
  routes: [
    { destination: '192.168.1.0/24', gateway: '172.18.0.1', metric: 100 },
    { destination: 'fd00:1::/64', gateway: 'fd00::1' },
    { destination: '192.168.2.0/24', metric: 50 },
  ],
  ignitionVersion: '3.4.0',
  networkType: 'OVNKubernetes',
};

describe('generateConfig: each method', function () {
  it('nmcli unit on OVN-Kubernetes: Wants= and After= network-online.target, after ovs-configuration.service, oneshot that remains, absolute nmcli adding IPv4 and IPv6 routes, enabled with [Install]', function () {
    assert.equal(generateConfig(BASE), [
      '# Static routes for the worker pool on br-ex: a systemd unit runs nmcli at every boot.',
      '',
      'apiVersion: machineconfiguration.openshift.io/v1',
      'kind: MachineConfig',
      'metadata:',
      '  name: 99-worker-static-routes',
      '  labels:',
      '    machineconfiguration.openshift.io/role: worker',
      'spec:',
      '  config:',
      '    ignition:',
      '      version: 3.4.0',
      '    systemd:',
      '      units:',
      '        - name: 99-worker-static-routes.service',
      '          enabled: true',
      '          contents: |',
      '            [Unit]',
      '            Description=Static routes on br-ex',
      '            Wants=network-online.target',
      '            After=network-online.target ovs-configuration.service',
      '',
      '            [Service]',
      '            Type=oneshot',
      '            RemainAfterExit=yes',
      '            ExecStart=/usr/bin/nmcli dev modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1 100, 192.168.2.0/24 50" +ipv6.routes "fd00:1::/64 fd00::1"',
      '',
      '            [Install]',
      '            WantedBy=multi-user.target',
      '',
    ].join('\n'));
  });

  it('nmcli unit on OpenShift SDN: no ovs-configuration.service to wait for', function () {
    const text = generateConfig({ ...BASE, interface: 'ens5', networkType: 'OpenShiftSDN' });
    assert.match(text, /^ {12}After=network-online\.target$/m);
    assert.doesNotMatch(text, /ovs-configuration/);
    assert.match(text, /ExecStart=\/usr\/bin\/nmcli dev modify ens5 \+ipv4\.routes/);
  });

  it('keyfile: a 0600 .nmconnection named after the config, percent-encoded, with [connection] and routeN=dest,gw,metric per family', function () {
    const text = generateConfig({ ...BASE, method: 'keyfile', interface: 'ens6', addressing: 'dhcp' });
    assert.match(text, /- path: \/etc\/NetworkManager\/system-connections\/99-worker-static-routes\.nmconnection\n {10}mode: 384\n {10}overwrite: true\n/);
    const source = /source: (data:,\S+)/.exec(text)?.[1];
    assert.ok(source, text);
    assert.match(source, /^data:,[A-Za-z0-9\-_.!~*'()%]+$/, 'percent-encoded: only unreserved characters and %XX');
    const decoded = parseDataUrl(EmbeddedText.verbatim(source, 0))?.decoded?.value;
    assert.equal(decoded, [
      '[connection]',
      'id=99-worker-static-routes',
      'type=ethernet',
      'interface-name=ens6',
      '',
      '[ipv4]',
      'method=auto',
      'never-default=true',
      'route1=192.168.1.0/24,172.18.0.1,100',
      'route2=192.168.2.0/24,,50',
      '',
      '[ipv6]',
      'method=auto',
      'never-default=true',
      'route1=fd00:1::/64,fd00::1',
      '',
    ].join('\n'));
  });

  it('keyfile with static addressing: method=manual and addressN= per family, a family without an address disabled', function () {
    const routes = [{ destination: '192.168.1.0/24', gateway: '10.0.5.1' }];
    const text = generateConfig({ ...BASE, method: 'keyfile', interface: 'ens224', addressing: '10.0.5.10/24', routes });
    const source = /source: (data:,\S+)/.exec(text)?.[1] ?? '';
    assert.equal(parseDataUrl(EmbeddedText.verbatim(source, 0))?.decoded?.value.split('\n\n').slice(1).join('\n\n'), [
      '[ipv4]', 'method=manual', 'address1=10.0.5.10/24', 'route1=192.168.1.0/24,10.0.5.1', '', '[ipv6]', 'method=disabled', '',
    ].join('\n'));
    const both = generateConfig({ ...BASE, method: 'keyfile', interface: 'ens224', addressing: '10.0.5.10/24, fd00:5::10/64' });
    assert.match(decodeURIComponent(both), /\[ipv6\]\nmethod=manual\naddress1=fd00:5::10\/64\nroute1=fd00:1::\/64,fd00::1\n/);
    assert.deepEqual(lintText(both, { ...DEFAULT_SETTINGS, rules: {} }).problems.filter((p) => p.severity !== 'hint').map((p) => p.code), [],
      'a static keyfile draws no question: configure-ovs would clone its routes even under br-ex');
  });

  it('readAddressing: dhcp, or the NIC\'s own addresses with prefix; anything else is refused with the reason', function () {
    assert.deepEqual(readAddressing(' DHCP '), { dhcp: true });
    assert.deepEqual(readAddressing('10.0.5.10/24, fd00:5::10/64'), { dhcp: false, addresses: [{ text: '10.0.5.10/24', family: 4 }, { text: 'fd00:5::10/64', family: 6 }] });
    assert.match(readAddressing('') as string, /^Give the NIC's address with its prefix \(e\.g\. 10\.0\.5\.10\/24\), or dhcp\.$/);
    assert.match(readAddressing('10.0.5.10') as string, /is not an address with its prefix/);
    assert.match(readAddressing('10.0.5.0/24') as string, /is the network address of its subnet/);
    assert.match(readAddressing('224.0.0.5/24') as string, /cannot be the NIC's own address \(multicast\)/);
  });

  it('a custom role with its pool: the MachineConfigPool (worker and the role) follows, and nothing speaks', function () {
    const text = generateConfig({ ...BASE, role: 'infra', name: '99-infra-static-routes', withPool: true });
    assert.ok(text.endsWith([
      '---',
      '# The infra pool: the worker configs and its own; label nodes node-role.kubernetes.io/infra= to move them in.',
      '',
      'apiVersion: machineconfiguration.openshift.io/v1',
      'kind: MachineConfigPool',
      'metadata:',
      '  name: infra',
      'spec:',
      '  machineConfigSelector:',
      '    matchExpressions:',
      '      - key: machineconfiguration.openshift.io/role',
      '        operator: In',
      '        values:',
      '          - worker',
      '          - infra',
      '  nodeSelector:',
      '    matchLabels:',
      '      node-role.kubernetes.io/infra: ""',
      '',
    ].join('\n')), text);
    assert.deepEqual(lintText(text, DEFAULT_SETTINGS).problems.filter((p) => p.severity !== 'hint').map((p) => p.code), []);
    assert.doesNotMatch(generateConfig({ ...BASE, withPool: true }), /MachineConfigPool/, 'worker has its pool');
    assert.doesNotMatch(generateConfig({ ...BASE, role: 'infra', method: 'nmstate', withPool: true }), /MachineConfigPool/, 'NMState selects nodes by label');
  });


  it('NMState: a NodeNetworkConfigurationPolicy selecting the role\'s nodes, routes with next-hop-address only when there is a gateway and metric only when given', function () {
    const text = generateConfig({ ...BASE, method: 'nmstate', interface: 'ens224' });
    assert.equal(text, [
      '# Static routes for the worker nodes on ens224, applied by the Kubernetes NMState operator.',
      '',
      'apiVersion: nmstate.io/v1',
      'kind: NodeNetworkConfigurationPolicy',
      'metadata:',
      '  name: 99-worker-static-routes',
      'spec:',
      '  nodeSelector:',
      '    node-role.kubernetes.io/worker: ""',
      '  desiredState:',
      '    routes:',
      '      config:',
      '        - destination: 192.168.1.0/24',
      '          next-hop-address: 172.18.0.1',
      '          next-hop-interface: ens224',
      '          metric: 100',
      '        - destination: 192.168.2.0/24',
      '          next-hop-interface: ens224',
      '          metric: 50',
      '        - destination: fd00:1::/64',
      '          next-hop-address: fd00::1',
      '          next-hop-interface: ens224',
      '',
    ].join('\n'));
  });

  it('NMState: the policy holds only what the NMState checks accept (NMSTATE.md): v1, a selector, no static address, routes on the named NIC', function () {
    for (const role of ['worker', 'master', 'infra']) {
      for (const routes of [BASE.routes, [{ destination: '198.51.100.0/24' }], [{ destination: 'fd00:9::/64', gateway: 'fd00::1', metric: 7 }]]) {
        const text = generateConfig({ ...BASE, role, name: `99-${role}-static-routes`, method: 'nmstate', interface: 'ens6', routes });
        const [document] = parseAllDocuments(text) as ReturnType<typeof parseAllDocuments> & unknown[];
        const policy = (document as { toJS(): unknown }).toJS() as {
          apiVersion: string;
          spec: { nodeSelector: Record<string, string>; desiredState: { interfaces?: unknown; routes: { config: Record<string, unknown>[] } } };
        };
        assert.equal(policy.apiVersion, 'nmstate.io/v1', 'not the deprecated v1beta1');
        assert.deepEqual(policy.spec.nodeSelector, { [`node-role.kubernetes.io/${role}`]: '' }, 'a selector: not every node, control plane included');
        // A static address under a role selector would give every node the same one: a route-only policy declares no interface.
        assert.equal(policy.spec.desiredState.interfaces, undefined);
        assert.doesNotMatch(text, /^\s+(- )?(ip|address|prefix-length):/m);
        for (const entry of policy.spec.desiredState.routes.config) assert.equal(entry['next-hop-interface'], 'ens6');
        const problems = lintText(text, DEFAULT_SETTINGS).problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
        assert.deepEqual(problems.map((p) => `${p.severity} ${p.code}: ${p.message}`), [], text);
      }
    }
  });

  it('NMState: the wizard judges a route in the policy it writes too; a default route or br-ex is refused', function () {
    const draft = { role: 'worker', name: 'x', method: 'nmstate' as const, interface: 'ens6' };
    assert.equal(checkWizardInput('destination', '198.51.100.0/24', draft, DEFAULT_SETTINGS).ok, true);
    assert.equal(checkWizardInput('gateway', '192.0.2.1', { ...draft, route: { destination: '198.51.100.0/24' } }, DEFAULT_SETTINGS).ok, true);
    assert.equal(checkWizardInput('metric', '150', { ...draft, route: { destination: '198.51.100.0/24', gateway: '192.0.2.1' } }, DEFAULT_SETTINGS).ok, true);
    const route = checkWizardInput('destination', '0.0.0.0/0', draft, DEFAULT_SETTINGS);
    assert.equal(route.ok, false);
    assert.equal(route.rule, 'route-default');
    assert.equal(checkWizardInput('interface', 'br-ex', draft, DEFAULT_SETTINGS).ok, false);
  });

  it('a host address without prefix is written as /32 or /128 by every method (a keyfile would otherwise read /24)', function () {
    for (const method of ['nmcli-unit', 'keyfile', 'nmstate'] as const) {
      const text = generateConfig({ ...BASE, method, interface: method === 'nmcli-unit' ? 'br-ex' : 'ens6', routes: [{ destination: '192.168.7.7' }, { destination: 'fd00::7' }] });
      assert.deepEqual(readBackRoutes(text), [{ destination: '192.168.7.7/32' }, { destination: 'fd00::7/128' }], method);
    }
  });

  it('values YAML 1.1 would read as another type are quoted: a pool called "on", an interface called "yes"', function () {
    const mc = generateConfig({ ...BASE, role: 'on', name: '123' });
    assert.match(mc, /machineconfiguration\.openshift\.io\/role: "on"/);
    assert.match(mc, /name: "123"/);
    const codes = lintText(mc, DEFAULT_SETTINGS).problems.filter((p) => p.severity !== 'hint').map((p) => p.code);
    assert.deepEqual(codes, ['mc-role-label'], 'only the custom-pool warning: the role and the name read as strings');
    const policy = generateConfig({ ...BASE, method: 'nmstate', interface: 'yes' });
    assert.deepEqual(readBackInterfaces(policy), ['yes']);
  });

  it('a custom pool gets exactly mc-role-label\'s question whether a MachineConfigPool selects it', function () {
    const problems = lintText(generateConfig({ ...BASE, role: 'infra', name: '99-infra-static-routes' }), DEFAULT_SETTINGS).problems;
    assert.deepEqual(problems.filter((p) => p.severity !== 'hint').map((p) => `${p.severity} ${p.code}`), ['info mc-role-label']);
  });

  it('readBackRoutes reads the seed\'s route, and nothing from YAML that holds no routes', function () {
    const seed = machineConfig({
      name: 'x',
      role: null,
      ignitionVersion: '3.1.0',
      units: [{ name: 'r.service', contents: ['[Service]', 'ExecStart=nmcli dev modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"'] }],
    });
    assert.deepEqual(readBackRoutes(seed), [{ destination: '192.168.1.0/24', gateway: '172.18.0.1' }]);
    assert.deepEqual(readBackRoutes('apiVersion: v1\nkind: ConfigMap\n'), []);
    assert.deepEqual(readBackRoutes(': : :\n\t- ['), []);
  });
});
