/**
 * Fix-all (safeFixEdits, the edits of the editor's "Fix all" and of `mcroutes lint --fix`):
 * fixes that touch one line both land, insertions at one offset land in a defined order,
 * and a fix that adds a value to a unit directive extends the directive instead of writing
 * a second one (issue 20 item 8).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/analysis/lint';
import { applyEdits, safeFixEdits } from '../../server/src/core/text/edits';
import type { Fix } from '../../server/src/core/text/problem';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/core/text/settings';
import { fixText } from '../../server/src/cli/fix';

const seed = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/seed-route.yaml'), 'utf8');
const INDENT = '             ';
const ON_BR_EX: Settings = { ...DEFAULT_SETTINGS, brExInterface: 'ens5' };

const fixAll = (text: string, settings: Settings = DEFAULT_SETTINGS) => {
  const { edits, applied } = safeFixEdits(lintText(text, settings).problems);
  return { text: applyEdits(text, edits), codes: applied.map((a) => a.problem.code) };
};

const unitOf = (text: string) => text.slice(text.indexOf('[Unit]'), text.indexOf('        enabled:')).split('\n').map((l) => l.trim());

describe('fix-all', () => {
  it('insertions at one offset both land, in the order of the findings, a `last` one after the others', () => {
    const at = (newText: string, last?: boolean): { fixes: Fix[] } => ({ fixes: [{ title: newText, safe: true, edits: [{ start: 9, end: 9, newText, ...(last ? { last } : {}) }] }] });
    const text = 'After=a.b\nx';
    const { edits, fixes } = safeFixEdits([at(' [Install]', true), at(' c.d'), at(' e.f')]);
    assert.equal(fixes, 3);
    assert.equal(applyEdits(text, edits), 'After=a.b c.d e.f [Install]\nx');
    // applyEdits itself keeps the order of its array, as an LSP WorkspaceEdit does.
    assert.equal(applyEdits(text, [{ start: 9, end: 9, newText: '1' }, { start: 9, end: 9, newText: '2' }]), 'After=a.b12\nx');
  });

  it('an overlapping fix is left for the next pass', () => {
    const replace = (start: number, end: number, newText: string): { fixes: Fix[] } => ({ fixes: [{ title: newText, safe: true, edits: [{ start, end, newText }] }] });
    const { edits, fixes } = safeFixEdits([replace(0, 5, 'Wants'), replace(3, 8, 'x')]);
    assert.equal(fixes, 1);
    assert.equal(applyEdits('After=a.b', edits), 'Wants=a.b');
  });

  it('the seed with its NIC under br-ex: ovs-configuration.service joins the After= line, Wants= goes before it, one After= line', () => {
    const { text, codes } = fixAll(seed, ON_BR_EX);
    assert.ok(codes.includes('unit-ovn-ordering') && codes.includes('unit-network-online'), codes.join(' '));
    assert.deepEqual(unitOf(text).slice(0, 4), [
      '[Unit]',
      'Description=nmcli-dev-modify',
      'Wants=network-online.target',
      'After=network-online.target ovs-configuration.service',
    ]);
    assert.equal(text.split('\n').filter((l) => l.trim().startsWith('After=')).length, 1);
    const left: string[] = lintText(text, ON_BR_EX).problems.map((p) => p.code);
    for (const code of ['unit-ovn-ordering', 'unit-network-online', 'unit-oneshot-remain', 'unit-exec-shell']) assert.ok(!left.includes(code), `${code} is fixed`);
  });

  it('a oneshot unit ending in Type= without [Install]: RemainAfterExit= stays in [Service], [Install] comes after it', () => {
    const text = seed.replace(`${INDENT}Type=oneshot\n`, '').replace(`${INDENT}[Install]\n${INDENT}WantedBy=multi-user.target\n`, `${INDENT}Type=oneshot\n`);
    const { text: fixed, codes } = fixAll(text);
    assert.ok(codes.includes('unit-oneshot-remain') && codes.includes('unit-install-missing'), codes.join(' '));
    assert.deepEqual(unitOf(fixed).slice(-6), ['Type=oneshot', 'RemainAfterExit=yes', '', '[Install]', 'WantedBy=multi-user.target', '']);
    // `mcroutes lint --fix` takes the same edits, pass after pass: nothing more to do after the first.
    const cli = fixText(text, DEFAULT_SETTINGS);
    assert.equal(cli.text, fixed);
    assert.ok(!lintText(cli.text, DEFAULT_SETTINGS).problems.some((p) => (['unit-unknown-directive', 'unit-oneshot-remain'] as string[]).includes(p.code)));
  });
});
