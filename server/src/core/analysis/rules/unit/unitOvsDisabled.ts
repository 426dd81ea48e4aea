import { isScalar } from 'yaml';
import { removePairEdit } from '../../../text/edits';
import { isGeneratedByPlatform } from '../../../kinds/machineconfig/model';
import { pairOf, rangeOfNode, stringValue } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

const OVS_CONFIGURATION = 'ovs-configuration.service';
const OPENVSWITCH = 'openvswitch.service';

/**
 * On OVN-Kubernetes, ovs-configuration.service (configure-ovs.sh) builds br-ex at every boot
 * and moves the node's IP onto it; it needs openvswitch.service (MCO templates: the MCO enables
 * it exactly when the network type is OVNKubernetes). Disabled or masked, br-ex is never built,
 * and the node loses its network. Deliberate only in special designs such as DPU offload, so
 * a warning, and removing the line is a fix to review. Disabling openvswitch.service does not
 * stop it (ovs-configuration.service Requires= it); masking does.
 */
export const unitOvsDisabled: Rule = {
  id: 'unit-ovs-disabled',
  check({ text, ignition: mc, settings, report }) {
    if (!mc || settings.networkType !== 'OVNKubernetes' || isGeneratedByPlatform(mc)) return;
    for (const unit of mc.units) {
      const name = stringValue(unit.name);
      if (name !== OVS_CONFIGURATION && name !== OPENVSWITCH) continue;
      const keys = name === OVS_CONFIGURATION ? ['mask', 'enabled'] : ['mask'];
      for (const key of keys) {
        const pair = pairOf(unit.node, key);
        if (!pair || !isScalar(pair.value) || pair.value.value !== (key === 'mask')) continue;
        const written = `${key}: ${pair.value.source ?? String(pair.value.value)}`;
        const removal = removePairEdit(text, unit.node, pair);
        report({
          severity: 'warning',
          message: name === OVS_CONFIGURATION
            ? `${key === 'mask' ? 'Masked' : 'Disabled'}, ${name} never builds br-ex and the node loses its network: remove ${written}.`
            : `Masked, ${name} never starts, so br-ex is never built and the node loses its network: remove ${written}.`,
          range: rangeOfNode(pair.value),
          data: { unit: name, key },
          ...(removal ? { fixes: [{ title: `Remove ${written}`, edits: [removal], safe: false }] } : {}),
        });
      }
    }
  },
};
