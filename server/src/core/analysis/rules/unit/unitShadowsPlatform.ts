import { isScalar } from 'yaml';
import { isGeneratedByPlatform } from '../../../kinds/machineconfig/model';
import { hasPlaceholder } from '../../../text/placeholder';
import type { NetworkType } from '../../../text/settings';
import { pairOf, rangeOfNode, stringValue } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/** Units the platform itself writes or depends on (MCO templates, RHCOS). */
const PLATFORM_UNITS = new Set([
  'kubelet.service', 'crio.service', 'ovs-configuration.service', 'nodeip-configuration.service',
  'openvswitch.service', 'ovs-vswitchd.service', 'ovsdb-server.service', 'machine-config-daemon-firstboot.service',
  'machine-config-daemon-pull.service', 'kubelet-dependencies.target',
]);
const NETWORK_MANAGER = /^NetworkManager(-[A-Za-z0-9-]+)?\.service$/;

export function isPlatformUnit(name: string): boolean {
  return PLATFORM_UNITS.has(name) || NETWORK_MANAGER.test(name);
}

/**
 * Masking OVS's units: unit-ovs-disabled says what that costs on OVN-Kubernetes; on OpenShift
 * SDN the MCO leaves ovs-configuration.service disabled, so masking it changes nothing.
 */
function maskSaidElsewhere(name: string, networkType: NetworkType): boolean {
  return name === 'ovs-configuration.service' || (name === 'openvswitch.service' && networkType === 'OVNKubernetes');
}

/**
 * A unit with `contents` replaces the whole unit file. For a platform unit that throws away
 * what the platform put there (and fights every update of it); a dropin changes only what
 * it says. Masking one disables it.
 */
export const unitShadowsPlatform: Rule = {
  id: 'unit-shadows-platform',
  check({ ignition: mc, settings, report }) {
    if (!mc) return;
    // The platform's own configs (00-worker, rendered-worker-…) define these units on purpose.
    if (isGeneratedByPlatform(mc)) return;
    for (const unit of mc.units) {
      const name = stringValue(unit.name);
      if (!name || hasPlaceholder(name) || !isPlatformUnit(name)) continue;
      if (unit.contents && unit.contents.text.value.trim() !== '') {
        report({
          severity: 'warning',
          message: `${name} is a platform unit that these contents replace entirely: use a dropin instead.`,
          range: rangeOfNode(unit.name),
          data: { unit: name },
        });
      }
      const mask = pairOf(unit.node, 'mask')?.value;
      if (isScalar(mask) && mask.value === true && !maskSaidElsewhere(name, settings.networkType)) {
        report({
          severity: 'warning',
          message: `mask: true disables ${name}, which the platform needs: change it with a dropin instead.`,
          range: rangeOfNode(mask),
          data: { unit: name },
        });
      }
    }
  },
};
