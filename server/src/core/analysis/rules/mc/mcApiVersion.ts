import { isScalar } from 'yaml';
import { keyRange, MACHINECONFIG_API_VERSION } from '../../../kinds/machineconfig/model';
import { rangeOfNode, stringValue } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

/** kind spelt exactly `MachineConfig` and apiVersion `machineconfiguration.openshift.io/v1`. */
export const mcApiVersion: Rule = {
  id: 'mc-api-version',
  check({ machineConfig: mc, report }) {
    if (!mc) return;
    const kindNode = mc.kind.value;
    if (isScalar(kindNode) && kindNode.value !== 'MachineConfig') {
      report({
        severity: 'error',
        message: `The API server does not know kind ${quoted(String(kindNode.value))}: spell it exactly MachineConfig.`,
        range: rangeOfNode(kindNode),
        data: { replacement: 'MachineConfig' },
      });
    }
    if (!mc.apiVersion) {
      report({
        severity: 'error',
        message: `apiVersion is missing: a MachineConfig needs apiVersion: ${MACHINECONFIG_API_VERSION}.`,
        range: keyRange(mc.kind),
        data: { expected: MACHINECONFIG_API_VERSION },
      });
      return;
    }
    const valueNode = mc.apiVersion.value;
    const value = stringValue(isScalar(valueNode) ? valueNode : undefined);
    if (value !== MACHINECONFIG_API_VERSION) {
      report({
        severity: 'error',
        message: `apiVersion must be ${MACHINECONFIG_API_VERSION}${value ? `, not ${quoted(value)}` : ''}.`,
        range: valueNode ? rangeOfNode(valueNode) : keyRange(mc.apiVersion),
        data: { replacement: MACHINECONFIG_API_VERSION },
      });
    }
  },
};
