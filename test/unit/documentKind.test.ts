/**
 * The seam between document kinds and the route rules (DESIGN "The walk of a document"): a
 * kind of its own, known only to this test, hands its routes to the unchanged rules and gets
 * their findings at the characters it points at. Its reader reports its own syntax problem.
 */
import * as assert from 'node:assert/strict';
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { lintText } from '../../server/src/core/analysis/lint';
import { RULES } from '../../server/src/core/analysis/rules';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { DOCUMENT_KINDS } from '../../server/src/core/analysis/kinds';
import type { DocumentKind } from '../../server/src/core/kinds/documentKind';
import type { Route, RouteGroup } from '../../server/src/core/routes/route';
import type { Family } from '../../server/src/core/net/address';
import type { Problem } from '../../server/src/core/text/problem';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { scalarAt, seqAt, stringValue, type YamlDocument } from '../../server/src/core/text/yamlDocuments';
import { embeddedTextOfScalar } from '../../server/src/core/text/yamlScalar';

/** An invented shape: `kind: RouteList`, `family: 4|6`, `routes: [{to, via, metric, table}]`. */
interface RouteList {
  routes: Route[];
}

const routeListKind: DocumentKind<RouteList> = {
  id: 'route-list',
  recognise: (root) => isMap(root) && stringValue(scalarAt(root, 'kind')) === 'RouteList',
  build(document: YamlDocument, text: string): RouteList {
    const root = document.contents as YAMLMap;
    const family: Family = stringValue(scalarAt(root, 'family')) === '6' || scalarAt(root, 'family')?.value === 6 ? 6 : 4;
    const group: RouteGroup = { where: 'this route list' };
    const routes: Route[] = [];
    for (const item of seqAt(root, 'routes')?.items ?? []) {
      if (!isMap(item)) continue;
      const part = (key: string) => {
        const scalar = scalarAt(item, key);
        return scalar && isScalar(scalar) ? embeddedTextOfScalar(scalar, text) : undefined;
      };
      const to = part('to');
      if (!to) continue;
      const route: Route = {
        propertyFamily: family,
        propertyName: `ipv${family} routes`,
        listNames: { 4: 'an IPv4 route list', 6: 'an IPv6 route list' },
        text: to,
        destination: to,
        gateway: part('via'),
        metric: part('metric'),
        table: part('table'),
        attributes: [],
        unexpected: [],
        removal: false,
        group,
        unreadable: { severity: 'error', attribute: 'the list is refused', route: 'the list is refused' },
        syntax: [],
      };
      // This reader's own syntax: a route names no device.
      const dev = item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'dev');
      if (dev && isScalar(dev.key) && dev.key.range) {
        route.syntax.push({
          rule: 'route-attribute',
          severity: 'error',
          message: 'A route list names no device.',
          range: { start: dev.key.range[0], end: dev.key.range[1] },
        });
      }
      routes.push(route);
    }
    return { routes };
  },
  routes: (model) => model.routes,
};

const KINDS = [...DOCUMENT_KINDS, routeListKind];

const TEXT = [
  'kind: RouteList',
  'family: 4',
  'routes:',
  '  - to: 10.0.0.5/8',
  '    via: 192.168.0.1',
  '  - to: "10.1.0.0/33"',
  '  - to: 2001:db8::/32',
  '  - to: 10.2.0.0/16',
  '    via: fe80::1',
  '    dev: eth0',
  '',
].join('\n');

function shown(text: string, problems: Problem[]): string[] {
  return problems.map((p) => `${p.code} ${p.start}-${p.end} ${JSON.stringify(text.slice(p.start, p.end))}`);
}

describe('document kinds: a kind of its own gets the route rules', function () {
  it('route-cidr, route-host-bits, route-family, route-ovn-egress and the reader\'s syntax problem, at the characters written', function () {
    const { problems } = lintText(TEXT, DEFAULT_SETTINGS, RULES, undefined, { kinds: KINDS });
    const at = (s: string) => TEXT.indexOf(s);
    assert.deepEqual(shown(TEXT, problems), [
      `route-host-bits ${at('10.0.0.5/8')}-${at('10.0.0.5/8') + 10} "10.0.0.5/8"`,
      `route-ovn-egress ${at('10.0.0.5/8')}-${at('10.0.0.5/8') + 10} "10.0.0.5/8"`,
      `route-cidr ${at('33')}-${at('33') + 2} "33"`,
      `route-family ${at('2001:db8::/32')}-${at('2001:db8::/32') + 13} "2001:db8::/32"`,
      `route-family ${at('fe80::1')}-${at('fe80::1') + 7} "fe80::1"`,
      `route-attribute ${at('dev')}-${at('dev') + 3} "dev"`,
    ]);
    const byCode = new Map(problems.map((p) => [p.code, p]));
    assert.equal(byCode.get('route-host-bits')?.message, '10.0.0.5/8 has host bits set: the network of this route is 10.0.0.0/8.');
    assert.equal(byCode.get('route-cidr')?.severity, 'error');
    assert.equal(problems[3].message, '2001:db8::/32 is an IPv6 destination in an IPv4 route list; IPv6 routes belong in an IPv6 route list.');
    assert.equal(problems[5].message, 'A route list names no device.');
    // The fix of route-host-bits edits only the destination.
    assert.deepEqual(byCode.get('route-host-bits')?.fixes?.[0].edits, [{ start: at('10.0.0.5/8'), end: at('10.0.0.5/8') + 10, newText: '10.0.0.0/8' }]);
  });

  it('the incremental linter reads the same kinds, after an edit too', function () {
    const linter = new IncrementalLinter(RULES, KINDS);
    const first = linter.lint(TEXT, DEFAULT_SETTINGS);
    assert.equal(first.problems.length, 6);
    const edited = `# a comment\n${TEXT}`;
    const second = linter.lint(edited, DEFAULT_SETTINGS);
    assert.deepEqual(shown(edited, second.problems).map((s) => s.split(' ').slice(2).join(' ')), ['"10.0.0.5/8"', '"10.0.0.5/8"', '"33"', '"2001:db8::/32"', '"fe80::1"', '"dev"']);
  });

  it('a moved document keeps its findings, and its model is rebuilt at the new offsets when read', function () {
    const linter = new IncrementalLinter(RULES, KINDS);
    linter.lint(`kind: Other\n---\n${TEXT}`, DEFAULT_SETTINGS);
    const edited = `kind: Another\n---\n${TEXT}`;
    const result = linter.lint(edited, DEFAULT_SETTINGS);
    assert.equal(result.problems.find((p) => p.code === 'route-cidr')?.start, edited.indexOf('33'));
    const model = result.parsed.documents[1].model as RouteList;
    const range = model.routes[0].destination.rangeOf();
    assert.equal(edited.slice(range.start, range.end), '10.0.0.5/8');
  });

  it('without the kind, the document is not ours: silence', function () {
    const { problems } = lintText(TEXT, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });
});
