import { strict as assert } from 'node:assert';
import { quoted } from '../../server/src/core/text/quote';

describe('quoted (a value in a message)', () => {
  it('quotes a short value as written', () => {
    assert.equal(quoted('ens3'), '"ens3"');
  });
  it('cuts a long value to the given length with an ellipsis', () => {
    const text = quoted('x'.repeat(100), 10);
    assert.equal(text, `"${'x'.repeat(9)}…"`);
  });
  it('puts a value of several lines on one line', () => {
    assert.equal(quoted('a\n  b'), '"a b"');
  });
});
