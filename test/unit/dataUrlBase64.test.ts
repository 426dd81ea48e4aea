/**
 * Findings inside a base64 `data:` URL (issue 16): each decoded byte maps to the 4 base64
 * characters of its 3-byte group, and a finding underlines the groups where it starts, at
 * most 8 characters (two groups: one character, or one straddling a group boundary), never
 * the whole payload; and no fix edits base64.
 */
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/analysis/lint';
import { parseDataUrl } from '../../server/src/core/formats/dataUrl';
import { EmbeddedText } from '../../server/src/core/text/embeddedText';
import type { Problem } from '../../server/src/core/text/problem';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { embeddedTextOfScalar } from '../../server/src/core/text/yamlScalar';
import { machineConfig } from '../support/machineConfig';
import { scalarAt } from '../support/yamlHelpers';

const HEAD = '[connection]\nid=ens5\ntype=ethernet\ninterface-name=ens5\n\n[ipv4]\nmethod=auto\n';
const PATH = '/etc/NetworkManager/system-connections/ens5.nmconnection';

const base64 = (text: string): string => Buffer.from(text).toString('base64');

/** The characters of `payload` that encode bytes first..last: whole groups of 4. */
const groupChars = (payload: string, first: number, last: number): string => payload.slice(Math.floor(first / 3) * 4, Math.floor(last / 3) * 4 + 4);

