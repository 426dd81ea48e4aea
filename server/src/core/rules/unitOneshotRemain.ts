import { insertUnitLineEdit, nextLineStartIn } from '../edits';
import type { UnitText } from '../model';
import { directivesOf } from '../unitFile';
import type { Rule } from './rule';

/**
 * `Type=oneshot` without `RemainAfterExit=`: once the commands finish the unit is inactive
 * again, so `systemctl status` shows it dead and anything that starts it later runs the
 * commands again (systemd.service(5)). An explicit `RemainAfterExit=no` is a choice and
 * is not flagged.
 */
export const unitOneshotRemain: Rule = {
  id: 'unit-oneshot-remain',
  check({ text, machineConfig: mc, report }) {
    if (!mc) return;
    for (const unit of mc.units) {
      const texts = [unit.contents, ...unit.dropins.map((d) => d.contents)].filter((t): t is UnitText => t !== undefined);
      // The last Type= wins, dropins after the unit.
      const types = texts.flatMap((t) => directivesOf(t.file, 'Service', 'Type').map((directive) => ({ unit: t, directive })));
      const last = types[types.length - 1];
      if (!last || last.directive.value.value !== 'oneshot') continue;
      if (texts.some((t) => directivesOf(t.file, 'Service', 'RemainAfterExit').length > 0)) continue;

      const whole = last.directive.whole;
      const at = last.unit.text.indexAt(whole.rangeOf(whole.length - 1).start);
      const edit = at === undefined ? undefined : insertUnitLineEdit(text, last.unit, nextLineStartIn(last.unit, at), 'RemainAfterExit=yes');
      report({
        severity: 'info',
        message: 'Type=oneshot without RemainAfterExit=yes: once its commands finish the unit is inactive again, so systemctl status shows it dead and anything that starts it later runs the commands again. RemainAfterExit=yes keeps it active.',
        range: last.directive.whole.rangeOf(),
        ...(edit ? { fixes: [{ title: 'Add RemainAfterExit=yes', edits: [edit], safe: true }] } : {}),
      });
    }
  },
};
