import type { ExecLine, FileModel, IgnitionConfig, ScriptCommand, UnitText } from './model';
import { oncePerConfig, unitTextsOf } from './model';
import type { NmcliCommand } from '../../formats/nmcli';
import type { NetworkType } from '../../text/settings';

/** An nmcli command in an Exec*= line of a unit (or dropin), or in the `sh -c` script of one. */
export interface UnitNmcliUse {
  origin: 'unit';
  unit: UnitText;
  exec: ExecLine;
  /** The command of the line's `sh -c` script, when the nmcli command is in there. */
  command?: ScriptCommand;
  nmcli: NmcliCommand;
}

/** An nmcli command in a shell script written by storage.files. */
export interface ScriptNmcliUse {
  origin: 'script';
  file: FileModel;
  command: ScriptCommand;
  nmcli: NmcliCommand;
}

export type NmcliUse = UnitNmcliUse | ScriptNmcliUse;

/** The unit text or script file a command is written in, for findings given once per source. */
export function sourceOf(use: NmcliUse): UnitText | FileModel {
  return use.origin === 'unit' ? use.unit : use.file;
}

/** Every `nmcli … modify` command of the config: in every unit text (`sh -c` scripts included), then in every script of storage.files. */
export const nmcliCommandsOf: (mc: IgnitionConfig) => readonly NmcliUse[] = oncePerConfig((mc) => collectNmcliCommands(mc));

function collectNmcliCommands(mc: IgnitionConfig): NmcliUse[] {
  const uses: NmcliUse[] = [];
  for (const unit of unitTextsOf(mc)) {
    for (const exec of unit.execLines) {
      if (exec.nmcli) uses.push({ origin: 'unit', unit, exec, nmcli: exec.nmcli });
      for (const command of exec.script ?? []) if (command.nmcli) uses.push({ origin: 'unit', unit, exec, command, nmcli: command.nmcli });
    }
  }
  for (const file of mc.files) {
    for (const command of file.scriptCommands ?? []) {
      if (command.nmcli) uses.push({ origin: 'script', file, command, nmcli: command.nmcli });
    }
  }
  return uses;
}

/**
 * Interfaces OVN-Kubernetes creates and owns: OVS bridges, tunnels, management and patch
 * ports. br-ex is not among them: it carries the node's IP and takes host routes.
 */
export const OVN_RESERVED_INTERFACES = ['br-int', 'br-local', 'br-nexthop', 'br-ext', 'genev_sys_*', 'k8s-*', 'ovn-k8s-*', 'patch-br-*'];
/** OpenShift SDN's own: on OVN-Kubernetes `br0` and `tun0` are ordinary names (a user's Linux bridge, a VPN). */
export const SDN_RESERVED_INTERFACES = ['br0', 'tun0', 'vxlan_sys_*'];

/**
 * The reserved pattern `name` matches under the network type, if any. OVN-Kubernetes'
 * names count on OpenShift SDN as well: they are unmistakable, and a cluster migrating
 * between the two has both.
 */
export function reservedInterface(name: string, networkType: NetworkType): string | undefined {
  const patterns = networkType === 'OpenShiftSDN' ? [...OVN_RESERVED_INTERFACES, ...SDN_RESERVED_INTERFACES] : OVN_RESERVED_INTERFACES;
  return patterns.find((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

/**
 * Names of physical Ethernet NICs and bonds as RHCOS names them (systemd predictable
 * names en*, kernel names eth*, biosdevname em* and pXpY, bondN, teamN). VLAN
 * sub-interfaces (ens5.100) are not included: they are rarely the br-ex port.
 */
export function looksLikeNic(name: string): boolean {
  return /^(eth\d+|en[a-zA-Z0-9]+|em\d+|p\d+p\d+|bond\d+|team\d+)$/.test(name);
}
