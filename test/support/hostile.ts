/**
 * Named hostile inputs, built from the seed, shared by test/unit/hostile.test.ts (the core)
 * and test/protocol/hostile.test.ts (the server). Each says what the user must see.
 */
import { machineConfigHead } from './machineConfig';
import { REPO_ROOT, SEED } from './seed';

export { REPO_ROOT, SEED };

/** What the user sees: one finding of `code` whose message matches, and (optionally) its data. */
export interface Expectation {
  code: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: RegExp;
  /** data.limit of a design-limit finding. */
  limit?: string;
  /** The finding starts at the first occurrence of this text. */
  at?: string;
}

export interface HostileCase {
  name: string;
  /** Built on first use (some are 10 MB). */
  text: () => string;
  /** Findings that must be among those reported. */
  expect: Expectation[];
  /** No finding may match (e.g. no limit finding where the input is within limits). */
  never?: RegExp;
  /** An offset to hover at in the server test (default: the first expectation's place, else the middle). */
  hoverAt?: (text: string) => number;
}

const memo = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/** The seed with its `spec:` part replaced by `spec` and its metadata name by `name`. */
function seedWith(name: string): string {
  return SEED.replace('worker-custom-route-configuration', name);
}

/** A billion laughs inside the metadata annotations of the seed: 9 levels of 9 aliases each. */
export const aliasBomb = memo(() => {
  const lines = ['  annotations:', '    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 8; i++) lines.push(`    a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return seedWith('alias-bomb').replace('  name: alias-bomb\n', `  name: alias-bomb\n${lines.join('\n')}\n`);
});

/** One MachineConfig of about `chars` characters: the seed's unit with comment lines added. */
function paddedSeed(chars: number, name: string): string {
  const base = seedWith(name);
  const line = '             # padding line of the unit, as a long unit might have\n';
  const at = base.indexOf('             [Install]');
  const count = Math.max(0, Math.ceil((chars - base.length) / line.length));
  return base.slice(0, at) + line.repeat(count) + base.slice(at);
}

export const tenMegabyteDocument = memo(() => paddedSeed(10_000_000, 'ten-megabytes'));

/** 2,000 MachineConfigs of 5 KB each: 10 MB, past the file limit after 400 of them. */
export const tenMegabytesOfDocuments = memo(() => {
  const one = paddedSeed(5_000, 'many');
  return Array.from({ length: 2000 }, (_, i) => one.replace('name: many', `name: many-${i}`)).join('---\n');
});

/** A 1 MB line: the unit's Description (the document is then over the 1 MB document limit). */
export const megabyteLine = memo(() => seedWith('long-line').replace('Description=nmcli-dev-modify', `Description=${'x'.repeat(1 << 20)}`));

/** A 900 KB line within the limits: a percent-encoded data: URL of a file in storage.files. */
export const nineHundredKilobyteLine = memo(() => {
  const contents = '# a long comment in a file%0A'.repeat(Math.ceil(900_000 / 29));
  return seedWith('long-data-url').replace(
    '    storage: {}\n',
    `    storage:\n      files:\n      - path: /etc/long.conf\n        mode: 420\n        contents:\n          source: data:,${contents}\n`,
  );
});

export const nulBytes = memo(() => seedWith('nul-bytes').replace('Description=nmcli-dev-modify', 'Description=nmcli\0dev\0modify'));

/** Bytes that are not UTF-8 (0xFF 0xFE, a lone continuation byte) inside the route, read as UTF-8. */
export const invalidUtf8Bytes = memo(() => {
  const text = seedWith('bad-bytes');
  const at = Buffer.byteLength(text.slice(0, text.indexOf('192.168.1.0/24')));
  const bytes = Buffer.from(text, 'utf8');
  bytes[at + 4] = 0xff;
  bytes[at + 5] = 0xfe;
  bytes[at + 6] = 0x80;
  return bytes;
});
export const invalidUtf8 = memo(() => invalidUtf8Bytes().toString('utf8'));

export const tenThousandDocuments = memo(() =>
  Array.from({ length: 10_000 }, (_, i) => machineConfigHead({ name: `tiny-${i}`, role: null })).join('---\n'));

/** `levels` nested block mappings under spec.config.storage (one more space each, to stay small). */
function nested(levels: number): string {
  const lines = Array.from({ length: levels }, (_, i) => `${' '.repeat(6 + i)}level${i}:`);
  return seedWith(`nested-${levels}`).replace('    storage: {}\n', `    storage:\n${lines.join('\n')} deep\n`);
}
export const hundredLevels = memo(() => nested(100));
export const thousandLevels = memo(() => nested(1000));
export const tenThousandFlowLevels = memo(() => seedWith('flow-nested').replace('    storage: {}', `    storage: ${'['.repeat(10_000)}${']'.repeat(10_000)}`));

/** A 5 MB data: URL (base64 of a route file) in storage.files. */
export const fiveMegabyteDataUrl = memo(() => {
  const script = 'ip route add 10.0.0.0/8 via 10.0.0.1 dev ens5\n'.repeat(Math.ceil(3_750_000 / 46));
  return seedWith('five-megabyte-url').replace(
    '    storage: {}\n',
    `    storage:\n      files:\n      - path: /etc/routes.sh\n        mode: 493\n        contents:\n          source: data:text/plain;charset=utf-8;base64,${Buffer.from(script).toString('base64')}\n`,
  );
});

/** 19,000 keys in one mapping (the parser's duplicate-key check was quadratic: 24,000 took 3.5 s). */
export const wideMapping = memo(() =>
  seedWith('wide').replace('    storage: {}\n', `    storage:\n${Array.from({ length: 19_000 }, (_, i) => `      key${i}: value`).join('\n')}\n`));

/** A document of 3,000 lines of 20 nested sequence dashes: 60,000 values in 130 KB (seconds for the parser). */
export const denseSequences = memo(() =>
  seedWith('dense').replace('    storage: {}\n', `    storage:\n${Array.from({ length: 3000 }, () => `      ${'- '.repeat(20)}x`).join('\n')}\n`));

/** One line of 39,000 compact keys (`a: a: a: …`): each nests a mapping in the one before (parsing overflowed the stack). */
export const compactKeysLine = memo(() => seedWith('compact-keys').replace('    storage: {}\n', `    storage: ${'a: '.repeat(39_000)}b\n`));
export const crlf = memo(() => SEED.replace(/\n/g, '\r\n'));
export const bom = memo(() => '\uFEFF' + SEED);

/** A lone carriage return inside a double-quoted unit (the fuzzer found it hung the server). */
export const loneCarriageReturn = memo(() =>
  seedWith('lone-cr').replace(/contents: \|\n[\s\S]*?WantedBy=multi-user.target\n/, 'contents: "[Unit]\\nDescription=x\r\u0000y\\n[Service]\\nType=oneshot\\nExecStart=/usr/bin/true\\n"\n'));

/** 1,000 MachineConfigs that do not parse (a tab as indentation in each). */
export const thousandBrokenDocuments = memo(() =>
  Array.from({ length: 1000 }, (_, i) => seedWith(`broken-${i}`).replace('    passwd: {}', '\tpasswd: {}')).join('---\n'));

/** 64 KB of random bytes after a MachineConfig. */
export const binaryJunk = memo(() => {
  let state = 12345;
  const bytes = Buffer.alloc(65_536);
  for (let i = 0; i < bytes.length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  return seedWith('junk') + bytes.toString('utf8');
});

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'alias bomb (billion laughs)',
    text: aliasBomb,
    expect: [{ code: 'yaml-syntax', severity: 'error', message: /^The aliases of this document expand to more than 100,000 values, which oc's YAML decoder refuses: use fewer aliases\.$/, limit: 'alias-expansion', at: '*a0' }],
  },
  {
    name: '10 MB file: one document',
    text: tenMegabyteDocument,
    expect: [{ code: 'yaml-syntax', severity: 'warning', message: /^Document 1 \(line 1\) is 10 MB; mcroutes checks up to 1 MB, so nothing in it is checked\.$/, limit: 'document-size' }],
  },
  {
    name: '10 MB file: 2,000 MachineConfigs',
    text: tenMegabytesOfDocuments,
    expect: [{ code: 'yaml-syntax', severity: 'warning', message: /^This file is 10 MB; mcroutes checks 2 MB per file, so documents [\d,]+–2,000 from line [\d,]+ on are not checked\.$/, limit: 'file-size' }],
  },
  {
    name: '1 MB line',
    text: megabyteLine,
    expect: [{ code: 'yaml-syntax', severity: 'warning', message: /^Document 1 \(line 1\) is 1\.05 MB; mcroutes checks up to 1 MB/, limit: 'document-size' }],
  },
  {
    name: '900 KB line (a data: URL, within the limits)',
    text: nineHundredKilobyteLine,
    expect: [{ code: 'unit-network-online', severity: 'warning', message: /network-online/ }],
    never: /mcroutes checks/,
  },
  {
    name: 'NUL bytes',
    text: nulBytes,
    expect: [{ code: 'yaml-syntax', severity: 'error', message: /^YAML does not allow the character U\+0000, and oc's reader refuses it: remove it\.$/, at: '\0' }],
  },
  {
    name: 'invalid UTF-8 (U+FFFD as the server sees it)',
    text: invalidUtf8,
    expect: [
      { code: 'yaml-syntax', severity: 'warning', message: /^U\+FFFD stands where bytes were not UTF-8, and the cluster would get it: retype the text\.$/, at: '\uFFFD' },
      { code: 'route-cidr', severity: 'error', message: /is not an IPv4 or IPv6 address/ },
    ],
  },
  {
    name: '10,000 documents',
    text: tenThousandDocuments,
    expect: [{ code: 'yaml-syntax', severity: 'warning', message: /^This file has 10,000 documents; mcroutes checks 1,000, so documents 1,001–10,000 from line 5,000 on are not checked\.$/, limit: 'document-count' }],
  },
  {
    name: '100 levels of nesting (within the limits)',
    text: hundredLevels,
    expect: [{ code: 'ign-unknown-key', severity: 'warning', message: / storage\.level0:/, at: 'level0' }],
    never: /mcroutes checks/,
  },
  {
    name: '1,000 levels of nesting',
    text: thousandLevels,
    expect: [{ code: 'yaml-syntax', severity: 'warning', message: /^Document 1 \(line 1\) nests more than 200 levels deep; mcroutes checks up to 200, so nothing in it is checked\.$/, limit: 'nesting' }],
  },
  {
    name: '10,000 levels of flow nesting',
    text: tenThousandFlowLevels,
    expect: [{ code: 'yaml-syntax', severity: 'warning', message: /nests more than 200 levels deep/, limit: 'nesting' }],
  },
  {
    name: 'a mapping of 19,000 keys (within the limits)',
    text: wideMapping,
    expect: [
      // The 200th (after networkd) is the last shown; the next says that more are not.
      { code: 'ign-unknown-key', severity: 'warning', message: / storage\.key198:/, at: 'key198' },
      { code: 'ign-unknown-key', severity: 'info', message: /^ign-unknown-key has more findings in this document than the 200 shown/, at: 'key199', limit: 'findings-per-rule' },
    ],
    never: /mcroutes checks/,
  },
  {
    name: '60,000 values in 130 KB (dense nested sequences)',
    text: denseSequences,
    expect: [{ code: 'yaml-syntax', severity: 'warning', message: /^Document 1 \(line 1\) has more than 40,000 YAML values; mcroutes checks up to 40,000, so nothing in it is checked\.$/, limit: 'values' }],
  },
  {
    name: '5 MB data: URL',
    text: fiveMegabyteDataUrl,
    expect: [{ code: 'yaml-syntax', severity: 'warning', message: /^Document 1 \(line 1\) is 5\.0 MB; mcroutes checks up to 1 MB/, limit: 'document-size' }],
  },
  {
    name: 'a line of 39,000 compact keys',
    text: compactKeysLine,
    expect: [{ code: 'yaml-syntax', severity: 'warning', message: /nests more than 200 levels deep/, limit: 'nesting' }],
  },
  {
    name: 'CRLF line endings',
    text: crlf,
    expect: [{ code: 'unit-network-online', severity: 'warning', message: /network-online/, at: 'After=network-online.target' }],
    never: /mcroutes checks/,
  },
  {
    name: 'byte-order mark',
    text: bom,
    expect: [{ code: 'ign-unknown-key', severity: 'warning', message: /networkd/, at: 'networkd' }],
    never: /U\+FEFF/,
  },
  {
    name: 'lone CR in a quoted unit (hung before)',
    text: loneCarriageReturn,
    expect: [{ code: 'yaml-syntax', severity: 'error', message: /U\+0000/ }],
  },
  {
    name: '1,000 documents that do not parse',
    text: thousandBrokenDocuments,
    expect: [{ code: 'yaml-syntax', severity: 'error', message: /tab|Tabs/i }],
  },
  {
    name: '64 KB of binary junk',
    text: binaryJunk,
    expect: [{ code: 'yaml-syntax', severity: 'error', message: /./ }],
  },
];
