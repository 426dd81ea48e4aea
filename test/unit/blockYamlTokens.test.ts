/**
 * blockYamlTokens must make the library parser's CST exactly, or decline. Each case below
 * is compared, token for token (types, offsets, indents, sources, and where every space,
 * comment and line break sits), with `new Parser().parse(text)` of the `yaml` library; the
 * cases that must take the fast path say so, so a builder that declined everything would
 * fail here. The fuzzer (test/support/fuzz.ts) compares the two on every mutated input too.
 */
import * as assert from 'node:assert/strict';
import { Parser } from 'yaml';
import { blockYamlTokens } from '../../server/src/core/text/blockYamlTokens';
import { splitDocumentChunks } from '../../server/src/core/analysis/chunks';
import { parseYamlDocuments } from '../../server/src/core/text/yamlDocuments';
import { loadFixtures, prng } from '../support/fuzz';
import { machineConfig, ROUTE_UNIT } from '../support/machineConfig';

function libraryTokens(text: string, offset: number): unknown[] {
  const parser = new Parser();
  parser.offset = offset;
  return Array.from(parser.parse(text));
}

/** Compares with the library where the builder takes the text; returns whether it did. */
function agrees(text: string, offset = 0): boolean {
  const ours = blockYamlTokens(text, offset);
  if (ours === undefined) return false;
  assert.deepEqual(JSON.parse(JSON.stringify(ours)), JSON.parse(JSON.stringify(libraryTokens(text, offset))), `tokens of ${JSON.stringify(text)}`);
  return true;
}

/** Texts the fast path must take, each a construct manifests are written with. */
const TAKEN: Record<string, string> = {
  'a mapping of plain scalars': 'a: 1\nb: two words\nc: http://x:80/y\n',
  'nested mappings and sequences': 'a:\n  b:\n    - c: 1\n      d: 2\n    - e\n  f: g\n',
  'a sequence at its key\'s indentation': 'key:\n- a\n- b\nnext: 1\n',
  'nested sequences on one line': '- - a\n  - b\n- c\n',
  'quoted scalars, keys too': 'a: "x \\" y"\n\'b\': \'it\'\'s\'\n"c": ""\nd: \'\'\n',
  'comments everywhere': '# head\na: 1 # after\n# between\nb:\n  # inside\n  c: 2\n    # deeper\n  d: 3\n# tail\n',
  'comments after an empty value': 'a:\n# c\nb: 1\nc:\n\n  # x\n\nd: 2\n',
  'blank lines and lines of spaces': 'a: 1\n\n   \nb:\n\n  c: 2\n  \n',
  'empty values': 'a:\nb:\n  c:\nd: 1\n',
  'block scalars, every chomping': 'a: |\n  x\n\n  y\n\nb: |-\n  x\n\n\nc: |+\n  x\n\n\nd: >\n  folded\n  text\ne: >-\n  x\n',
  'block scalars with an indentation indicator': 'a: |2\n    indented\n  flush\nb:\n  - |1\n    x\n  - >2-\n     y\n',
  'a block scalar with a comment on its header': 'a: | # unit\n  [Unit]\n  X=1\nb: 2\n',
  'an empty block scalar': 'a: |\nb: |-\n\nc: 1\n',
  'a block scalar ending the text without a line break': 'a: |\n  x\n  y',
  'a block scalar followed by a less indented comment': 'a:\n  b: |\n    x\n  # c\n  d: 1\n',
  'a block scalar with more indented trailing blank lines': 'a: |\n  x\n      \n    \nb: 1\n',
  'empty flow collections': 'a: {}\nb: []  # c\nc:\n  - {}\n  - []\nd: {}\n',
  'documents': '---\na: 1\n---\n# c\nb: 2\n--- # x\nc: 3\n',
  'a document of a scalar': '--- text\n',
  'trivia before the first document': '\n# head\n\n---\na: 1\n',
  'no final line break': 'a: 1\nb:\n  - c',
  'a sequence of mappings with comments between items': 'items:\n  - name: a\n    # about b\n  - name: b\n\n  # last\n',
  'colons inside values': 'a: b:c\nurl: "http://x"\ntime: 12:30\n',
  'indicators as plain scalar starts': 'a: -1\nb: -x\nc: :x\nd: ?x\ne: 50%\n',
  'a key with spaces before its colon': 'a : 1\n',
  'a MachineConfig with a route unit': machineConfig({ units: [ROUTE_UNIT] }),
  'an empty text': '',
  'only comments': '# a\n\n# b\n',
  'errors the composer reports (a nested map on one line)': 'a: b: c\n',
};

/** Texts outside the subset: the library's parser reads them. */
const DECLINED: Record<string, string> = {
  'a flow sequence with items': 'a: [1, 2]\n',
  'a flow mapping with items': 'a: {b: 1}\n',
  'an anchor and an alias': 'a: &x 1\nb: *x\n',
  'a tag': 'a: !!str 1\n',
  'a tab': 'a:\t1\n',
  'a carriage return': 'a: 1\r\nb: 2\r\n',
  'a plain scalar over two lines': 'a: one\n  two\n',
  'a quoted scalar over two lines': 'a: "one\n  two"\n',
  'an explicit key': '? a\n: 1\n',
  'a directive': '%YAML 1.1\n---\na: 1\n',
  'a document end marker': 'a: 1\n...\n',
  'a byte order mark': '\uFEFFa: 1\n',
  'an unterminated quote': 'a: "x\n',
  'a sequence on its key\'s line': 'a: - b\n',
  'a value without a key': ': 1\n',
};

