import { keyRange } from '../../../kinds/machineconfig/model';
import { childKey, IGNITION_SCHEMA, schemaAt } from '../../../kinds/machineconfig/schema';
import { closestWord } from '../../../text/suggest';
import { renameKeyEdit } from '../../../text/yamlEdits';
import { keyedPairs } from '../../../text/yamlDocuments';
import type { Fix } from '../../../text/problem';
import type { Rule } from '../rule';

/** The fields of MachineConfigSpec (openshift/api machineconfiguration/v1). */
const SPEC_FIELDS = Object.keys(schemaAt(['spec'])?.keys ?? {});

/**
 * Unknown keys under spec: `oc apply` refuses them (strict field validation) or the API
 * server prunes them, so what they say never reaches a node.
 */
export const mcUnknownField: Rule = {
  id: 'mc-unknown-field',
  check({ machineConfig: mc, report }) {
    if (!mc?.spec) return;
    for (const pair of keyedPairs(mc.spec)) {
      const key = String(pair.key.value);
      if (SPEC_FIELDS.includes(key)) continue;
      // Ignition sections people put directly under spec instead of spec.config.
      if (childKey(IGNITION_SCHEMA, key)) {
        report({
          severity: 'error',
          message: `${key} is an Ignition section, which the API server drops directly under spec: move it under spec.config.`,
          range: keyRange(pair),
          data: { key, moveTo: `spec.config.${key}` },
        });
        continue;
      }
      const suggestion = closestWord(key, SPEC_FIELDS);
      const fixes: Fix[] = [];
      const edit = suggestion ? renameKeyEdit(mc.spec, pair, suggestion) : undefined;
      // A case-only difference is unambiguous; another spelling is a guess the user should confirm.
      if (edit) fixes.push({ title: `Rename to ${suggestion}`, edits: [edit], safe: key.toLowerCase() === suggestion!.toLowerCase() });
      report({
        severity: 'error',
        message: `spec.${key} is not a MachineConfig field and never reaches a node: ${suggestion ? `did you mean ${suggestion}?` : 'remove or rename it.'}`,
        range: keyRange(pair),
        data: { key, ...(suggestion ? { suggestion } : {}) },
        fixes,
      });
    }
  },
};
