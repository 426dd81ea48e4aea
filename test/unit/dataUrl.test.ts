import * as assert from 'node:assert/strict';
import { parseDataUrl, percentEncode, schemeOf } from '../../server/src/core/formats/dataUrl';
import { EmbeddedText } from '../../server/src/core/text/embeddedText';
import { parseKeyfile } from '../../server/src/core/formats/keyfile';
import { embeddedTextOfScalar } from '../../server/src/core/text/yamlScalar';
import { offsetOf, scalarAt } from '../support/yamlHelpers';

/** The data URL of `source:` in a small YAML text, and the text. */
function sourceOf(yamlValue: string) {
  const text = `contents:\n  source: ${yamlValue}\n`;
  const embedded = embeddedTextOfScalar(scalarAt(text, ['contents', 'source']), text);
  return { text, url: parseDataUrl(embedded) };
}

function covered(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

describe('data: URLs', () => {
  it('percent-encoding: each decoded character maps to exactly its %XX or literal characters', () => {
    const { text, url } = sourceOf('data:,route1%3D192.168.1.0%2F24%2C172.18.0.1%0A');
    assert.ok(url?.decoded, 'decoded');
    assert.equal(url.encoding, 'percent');
    assert.equal(url.decoded.value, 'route1=192.168.1.0/24,172.18.0.1\n');
    assert.ok(url.decoded.exact);
    const d = url.decoded.value;
    assert.equal(covered(text, url.decoded.rangeOf(d.indexOf('='), d.indexOf('=') + 1)), '%3D');
    assert.equal(covered(text, url.decoded.rangeOf(d.indexOf('/'), d.indexOf('/') + 1)), '%2F');
    const dest = d.indexOf('192.168.1.0/24');
    const range = url.decoded.rangeOf(dest, dest + '192.168.1.0/24'.length);
    assert.equal(covered(text, range), '192.168.1.0%2F24');
    assert.equal(range.start, offsetOf(text, '192.168.1.0%2F24'));
    assert.equal(covered(text, url.decoded.rangeOf(d.length - 1)), '%0A');
  });

  it('percent-encoding composes with the YAML scalar: escapes of a double-quoted string', () => {
    const text = 'contents:\n  source: "data:text/plain;charset=utf-8,a%20\\x62c"\n';
    const url = parseDataUrl(embeddedTextOfScalar(scalarAt(text, ['contents', 'source']), text));
    assert.equal(url?.decoded?.value, 'a bc');
    assert.equal(covered(text, url!.decoded!.rangeOf(1, 2)), '%20');
    assert.equal(covered(text, url!.decoded!.rangeOf(2, 3)), '\\x62');
  });

  it('multi-byte UTF-8 characters map to all their escapes', () => {
    const { text, url } = sourceOf(`data:,x${percentEncode('é')}y`);
    assert.equal(url?.decoded?.value, 'xéy');
    assert.equal(covered(text, url!.decoded!.rangeOf(1, 2)), '%C3%A9');
  });

  it('base64: the text decodes, and every character maps to the 4 characters of its group', () => {
    const payload = 'W2lwdjRdCnJvdXRlMT0xMC4wLjAuMC84Cg==';
    const { text, url } = sourceOf(`data:text/plain;charset=utf-8;base64,${payload}`);
    assert.equal(url?.encoding, 'base64');
    assert.equal(url?.decoded?.value, '[ipv4]\nroute1=10.0.0.0/8\n');
    // Characters share their group: the text is neither inverted nor edited in place.
    assert.equal(url?.decoded?.exact, false);
    const d = url!.decoded!.value;
    for (let i = 0; i < d.length; i++) {
      const group = Math.floor(i / 3) * 4;
      assert.equal(covered(text, url!.decoded!.rangeOf(i, i + 1)), payload.slice(group, group + 4), `character ${i}`);
    }
    assert.equal(covered(text, url!.decoded!.rangeOf(0, 1)), 'W2lw');
    // A range over many characters is cut to the groups where it starts (at most 8 characters).
    assert.equal(covered(text, url!.decoded!.rangeOf()), payload.slice(0, 8));
    assert.ok(url!.decoded!.covers(text.indexOf(payload) + payload.length - 1), 'the text still covers its whole payload');
  });

  it('empty data and the header forms Ignition accepts', () => {
    assert.equal(sourceOf('"data:,"').url?.decoded?.value, '');
    assert.equal(sourceOf('data:;base64,aGk=').url?.decoded?.value, 'hi');
    assert.equal(sourceOf('data:application/octet-stream;name=x,hi').url?.decoded?.value, 'hi');
    assert.equal(sourceOf('https://example.com/x').url, undefined);
  });

  it('invalid: a clear error at the characters at fault', () => {
    const cases: [string, string, RegExp][] = [
      ['"data:,two words"', ' ', /may not contain a space/],
      ['data:,50%', '%', /two hex digits/],
      ['data:,a%zzb', '%zz', /two hex digits/],
      ['data:,<base64_encoded>', '<', /may not contain "<"/],
      ['data:;base64,aGk', 'aGk', /is not padded to groups of 4/],
      ['data:;base64,aG k=', ' ', /may not contain a space/],
      ['data:text;base64,aGk=', 'text', /not a media type/],
      ['data:text/plain;utf8,hi', 'utf8', /expected base64/],
      ['data:hello', 'data:', /no comma/],
    ];
    for (const [value, at, message] of cases) {
      const { text, url } = sourceOf(value);
      assert.ok(url?.error, `${value} is invalid`);
      assert.equal(url.decoded, undefined);
      assert.match(url.error.message, message, value);
      assert.equal(covered(text, url.error.at.rangeOf()), at, value);
    }
  });

  it('binary data is decoded but marked binary', () => {
    const url = parseDataUrl(EmbeddedText.verbatim('data:;base64,H4sIAAAAAAAA/w==', 0));
    assert.equal(url?.binary, true);
  });

  it('percentEncode writes what dataurl.Escape writes, and schemeOf reads schemes', () => {
    assert.equal(percentEncode('[ipv4]\nroute1=10.0.0.0/8 x'), '%5Bipv4%5D%0Aroute1%3D10.0.0.0%2F8%20x');
    assert.equal(schemeOf('HTTPS://x'), 'https');
    assert.equal(schemeOf('/etc/x'), undefined);
  });
});

describe('NetworkManager keyfiles', () => {
  it('reads routes with gateway, metric, options and every separator', () => {
    const text = [
      '[connection]', 'id=ens5', '', '[ipv4]', 'method=auto', 'route1=192.168.1.0/24,172.18.0.1,100',
      'route1_options=mtu=1400,table=100', 'route2=10.0.0.0;8', 'routes3=10.1.0.0,16,,50', 'route4=10.2.0.0,10.0.0.1',
      'route01=10.3.0.0/16', '# route5=10.4.0.0/16', 'route6=', '', '[ipv6]', 'route1=fd00::/64,100', '',
    ].join('\n');
    const keyfile = parseKeyfile(EmbeddedText.verbatim(text, 0));
    const shown = keyfile.routes.map((r) => [r.propertyFamily, r.destination.value, r.gateway?.value, r.metric?.value, r.impliedPrefix, r.attributes.map((a) => `${a.name.value}=${a.value.value}`).join(' ')]);
    assert.deepEqual(shown, [
      [4, '192.168.1.0/24', '172.18.0.1', '100', undefined, 'mtu=1400 table=100'],
      [4, '10.0.0.0/8', undefined, undefined, undefined, ''],
      [4, '10.1.0.0/16', undefined, '50', undefined, ''],
      [4, '10.2.0.0', '10.0.0.1', undefined, 24, ''],
      [6, 'fd00::/64', undefined, '100', undefined, ''],
    ]);
    const semicolon = keyfile.routes[1].destination;
    assert.equal(text.slice(semicolon.rangeOf().start, semicolon.rangeOf().end), '10.0.0.0;8');
    assert.deepEqual(keyfile.groups.map((g) => g.name), ['connection', 'ipv4', 'ipv6']);
  });
});
