import { isScalar } from 'yaml';
import { keyRange } from '../../../kinds/machineconfig/model';
import type { Fix } from '../../../text/problem';
import { startersOf } from '../../../kinds/machineconfig/unitStarters';
import { pairOf, stringValue } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';
import { addDirectiveValueEdit, insertUnitLineEdit } from '../../../kinds/machineconfig/unitEdits';

const ENABLING = ['WantedBy', 'RequiredBy', 'UpheldBy'];
const DEFAULT_TARGET = 'multi-user.target';

/**
 * `enabled: true` asks Ignition and the Machine Config Daemon to enable the unit, which
 * only links it where its [Install] section says (WantedBy=, RequiredBy=, UpheldBy=).
 * Without one, enabling does nothing and the unit never starts at boot (IGN, systemctl(1)).
 * [Install] in a dropin does not count: systemctl reads it from the unit itself.
 * Not reported when the config starts the unit another way: a .timer, .path or .socket that
 * activates it, or another unit or a dropin (of kubelet.service, say) that names it in
 * Wants=, Requires=, BindsTo= or Upholds=.
 */
export const unitInstallMissing: Rule = {
  id: 'unit-install-missing',
  check({ text, ignition: mc, report }) {
    if (!mc) return;
    let starters: ReturnType<typeof startersOf> | undefined;
    for (const unit of mc.units) {
      const enabled = pairOf(unit.node, 'enabled');
      if (!enabled || !isScalar(enabled.value) || enabled.value.value !== true || !unit.contents) continue;
      const contents = unit.contents;
      const install = contents.file.sections.find((s) => s.name === 'Install');
      if (install?.directives.some((d) => ENABLING.includes(d.key.value) && d.value.value.trim() !== '')) continue;
      starters ??= startersOf(mc);
      const name = stringValue(unit.name);
      if (name && starters.has(name)) continue;

      let fix: Fix | undefined;
      if (install) {
        const edit = addDirectiveValueEdit(text, contents, 'Install', 'WantedBy', DEFAULT_TARGET);
        if (edit) fix = { title: `Add WantedBy=${DEFAULT_TARGET}`, edits: [edit], safe: true };
      } else {
        const edit = insertUnitLineEdit(text, contents, contents.text.length, `\n[Install]\nWantedBy=${DEFAULT_TARGET}`);
        // After what other fixes add at the unit's end (RemainAfterExit= to its [Service]).
        if (edit) fix = { title: `Add [Install] WantedBy=${DEFAULT_TARGET}`, edits: [{ ...edit, last: true }], safe: true };
      }
      report({
        severity: 'warning',
        message: install
          ? `enabled: true, but [Install] has no WantedBy=, so the unit never starts at boot: add WantedBy=${DEFAULT_TARGET}.`
          : `enabled: true, but with no [Install] section the unit never starts at boot: add [Install] WantedBy=${DEFAULT_TARGET}.`,
        range: install ? install.header.rangeOf() : keyRange(enabled),
        data: { target: DEFAULT_TARGET },
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
