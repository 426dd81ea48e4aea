import { directivesOf } from '../../../formats/unitFile';
import { startersOf, textsOfUnit } from '../../../kinds/machineconfig/unitStarters';
import { stringValue } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';
import { insertUnitLineEdit, nextLineStartIn } from '../../../kinds/machineconfig/unitEdits';

/**
 * `Type=oneshot` without `RemainAfterExit=`: once the commands finish the unit is inactive
 * again, so `systemctl status` shows it dead and anything that starts it later runs the
 * commands again (systemd.service(5)). An explicit `RemainAfterExit=no` is a choice and
 * is not flagged. Nor is a service that a .timer, .path or .socket of the config activates:
 * there RemainAfterExit=yes would keep it active after the first run, and the timer would
 * never run it again.
 */
export const unitOneshotRemain: Rule = {
  id: 'unit-oneshot-remain',
  check({ text, ignition: mc, report }) {
    if (!mc) return;
    let starters: ReturnType<typeof startersOf> | undefined;
    for (const unit of mc.units) {
      const texts = textsOfUnit(unit);
      // The last Type= wins, dropins after the unit.
      const types = texts.flatMap((t) => directivesOf(t.file, 'Service', 'Type').map((directive) => ({ unit: t, directive })));
      const last = types[types.length - 1];
      if (!last || last.directive.value.value !== 'oneshot') continue;
      if (texts.some((t) => directivesOf(t.file, 'Service', 'RemainAfterExit').length > 0)) continue;
      starters ??= startersOf(mc);
      const name = stringValue(unit.name);
      if (name && starters.get(name)?.some((s) => s.kind !== 'dependency')) continue;

      const whole = last.directive.whole;
      const at = last.unit.text.indexAt(whole.rangeOf(whole.length - 1).start);
      const edit = at === undefined ? undefined : insertUnitLineEdit(text, last.unit, nextLineStartIn(last.unit, at), 'RemainAfterExit=yes');
      report({
        severity: 'info',
        message: 'This oneshot unit goes inactive when done, so a later start runs it again: add RemainAfterExit=yes to keep it active.',
        range: last.directive.whole.rangeOf(),
        ...(edit ? { fixes: [{ title: 'Add RemainAfterExit=yes', edits: [edit], safe: true }] } : {}),
      });
    }
  },
};
