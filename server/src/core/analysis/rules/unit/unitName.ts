import { isNode } from 'yaml';
import { hasPlaceholder } from '../../../text/placeholder';
import { rangeOfNode, stringValue } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

const UNIT_SUFFIXES = ['.service', '.socket', '.device', '.mount', '.automount', '.swap', '.target', '.path', '.timer', '.snapshot', '.slice', '.scope'];

/** Ignition refuses unit names without a unit type suffix, and dropins not ending in .conf. */
export const unitName: Rule = {
  id: 'unit-name',
  check({ ignition: mc, report }) {
    if (!mc) return;
    for (const unit of mc.units) {
      const name = stringValue(unit.name);
      if (name !== undefined && hasPlaceholder(name)) continue; // placeholder says it
      if (!unit.name || name === undefined || name === '') {
        report({
          severity: 'error',
          message: 'A systemd unit needs a name such as add-static-route.service.',
          range: rangeOfNode(unit.name ?? firstKeyOf(unit.node) ?? unit.node),
        });
      } else if (!UNIT_SUFFIXES.some((suffix) => name.endsWith(suffix)) || UNIT_SUFFIXES.includes(name)) {
        report({
          severity: 'error',
          message: `Unit name ${quoted(name)} must end in a unit type such as .service, or Ignition rejects it.`,
          range: rangeOfNode(unit.name),
          data: name.includes('.') ? undefined : { replacement: `${name}.service` },
        });
      }
      for (const dropin of unit.dropins) {
        const dropinName = stringValue(dropin.name);
        if (dropinName !== undefined && hasPlaceholder(dropinName)) continue;
        if (dropinName === undefined || !dropinName.endsWith('.conf') || dropinName === '.conf') {
          report({
            severity: 'error',
            message: `A dropin name must end in .conf${dropinName ? `, not ${quoted(dropinName)}` : ''}, or Ignition rejects it.`,
            range: rangeOfNode(dropin.name ?? dropin.node),
          });
        }
      }
    }
  },
};

function firstKeyOf(map: { items: { key: unknown }[] }) {
  const key = map.items[0]?.key;
  return isNode(key) ? key : undefined;
}
