import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/analysis/lint';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { asFindings, describeFinding, readExpectations, sortFindings } from '../support/expectations';
import { machineConfig } from '../support/machineConfig';

const cases = path.resolve(__dirname, '../../../test/fixtures/cases');

describe('rules over fixtures (each fixture lists every finding it must produce)', () => {
  for (const file of fs.readdirSync(cases).filter((f) => f.endsWith('.yaml')).sort()) {
    it(file, () => {
      const text = fs.readFileSync(path.join(cases, file), 'utf8');
      const expected = readExpectations(text);
      assert.ok(expected, `${file} has no # expect: lines`);
      const result = lintText(text, DEFAULT_SETTINGS);
      assert.deepEqual(result.failures, [], 'no rule threw');
      const actual = sortFindings(asFindings(result.problems)).map((f) => describeFinding(text, f));
      assert.deepEqual(actual, sortFindings(expected).map((f) => describeFinding(text, f)));
    });
  }
});

describe('messages quote a value as the file writes it', () => {
  const config = (name: string, version: string) => machineConfig({ name, ignitionVersion: version });
  const message = (text: string, code: string) => lintText(text, DEFAULT_SETTINGS).problems.find((p) => p.code === code)?.message;

  it('a name read as NaN or a hexadecimal number', () => {
    assert.match(message(config('.nan', '3.4.0'), 'mc-name') ?? '', /^metadata\.name \.nan is read as a number, which the API server refuses/);
    assert.match(message(config('0x1F', '3.4.0'), 'mc-name') ?? '', /^metadata\.name 0x1F is read as a number/);
  });

  it('a version read as a boolean is not called a number', () => {
    assert.match(message(config('99-worker-routes', 'yes'), 'ign-version') ?? '', /^ignition\.version yes is read as a boolean, not a version/);
  });
});
