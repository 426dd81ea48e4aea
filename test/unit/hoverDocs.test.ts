/** The documentation tables behind hover: complete for what they cover, and shaped to read well. */
import * as assert from 'node:assert/strict';
import { renderDoc, valueTable, code, type Doc } from '../../server/src/core/text/doc';
import { keyDoc, MACHINE_CONFIG_SCHEMA, pathPattern, schemaAt, type SchemaNode } from '../../server/src/core/kinds/machineconfig/schema';
import { ignitionReleaseRows, permissionString } from '../../server/src/core/kinds/machineconfig/machineConfigValues';
import { keyfileGroupDoc, keyfileKeyDoc } from '../../server/src/core/formats/keyfileDocs';
import { ATTRIBUTE_DOCS, attributeDoc, NMCLI_OBJECTS, propertyDoc } from '../../server/src/core/formats/nmcliDocs';
import { DIRECTIVE_DOCS, directiveDoc, KNOWN_UNITS, SECTION_DOCS, sectionDoc, unitNameDoc } from '../../server/src/core/formats/systemdDocs';
import { newestIgnitionMinor } from '../../server/src/core/kinds/machineconfig/ignitionVersions';
import { ROUTE_ATTRIBUTES } from '../../server/src/core/routes/routeAttributes';
import { SECTION_DIRECTIVES } from '../../server/src/core/formats/systemdDirectives';

/** Every key path of the schema, with list indexes; a free key (a label) stands as `x`. */
function schemaPaths(node: SchemaNode, prefix: (string | number)[]): (string | number)[][] {
  const paths: (string | number)[][] = [];
  if (node.item) paths.push([...prefix, 0], ...schemaPaths(node.item, [...prefix, 0]));
  for (const [key, child] of Object.entries(node.keys ?? {})) paths.push([...prefix, key], ...schemaPaths(child, [...prefix, key]));
  if (node.anyKey) paths.push([...prefix, 'x'], ...schemaPaths(node.anyKey, [...prefix, 'x']));
  return paths;
}

/** A doc reads well: a short title, a summary of one or two sentences, no wall of text. */
function assertReadable(doc: Doc, what: string): void {
  assert.ok(doc.title.length > 0 && doc.title.length <= 120, `${what}: title length ${doc.title.length}`);
  assert.ok(doc.summary.length > 0 && doc.summary.length <= 420, `${what}: summary of ${doc.summary.length} characters`);
  const sentences = doc.summary.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0).length;
  assert.ok(sentences <= 3, `${what}: ${sentences} sentences in the summary`);
  assert.ok(!doc.summary.includes('\n'), `${what}: the summary is one paragraph`);
}

describe('hover docs: MachineConfig and Ignition keys', () => {
  it('every MachineConfig spec field and the envelope keys are in the schema', () => {
    assert.deepEqual(Object.keys(schemaAt(['spec'])!.keys!), ['config', 'osImageURL', 'baseOSExtensionsContainerImage', 'kernelArguments', 'extensions', 'fips', 'kernelType']);
    for (const key of ['apiVersion', 'kind', 'metadata', 'spec']) assert.ok(keyDoc([key]), key);
    for (const key of ['name', 'labels', 'annotations']) assert.ok(keyDoc(['metadata', key]), `metadata.${key}`);
  });

  it('path patterns: list indexes become [], labels match the role entry or the wildcard', () => {
    assert.equal(pathPattern(['spec', 'config', 'storage', 'files', 3, 'mode']), 'spec.config.storage.files[].mode');
    assert.match(keyDoc(['metadata', 'labels', 'machineconfiguration.openshift.io/role'])!.title, /which pool applies this config/);
    assert.match(keyDoc(['metadata', 'labels', 'app.kubernetes.io/name'])!.title, /— label$/);
    assert.equal(keyDoc(['spec', 'config', 'networkd']), undefined);
    assert.equal(keyDoc(['spec', 'config', 'storage', 'files', 0, 'nope']), undefined);
  });

  it('titles name the key from spec.config down, summaries read well', () => {
    assert.equal(keyDoc(['spec', 'config', 'storage', 'files', 0, 'mode'])!.title, '`storage.files[].mode` — file permissions');
    assert.equal(keyDoc(['metadata', 'name'])!.title, '`metadata.name` — config name');
    for (const path of schemaPaths(MACHINE_CONFIG_SCHEMA, [])) {
      const doc = keyDoc(path);
      assert.ok(doc, pathPattern(path));
      assertReadable(doc, pathPattern(path));
    }
  });

  it('keys the Machine Config Daemon cannot apply say so in their hover', () => {
    const refused = schemaPaths(MACHINE_CONFIG_SCHEMA, []).filter((p) => (schemaAt(p) as { notReconcilable?: object }).notReconcilable);
    assert.ok(refused.length > 0);
    for (const path of refused) {
      const doc = keyDoc(path)!;
      assert.match(doc.cluster ?? doc.summary, /cannot apply this to running nodes|only `(name: )?core`/i, pathPattern(path));
    }
    for (const section of ['disks', 'raid', 'filesystems', 'directories', 'links']) {
      assert.match(keyDoc(['spec', 'config', 'storage', section])!.cluster ?? '', /cannot apply this to running nodes/, section);
    }
    assert.match(keyDoc(['spec', 'config', 'storage', 'files', 0, 'append'])!.cluster ?? '', /cannot apply/);
  });

  it('the release table agrees with ignitionVersions.ts', () => {
    const rows = ignitionReleaseRows();
    assert.deepEqual(rows[0], ['4.6', '3.1.0']);
    assert.equal(rows[rows.length - 1][0].endsWith('and later'), true);
    for (const [releases, version] of rows) {
      const first = /^4\.(\d+)/.exec(releases)![1];
      assert.equal(`3.${newestIgnitionMinor(`4.${first}`)}.0`, version, releases);
    }
  });

  it('file permissions as ls shows them', () => {
    assert.equal(permissionString(0o644), 'rw-r--r--');
    assert.equal(permissionString(0o600), 'rw-------');
    assert.equal(permissionString(0o755), 'rwxr-xr-x');
  });
});