/** Where `needle` sits in `text` in bytes of UTF-8: its first and last byte. */
function bytesOf(text: string, needle: string, nth = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in ${JSON.stringify(text)}`);
  const first = Buffer.byteLength(text.slice(0, at));
  return [first, first + Buffer.byteLength(needle) - 1];
}

/** A MachineConfig writing `keyfile` as base64, `source` turning the payload into what follows `source: `. */
function lintKeyfile(keyfile: string, source = (payload: string) => `data:text/plain;charset=utf-8;base64,${payload}`) {
  const text = machineConfig({ files: [{ path: PATH, mode: 384, source: source(base64(keyfile)) }] });
  return { text, problems: lintText(text, DEFAULT_SETTINGS).problems };
}

function only(problems: readonly Problem[], code: string): Problem {
  const found = problems.filter((p) => p.code === code);
  assert.equal(found.length, 1, `one ${code} in ${problems.map((p) => p.code).join(' ')}`);
  return found[0];
}

/** The base64 characters of the groups holding the bytes of `needle` in `keyfile`. */
const groupsOf = (keyfile: string, needle: string): string => groupChars(base64(keyfile), ...bytesOf(keyfile, needle));

/** Whether the bytes of `needle` in `text` fall in one group of 3. */
function inOneGroup(text: string, needle: string): boolean {
  const [first, last] = bytesOf(text, needle);
  return Math.floor(first / 3) === Math.floor(last / 3);
}

/**
 * What a finding underlines: at most 8 characters of the file, whole groups, the first of
 * them the group where `needle` starts in `keyfile`.
 */
function underlined(text: string, problem: Problem, keyfile: string, needle: string, unfold = (s: string) => s): string {
  assert.ok(problem.end - problem.start <= 8, `${problem.end - problem.start} characters underlined`);
  const shown = unfold(text.slice(problem.start, problem.end));
  assert.ok(shown.length > 0 && shown.length % 4 === 0, `whole groups: ${shown}`);
  assert.ok(groupsOf(keyfile, needle).startsWith(shown), `${shown} starts the groups of ${needle}: ${groupsOf(keyfile, needle)}`);
  return shown;
}

describe('base64 data URLs: findings underline the groups that encode them', () => {
  it('a keyfile route with host bits: the destination\'s groups, not the payload, and no fix', () => {
    const keyfile = `${HEAD}route1=192.168.1.5/24,172.18.0.1\n`;
    const { text, problems } = lintKeyfile(keyfile);
    const found = only(problems, 'route-host-bits');
    assert.equal(underlined(text, found, keyfile, '192.168.1.5/24'), groupsOf(keyfile, '192.168.1.5/24').slice(0, 8));
    // A fix would rewrite base64 in place: none touches the payload.
    assert.equal(found.fixes, undefined);
    const payload = { start: text.indexOf(base64(keyfile)), end: text.indexOf(base64(keyfile)) + base64(keyfile).length };
    for (const problem of problems) {
      for (const edit of (problem.fixes ?? []).flatMap((f) => f.edits)) {
        assert.ok(edit.end <= payload.start || edit.start >= payload.end, `${problem.code} edits the payload`);
      }
    }
  });

  it('a finding on two characters inside one group underlines those 4 characters', () => {
    const keyfile = `${HEAD}route1=192.168.2.0/33,172.18.0.1\n`;
    assert.ok(inOneGroup(keyfile, '33'));
    const { text, problems } = lintKeyfile(keyfile);
    const shown = underlined(text, only(problems, 'route-cidr'), keyfile, '33');
    assert.equal(shown, groupsOf(keyfile, '33'));
    assert.equal(shown.length, 4);
  });

  it('across a group boundary: the two groups, 8 characters', () => {
    const keyfile = `${HEAD}route1=192.168.22.0/33,172.18.0.1\n`;
    assert.ok(!inOneGroup(keyfile, '33'));
    const { text, problems } = lintKeyfile(keyfile);
    const shown = underlined(text, only(problems, 'route-cidr'), keyfile, '33');
    assert.equal(shown, groupsOf(keyfile, '33'));
    assert.equal(shown.length, 8);
  });

  it('a payload folded over several lines (escaped line breaks of a double-quoted scalar)', () => {
    const keyfile = `${HEAD}route1=192.168.22.0/33,172.18.0.1\nroute2=192.168.1.5/24\n`;
    // Lines of 10 characters: groups of 4 straddle the folds.
    const fold = (payload: string) => `"data:;base64,${payload.match(/.{1,10}/g)!.join('\\\n              ')}"`;
    const { text, problems } = lintKeyfile(keyfile, fold);
    const unfold = (s: string) => s.replace(/\\\n */g, '');
    // Where a fold falls between the groups of '33', the 8 characters hold only the first.
    assert.equal(underlined(text, only(problems, 'route-cidr'), keyfile, '33', unfold).length, 4);
    underlined(text, only(problems, 'route-host-bits'), keyfile, '192.168.1.5/24', unfold);
  });

  it('multi-byte characters before and inside the finding: the groups of its bytes', () => {
    const keyfile = `${HEAD.replace('id=ens5', 'id=é€ens5')}route1=192.168.1.5/24,172.18.0.1\nroute2=10.0.0.0/24,8é\n`;
    const { text, problems } = lintKeyfile(keyfile);
    assert.equal(underlined(text, only(problems, 'route-host-bits'), keyfile, '192.168.1.5/24'), groupsOf(keyfile, '192.168.1.5/24').slice(0, 8));
    assert.equal(underlined(text, only(problems, 'route-gateway'), keyfile, '8é'), groupsOf(keyfile, '8é'));
  });

  it('a finding at the very end: the last group, its = padding included', () => {
    const paddings = new Set<string>();
    for (const host of ['0', '10', '100']) {
      const keyfile = `${HEAD}route1=10.0.0.0/8,172.18.0.1\nroute2=192.168.2.${host}/33`;
      const payload = base64(keyfile);
      const padding = /=*$/.exec(payload)![0];
      if (!padding) continue;
      paddings.add(padding);
      const { text, problems } = lintKeyfile(keyfile);
      const found = only(problems, 'route-cidr');
      const shown = underlined(text, found, keyfile, '33');
      assert.equal(shown, groupsOf(keyfile, '33'));
      assert.ok(shown.endsWith(padding), `${host}: ${shown}`);
      assert.equal(found.end, text.indexOf(payload) + payload.length);
    }
    assert.deepEqual([...paddings].sort(), ['=', '==']);
  });
});

describe('base64 decoding maps characters through the scalar', () => {
  function decoded(yamlValue: string) {
    const text = `contents:\n  source: ${yamlValue}\n`;
    const url = parseDataUrl(embeddedTextOfScalar(scalarAt(text, ['contents', 'source']), text));
    assert.ok(url?.decoded, yamlValue);
    return { text, decoded: url.decoded };
  }
  const shown = (text: string, d: EmbeddedText, from: number, to = from + 1) => {
    const range = d.rangeOf(from, to);
    return text.slice(range.start, range.end);
  };

  it('a UTF-8 character straddling two groups maps to both: 8 characters', () => {
    const payload = base64('ab€cd'); // € = E2 82 AC, bytes 2-4
    const { text, decoded: d } = decoded(`data:;base64,${payload}`);
    assert.equal(d.value, 'ab€cd');
    assert.equal(shown(text, d, 2), payload.slice(0, 8));
    assert.equal(shown(text, d, 0), payload.slice(0, 4));
    assert.equal(shown(text, d, 3), payload.slice(4, 8));
  });

  it('a character outside the BMP (two UTF-16 units) maps both units to its groups', () => {
    const payload = base64('x𝄞'); // 4 bytes at 1-4
    const { text, decoded: d } = decoded(`data:;base64,${payload}`);
    assert.equal(d.value, 'x𝄞');
    assert.equal(shown(text, d, 1), payload);
    assert.equal(shown(text, d, 2), payload);
  });

  it('single-quoted and block scalars: the groups as written, a block of one line', () => {
    const payload = base64('route1=10.0.0.5/8\n');
    const at = 'route1='.length;
    for (const value of [`'data:;base64,${payload}'`, `>-\n    data:;base64,${payload}`]) {
      const { text, decoded: d } = decoded(value);
      // Eight characters decode to 6 bytes: the range is cut to the first two groups.
      assert.equal(shown(text, d, at, at + 8), payload.slice(8, 16), value);
    }
  });

  it('compose: a text read out of a decoded file maps on through it', () => {
    const file = '[ipv4]\nroute1=10.0.0.5/8\n';
    const payload = base64(file);
    const { text, decoded: d } = decoded(`data:;base64,${payload}`);
    // A reader of the decoded text that knows only offsets in it (a YAML or keyfile parser).
    const inner = EmbeddedText.verbatim('10.0.0.5/8', d.value.indexOf('10.0.0.5/8'));
    const composed = d.compose(inner);
    assert.equal(composed.value, '10.0.0.5/8');
    assert.equal(composed.exact, false);
    assert.deepEqual(composed.rangeOf(), d.rangeOf(d.value.indexOf('10.0.0.5/8'), d.value.indexOf('/8') + 2));
    assert.equal(shown(text, composed, 0, composed.length), groupChars(payload, ...bytesOf(file, '10.0.0.5/8')).slice(0, 8));
    // The whole extent still counts as inside the text (hover, locate), not only its first groups.
    assert.ok(composed.covers(d.rangeOf(d.value.indexOf('/8')).start), 'covers the group of its last characters');
  });
});
