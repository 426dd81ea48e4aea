import type { Scalar } from 'yaml';
import { LineIndex } from '../../../text/lineIndex';
import { rangeOfNode, stringValue } from '../../../text/yamlDocuments';
import type { Finding, Rule } from '../rule';

/**
 * The same unit name, dropin name (within one unit) or file path twice in one config:
 * Ignition refuses duplicate entries. (The same unit in two MachineConfigs of a pool is
 * legal, the later name wins; that needs the workspace and is not checked here.)
 */
export const unitDuplicate: Rule = {
  id: 'unit-duplicate',
  check({ ignition: mc, text, report }) {
    if (!mc) return;
    let lines: LineIndex | undefined;
    const lineOf = (node: Scalar) => (lines ??= new LineIndex(text)).positionAt(rangeOfNode(node).start).line + 1;
    const duplicates = (entries: (Scalar | undefined)[], what: string): void => {
      const first = new Map<string, Scalar>();
      for (const node of entries) {
        const value = stringValue(node);
        if (!node || value === undefined || value === '') continue;
        const earlier = first.get(value);
        if (!earlier) {
          first.set(value, node);
          continue;
        }
        const finding: Finding = {
          severity: 'error',
          message: `${what} is already defined on line ${lineOf(earlier)}: Ignition refuses duplicate entries; merge the two.`,
          range: rangeOfNode(node),
          data: { duplicateOf: rangeOfNode(earlier) },
        };
        report(finding);
      }
    };
    // The names are underlined and the message gives the other's line: a name or path
    // repeated in it would push the message past one line of the Problems panel.
    duplicates(mc.units.map((u) => u.name), 'This unit name');
    for (const unit of mc.units) duplicates(unit.dropins.map((d) => d.name), 'This dropin name');
    duplicates(mc.files.map((f) => f.path), 'This file path');
  },
};
