import { nmcliCommandsOf, reservedInterface } from '../nmcliCommands';
import type { Rule } from './rule';

/**
 * Interfaces the cluster network creates and owns (br-int, br-local, br-nexthop, br0,
 * tun0, genev_sys_*, vxlan_sys_*, k8s-*, ovn-k8s-*, patch-br-*): NetworkManager does not
 * manage them, and routes set on them are overwritten or break pod networking.
 */
export const nmcliReservedIface: Rule = {
  id: 'nmcli-reserved-iface',
  check({ machineConfig: mc, report }) {
    if (!mc) return;
    for (const { nmcli } of nmcliCommandsOf(mc)) {
      const target = nmcli.target;
      if (nmcli.object !== 'device' || !target) continue;
      const pattern = reservedInterface(target.value);
      if (!pattern) continue;
      report({
        severity: 'error',
        message: `${target.value} belongs to the cluster network${pattern === target.value ? '' : ` (${pattern})`}: OVN-Kubernetes or OpenShift SDN create and manage it, not NetworkManager. Route through the node's own interface (br-ex on OVN-Kubernetes) instead.`,
        range: target.rangeOf(),
        data: { pattern },
      });
    }
  },
};
