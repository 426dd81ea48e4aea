import { directivesOf, valueHasWord } from '../../../formats/unitFile';
import type { Rule } from '../rule';
import { addDirectiveValueEdit, lineStartIn } from '../../../kinds/machineconfig/unitEdits';

const TARGET = 'network-online.target';

/**
 * After=network-online.target only orders; without Wants= (or Requires=) nothing pulls
 * the target in and the unit may run before the network is up (systemd.io/NETWORK_ONLINE).
 */
export const unitNetworkOnline: Rule = {
  id: 'unit-network-online',
  check({ text: source, ignition: mc, report }) {
    if (!mc) return;
    for (const unit of mc.units) {
      const texts = [unit.contents, ...unit.dropins.map((d) => d.contents)].filter((t) => t !== undefined);
      const pulled = texts.some((t) =>
        ['Wants', 'Requires'].some((key) => directivesOf(t.file, 'Unit', key).some((d) => valueHasWord(d, TARGET))),
      );
      if (pulled) continue;
      for (const text of texts) {
        for (const after of directivesOf(text.file, 'Unit', 'After')) {
          if (!valueHasWord(after, TARGET)) continue;
          // Onto the unit's Wants= line, or a line of its own right before the After= line.
          const at = text.text.indexAt(after.whole.rangeOf().start);
          const edit = at === undefined ? undefined : addDirectiveValueEdit(source, text, 'Unit', 'Wants', TARGET, lineStartIn(text, at));
          report({
            severity: 'warning',
            message: `After=${TARGET} only orders: add Wants=${TARGET}, or the unit may run before the network is up.`,
            range: after.whole.rangeOf(),
            data: { insert: `Wants=${TARGET}` },
            ...(edit ? { fixes: [{ title: `Add Wants=${TARGET}`, edits: [edit], safe: true }] } : {}),
          });
        }
      }
    }
  },
};
