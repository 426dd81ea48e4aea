/**
 * Hover over the protocol: the help for the element under the cursor (core hoverAt) first,
 * with the element as the range, then, after a separator, a few lines per finding there
 * (severity, rule id linked to its documentation, sentence, quick fix). One test per kind of
 * element. This session says nothing of a command: rule ids link to the docs/rules.md beside
 * dist/server.js (ruleLinks.test.ts has the other forms).
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { positionAt, sessionPerSuite } from '../support/lspClient';
import { fixture, SEED, showsSeedFindings } from '../support/seed';

const TOUR = fixture('hover/everything.yaml');
const BEST = fixture('cases/clean-best-practice.yaml');
const OTHER = fixture('cases/not-machineconfig.yaml');
const DOCS: Record<string, string> = {
  'file:///hover/seed.yaml': SEED,
  'file:///hover/tour.yaml': TOUR,
  'file:///hover/best.yaml': BEST,
  'file:///hover/other.yaml': OTHER,
};

const SEPARATOR = '\n\n---\n\n';
/** `[rule-id](file:///…/docs/rules.md#rule-id "…")`: the link of a rule id to the docs beside the server. */
const FILE_LINK = /\[([a-z0-9-]+)\]\((file:\/\/\/[^#)\s]+\/docs\/rules\.md)#([a-z0-9-]+) "Documentation of [a-z0-9-]+"\)/;

interface MarkdownHover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

describe('hover', function () {
  this.timeout(20000);
  const server = sessionPerSuite({ initializationOptions: { debounceMs: 0 } });

  before(async () => {
    for (const [uri, text] of Object.entries(DOCS)) server().didOpen(uri, text);
    await server().waitForDiagnostics('file:///hover/seed.yaml', showsSeedFindings, { what: 'the seed\'s known findings' });
  });

  /** The hover `plus` characters into the `nth` occurrence of `needle` in the document `uri`. */
  async function hoverAt(uri: string, needle: string, plus = 1, nth = 0): Promise<MarkdownHover | null> {
    const text = DOCS[uri];
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} in ${uri}`);
    return server().request('textDocument/hover', { textDocument: { uri }, position: positionAt(text, at + plus) });
  }

  /**
   * A hover that must exist; returns the element's help (before the findings, if any), the
   * whole Markdown and the text its range covers.
   */
  async function must(uri: string, needle: string, plus = 1, nth = 0): Promise<{ value: string; whole: string; element: string }> {
    const hover = await hoverAt(uri, needle, plus, nth);
    assert.ok(hover, `a hover at ${needle}`);
    assert.equal(hover.contents.kind, 'markdown');
    const text = DOCS[uri];
    const offset = (p: { line: number; character: number }) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    const parts = hover.contents.value.split(SEPARATOR);
    return { value: parts[0], whole: hover.contents.value, element: text.slice(offset(hover.range.start), offset(hover.range.end)) };
  }

  const seed = 'file:///hover/seed.yaml';
  const tour = 'file:///hover/tour.yaml';
  const best = 'file:///hover/best.yaml';

  describe('findings and element help together', () => {
    it('on the seed\'s route destination: netmask and ip route line first, the finding after a separator, short', async () => {
      const { whole, element } = await must(seed, '192.168.1.0/24', 5);
      assert.equal(element, '192.168.1.0/24');
      const [help, findings, ...rest] = whole.split(SEPARATOR);
      assert.deepEqual(rest, []);
      const lines = help.split('\n');
      assert.equal(lines[0], '**Route destination `192.168.1.0/24`**  ');
      assert.match(lines[1], /^\*\*Netmask:\*\* `255\.255\.255\.0`/);
      assert.equal(lines.indexOf('192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 100'), 6);
      // About 250 px of hover box: a dozen short lines of help.
      assert.ok(lines.length <= 13, `the destination's help has ${lines.length} lines:\n${help}`);
      // The seed's hint, and the same route in best.yaml of this session (route-duplicate): a line each, most severe first.
      assert.deepEqual(findings.split('\n\n').map((f) => /^\*\*(\w+)\*\* \[([a-z0-9-]+)\]/.exec(f)?.slice(1).join(' ')), ['Info route-duplicate', 'Hint route-ovn-egress']);
      assert.ok(findings.split('\n').length <= 10, findings);
    });

    it('on networkd: no element help (Ignition knows no such key), only the finding: sentence, quick fix, link; its range the key', async () => {
      const at = SEED.indexOf('networkd');
      const hover = await hoverAt(seed, 'networkd', 3);
      assert.ok(hover);
      const [first, fix, ...more] = hover.contents.value.split('\n');
      assert.match(first, /^\*\*Warning\*\* \[ign-unknown-key\]\(file:\/\/\/[^)]*#ign-unknown-key "Documentation of ign-unknown-key"\): \S.*  $/);
      assert.equal(fix, 'Quick fix: Remove networkd');
      assert.deepEqual(more, []);
      assert.doesNotMatch(hover.contents.value, /\*\*Why:\*\*|\*\*Fix:\*\*/);
      assert.deepEqual(hover.range, { start: positionAt(SEED, at), end: positionAt(SEED, at + 8) });
    });

    it('the documentation link: docs/rules.md beside dist/server.js, there on disk, the rule id as fragment', async () => {
      const hover = await hoverAt(seed, 'networkd', 3);
      const link = FILE_LINK.exec(hover!.contents.value);
      assert.ok(link, hover!.contents.value);
      assert.equal(link[1], 'ign-unknown-key');
      assert.equal(link[3], 'ign-unknown-key');
      assert.ok(existsSync(fileURLToPath(link[2])), `${link[2]} exists`);
    });

    it('on ens5: the device help, a separator, then the finding; the range is the device', async () => {
      const { whole, element } = await must(seed, 'ens5');
      assert.equal(element, 'ens5');
      const [help, finding] = whole.split(SEPARATOR);
      assert.match(help, /^\*\*`ens5` — device name\*\*/);
      assert.match(finding, /^\*\*Info\*\* \[nmcli-ovn-port\]\([^)]*\): \S.*  \nQuick fix: Route on br-ex instead$/);
    });

    it('where nothing is found: only the element help', async () => {
      const { whole, element } = await must(seed, 'passwd');
      assert.equal(element, 'passwd');
      assert.match(whole, /^\*\*`passwd` — users and groups\*\*/);
      assert.ok(!whole.includes(SEPARATOR));
    });
  });

  describe('YAML keys and values', () => {
    it('an envelope key', async () => {
      const { value, element } = await must(seed, 'apiVersion');
      assert.equal(element, 'apiVersion');
      assert.match(value, /^\*\*`apiVersion` — API version\*\*\n\nThe API group and version of the object\./);
    });

    it('the role label: which pool selects it, and the node-by-node rollout', async () => {
      const key = await must(seed, 'machineconfiguration.openshift.io/role', 3);
      assert.equal(key.element, 'machineconfiguration.openshift.io/role');
      assert.match(key.value, /machineConfigSelector/);
      assert.match(key.value, /cordon, drain, write the files and units, reboot, uncordon/);
      const role = await must(seed, 'role: worker', 7);
      assert.equal(role.element, 'worker');
      assert.match(role.value, /^\*\*Role `worker` — the worker pool\*\*/);
    });

    it('an Ignition key', async () => {
      const { value, element } = await must(tour, 'overwrite');
      assert.equal(element, 'overwrite');
      assert.match(value, /^\*\*`storage.files\[\]\.overwrite` — replace an existing file\*\*/);
    });

    it('ignition.version: the versions the target release accepts (any supported release by default: 3.4.0, not 3.5.0)', async () => {
      const { value, element } = await must(seed, '3.1.0');
      assert.equal(element, '3.1.0');
      assert.match(value, /✓ Accepted by any supported OpenShift release: `3\.4\.0` suits every release from 4\.13; `3\.5\.0` needs 4\.19 or later/);
      assert.match(value, /\| OpenShift \| Newest Ignition spec \|/);
    });
  });

  describe('the embedded unit', () => {
    it('a section', async () => {
      const { value, element } = await must(seed, '[Service]', 2);
      assert.equal(element, '[Service]');
      assert.match(value, /^\*\*`\[Service\]` — systemd unit section\*\*/);
    });

    it('a directive key', async () => {
      const { value, element } = await must(best, 'Wants=');
      assert.equal(element, 'Wants');
      assert.match(value, /^\*\*`Wants=` — \[Unit\]\*\*/);
      assert.match(value, /Wants=network-online\.target` together with `After=network-online\.target/);
    });

    it('a directive value: Type=oneshot', async () => {
      const { value, element } = await must(seed, 'oneshot', 2);
      assert.equal(element, 'oneshot');
      assert.match(value, /^\*\*`Type=oneshot` — \[Service\]\*\*/);
      assert.match(value, /`oneshot` ◀ here \| started only when ExecStart= has exited successfully/);
    });
  });

  describe('the nmcli command', () => {
    it('the subcommand: device modify is runtime, connection modify persistent', async () => {
      const { value, element } = await must(seed, 'dev modify');
      assert.equal(element, 'dev');
      assert.match(value, /\*\*`device modify` — change the running device \(runtime only\)\*\*/);
      assert.match(value, /`connection modify` \| persistent/);
    });

    it('the property +ipv4.routes: + adds, with the ip route line', async () => {
      const { value, element } = await must(seed, '+ipv4.routes', 2);
      assert.equal(element, '+ipv4.routes');
      assert.match(value, /`\+` adds these routes to the IPv4 routes `ens5` already has/);
      assert.match(value, /192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens5 proto static metric 100/);
    });
  });

  describe('routes', () => {
    it('a destination CIDR: netmask, 256 addresses, usable range, broadcast, the ip route line', async () => {
      const { value, element } = await must(seed, '192.168.1.0/24', 5);
      assert.equal(element, '192.168.1.0/24');
      assert.match(value, /\*\*Netmask:\*\* `255\.255\.255\.0` · 256 addresses, 254 usable/);
      assert.match(value, /\*\*Usable:\*\* `192\.168\.1\.1` – `192\.168\.1\.254` · \*\*Broadcast:\*\* `192\.168\.1\.255`/);
      assert.match(value, /```\n192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens5 proto static metric 100\n```/);
    });

    it('a gateway: outside its destination', async () => {
      const { value, element } = await must(seed, '172.18.0.1', 4);
      assert.equal(element, '172.18.0.1');
      assert.match(value, /^\*\*Next hop `172\.18\.0\.1`\*\*/);
      assert.match(value, /outside `192\.168\.1\.0\/24`, as it should be/);
    });

    it('a metric', async () => {
      const { value, element } = await must(best, ' 200"', 2);
      assert.equal(element, '200');
      assert.match(value, /^\*\*Route metric `200`\*\*/);
      assert.match(value, /the lowest metric wins/);
    });

    it('an attribute', async () => {
      const { value, element } = await must(tour, 'table=100', 2);
      assert.equal(element, 'table=100');
      assert.match(value, /^\*\*`table=100` — route attribute\*\*/);
      assert.match(value, /`ip route show table 100` lists it/);
    });

    it('an IPv6 CIDR: 2^64 addresses, ip -6 route', async () => {
      const { value, element } = await must(best, 'fd00:1::/64', 4);
      assert.equal(element, 'fd00:1::/64');
      assert.match(value, /\*\*Addresses:\*\* 2\^64 = 18,446,744,073,709,551,616/);
      assert.match(value, /fd00:1::\/64 via fd00::1 dev br-ex proto static metric 48 pref medium/);
    });
  });

  it('YAML that is not a MachineConfig: no hover anywhere', async () => {
    for (const needle of ['apiVersion', 'MachineConfigPool', 'infra', 'machineconfiguration.openshift.io/role', 'worker', 'bogus']) {
      assert.equal(await hoverAt('file:///hover/other.yaml', needle), null, needle);
    }
  });
});

describe('hover for a client that shows the diagnostics in its own hover (findingsInHover: false, as VS Code)', function () {
  this.timeout(20000);
  const server = sessionPerSuite({ initializationOptions: { debounceMs: 0, findingsInHover: false } });
  const uri = 'file:///hover/seed-vscode.yaml';

  before(async () => {
    server().didOpen(uri, SEED);
    await server().waitForDiagnostics(uri, showsSeedFindings, { what: 'the seed\'s known findings' });
  });

  it('on ens5: the device help alone, the finding not said a second time', async () => {
    const hover = await server().request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(SEED, SEED.indexOf('ens5') + 1) });
    assert.ok(hover);
    assert.match(hover.contents.value, /^\*\*`ens5` — device name\*\*/);
    assert.doesNotMatch(hover.contents.value, /\*\*Info\*\*|\n---\n/);
  });

  it('on networkd, which has a finding and no element help: no hover of ours (the client shows the finding)', async () => {
    const hover = await server().request('textDocument/hover', { textDocument: { uri }, position: positionAt(SEED, SEED.indexOf('networkd') + 3) });
    assert.equal(hover, null);
  });
});
