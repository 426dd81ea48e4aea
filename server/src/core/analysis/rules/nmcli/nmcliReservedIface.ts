import { routeDevicesOf } from '../../../kinds/machineconfig/configInterfaces';
import { OVN_RESERVED_INTERFACES, reservedInterface } from '../../../kinds/machineconfig/nmcliCommands';
import type { Rule } from '../rule';

/**
 * Interfaces the cluster network creates and owns: NetworkManager does not manage them,
 * and routes set on them are overwritten or break pod networking. Which names those are
 * depends on the network type: OVN-Kubernetes' bridges, tunnels and ports everywhere;
 * br0, tun0 and vxlan_sys_* only on OpenShift SDN (on OVN-Kubernetes br0 is often a
 * user's own Linux bridge). Judged wherever the config names the interface of its routes:
 * nmcli `device modify`, a keyfile's interface-name, a route file's profile, `ip route … dev`.
 */
export const nmcliReservedIface: Rule = {
  id: 'nmcli-reserved-iface',
  check({ ignition: mc, settings, report }) {
    if (!mc) return;
    for (const device of routeDevicesOf(mc)) {
      const pattern = reservedInterface(device.name, settings.networkType);
      if (!pattern) continue;
      const owner = OVN_RESERVED_INTERFACES.includes(pattern) ? 'OVN-Kubernetes' : 'OpenShift SDN';
      const instead = settings.networkType === 'OVNKubernetes' ? 'br-ex or a secondary NIC' : "the node's own NIC";
      report({
        severity: 'error',
        message: `${device.name} belongs to ${owner}: routes on it are lost or break pod traffic; use ${instead}.`,
        range: device.range,
        data: { pattern },
      });
    }
  },
};
