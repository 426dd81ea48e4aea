import type { Node, Pair, Scalar } from 'yaml';
import { fileSource, nodeRange, type StateSource } from '../../../formats/nmstateState';
import { nmstateKind } from '../../../kinds/nmstate/kind';
import type { NmstateModel } from '../../../kinds/nmstate/model';
import { NMSTATECONFIG, POLICY, STATE, type NmKey, type NmPath } from '../../../kinds/nmstate/schema';
import { pathText, walkSchema } from '../../../kinds/nmstate/schemaWalk';
import { closestWord } from '../../../text/suggest';
import type { Finding, Rule } from '../rule';

/**
 * Keys nmstate does not know. Most of nmstate's structs deny unknown fields, so the whole
 * state is refused; an unknown key of an interface is kept and then fails verification
 * (the apply is rolled back). Mappings nmstate leaves open (802.1x, dispatch, free-form
 * maps) are never looked into. In a policy's or NMStateConfig's `spec`, `oc apply` refuses
 * an unknown field or the API server drops it.
 */

/** What people write for a key nmstate spells otherwise, by the path of the mapping (`[]` for list items). */
const MEANT: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'routes.config[]': {
    gateway: 'next-hop-address', 'next-hop': 'next-hop-address', nexthop: 'next-hop-address', via: 'next-hop-address',
    'next-hop-ip': 'next-hop-address', 'next-hop-addr': 'next-hop-address', next_hop_address: 'next-hop-address',
    interface: 'next-hop-interface', dev: 'next-hop-interface', device: 'next-hop-interface', 'next-hop-iface': 'next-hop-interface',
    next_hop_interface: 'next-hop-interface', table: 'table-id', 'route-table': 'table-id', dst: 'destination', to: 'destination',
    network: 'destination', src: 'source',
  },
  'route-rules.config[]': {
    table: 'route-table', 'table-id': 'route-table', from: 'ip-from', to: 'ip-to', src: 'ip-from', dst: 'ip-to',
  },
  'interfaces[].ipv4.address[]': { netmask: 'prefix-length', prefix: 'prefix-length', prefixlen: 'prefix-length', address: 'ip' },
  'interfaces[].ipv6.address[]': { netmask: 'prefix-length', prefix: 'prefix-length', prefixlen: 'prefix-length', address: 'ip' },
  'interfaces[].ipv4': { addresses: 'address' },
  'interfaces[].ipv6': { addresses: 'address' },
  'interfaces[]': { bond: 'link-aggregation' },
  // nmstate 1.x read a bond's ports from `slaves`; nmstate 2 (every supported OpenShift) only
  // from `port` (or `ports`), and old guides still show `slaves`.
  'interfaces[].link-aggregation': { slaves: 'port' },
};

/** Keys that have no place where they are written, and what to do instead. */
const INSTEAD: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'routes.config[]': {
    options: 'set attributes such as quickack through NetworkManager',
    'prefix-length': 'write the prefix into destination, e.g. 198.51.100.0/24',
  },
  'interfaces[].ipv4': {
    autoconf: 'use it only in ipv6',
    gateway: 'add a default route to routes.config instead',
    routes: 'move them to the top-level routes.config',
  },
  'interfaces[].ipv6': {
    gateway: 'add a default route to routes.config instead',
    routes: 'move them to the top-level routes.config',
  },
  'interfaces[]': { routes: 'move them to routes.config, with next-hop-interface' },
};

export const nmstateUnknownKey: Rule = {
  id: 'nmstate-unknown-key',
  check(context) {
    const { report, states } = context;
    for (const { state } of states) {
      walkSchema(state.map, STATE, [], {
        unknown: (pair, known, path) => report(unknownKey(pair, known, path, state.source, 'state')),
      });
    }
    if (context.kind !== nmstateKind) return;
    const model = context.model as NmstateModel;
    if (!model.spec || model.form === 'state') return;
    const envelope = model.form === 'policy' ? POLICY : NMSTATECONFIG;
    const source = fileSource(context.text);
    const spec = envelope.keys!.spec;
    // The state under the spec is walked above, as a state.
    const stopAt = new Set<NmKey>([spec.keys!.desiredState ?? spec.keys!.config].filter(Boolean));
    walkSchema(model.spec, spec, ['spec'], {
      unknown: (pair, known, path) => report(unknownKey(pair, known, path, source, model.form === 'policy' ? 'policy' : 'nmstateconfig')),
    }, { stopAt });
  },
};

function unknownKey(pair: Pair<Scalar, Node | null>, known: Readonly<Record<string, NmKey>>, path: NmPath,
  source: StateSource, where: 'state' | 'policy' | 'nmstateconfig'): Finding {
  const key = String(pair.key.value);
  const at = pathText(path);
  const range = nodeRange(source, pair.key);
  const instead = INSTEAD[at]?.[key];
  const suggestion = instead ? undefined : MEANT[at]?.[key] ?? closestWord(key, Object.keys(known));
  const data = { key, path: at, ...(suggestion ? { suggestion } : {}) };
  if (where !== 'state') {
    const what = where === 'policy' ? 'a policy' : 'an NMStateConfig';
    return {
      severity: 'error',
      message: `${at}.${key} is not ${what} field and never reaches a node: ${suggestion ? `did you mean ${suggestion}?` : 'remove or rename it.'}`,
      range,
      data,
    };
  }
  const place = at === '' ? 'at the top' : `in ${at}`;
  if (instead) return { severity: 'error', message: `${key} is not an nmstate key ${place}: ${instead}.`, range, data };
  // An interface keeps keys it does not know, and then fails verification: the apply is rolled back.
  const outcome = at === 'interfaces[]' ? 'nmstate fails to verify' : 'nmstate rejects';
  const advice = suggestion ? `did you mean ${suggestion}?` : 'remove it.';
  return { severity: 'error', message: `${outcome} the unknown key ${key} ${place}: ${advice}`, range, data };
}
