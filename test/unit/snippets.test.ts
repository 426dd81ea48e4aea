/**
 * Every snippet of snippets/, expanded as the editor expands it when each placeholder is
 * left at its default (the first of a choice), parses and lints without findings.
 *
 * Findings of severity `hint` are allowed: nmcli-device-runtime and route-ovn-egress are
 * advice that holds for correct configs too (a runtime change the unit repeats at each
 * boot; host routes and pod egress on OVN-Kubernetes), not problems of the snippet.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/lineIndex';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { machineConfig } from '../support/machineConfig';
import { expandSnippet } from '../support/snippetSyntax';

const ROOT = path.resolve(__dirname, '../../..');
const SNIPPET_FILE = path.join(ROOT, 'snippets', 'machineconfig.code-snippets');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { snippets?: { language: string; path: string }[] };
};

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const snippets = JSON.parse(fs.readFileSync(SNIPPET_FILE, 'utf8')) as Record<string, Snippet>;
const bodyOf = (snippet: Snippet): string => (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);

/** Snippets that are one entry of systemd.units, checked inside this config (at `@ENTRY@`). */
const UNIT_ENTRY_HOST = `${machineConfig()}    systemd:
      units:
@ENTRY@
`;

/** The text a snippet gives in a file: a whole document, or a units entry placed in its config. */
function documentOf(name: string, expanded: string): string {
  if (!expanded.startsWith('- name:')) return expanded;
  const entry = expanded.split('\n').map((line) => (line === '' ? '' : `        ${line}`)).join('\n');
  return UNIT_ENTRY_HOST.replace('@ENTRY@', entry);
}

function findings(text: string): string[] {
  const lines = new LineIndex(text);
  return lintText(text, DEFAULT_SETTINGS).problems
    .filter((p) => p.severity !== 'hint')
    .map((p) => `${lines.positionAt(p.start).line + 1}: ${p.severity} ${p.code}: ${p.message}`);
}

describe('snippets', () => {
  it('the snippet file is contributed for yaml', () => {
    const contributed = manifest.contributes.snippets ?? [];
    assert.ok(contributed.some((s) => s.language === 'yaml' && path.resolve(ROOT, s.path) === SNIPPET_FILE), JSON.stringify(contributed));
  });

  it('the library: a route config, several routes, IPv6, a custom pool, a keyfile, an NMState policy', () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    for (const prefix of ['mc-route', 'mc-routes', 'mc-route-ipv6', 'mc-pool-route', 'mc-keyfile-route', 'nncp-route', 'mc-route-unit']) {
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
      if (body.includes('nmcli device modify')) assert.match(body, /\$\{2\|br-ex,ens5\|\}/, `${name}: the interface is a choice`);
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
      const found = findings(text);
      assert.deepEqual(found, [], `${name}:\n${found.join('\n')}\n\n${text}`);
    });
  }

  it('the keyfile snippet decodes to a keyfile NetworkManager reads, with its route', () => {
    const [, snippet] = Object.entries(snippets).find(([, s]) => bodyOf(s).includes('system-connections'))!;
    const text = expandSnippet(bodyOf(snippet)).text;
    const mc = lintText(text, DEFAULT_SETTINGS).parsed.documents[0].machineConfig!;
    const file = mc.files[0];
    assert.equal(file.pathValue, '/etc/NetworkManager/system-connections/ens6.nmconnection');
    assert.equal(file.mode?.value, 384);
    assert.match(file.text!.value, /^\[connection\]\nid=ens6\n/);
    assert.deepEqual(file.keyfile!.routes.map((r) => `${r.destination.value} ${r.gateway?.value} ${r.metric?.value}`), ['192.168.1.0/24 172.18.0.1 100']);
  });
});