describe('hover docs: systemd', () => {
  it('every section systemd knows has an entry', () => {
    for (const section of Object.keys(SECTION_DIRECTIVES)) assert.ok(SECTION_DOCS[section], section);
  });

  it('every documented directive is one systemd knows (no typo in the table)', () => {
    const known = new Set(Object.values(SECTION_DIRECTIVES).flatMap((s) => [...s]));
    for (const key of Object.keys(DIRECTIVE_DOCS)) assert.ok(known.has(key), key);
  });

  it('the directives network units use are written, not generic', () => {
    const used: [string, string][] = [
      ['Unit', 'Description'], ['Unit', 'Documentation'], ['Unit', 'Wants'], ['Unit', 'Requires'], ['Unit', 'After'], ['Unit', 'Before'],
      ['Unit', 'BindsTo'], ['Unit', 'PartOf'], ['Unit', 'DefaultDependencies'], ['Service', 'Type'], ['Service', 'RemainAfterExit'],
      ['Service', 'ExecStart'], ['Service', 'ExecStartPre'], ['Service', 'ExecStartPost'], ['Service', 'ExecStop'], ['Service', 'Restart'],
      ['Service', 'RestartSec'], ['Service', 'TimeoutStartSec'], ['Service', 'User'], ['Service', 'Environment'], ['Service', 'EnvironmentFile'],
      ['Install', 'WantedBy'], ['Install', 'RequiredBy'], ['Install', 'Alias'],
    ];
    for (const [section, key] of used) {
      const doc = directiveDoc(section, key);
      assert.ok(!/directive systemd knows; see/.test(doc.summary), `${key} has its own text`);
      assertReadable(doc, key);
    }
    assert.match(directiveDoc('Unit', 'ConditionPathExists').summary, /skips the unit quietly/);
    assert.match(directiveDoc('Service', 'ProtectSystem').summary, /systemd knows; see systemd.service\(5\)/);
    assert.match(directiveDoc('Service', 'ExecStar').summary, /does not know `ExecStar=`/);
    assert.match(directiveDoc('Unit', 'WantedBy').details!.join(' '), /does not belong in \[Unit\]/);
  });

  it('Type= lists every value with its meaning; RemainAfterExit= and Restart= too', () => {
    assert.deepEqual(DIRECTIVE_DOCS.Type.values!.map((v) => v.value), ['simple', 'exec', 'forking', 'oneshot', 'notify', 'dbus', 'idle']);
    assert.deepEqual(DIRECTIVE_DOCS.RemainAfterExit.values!.map((v) => v.value), ['yes', 'no']);
    assert.ok(DIRECTIVE_DOCS.Restart.values!.some((v) => v.value === 'on-failure'));
  });

  it('known units: the targets and services route units name, with what the directive means', () => {
    for (const name of ['network-online.target', 'multi-user.target', 'ovs-configuration.service', 'NetworkManager-wait-online.service', 'kubelet-dependencies.target']) {
      assert.ok(KNOWN_UNITS[name], name);
    }
    const doc = unitNameDoc('network-online.target', 'After');
    assert.equal(doc.title, '`network-online.target` — systemd target');
    assert.match(doc.details!.join(' '), /In `After=`: this unit starts after network-online.target/);
    assert.match(unitNameDoc('my-own.service', 'Wants').summary, /not one mcroutes knows/);
  });

  it('sections: known, your own (X-), unknown', () => {
    assert.match(sectionDoc('Install').summary, /systemctl enable/);
    assert.match(sectionDoc('X-Mine').summary, /your own use/);
    assert.match(sectionDoc('Servce').summary, /knows no section/);
  });
});

