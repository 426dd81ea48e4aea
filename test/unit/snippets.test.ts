/**
 * Every snippet of the library (server/src/core/ide/snippetLibrary.ts, offered by the server's
 * completion where it fits), expanded as the editor expands it when each placeholder is left
 * at its default (the first of a choice), parses and lints without findings; and expanded with
 * every entry of every choice list, without a warning or an error.
 *
 * Findings of severity `hint` are allowed: nmcli-device-runtime and route-ovn-egress are
 * advice that holds for correct configs too (a runtime change the unit repeats at each
 * boot; host routes and pod egress on OVN-Kubernetes), not problems of the snippet. A
 * choice may draw an info that is a question only the cluster answers (a custom role's
 * pool, whether a NIC is the one br-ex is built on).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/analysis/lint';
import { SNIPPET_LIBRARY, type LibrarySnippet } from '../../server/src/core/ide/snippetLibrary';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { machineConfig } from '../support/machineConfig';
import { expandSnippet } from '../support/snippetSyntax';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { snippets?: unknown[] };
};

const snippets: Record<string, LibrarySnippet> = Object.fromEntries(SNIPPET_LIBRARY.map((s) => [s.title, s]));
const bodyOf = (snippet: LibrarySnippet): string => snippet.body.join('\n');
const byPrefix = (prefix: string): LibrarySnippet => SNIPPET_LIBRARY.find((s) => s.prefixes.includes(prefix))!;

/** Snippets that are one entry of systemd.units, checked inside this config (at `@ENTRY@`). */
const UNIT_ENTRY_HOST = `${machineConfig()}    systemd:
      units:
@ENTRY@
`;

/** The text a snippet gives in a file: a whole document, or a units entry placed in its config. */
function documentOf(name: string, expanded: string): string {
  if (snippets[name].place === 'manifest') return expanded;
  const entry = expanded.split('\n').map((line) => (line === '' ? '' : `        ${line}`)).join('\n');
  return UNIT_ENTRY_HOST.replace('@ENTRY@', entry);
}

function findings(text: string, severities: readonly string[] = ['error', 'warning', 'info']): string[] {
  const lines = new LineIndex(text);
  return lintText(text, DEFAULT_SETTINGS).problems
    .filter((p) => severities.includes(p.severity))
    .map((p) => `${lines.positionAt(p.start).line + 1}: ${p.severity} ${p.code}: ${p.message}`);
}

/**
 * The body once for every entry of every choice list (`${N|a,b,c|}`): that entry moved to
 * the front, which is the one the editor puts in (and every mirror of N follows it).
 */
function choiceVariants(body: string): { choice: string; body: string }[] {
  const variants: { choice: string; body: string }[] = [];
  for (const match of body.matchAll(/\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g)) {
    const entries = match[2].split(/(?<!\\),/);
    entries.forEach((entry, i) => {
      const reordered = [entry, ...entries.filter((_, j) => j !== i)].join(',');
      const at = match.index!;
      variants.push({ choice: `$${match[1]}=${entry}`, body: `${body.slice(0, at)}\${${match[1]}|${reordered}|}${body.slice(at + match[0].length)}` });
    });
  }
  return variants;
}