describe('blockYamlTokens: the library parser\'s tokens, made in one pass', () => {
  for (const [name, text] of Object.entries(TAKEN)) {
    it(`takes and agrees: ${name}`, () => {
      assert.ok(agrees(text), `declined ${JSON.stringify(text)}`);
      // Offsets of a chunk later in its file, as lint passes them.
      assert.ok(agrees(text, 1234));
    });
  }

  for (const [name, text] of Object.entries(DECLINED)) {
    it(`declines: ${name}`, () => {
      assert.equal(blockYamlTokens(text), undefined);
    });
  }

  it('takes a file of many MachineConfigs, chunk by chunk, and agrees', () => {
    const documents: string[] = [];
    for (let d = 0; d < 20; d++) documents.push(machineConfig({ name: `99-worker-routes-${d}`, units: [ROUTE_UNIT, { ...ROUTE_UNIT, name: `more-${d}.service` }] }));
    const text = documents.join('---\n');
    for (const chunk of splitDocumentChunks(text)) assert.ok(agrees(text.slice(chunk.start, chunk.end), chunk.start));
  });

  it('agrees on every fixture and on thousands of edits of them, or declines', function () {
    this.timeout(120_000);
    const random = prng(20261206);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const pieces = [' ', '\n', ':', ': ', '- ', '-', '#', ' # c', '"', "'", '|', '>', '|-', '|+', '|2', '>1-', '  ', '\n\n', '---\n', '---', 'x', '\n  ', '\n    # c\n', '{}', '[]', '{', '...', '   \n'];
    let taken = 0;
    let inputs = 0;
    for (const fixture of loadFixtures()) {
      for (let round = 0; round < 40; round++) {
        let text = fixture.text;
        if (round > 0) {
          for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
            const at = Math.floor(random() * (text.length + 1));
            const kind = random();
            if (kind < 0.45) text = text.slice(0, at) + pick(pieces) + text.slice(at);
            else if (kind < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
            else {
              const lines = text.split('\n');
              lines.splice(Math.floor(random() * lines.length), 0, pick(lines));
              text = lines.join('\n');
            }
          }
        }
        for (const chunk of splitDocumentChunks(text)) {
          inputs++;
          if (agrees(text.slice(chunk.start, chunk.end), chunk.start)) taken++;
        }
      }
    }
    // Most edits break the YAML, which the builder leaves to the library; most fixtures are taken.
    assert.ok(taken > inputs / 4, `only ${taken} of ${inputs} chunks took the fast path`);
  });

  it('agrees on thousands of texts made of block constructs at random indentations, or declines', () => {
    // Fixtures' edits mostly break them; these are made from the constructs the builder takes
    // (and a few it declines), so that most parse and every placement rule is met.
    const random = prng(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const values = ['a', 'b c', 'x:y', '-1', '"q"', "'s'", "'it''s'", '"a\\"b"', '{}', '[]', '|', '|-', '|+', '>', '|2', '>1-', '| # c', '', '0644', 'a # c', 'b  ', ':x', 'a:'];
    const keys = ['a', 'key', '"q"', "'s'", 'a b', '-x'];
    const line = (i: number): string => {
      const indent = ' '.repeat(pick([0, 0, 1, 2, 2, 3, 4, 4, 6, 8]));
      return pick([
        () => '',
        () => `${indent}# c${i}`,
        () => `${indent}- ${pick(values)}`,
        () => `${indent}- ${pick(keys)}: ${pick(values)}`,
        () => `${indent}${pick(keys)}:`,
        () => `${indent}body line ${i}`,
        () => pick(['---', '--- # d']),
        () => indent,
        () => `${indent}- - ${pick(values)}`,
        () => `${indent}-`,
        () => `${indent}${pick(keys)}: ${pick(values)}`,
        () => `${indent}${pick(keys)}: ${pick(values)}`,
      ])();
    };
    let taken = 0;
    const inputs = 4000;
    for (let n = 0; n < inputs; n++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 14) }, (_, i) => line(i));
      if (agrees(lines.join('\n') + pick(['\n', '\n', '', '\n\n', '\n  \n']), 3)) taken++;
    }
    assert.ok(taken > inputs / 5, `only ${taken} of ${inputs} texts took the fast path`);
  });

  it('gives the same documents as the library\'s parser: values, ranges, errors, comments', () => {
    const text = 'mode: 0644\nb: yes\nc: |2\n    x\nd: "q"\n# c\ne: {}\nb: 1\nf:\n  g: h # i\n';
    assert.ok(blockYamlTokens(text) !== undefined);
    const ours = parseYamlDocuments(text);
    // Through the library's parser: a flow sequence at the end sends the whole text there.
    const theirs = parseYamlDocuments(`${text}z: [1]\n`);
    const view = (documents: typeof ours) =>
      documents.map((document) => ({
        value: (document.toJS() as Record<string, unknown>) ?? null,
        errors: document.errors.map((error) => [error.code, error.pos]),
        comment: document.comment,
      }));
    const mine = view(ours)[0];
    const library = view(theirs)[0];
    delete (library.value as Record<string, unknown>).z;
    assert.deepEqual(mine, library);
    assert.equal((mine.value as Record<string, unknown>).mode, 420, 'YAML 1.1: 0644 is octal');
    assert.ok(mine.errors.some(([code]) => code === 'DUPLICATE_KEY'));
  });
});
