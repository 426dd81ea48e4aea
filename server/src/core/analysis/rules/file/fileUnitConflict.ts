import { rangeOfNode, stringValue } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

const SYSTEMD_DIR = '/etc/systemd/system/';

/**
 * A file written where a unit (or dropin) with contents is written too: Ignition refuses
 * the config (ErrPathConflictsSystemd): the unit's contents belong in the unit only.
 */
export const fileUnitConflict: Rule = {
  id: 'file-unit-conflict',
  check({ ignition: mc, report }) {
    if (!mc) return;
    const unitPaths = new Map<string, 'unit' | 'dropin'>();
    for (const unit of mc.units) {
      const name = stringValue(unit.name);
      if (!name) continue;
      if (unit.contents && unit.contents.text.value !== '') unitPaths.set(`${SYSTEMD_DIR}${name}`, 'unit');
      for (const dropin of unit.dropins) {
        const dropinName = stringValue(dropin.name);
        if (dropinName && dropin.contents && dropin.contents.text.value !== '') {
          unitPaths.set(`${SYSTEMD_DIR}${name}.d/${dropinName}`, 'dropin');
        }
      }
    }
    if (unitPaths.size === 0) return;
    for (const file of mc.files) {
      const owner = file.pathValue !== undefined ? unitPaths.get(file.pathValue) : undefined;
      if (!owner || !file.path) continue;
      report({
        severity: 'error',
        message: `Ignition refuses this file, as a ${owner} in systemd.units writes the same path: keep one of the two, normally the ${owner}.`,
        range: rangeOfNode(file.path),
      });
    }
  },
};
