import { replaceVerbatimEdit } from '../edits';
import { looksLikeNic, nmcliCommandsOf, reservedInterface } from '../nmcliCommands';
import type { Rule } from './rule';

/**
 * On OVN-Kubernetes, configure-ovs (ovs-configuration.service) makes the node's NIC a
 * port of the OVS bridge br-ex and moves its IP configuration to br-ex. IP settings on
 * the port are refused or lost; the route belongs on br-ex (MCO configure-ovs). Flagged
 * for `device modify` on a name that looks like an Ethernet NIC or a bond; a secondary
 * NIC outside br-ex is legitimate (suppress the finding there).
 */
export const nmcliOvnPort: Rule = {
  id: 'nmcli-ovn-port',
  check({ text, machineConfig: mc, settings, report }) {
    if (!mc || settings.networkType !== 'OVNKubernetes') return;
    for (const { nmcli } of nmcliCommandsOf(mc)) {
      const target = nmcli.target;
      if (nmcli.object !== 'device' || !target) continue;
      const name = target.value;
      if (name === 'br-ex' || reservedInterface(name) || !looksLikeNic(name)) continue;
      const edit = replaceVerbatimEdit(text, target, 'br-ex');
      report({
        severity: 'error',
        message: `On OVN-Kubernetes the node's NIC ${name} is a port of the OVS bridge br-ex, which carries the node's IP: NetworkManager does not apply IP routes on the port, and configure-ovs re-activates it at boot. Put the route on br-ex. (If ${name} is a secondary NIC that is not part of br-ex, this does not apply: suppress it here.)`,
        range: target.rangeOf(),
        data: { replacement: 'br-ex' },
        ...(edit ? { fixes: [{ title: 'Route on br-ex instead', edits: [edit], safe: false }] } : {}),
      });
    }
  },
};
