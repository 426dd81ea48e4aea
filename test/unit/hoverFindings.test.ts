/**
 * The findings part of a hover (core/ide/hoverFindings.ts): per finding under the cursor,
 * most severe first, its severity, its rule id linked to the documentation, its sentence and
 * its first quick fix — a couple of lines each, never the rule's whole section.
 */
import * as assert from 'node:assert/strict';
import { findingsHover, MAX_FINDINGS_SHOWN, plainText } from '../../server/src/core/ide/hoverFindings';
import { lintText } from '../../server/src/core/analysis/lint';
import type { Problem } from '../../server/src/core/text/problem';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { fixture, SEED } from '../support/seed';
import { offsetOf } from '../support/yamlHelpers';

const link = (id: string) => `command:mcroutes.showRuleDocs?${encodeURIComponent(JSON.stringify([id]))}`;
const noLink = () => undefined;

describe('findingsHover', () => {
  const seedProblems = lintText(SEED, DEFAULT_SETTINGS).problems;

  it('a finding with a fix: severity, linked id and sentence on one line, the fix on the next', () => {
    const at = offsetOf(SEED, 'After=network-online.target') + 3;
    const found = findingsHover(seedProblems, at, link);
    assert.ok(found);
    const problem = seedProblems.find((p) => p.code === 'unit-network-online')!;
    assert.equal(found.first, problem);
    assert.equal(found.markdown, [
      `**Warning** [unit-network-online](${link('unit-network-online')} "Documentation of unit-network-online"): ${plainText(problem.message)}  `,
      `Quick fix: ${problem.fixes![0].title}`,
    ].join('\n'));
  });

  it('a finding without a fix: one line; without a link, the id as code', () => {
    const at = offsetOf(SEED, '192.168.1.0/24') + 3;
    const problem = seedProblems.find((p) => p.code === 'route-ovn-egress')!;
    assert.equal(findingsHover(seedProblems, at, noLink)?.markdown, `**Hint** \`route-ovn-egress\`: ${plainText(problem.message)}`);
  });

  it('several findings at one place: errors first, one paragraph each, and none of the rule documentation', () => {
    const text = fixture('cases/nmstate-routes.yaml');
    const problems = lintText(text, DEFAULT_SETTINGS).problems;
    const at = offsetOf(text, '- destination: 10.128.0.5/24') + '- destination: '.length + 3;
    const found = findingsHover(problems, at, link);
    assert.ok(found);
    const paragraphs = found.markdown.split('\n\n');
    assert.deepEqual(paragraphs.map((p) => /^\*\*(\w+)\*\* \[([a-z0-9-]+)\]/.exec(p)?.slice(1).join(' ')),
      ['Error route-overlaps-cluster', 'Warning route-host-bits', 'Hint route-ovn-egress']);
    assert.equal(found.first.code, 'route-overlaps-cluster');
    assert.match(paragraphs[1], /  \nQuick fix: Change to 10\.128\.0\.0\/24$/);
    assert.doesNotMatch(found.markdown, /\*\*Why|\*\*Fix:|```/);
  });

  it('nothing under the cursor: nothing', () => {
    assert.equal(findingsHover(seedProblems, offsetOf(SEED, 'passwd') + 1, link), undefined);
  });

  it(`more than ${MAX_FINDINGS_SHOWN} findings at one place: the first ${MAX_FINDINGS_SHOWN} by severity, the rest counted`, () => {
    const at = (code: Problem['code'], severity: Problem['severity'], message: string): Problem => ({ code, severity, message, start: 10, end: 20 });
    const problems = [
      at('route-metric', 'hint', 'h1.'), at('route-cidr', 'error', 'e1.'), at('route-gateway', 'info', 'i1.'),
      at('route-attribute', 'warning', 'w1.'), at('route-family', 'error', 'e2.'), at('route-default', 'hint', 'h2.'),
      // The same sentence of the same rule twice (two readers of one route): shown once.
      at('route-family', 'error', 'e2.'),
    ];
    const found = findingsHover(problems, 15, noLink)!;
    assert.deepEqual(found.markdown.split('\n\n'), [
      '**Error** `route-cidr`: e1.', '**Error** `route-family`: e2.', '**Warning** `route-attribute`: w1.', '**Info** `route-gateway`: i1.',
      '… and 2 more findings here: see the Problems panel.',
    ]);
  });

  it('a sentence shows as written: Markdown characters escaped outside code spans, lines joined', () => {
    assert.equal(plainText('a *b* _c_ [d](e) <f> `g_h*` \\\nnext'), 'a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> `g_h*` \\\\ next');
  });
});
