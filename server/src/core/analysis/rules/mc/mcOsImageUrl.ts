import { isScalar } from 'yaml';
import { removePairEdit } from '../../../text/edits';
import { keyRange } from '../../../kinds/machineconfig/model';
import { pairOf, rangeOfNode } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/**
 * spec.osImageURL rebases every node of the pool onto another OS image; the MCO docs say
 * not to set it. An empty value is ignored: harmless, and better removed. A pull spec by
 * digest (`@sha256:`) whose digest is not 64 lower-case hex characters is no image
 * reference at all (OCI image-spec descriptor digests; containers/image refuses it): error.
 */
export const mcOsImageUrl: Rule = {
  id: 'mc-os-image-url',
  check({ machineConfig: mc, text, report }) {
    if (!mc?.spec) return;
    const pair = pairOf(mc.spec, 'osImageURL');
    if (!pair) return;
    const value = pair.value;
    const empty = value === null || (isScalar(value) && (value.value === null || value.value === ''));
    if (empty) {
      const edit = removePairEdit(text, mc.spec, pair);
      report({
        severity: 'info',
        message: 'osImageURL is empty, so the MCO ignores it: remove it.',
        range: keyRange(pair),
        fixes: edit ? [{ title: 'Remove osImageURL', edits: [edit], safe: true }] : undefined,
      });
      return;
    }
    const digest = isScalar(value) && typeof value.value === 'string' ? badDigest(value.value) : undefined;
    if (digest !== undefined) {
      report({
        severity: 'error',
        message: `The osImageURL digest must be 64 lower-case hex characters and ${digest}: copy it whole.`,
        range: rangeOfNode(value),
        data: { digest },
      });
      return;
    }
    report({
      severity: 'warning',
      message: 'osImageURL moves every node of the pool onto this OS image instead of the release\'s: remove it unless you mean that.',
      range: rangeOfNode(value),
    });
  },
};

/** What is wrong with the `@sha256:` digest of a pull spec ("it has 12 characters"), or undefined when it is fine or absent. */
function badDigest(url: string): string | undefined {
  const at = url.indexOf('@sha256:');
  if (at < 0) return undefined;
  const digest = url.slice(at + '@sha256:'.length).trim();
  if (/^[0-9a-f]{64}$/.test(digest)) return undefined;
  if (/^[0-9a-fA-F]{64}$/.test(digest)) return 'this one has upper-case letters';
  if (/^[0-9a-fA-F]*$/.test(digest)) return `this one has ${digest.length}`;
  return 'this one has characters that are not hex';
}