describe('snippets', () => {
  it('no static snippets: VS Code would offer them anywhere in YAML, inside metadata: too', () => {
    assert.equal(manifest.contributes.snippets, undefined);
    assert.ok(!fs.existsSync(path.join(ROOT, 'snippets')), 'no snippets/ directory');
  });

  it('a manifest is a whole document from column 0; a unit entry starts with its "- "', () => {
    for (const snippet of SNIPPET_LIBRARY) {
      if (snippet.place === 'manifest') assert.match(snippet.body[0], /^(apiVersion|variant|interfaces): /, snippet.title);
      else assert.match(snippet.body[0], /^- name: /, snippet.title);
    }
    assert.deepEqual(SNIPPET_LIBRARY.filter((s) => s.place === 'unit-entry').map((s) => s.prefixes[0]), ['mc-route-unit']);
  });

  it('the library: a route config, several routes, IPv6, a custom pool, a keyfile, NMState policies, an NMStateConfig, a customized br-ex, Butane configs', () => {
    const prefixes = SNIPPET_LIBRARY.flatMap((s) => s.prefixes);
    for (const prefix of ['mc-route', 'mc-routes', 'mc-route-ipv6', 'mc-pool-route', 'mc-keyfile-route', 'nncp-route', 'mc-route-unit',
      'nncp-route-host', 'nncp-route-table', 'nmstateconfig-host', 'mc-nmstate-br-ex', 'bu-route', 'bu-keyfile-route']) {
      assert.ok(prefixes.includes(prefix), `no snippet with prefix ${prefix}`);
    }
    for (const [name, snippet] of Object.entries(snippets)) assert.ok(snippet.description, `${name} has no description`);
  });

  it('role and interface are choices', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      const body = bodyOf(snippet);
      if (body.includes('machineconfiguration.openshift.io/role: ') && !body.includes('MachineConfigPool')) {
        assert.match(body, /\$\{1\|worker,master,infra\|\}/, `${name}: the role is a choice`);
      }
      if (body.includes('nmcli device modify')) assert.match(body, /\$\{2\|br-ex,ens224\|\}/, `${name}: the interface is a choice`);
      // A keyfile and an NMState policy are for a secondary NIC: br-ex is never offered there.
      if (body.includes('system-connections') || body.includes('NodeNetworkConfigurationPolicy')) assert.doesNotMatch(body, /\|[^|}]*br-ex[^|]*\|\}/, name);
    }
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${name}: expanded with its defaults, parses and lints clean`, () => {
      const expanded = expandSnippet(bodyOf(snippet)).text;
      const text = documentOf(name, expanded);
      const result = lintText(text, DEFAULT_SETTINGS);
      assert.equal(result.failures.length, 0, JSON.stringify(result.failures));
      for (const { document } of result.parsed.documents) {
        assert.deepEqual(document.errors.map((e) => e.message), [], `${name} does not parse:\n${text}`);
      }
      assert.ok(result.parsed.documents.length > 0);
      const kinds = result.parsed.documents.map(({ document }) => String((document.toJS() as { kind?: string } | null)?.kind));
      if (kinds.some((kind) => kind === 'MachineConfig')) assert.ok(result.machineConfigs > 0);
      if (name.startsWith('Butane:')) assert.deepEqual(result.parsed.documents.map((d) => d.kind?.id), ['butane'], name);
      const found = findings(text);
      assert.deepEqual(found, [], `${name}:\n${found.join('\n')}\n\n${text}`);
    });

    it(`${name}: expanded with each entry of each choice list, no warning or error`, () => {
      const variants = choiceVariants(bodyOf(snippet));
      assert.equal(variants.length > 0, bodyOf(snippet).includes('|}'), `${name}: its choice lists are found`);
      for (const variant of variants) {
        const text = documentOf(name, expandSnippet(variant.body).text);
        const found = findings(text, ['error', 'warning']);
        assert.deepEqual(found, [], `${name} with ${variant.choice}:\n${found.join('\n')}\n\n${text}`);
      }
    });
  }

  it('every entry of every choice list is expanded (the variants are what the editor writes)', () => {
    const variants = choiceVariants('a ${1|x,y|} b ${1} c ${2|p\\,q,r|}');
    assert.deepEqual(variants.map((v) => [v.choice, expandSnippet(v.body).text]), [
      ['$1=x', 'a x b x c p,q'], ['$1=y', 'a y b y c p,q'], ['$2=p\\,q', 'a x b x c p,q'], ['$2=r', 'a x b x c r'],
    ]);
  });

  it('the NMState snippets are read as NMState: a policy per node with its address, a table with its rule, a host, a br-ex file', () => {
    const expanded = (prefix: string) => expandSnippet(bodyOf(byPrefix(prefix))).text;
    const states = (prefix: string) => lintText(expanded(prefix), DEFAULT_SETTINGS).parsed.documents.flatMap((d) => d.kind?.states?.(d.model) ?? []);
    const [host] = states('nncp-route-host');
    assert.equal(host.via, 'policy');
    assert.match(expanded('nncp-route-host'), /nodeSelector:\n {4}kubernetes\.io\/hostname: worker-1\n/, 'a static address only under a one-node selector');
    assert.deepEqual(host.state.interfaces.map((i) => `${i.name?.value} ${i.ipv4?.addresses.map((a) => `${a.ip?.value}/${a.prefixLength}`)}`), ['ens224 172.18.0.10/24']);
    const [table] = states('nncp-route-table');
    assert.deepEqual(table.state.routeRules.map((r) => `${r.ipFrom?.value} ${r.priority?.value} ${r.routeTable?.value}`), ['172.18.0.0/24 998 100']);
    assert.deepEqual(table.state.routes.map((r) => r.table?.value), ['100']);
    const [config] = states('nmstateconfig-host');
    assert.equal(config.via, 'nmstateconfig');
    const [brEx] = states('mc-nmstate-br-ex');
    assert.equal(brEx.via, 'machineconfig');
    assert.deepEqual(brEx.state.interfaces.map((i) => `${i.name?.value} ${i.type?.value}`), ['enp2s0 ethernet', 'br-ex ovs-bridge', 'br-ex ovs-interface']);
  });

  it('the Butane snippets carry their route: the unit\'s nmcli route, the keyfile\'s route1= with mode 0600 read as octal', () => {
    const ignitionOf = (prefix: string) => {
      return lintText(expandSnippet(bodyOf(byPrefix(prefix))).text, DEFAULT_SETTINGS).parsed.documents[0].ignition!;
    };
    const unit = ignitionOf('bu-route');
    assert.equal(unit.units[0].contents?.execLines[0].nmcli?.routes.map((r) => `${r.destination?.value} ${r.gateway?.value}`).join(), '192.168.1.0/24 172.18.0.1');
    const [file] = ignitionOf('bu-keyfile-route').files;
    assert.equal(file.mode?.value, 0o600);
    assert.deepEqual(file.keyfile!.routes.map((r) => `${r.destination.value} ${r.gateway?.value} ${r.metric?.value}`), ['192.168.1.0/24 172.18.0.1 100']);
  });

  it('the keyfile snippet decodes to a keyfile NetworkManager reads, with its address and route', () => {
    const [, snippet] = Object.entries(snippets).find(([, s]) => bodyOf(s).includes('system-connections') && bodyOf(s).includes('kind: MachineConfig'))!;
    const text = expandSnippet(bodyOf(snippet)).text;
    const mc = lintText(text, DEFAULT_SETTINGS).parsed.documents[0].machineConfig!;
    const file = mc.files[0];
    assert.equal(file.pathValue, '/etc/NetworkManager/system-connections/ens224.nmconnection');
    assert.equal(file.mode?.value, 384);
    assert.match(file.text!.value, /^\[connection\]\nid=ens224\n/);
    // The NIC's own addressing: a static NIC with method=auto would wait for DHCP.
    assert.match(file.text!.value, /\n\[ipv4\]\nmethod=manual\naddress1=172\.18\.0\.10\/24\n/);
    assert.deepEqual(file.keyfile!.routes.map((r) => `${r.destination.value} ${r.gateway?.value} ${r.metric?.value}`), ['192.168.1.0/24 172.18.0.1 100']);
  });
});
