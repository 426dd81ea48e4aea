import { isScalar } from 'yaml';
import { removePairEdit } from '../edits';
import { keyRange } from '../model';
import { pairOf, rangeOfNode } from '../yamlDocuments';
import type { Rule } from './rule';

/**
 * spec.osImageURL rebases every node of the pool onto another OS image; the MCO docs say
 * not to set it. An empty value is ignored: harmless, and better removed.
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
        message: 'osImageURL is empty, so it is ignored: remove it. (A non-empty osImageURL would rebase the nodes onto another OS image.)',
        range: keyRange(pair),
        fixes: edit ? [{ title: 'Remove osImageURL', edits: [edit], safe: true }] : undefined,
      });
      return;
    }
    report({
      severity: 'warning',
      message: 'osImageURL rebases every node of the pool onto this OS image instead of the release\'s own: the MCO docs say not to set it unless you build a custom RHCOS image on purpose. A static route does not need it.',
      range: rangeOfNode(value),
    });
  },
};
