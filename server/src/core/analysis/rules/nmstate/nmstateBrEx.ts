import type { NmstateState } from '../../../formats/nmstateState';
import { nmstateKind } from '../../../kinds/nmstate/kind';
import type { NmstateModel } from '../../../kinds/nmstate/model';
import type { Rule } from '../rule';

const BR_EX = 'br-ex';

/**
 * The NMState Operator must not change br-ex (OVN-Kubernetes' gateway bridge, which
 * configure-ovs builds at boot) or the NIC under it; only a br-ex customized through NMState
 * at install time (bare metal: an nmstate file in a MachineConfig) may be changed day 2, by a
 * policy that carries br-ex's whole definition. Which of the two a cluster has, the file cannot
 * tell, so the finding says the condition. Judged for policies only: the MachineConfig file is
 * the customized br-ex itself, and an NMStateConfig is applied at install time.
 */
export const nmstateBrEx: Rule = {
  id: 'nmstate-br-ex',
  check({ kind, model, settings, report }) {
    if (kind !== nmstateKind || settings.networkType !== 'OVNKubernetes') return;
    const policy = model as NmstateModel;
    if (policy.form !== 'policy' || !policy.state) return;
    const nic = settings.brExInterface;
    if (settings.brExCustomizedByNmstate && carriesWholeBrEx(policy.state)) return;
    const said = new Set<string>();
    for (const iface of policy.state.interfaces) {
      const name = iface.name?.value;
      if (!name || (name !== BR_EX && name !== nic) || said.has(name)) continue;
      said.add(name);
      report({
        severity: 'warning',
        message: name === BR_EX
          ? 'Change br-ex with a policy only if br-ex was customized through NMState at install, and then define all of br-ex.'
          : `${name} is br-ex's NIC: change it with a policy only if br-ex was customized through NMState, defining all of br-ex.`,
        range: iface.name!.rangeOf(),
      });
    }
    for (const route of policy.state.routes) {
      const device = route.nextHopInterface;
      if (!device || (device.value !== BR_EX && device.value !== nic)) continue;
      report({
        severity: 'warning',
        message: device.value === BR_EX
          ? 'A policy may route over br-ex only if br-ex was customized through NMState at install, defining all of br-ex.'
          : `${device.value} is the NIC under br-ex: a policy may route over br-ex instead, only if br-ex was customized through NMState.`,
        range: device.rangeOf(),
      });
    }
  },
};

/** br-ex as the ovs-bridge and its ovs-interface: the whole of a customized br-ex, as the install-time file defines it. */
function carriesWholeBrEx(state: NmstateState): boolean {
  const types = state.interfaces.filter((iface) => iface.name?.value === BR_EX).map((iface) => iface.type?.value);
  return types.includes('ovs-bridge') && types.includes('ovs-interface');
}
