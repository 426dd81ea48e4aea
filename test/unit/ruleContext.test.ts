/** The rules of a document share one context (lint.ts checkDocument): what each sees and under whose id its findings go. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalLinter } from '../../server/src/core/analysis/incremental';
import { lintText } from '../../server/src/core/analysis/lint';
import type { Rule, RuleContext } from '../../server/src/core/analysis/rules/rule';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';

const seed = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/seed-route.yaml'), 'utf8');

describe('the context the rules of a document share', () => {
  it('files each finding under the rule that reports it', () => {
    const reporting = (id: Rule['id'], at: number): Rule => ({
      id,
      check({ report }) {
        report({ severity: 'warning', message: `from ${id}`, range: { start: at, end: at + 1 } });
      },
    });
    const { problems } = lintText(seed, DEFAULT_SETTINGS, [reporting('unit-name', 3), reporting('route-cidr', 1), reporting('mc-name', 2)]);
    assert.deepEqual(problems.map((p) => [p.code, p.message]), [['route-cidr', 'from route-cidr'], ['mc-name', 'from mc-name'], ['unit-name', 'from unit-name']]);
  });

  it('a rule that changes the context fails alone, and the next rule sees the context as it was', () => {
    const seen: RuleContext[] = [];
    const vandal: Rule = {
      id: 'unit-name',
      check(context) {
        seen.push(context);
        (context as { routes: unknown }).routes = [];
      },
    };
    let routes = -1;
    const reader: Rule = {
      id: 'route-cidr',
      check(context) {
        seen.push(context);
        routes = context.routes.length;
      },
    };
    const result = lintText(seed, DEFAULT_SETTINGS, [vandal, reader]);
    assert.deepEqual(result.failures.map((f) => f.rule), ['unit-name']);
    assert.ok(routes > 0, 'the seed has routes');
    assert.equal(seen[0], seen[1], 'one context per document');
  });

  it('what rules read from a model once per document follows an edit (the nmcli commands, a route\'s addresses)', () => {
    const linter = new IncrementalLinter();
    const codes = (text: string) => linter.lint(text, DEFAULT_SETTINGS).problems.map((p) => `${p.code} ${text.slice(p.start, p.end)}`);
    const tooLong = seed.replace('modify ens5 ', 'modify ens5-with-a-long-name ');
    assert.ok(codes(tooLong).includes('iface-name ens5-with-a-long-name'));
    assert.ok(!codes(seed).some((c) => c.startsWith('iface-name')));
    const hostBits = seed.replace('192.168.1.0/24 172.18.0.1', '192.168.1.7/24 172.18.0.1');
    assert.ok(codes(hostBits).includes('route-host-bits 192.168.1.7/24'));
    assert.ok(!codes(seed).some((c) => c.startsWith('route-host-bits')));
  });
});
