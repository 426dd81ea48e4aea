import { isScalar } from 'yaml';
import { keyRange } from '../../../kinds/machineconfig/model';
import { hasPlaceholder } from '../../../text/placeholder';
import { replaceScalarEdit } from '../../../text/yamlEdits';
import { pairOf, rangeOfNode } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL}(\\.${DNS1123_LABEL})*$`);

/** The closest valid name: lower case, other characters as `-`, no leading or trailing separators. */
function suggestName(name: string): string | undefined {
  const suggestion = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-*\.-*/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 253)
    .replace(/[-.]+$/, '');
  return suggestion !== name && DNS1123_SUBDOMAIN.test(suggestion) ? suggestion : undefined;
}

/** metadata.name: present, a DNS-1123 subdomain (API); the API server refuses anything else. */
export const mcName: Rule = {
  id: 'mc-name',
  check({ machineConfig: mc, report }) {
    if (!mc) return;
    const namePair = pairOf(mc.metadata, 'name');
    if (!namePair || namePair.value === null || (isScalar(namePair.value) && (namePair.value.value === null || namePair.value.value === ''))) {
      if (pairOf(mc.metadata, 'generateName')) return; // `oc create` names it
      const where = namePair ?? pairOf(mc.root, 'metadata') ?? mc.kind;
      report({
        severity: 'error',
        message: 'The API server refuses a MachineConfig without metadata.name: add one, e.g. 99-worker-static-routes.',
        range: keyRange(where),
      });
      return;
    }
    const node = namePair.value;
    if (!isScalar(node)) {
      report({ severity: 'error', message: 'metadata.name must be a string such as 99-worker-static-routes.', range: rangeOfNode(node) });
      return;
    }
    if (typeof node.value !== 'string') {
      report({
        severity: 'error',
        // As written (the scalar's source): `.nan` or `0x1F` say more than the value they are read as.
        message: `metadata.name ${node.source ?? String(node.value)} is read as a ${typeof node.value}, which the API server refuses: quote it.`,
        range: rangeOfNode(node),
      });
      return;
    }
    const name = node.value;
    if (hasPlaceholder(name)) return; // placeholder says it
    if (name.length <= 253 && DNS1123_SUBDOMAIN.test(name)) return;
    const suggestion = suggestName(name);
    const edit = suggestion ? replaceScalarEdit(node, suggestion) : undefined;
    // A long suggestion would crowd the message out of one line: the quick fix and data carry it.
    const advice = suggestion && suggestion.length <= 36 ? `use ${suggestion}`
      : name.length > 253 ? 'shorten it to 253 characters' : 'use only a-z, 0-9, "-" and "."';
    report({
      severity: 'error',
      message: `metadata.name ${quoted(name, 30)} is refused by the API server: ${advice}.`,
      range: rangeOfNode(node),
      data: suggestion ? { replacement: suggestion } : undefined,
      // Not safe: a new name is a new object; the old one stays on the cluster until deleted.
      fixes: edit ? [{ title: `Rename to ${suggestion}`, edits: [edit], safe: false }] : undefined,
    });
  },
};
