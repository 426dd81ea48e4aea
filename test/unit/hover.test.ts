/** hoverAt: the most specific help for each part of a MachineConfig, and nothing for other YAML. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeHover, hoverAt, type HoverResult } from '../../server/src/core/ide/hover';
import { parseText } from '../../server/src/core/analysis/lint';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { offsetOf } from '../support/yamlHelpers';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const seed = read('seed-route.yaml');
const tour = read('hover/everything.yaml');
const best = read('cases/clean-best-practice.yaml');

interface Hovered extends HoverResult {
  /** The text of the hovered element. */
  element: string;
}

/** The hover `plus` characters into the `nth` occurrence of `needle`. */
function hover(text: string, needle: string, plus = 1, nth = 0, settings: Settings = DEFAULT_SETTINGS): Hovered | undefined {
  const found = hoverAt(parseText(text), offsetOf(text, needle, nth) + plus, settings);
  return found && { ...found, element: text.slice(found.start, found.end) };
}

function must(text: string, needle: string, plus = 1, nth = 0, settings?: Settings): Hovered {
  const found = hover(text, needle, plus, nth, settings);
  assert.ok(found, `a hover at ${JSON.stringify(needle)}`);
  return found;
}

describe('hoverAt', () => {
  describe('YAML keys and values', () => {
    it('an envelope key: its title, sentence and what the API does', () => {
      const h = must(seed, 'apiVersion');
      assert.equal(h.element, 'apiVersion');
      assert.match(h.markdown, /^\*\*`apiVersion` — API version\*\*\n\nThe API group and version/);
    });

    it('the role label key: pool selection and the node-by-node rollout', () => {
      const h = must(seed, 'machineconfiguration.openshift.io/role', 5);
      assert.equal(h.element, 'machineconfiguration.openshift.io/role');
      assert.match(h.markdown, /machineConfigSelector/);
      assert.match(h.markdown, /rendered-<pool>-<hash>/);
      assert.match(h.markdown, /cordon, drain, write the files and units, reboot, uncordon/);
    });

    it('the role value: worker pool, or a custom pool with the MachineConfigPool to write', () => {
      const worker = must(seed, 'role: worker', 7);
      assert.equal(worker.element, 'worker');
      assert.match(worker.markdown, /^\*\*Role `worker` — the worker pool\*\*/);
      assert.match(worker.markdown, /`worker` ◀ here/);
      assert.match(worker.markdown, /oc get mcp worker -w/);
      const custom = must(tour, 'role: infra', 7);
      assert.match(custom.markdown, /^\*\*Role `infra` — a custom pool\*\*/);
      assert.match(custom.markdown, /kind: MachineConfigPool[\s\S]*values: \[worker, infra\]/);
    });

    it('an Ignition key, titled from spec.config down', () => {
      const h = must(seed, 'passwd');
      assert.match(h.markdown, /^\*\*`passwd` — users and groups\*\*/);
      assert.match(must(tour, 'overwrite').markdown, /^\*\*`storage.files\[\]\.overwrite` — replace an existing file\*\*/);
    });

    it('ignition.version: accepted by the target release, the release table; too new for an older release', () => {
      const h = must(seed, '3.1.0');
      assert.equal(h.element, '3.1.0');
      assert.match(h.markdown, /✓ Accepted by any supported OpenShift release: `3\.4\.0` suits every release from 4\.13; `3\.5\.0` needs 4\.19 or later/);
      assert.match(h.markdown, /\| 4\.13–4\.18 \| `3\.4\.0` \|/);
      const release = { ...DEFAULT_SETTINGS, openshiftVersion: '4.19' };
      assert.match(must(seed, '3.1.0', 1, 0, release).markdown, /✓ Accepted by OpenShift 4\.19: it takes `3\.5\.0`, `3\.4\.0`/);
      const unset35 = seed.replace('version: 3.1.0', 'version: 3.5.0');
      assert.match(must(unset35, '3.5.0').markdown, /Needs OpenShift 4\.19 or later; older releases reject it\. For any supported OpenShift release: `3\.4\.0` suits every release from 4\.13/);
      const old = must(seed, '3.1.0', 1, 0, { ...DEFAULT_SETTINGS, openshiftVersion: '4.6' });
      assert.match(old.markdown, /✓ Accepted by OpenShift 4\.6: it takes `3\.1\.0`, `3\.0\.0`/);
      assert.match(must(tour, '3.6.0').markdown, /⚠ Too new for any supported OpenShift release/);
      assert.match(must(tour, '3.6.0', 1, 0, release).markdown, /⚠ Too new for OpenShift 4\.19/);
      const number = seed.replace('version: 3.1.0', 'version: 3.1');
      assert.match(must(number, 'version: 3.1', 10).markdown, /read as a number, not a version string: write `3\.1\.0`/);
    });

    it('a file mode: the octal of the YAML 1.1 value, and 644 caught as decimal', () => {
      const keyfiles = read('cases/keyfile-routes.yaml');
      const ok = must(keyfiles, 'mode: 0600', 7);
      assert.match(ok.markdown, /^\*\*File mode `0600` = 384 in decimal\*\*/);
      assert.match(ok.markdown, /`rw-------`/);
      const wrong = must(tour, 'mode: 644', 7);
      assert.match(wrong.markdown, /^\*\*File mode `644` = 01204\*\*/);
      assert.match(wrong.markdown, /sticky bit is set.*You meant `0644` \(= 420\)/);
    });

    it('a value from a table: the row marked, its meaning said', () => {
      const h = must(tour, 'kernelType: realtime', 13);
      assert.equal(h.element, 'realtime');
      assert.match(h.markdown, /\*\*`realtime`\*\* — kernel-rt/);
      assert.match(h.markdown, /`realtime` ◀ here/);
      assert.match(must(seed, 'enabled: true', 10).markdown, /`true` ◀ here/);
    });

    it('a list item: kernel argument, extension', () => {
      assert.match(must(tour, 'nosmt').markdown, /^\*\*`spec.kernelArguments\[\]` — kernel argument\*\*/);
      assert.match(must(tour, 'usbguard').markdown, /^\*\*`spec.extensions\[\]` — extension\*\*/);
    });

    it('unit and dropin names: where the node writes them', () => {
      assert.match(must(seed, 'nmcli-dev-modify.service').markdown, /`\/etc\/systemd\/system\/nmcli-dev-modify\.service`/);
      assert.match(must(tour, '10-timeout.conf').markdown, /`\/etc\/systemd\/system\/static-routes\.service\.d\/10-timeout\.conf`/);
    });

    it('a data URL: the decoded file previewed; an address inside it computed', () => {
      const h = must(tour, 'data:,');
      assert.match(h.markdown, /```\n#!\/bin\/sh\nip route add 10\.99\.0\.0\/16 via 10\.0\.0\.1\n```/);
      const address = must(tour, '10.99.0.0%2F16', 3);
      assert.equal(address.element, '10.99.0.0%2F16');
      assert.match(address.markdown, /^\*\*`10\.99\.0\.0\/16` — IPv4 network\*\*/);
    });

    it('an unknown key gets no hover of its own (its finding explains it)', () => {
      assert.equal(hover(seed, 'networkd'), undefined);
    });
  });

  describe('the embedded unit', () => {
    it('a section header', () => {
      const h = must(seed, '[Service]');
      assert.equal(h.element, '[Service]');
      assert.match(h.markdown, /^\*\*`\[Service\]` — systemd unit section\*\*/);
    });

    it('a directive key, and Exec lines split as systemd splits them', () => {
      const h = must(seed, 'After=');
      assert.equal(h.element, 'After');
      assert.match(h.markdown, /^\*\*`After=` — \[Unit\]\*\*\n\nTakes a space-separated list of unit names\. Ordering only/);
      const post = must(tour, 'ExecStartPost');
      assert.match(post.markdown, /0\. `\/bin\/sh`\n1\. `-c`\n2\. `ip route show > \/var\/log\/routes\.txt`/);
    });

    it('a directive value from its table: Type=oneshot', () => {
      const h = must(seed, 'oneshot');
      assert.equal(h.element, 'oneshot');
      assert.match(h.markdown, /^\*\*`Type=oneshot` — \[Service\]\*\*/);
      assert.match(h.markdown, /\*\*`oneshot`\*\* — started only when ExecStart= has exited successfully/);
      assert.match(h.markdown, /`oneshot` ◀ here/);
      assert.match(must(best, 'RemainAfterExit=yes', 17).markdown, /`yes` ◀ here/);
    });

    it('a unit named in a dependency, with what the directive makes of it', () => {
      const h = must(best, 'network-online.target', 3, 1);
      assert.equal(h.element, 'network-online.target');
      assert.match(h.markdown, /^\*\*`network-online\.target` — systemd target\*\*/);
      assert.match(h.markdown, /In `After=`: this unit starts after network-online\.target has finished starting/);
      assert.match(must(best, 'ovs-configuration.service').markdown, /configure-ovs\.sh/);
      assert.match(must(seed, 'multi-user.target').markdown, /In `WantedBy=`: enabling this unit links it into multi-user\.target\.wants\//);
    });

    it('an address in a directive value', () => {
      const h = must(tour, 'GW=10.0.0.1', 4);
      assert.equal(h.element, '10.0.0.1');
      assert.match(h.markdown, /lies inside the machine network `10\.0\.0\.0\/16`/);
    });

    it('an unknown directive says systemd ignores it', () => {
      assert.match(must(tour, 'ExecStar=').markdown, /systemd does not know `ExecStar=` in \[Unit\]/);
    });
  });

  describe('the nmcli command', () => {
    it('the program', () => {
      const h = must(best, '/usr/bin/nmcli', 5);
      assert.equal(h.element, '/usr/bin/nmcli');
      assert.match(h.markdown, /^\*\*`nmcli` — NetworkManager's command line\*\*/);
      assert.match(must(seed, 'nmcli dev').markdown, /Written without a path/);
    });

    it('the subcommand: runtime device modify against persistent connection modify', () => {
      const dev = must(seed, 'dev modify');
      assert.equal(dev.element, 'dev');
      assert.match(dev.markdown, /^\*\*`device modify` — change the running device \(runtime only\)\*\*/);
      assert.match(dev.markdown, /`device modify` ◀ here/);
      assert.match(dev.markdown, /the routes live on `ens5` until its connection is activated again/);
      const con = must(tour, 'connection modify');
      assert.match(con.markdown, /^\*\*`connection modify` — change the saved profile \(persistent\)\*\*/);
      assert.match(con.markdown, /Here with `--temporary`/);
    });

    it('the device: a NIC on OVN-Kubernetes may be br-ex\'s port (a warning once the setting names it); br-ex itself', () => {
      const nic = must(seed, 'ens5');
      assert.equal(nic.element, 'ens5');
      assert.match(nic.markdown, /if `ens5` is that NIC, the route belongs on `br-ex`; a secondary NIC keeps its own/);
      assert.doesNotMatch(nic.markdown, /⚠/);
      assert.match(must(seed, 'ens5', 1, 0, { ...DEFAULT_SETTINGS, brExInterface: 'ens5' }).markdown, /⚠ `ens5` is the NIC `br-ex` is built on/);
      assert.doesNotMatch(must(seed, 'ens5', 1, 0, { ...DEFAULT_SETTINGS, brExInterface: 'ens3' }).markdown, /br-ex` is built on/);
      assert.doesNotMatch(must(seed, 'ens5', 1, 0, { ...DEFAULT_SETTINGS, networkType: 'OpenShiftSDN' }).markdown, /⚠/);
      assert.match(must(best, 'br-ex').markdown, /Routes without a metric get 48/);
    });

    it('the property: + adds, none replaces all, - removes; with the ip route lines of its routes', () => {
      const add = must(seed, '+ipv4.routes');
      assert.equal(add.element, '+ipv4.routes');
      assert.match(add.markdown, /^\*\*`\+ipv4\.routes` — add IPv4 static routes\*\*/);
      assert.match(add.markdown, /`\+` adds these routes to the IPv4 routes `ens5` already has/);
      assert.match(add.markdown, /`\+` ◀ here/);
      assert.match(add.markdown, /```\n192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens5 proto static metric 100\n```/);
      assert.match(must(tour, 'ipv4.routes "10.128').markdown, /⚠ Without `\+` this list replaces every static IPv4 route of `br-ex`/);
      assert.match(must(tour, '-ipv6.routes').markdown, /`-` removes these routes from `br-ex`/);
    });

    it('options and connection selectors', () => {
      assert.match(must(tour, '--temporary').markdown, /in memory only/);
      assert.match(must(tour, 'id br-ex').markdown, /connection's name/);
    });
  });

  describe('routes', () => {
    it('a destination CIDR: the netmask and the ip route line first, then the numbers, the cluster ranges, the metric', () => {
      const h = must(seed, '192.168.1.0/24', 3);
      assert.equal(h.element, '192.168.1.0/24');
      const lines = h.markdown.split('\n');
      // What the README promises sits in the first lines: a hover box shows about 250 px before it scrolls.
      assert.deepEqual(lines.slice(0, 8), [
        '**Route destination `192.168.1.0/24`**  ',
        '**Netmask:** `255.255.255.0` · 256 addresses, 254 usable',
        '',
        'On the node, `ip route show` should then list:',
        '',
        '```',
        '192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 100',
        '```',
      ]);
      assert.deepEqual(lines.slice(8), [
        '',
        '- **Usable:** `192.168.1.1` – `192.168.1.254` · **Broadcast:** `192.168.1.255`',
        '- **Kind:** private (RFC 1918), outside the cluster, service and machine networks',
        '- **Metric:** 100 — none written, so NetworkManager\'s default for an ethernet device',
      ]);
    });

    it('a destination whose device the ip route line cannot name: a sentence says where the traffic leaves', () => {
      const h = must(tour, '10.50.0.0/16', 3);
      assert.match(h.markdown, /^\*\*Route destination `10\.50\.0\.0\/16`\*\*  \n\*\*Netmask:\*\* `255\.255\.0\.0` · 65,536 addresses, 65,534 usable\n\n/);
      assert.match(h.markdown, /Traffic to `10\.50\.0\.0\/16` leaves through the device of connection `br-ex` via the router `10\.0\.0\.1`\./);
      assert.match(h.markdown, /```\n10\.50\.0\.0\/16 via 10\.0\.0\.1 dev DEVICE proto static src 10\.0\.0\.5 metric 200 onlink\n```/);
      const removed = must(tour, 'fd00:9::/64', 3);
      assert.match(removed.markdown, /This route to `fd00:9::\/64` is removed from `br-ex` \(`-ipv6\.routes`\)\./);
      assert.doesNotMatch(removed.markdown, /should then list/);
    });

    it('a destination inside the cluster network is flagged', () => {
      assert.match(must(tour, '10.128.4.0/24').markdown, /⚠ lies inside the cluster \(pod\) network `10\.128\.0\.0\/14` \(pod traffic would follow this route\)/);
    });

    it('an IPv6 destination: 2^64 addresses, no netmask or broadcast, ip -6 route with pref medium', () => {
      const h = must(best, 'fd00:1::/64');
      assert.equal(h.element, 'fd00:1::/64');
      assert.match(h.markdown, /^\*\*Route destination `fd00:1::\/64`\*\*  \n\*\*Addresses:\*\* 2\^64 = 18,446,744,073,709,551,616\n/);
      assert.match(h.markdown, /\*\*Usable:\*\* `fd00:1::1` – `fd00:1::ffff:ffff:ffff:ffff`\n/);
      assert.doesNotMatch(h.markdown, /Netmask|Broadcast/);
      assert.match(h.markdown, /`ip -6 route show` should then list:\n\n```\nfd00:1::\/64 via fd00::1 dev br-ex proto static metric 48 pref medium\n```/);
    });

    it('a gateway: outside its destination, and where it lies', () => {
      const h = must(seed, '172.18.0.1');
      assert.equal(h.element, '172.18.0.1');
      assert.match(h.markdown, /^\*\*Next hop `172\.18\.0\.1`\*\*/);
      assert.match(h.markdown, /\*\*Route destination:\*\* outside `192\.168\.1\.0\/24`, as it should be/);
      assert.match(h.markdown, /make sure `ens5` has an address in the next hop's subnet/);
      const inside = seed.replace('"192.168.1.0/24 172.18.0.1"', '"192.168.1.0/24 192.168.1.1"');
      assert.match(must(inside, '192.168.1.1"').markdown, /⚠ inside `192\.168\.1\.0\/24`, the network it routes/);
      const machine = seed.replace('"192.168.1.0/24 172.18.0.1"', '"192.168.1.0/24 10.0.0.1"');
      assert.match(must(machine, '10.0.0.1').markdown, /lies inside the machine network `10\.0\.0\.0\/16` — the nodes' own network/);
    });

    it('a metric: what it does, the defaults per device type', () => {
      const h = must(best, ' 200"', 1);
      assert.equal(h.element, '200');
      assert.match(h.markdown, /^\*\*Route metric `200`\*\*/);
      assert.match(h.markdown, /\| `100` \| ethernet/);
      assert.match(h.markdown, /Without this number the route would get 48: the route-metric configure-ovs\.sh gives br-ex/);
    });

    it('an attribute: meaning, type, and this value', () => {
      const table = must(tour, 'table=100');
      assert.equal(table.element, 'table=100');
      assert.match(table.markdown, /^\*\*`table=100` — route attribute\*\*/);
      assert.match(table.markdown, /`ip route show table 100` lists it/);
      assert.match(must(tour, 'onlink=true').markdown, /the kernel's `onlink` flag/);
      assert.match(must(tour, 'src=10.0.0.5', 5).markdown, /lies inside the machine network/);
    });

    it('a keyfile route and its options line', () => {
      const keyfiles = read('cases/keyfile-routes.yaml');
      const destination = must(keyfiles, '192.168.1.0%2F24', 3, 1);
      assert.equal(destination.element, '192.168.1.0%2F24');
      assert.match(destination.markdown, /`ip route show table 100` should then list:\n\n```\n192\.168\.1\.0\/24 via 172\.18\.0\.1 dev ens7 proto static metric 100 mtu 1400\n```/);
      assert.match(must(keyfiles, 'mtu%3D1400').markdown, /^\*\*`mtu=1400` — route attribute\*\*/);
      assert.match(must(keyfiles, '172.16.0.0%3B12').markdown, /⚠ contains the service network `172\.30\.0\.0\/16`/);
    });
  });

  describe('NetworkManager keyfiles', () => {
    const keyfiles = read('cases/keyfile-routes.yaml');
    const good = keyfiles.indexOf('99-worker-good-keyfile');
    const nth = (needle: string) => keyfiles.slice(0, keyfiles.indexOf(needle, good)).split(needle).length - 1;

    it('a group header, a key, a value from the key\'s table', () => {
      const header = must(keyfiles, '%5Bipv4%5D', 4, nth('%5Bipv4%5D'));
      assert.equal(header.element, '%5Bipv4%5D');
      assert.match(header.markdown, /^\*\*`\[ipv4\]` — NetworkManager keyfile group\*\*/);
      const key = must(keyfiles, 'route1%3D', 2, nth('route1%3D'));
      assert.equal(key.element, 'route1');
      assert.match(key.markdown, /^\*\*`route1=` — \[ipv4\]\*\*\n\nA static route: `destination\/prefix,next-hop,metric`/);
      const value = must(keyfiles, 'method%3Dauto', 'method%3D'.length + 1, nth('method%3Dauto'));
      assert.equal(value.element, 'auto');
      assert.match(value.markdown, /^\*\*`method=auto` — \[ipv4\]\*\*/);
      assert.match(value.markdown, /`auto` ◀ here/);
    });
  });

  describe('where there is nothing to say', () => {
    it('YAML that is not a MachineConfig gets nothing, anywhere', () => {
      const other = read('cases/not-machineconfig.yaml');
      const parsed = parseText(other);
      for (let offset = 0; offset <= other.length; offset++) assert.equal(computeHover(parsed, offset, DEFAULT_SETTINGS), undefined, `offset ${offset}`);
    });

    it('a comment gets nothing', () => {
      assert.equal(hover(seed, '# staticroute'), undefined);
    });
  });

  it('at offsets all over every fixture: no failure, and the range holds the offset', function () {
    this.timeout(20000);
    const mine = ['seed-route.yaml', 'hover/everything.yaml'];
    const names = [...mine, ...fs.readdirSync(path.join(FIXTURES, 'cases')).map((n) => `cases/${n}`)];
    for (const name of names) {
      const text = read(name);
      const parsed = parseText(text);
      // Every other offset of the hover fixtures, every 11th elsewhere: thousands of hovers, each well under a millisecond.
      const step = mine.includes(name) ? 2 : 11;
      for (let offset = 0; offset <= text.length; offset += step) {
        const found = computeHover(parsed, offset, DEFAULT_SETTINGS);
        if (found) assert.ok(found.start <= offset && offset <= found.end, `${name} at ${offset}: range ${found.start}-${found.end}`);
      }
    }
  });
});
