import type { ExecLine, MachineConfigModel, UnitText } from './model';
import { unitTextsOf } from './model';
import type { NmcliCommand } from './nmcli';

export interface NmcliUse {
  unit: UnitText;
  exec: ExecLine;
  nmcli: NmcliCommand;
}

/** Every `nmcli … modify` command of every unit text of the config. */
export function nmcliCommandsOf(mc: MachineConfigModel): NmcliUse[] {
  const uses: NmcliUse[] = [];
  for (const unit of unitTextsOf(mc)) {
    for (const exec of unit.execLines) if (exec.nmcli) uses.push({ unit, exec, nmcli: exec.nmcli });
  }
  return uses;
}

/**
 * Interfaces the cluster network owns (OVN-Kubernetes and OpenShift SDN): OVS bridges,
 * tunnels, management ports, patch ports.
 */
export const RESERVED_INTERFACES = ['br-int', 'br-local', 'br-nexthop', 'br0', 'tun0', 'genev_sys_*', 'vxlan_sys_*', 'k8s-*', 'ovn-k8s-*', 'patch-br-*'];

/** The reserved pattern `name` matches, if any. */
export function reservedInterface(name: string): string | undefined {
  return RESERVED_INTERFACES.find((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

/**
 * Names of physical Ethernet NICs and bonds as RHCOS names them (systemd predictable
 * names en*, kernel names eth*, biosdevname em* and pXpY, bondN, teamN). VLAN
 * sub-interfaces (ens5.100) are not included: they are rarely the br-ex port.
 */
export function looksLikeNic(name: string): boolean {
  return /^(eth\d+|en[a-zA-Z0-9]+|em\d+|p\d+p\d+|bond\d+|team\d+)$/.test(name);
}
