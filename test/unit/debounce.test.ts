/**
 * The wait after an edit (server/src/lsp/debounce.ts): it follows what the document's last
 * analysis cost, within its bounds, so that a cheap document shows its findings within 50 ms
 * of the last keystroke. test/protocol/debounce.test.ts asserts the same over the protocol,
 * on the server's test clock.
 */
import * as assert from 'node:assert/strict';
import { ADAPTIVE_FACTOR, adaptiveDebounce, Debounce, MAX_DEBOUNCE_MS, MIN_DEBOUNCE_MS } from '../../server/src/lsp/debounce';

describe('the adaptive debounce', () => {
  it('a document analysed in under 10 ms shows its findings within 50 ms of the keystroke', () => {
    for (const cost of [0, 0.5, 1, 3, 7, 9.9]) assert.ok(adaptiveDebounce(cost) + cost <= 50, `${cost} ms`);
    assert.equal(adaptiveDebounce(undefined), MIN_DEBOUNCE_MS);
    assert.equal(adaptiveDebounce(Number.NaN), MIN_DEBOUNCE_MS);
  });

  it('a costly one waits longer, in proportion, up to the longest wait', () => {
    assert.equal(adaptiveDebounce(25), ADAPTIVE_FACTOR * 25);
    assert.ok(adaptiveDebounce(50) > adaptiveDebounce(25));
    assert.equal(adaptiveDebounce(10_000), MAX_DEBOUNCE_MS);
  });

  it('per document: the slices of one analysis add up; a complete analysis sets the cost afresh', () => {
    const debounce = new Debounce();
    debounce.analysed('a', 1, 40, true);
    debounce.analysed('a', 1, 40, false);
    assert.equal(debounce.delayFor('a'), adaptiveDebounce(80), 'two slices of version 1');
    debounce.analysed('a', 2, 2);
    assert.equal(debounce.delayFor('a'), MIN_DEBOUNCE_MS, 'version 2 was cheap');
    debounce.analysed('a', 2, 30);
    assert.equal(debounce.delayFor('a'), adaptiveDebounce(30), 'analysed again (another file changed): its own cost');
    assert.equal(debounce.delayFor('b'), MIN_DEBOUNCE_MS, 'another document: nothing known');
    debounce.forget('a');
    assert.equal(debounce.delayFor('a'), MIN_DEBOUNCE_MS);
  });

  it('a fixed delay (initializationOptions.debounceMs) whatever the cost', () => {
    const debounce = new Debounce(0);
    debounce.analysed('a', 1, 500);
    assert.equal(debounce.delayFor('a'), 0);
  });
});
