import { isScalar } from 'yaml';
import { closestWord } from '../../../text/suggest';
import { replaceScalarEdit } from '../../../text/yamlEdits';
import { pairOf, rangeOfNode } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

const KERNEL_TYPES = ['default', 'realtime', '64k-pages'];
const ALIASES: Record<string, string> = { rt: 'realtime', 'real-time': 'realtime', 'kernel-rt': 'realtime', '64k': '64k-pages' };

/** spec.kernelType: "", default, realtime or 64k-pages (MCO); anything else fails the render. */
export const mcKernelType: Rule = {
  id: 'mc-kernel-type',
  check({ machineConfig: mc, report }) {
    if (!mc?.spec) return;
    const pair = pairOf(mc.spec, 'kernelType');
    const node = pair?.value;
    if (!pair || node === null || node === undefined) return;
    if (isScalar(node) && (node.value === null || node.value === '' || KERNEL_TYPES.includes(node.value as string))) return;
    const written = isScalar(node) ? String(node.value) : '';
    const suggestion = ALIASES[written.toLowerCase()] ?? closestWord(written, KERNEL_TYPES);
    const edit = suggestion && isScalar(node) ? replaceScalarEdit(node, suggestion) : undefined;
    report({
      severity: 'error',
      message: `The MCO does not know kernelType ${quoted(written, 30)}, so the pool cannot render: ${suggestion ? `did you mean ${suggestion}?` : 'use default, realtime or 64k-pages.'}`,
      range: rangeOfNode(node),
      data: suggestion ? { suggestion } : undefined,
      fixes: edit ? [{ title: `Use ${suggestion}`, edits: [edit], safe: written.toLowerCase() === suggestion!.toLowerCase() }] : undefined,
    });
  },
};
