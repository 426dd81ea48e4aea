import { unitTextsOf } from '../../../kinds/machineconfig/model';
import type { Rule } from '../rule';

/** The embedded unit is not a valid unit file; each problem points at its own line. */
export const unitParse: Rule = {
  id: 'unit-parse',
  check({ ignition: mc, report }) {
    if (!mc) return;
    for (const unit of unitTextsOf(mc)) {
      for (const error of unit.file.errors) {
        report({ severity: 'error', message: error.message, range: error.at.rangeOf() });
      }
      for (const exec of unit.execLines) {
        if (exec.command.error) {
          report({ severity: 'error', message: `${exec.directive.key.value}: ${exec.command.error.message}`, range: exec.command.error.at.rangeOf() });
        }
      }
    }
  },
};
