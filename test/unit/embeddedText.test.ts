import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { parseYamlDocuments } from '../../server/src/core/text/yamlDocuments';
import { embeddedTextOfScalar } from '../../server/src/core/text/yamlScalar';
import { offsetOf, scalarAt } from '../support/yamlHelpers';

const fixtures = path.resolve(__dirname, '../../../test/fixtures');

/** Asserts that `needle` in the value maps to exactly `source` at its n-th place in the file. */
function assertMaps(text: string, keyPath: (string | number)[], needle: string, source = needle, nth = 0): void {
  const node = scalarAt(text, keyPath);
  const embedded = embeddedTextOfScalar(node, text);
  assert.equal(embedded.value, node.source ?? String(node.value), 'traced value equals the yaml library value');
  assert.ok(embedded.exact, 'mapping is exact');
  const at = embedded.value.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} in value ${JSON.stringify(embedded.value)}`);
  const range = embedded.rangeOf(at, at + needle.length);
  const expectedStart = offsetOf(text, source, nth);
  assert.deepEqual(range, { start: expectedStart, end: expectedStart + source.length });
  assert.equal(text.slice(range.start, range.end), source);
}

describe('embedded text of scalars', () => {
  it('maps the seed unit lines, indented 13 spaces, to the file', () => {
    const text = fs.readFileSync(path.join(fixtures, 'seed-route.yaml'), 'utf8');
    const unitPath = ['spec', 'config', 'systemd', 'units', 0, 'contents'];
    assertMaps(text, unitPath, '192.168.1.0/24');
    assertMaps(text, unitPath, 'After=network-online.target');
    assertMaps(text, unitPath, '[Unit]');
    const embedded = embeddedTextOfScalar(scalarAt(text, unitPath), text);
    const destination = embedded.rangeOf(embedded.value.indexOf('192.168.1.0/24'));
    const before = text.slice(0, destination.start).split('\n');
    assert.equal(before.length, 29, 'line 29 (1-based)');
    assert.equal(before[before.length - 1].length + 1, 60, 'column 60 (1-based)');
  });

  it('literal block with an indentation indicator keeps the extra indentation', () => {
    const text = 'a:\n  b: |2\n      indented\n    flush\n';
    assertMaps(text, ['a', 'b'], '  indented', '  indented');
    assertMaps(text, ['a', 'b'], 'flush');
  });

  it('an indentation indicator counts from the right place in a parse whose source tokens are let go', () => {
    const text = 'a:\n  - b: |2\n        indented\n      flush\n';
    const [document] = parseYamlDocuments(text);
    const item = (document.get('a') as YAMLSeq).items[0] as YAMLMap;
    const node = item.get('b', true) as Scalar;
    assert.equal(node.srcToken, undefined, 'no source tokens kept');
    const embedded = embeddedTextOfScalar(node, text);
    assert.equal(embedded.value, '  indented\nflush\n');
    assert.ok(embedded.exact);
    const at = embedded.value.indexOf('flush');
    assert.equal(text.slice(embedded.rangeOf(at, at + 5).start, embedded.rangeOf(at, at + 5).end), 'flush');
  });

  it('literal block with strip and keep chomping', () => {
    assertMaps('k: |-\n  one\n  two\n\n', ['k'], 'two');
    const keep = 'k: |+\n  one\n\n\nnext: 1\n';
    const node = scalarAt(keep, ['k']);
    const embedded = embeddedTextOfScalar(node, keep);
    assert.equal(embedded.value, 'one\n\n\n');
    assert.ok(embedded.exact);
    assertMaps(keep, ['k'], 'one');
  });

  it('folded block: lines fold into spaces, blank lines into breaks', () => {
    const text = 'k: >\n  first line\n  second line\n\n  third\n    more indented\n  last\n';
    const embedded = embeddedTextOfScalar(scalarAt(text, ['k']), text);
    assert.equal(embedded.value, 'first line second line\nthird\n  more indented\nlast\n');
    assertMaps(text, ['k'], 'second line');
    assertMaps(text, ['k'], 'more indented');
    // The folding space stands for the line break it replaced.
    const space = embedded.value.indexOf(' second');
    assert.deepEqual(embedded.rangeOf(space, space + 1), { start: offsetOf(text, '\n  second'), end: offsetOf(text, '\n  second') + 1 });
  });

  it('double-quoted: escapes map to their whole escape sequence', () => {
    const text = 'k: "tab\\there \\u00e9t\\xe9 \\"q\\" a\\\\b"\n';
    const embedded = embeddedTextOfScalar(scalarAt(text, ['k']), text);
    assert.equal(embedded.value, 'tab\there \u00e9t\u00e9 "q" a\\b');
    assertMaps(text, ['k'], '\t', '\\t');
    assertMaps(text, ['k'], '\u00e9t', '\\u00e9t');
    assertMaps(text, ['k'], '"q"', '\\"q\\"');
    assertMaps(text, ['k'], 'here');
  });

  it('double-quoted over several lines: folding and escaped line breaks', () => {
    const text = 'k: "one\n   two\\\n   three\n\n   four"\n';
    const embedded = embeddedTextOfScalar(scalarAt(text, ['k']), text);
    assert.equal(embedded.value, 'one twothree\nfour');
    assertMaps(text, ['k'], 'three');
    assertMaps(text, ['k'], 'four');
  });

  it('single-quoted: doubled quotes and folding', () => {
    const text = "k: 'it''s\n  folded 10.0.0.0/8'\n";
    const embedded = embeddedTextOfScalar(scalarAt(text, ['k']), text);
    assert.equal(embedded.value, "it's folded 10.0.0.0/8");
    assertMaps(text, ['k'], "'s", "''s");
    assertMaps(text, ['k'], '10.0.0.0/8');
  });

  it('plain scalars, on one line and folded over two', () => {
    assertMaps('k: nmcli dev modify ens5 # comment\n', ['k'], 'ens5');
    const text = 'k: first\n  10.1.0.0/16 second\n';
    const embedded = embeddedTextOfScalar(scalarAt(text, ['k']), text);
    assert.equal(embedded.value, 'first 10.1.0.0/16 second');
    assertMaps(text, ['k'], '10.1.0.0/16');
  });

  it('CRLF line endings keep ranges right', () => {
    const text = 'k: |\r\n  a=1\r\n  b=192.0.2.0/24\r\n';
    const embedded = embeddedTextOfScalar(scalarAt(text, ['k']), text);
    assert.equal(embedded.value, 'a=1\nb=192.0.2.0/24\n');
    assertMaps(text, ['k'], '192.0.2.0/24');
  });

  it('slices compose: a slice of a slice still maps to the file', () => {
    const text = 'k: |\n     ExecStart=nmcli dev modify ens5 +ipv4.routes "10.9.0.0/16 10.0.0.1"\n';
    const unit = embeddedTextOfScalar(scalarAt(text, ['k']), text);
    const value = unit.slice(unit.value.indexOf('=') + 1);
    const quoted = value.slice(value.value.indexOf('"') + 1, value.value.lastIndexOf('"'));
    const gateway = quoted.slice(quoted.value.indexOf(' ') + 1);
    assert.equal(gateway.value, '10.0.0.1');
    const range = gateway.rangeOf();
    assert.equal(text.slice(range.start, range.end), '10.0.0.1');
  });

  it('falls back to the whole node, never to a wrong place, where it cannot trace', () => {
    const text = 'k: "bad \\q escape"\n';
    const node = scalarAt(text, ['k']);
    const embedded = embeddedTextOfScalar(node, text);
    assert.equal(embedded.exact, false);
    assert.equal(embedded.value, node.source);
    const range = embedded.rangeOf(0, 1);
    assert.equal(text.slice(range.start, range.end), '"bad \\q escape"');
  });
});