describe('hover docs: nmcli', () => {
  it('every route attribute NetworkManager knows has a meaning, and no other', () => {
    assert.deepEqual(Object.keys(ATTRIBUTE_DOCS).sort(), Object.keys(ROUTE_ATTRIBUTES).sort());
  });

  it('an attribute doc gives its type and families from routeAttributes.ts', () => {
    const table = attributeDoc('table', 4);
    assert.equal(table.title, '`table=` — route attribute');
    assert.deepEqual(table.details, ['Value: a number from 0 to 4294967295.', 'For IPv4 and IPv6 routes.']);
    assert.match(attributeDoc('from', 4).details!.join(' '), /IPv6 only.*Not valid on this IPv4 route/);
    assert.match(attributeDoc('via', 4).summary, /knows no route attribute `via`/);
  });

  it('device modify and connection modify: runtime against persistent', () => {
    assert.match(NMCLI_OBJECTS.device.summary, /lost when the connection is activated again or the node reboots/);
    assert.match(NMCLI_OBJECTS.connection.summary, /saved connection profile/);
  });

  it('properties: routes, route-metric and the rest of ipv4/ipv6', () => {
    assert.equal(propertyDoc('ipv6.routes').title, '`ipv6.routes` — IPv6 setting');
    assert.match(propertyDoc('ipv4.route-metric').summary, /100 for ethernet/);
    assert.match(propertyDoc('connection.autoconnect').title, /NetworkManager setting/);
  });
});

describe('hover docs: NetworkManager keyfiles', () => {
  it('numbered keys share one entry; ipv4 and ipv6 share the ip keys', () => {
    assert.equal(keyfileKeyDoc('ipv4', 'route12')!.title, '`route12=` — [ipv4]');
    assert.match(keyfileKeyDoc('ipv6', 'route3')!.summary, /\/24 \(IPv4\) or \/128 \(IPv6\)/);
    assert.match(keyfileKeyDoc('ipv4', 'route1_options')!.summary, /route1_options=mtu=1400,table=100/);
    assert.match(keyfileKeyDoc('ipv4', 'address2')!.summary, /address1=10\.0\.0\.5\/24,10\.0\.0\.1/);
    assert.match(keyfileKeyDoc('802-3-ethernet', 'mtu')!.summary, /MTU/);
    assert.equal(keyfileKeyDoc('ipv4', 'nonsense'), undefined);
  });

  it('groups: known and unknown', () => {
    assert.match(keyfileGroupDoc('connection').summary, /interface-name/);
    assert.match(keyfileGroupDoc('wifi-p2p').summary, /nm-settings-keyfile\(5\)/);
  });
});

describe('hover docs: rendering', () => {
  it('bold title, plain summary, a value table with the current value marked, bullets, source', () => {
    const markdown = renderDoc(
      { title: '`Type=` — [Service]', summary: 'When it is started.', values: [{ value: 'oneshot', meaning: 'runs | once' }], details: ['One.'], cluster: 'Two.', source: 'man' },
      { current: 'oneshot', facts: ['Fact.'] },
    );
    assert.equal(markdown, [
      '**`Type=` — [Service]**', 'When it is started.', 'Fact.',
      '| Value | Meaning |\n|---|---|\n| `oneshot` ◀ here | runs \\| once |',
      '- One.\n- On the cluster: Two.', '_Source: man_',
    ].join('\n\n'));
  });

  it('code spans survive backquotes; tables without a current value mark nothing', () => {
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code(''), '`""`');
    assert.ok(!valueTable([{ value: 'x', meaning: 'y' }]).includes('◀'));
  });
});
