import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/lint';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { asFindings, describeFinding, readExpectations, sortFindings } from '../support/expectations';

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
