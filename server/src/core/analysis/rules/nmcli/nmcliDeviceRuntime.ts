import { nmcliCommandsOf, sourceOf, type NmcliUse } from '../../../kinds/machineconfig/nmcliCommands';
import type { Settings } from '../../../text/settings';
import type { Rule } from '../rule';

/**
 * `nmcli device modify` (and `connection modify --temporary`) changes the running device
 * only: the route is gone when the connection is re-activated, until the unit runs again
 * at the next boot. Fine for a boot-time unit, worth knowing when debugging. What lasts
 * depends on the device: on OVN-Kubernetes configure-ovs rebuilds br-ex's profiles at
 * every boot, so for br-ex a boot-time unit ordered after ovs-configuration.service is the
 * way (a `connection modify` would not last either); a secondary NIC keeps routes in its
 * own profile (a keyfile, `connection modify` and re-activation) or an NMState policy.
 * `connection modify` is saved in the profile and is not flagged. Once per unit text or
 * script, on its first such command.
 */
export const nmcliDeviceRuntime: Rule = {
  id: 'nmcli-device-runtime',
  check({ ignition: mc, settings, report }) {
    if (!mc) return;
    const seen = new Set<unknown>();
    for (const use of nmcliCommandsOf(mc)) {
      const nmcli = use.nmcli;
      if (nmcli.object !== 'device' && !nmcli.temporary) continue;
      // Once per unit text or script: the same fact about every line would only be noise.
      const source = sourceOf(use);
      if (seen.has(source)) continue;
      seen.add(source);
      report({
        severity: 'hint',
        message: adviceFor(use, settings),
        range: { start: nmcli.objectWord.rangeOf().start, end: nmcli.verbWord.rangeOf().end },
        data: { brEx: onBrEx(use, settings) },
      });
    }
  },
};

/** br-ex on OVN-Kubernetes: the device itself, or configure-ovs' profile that holds its IP. */
function onBrEx(use: NmcliUse, settings: Settings): boolean {
  const target = use.nmcli.target?.value;
  if (settings.networkType !== 'OVNKubernetes' || target === undefined) return false;
  return use.nmcli.object === 'device' ? target === 'br-ex' : target === 'br-ex' || target === 'ovs-if-br-ex';
}

function adviceFor(use: NmcliUse, settings: Settings): string {
  // A script may run at every boot, or at every connection event (dispatcher.d): say only what is sure.
  const unit = use.origin === 'unit';
  if (onBrEx(use, settings)) {
    return unit
      ? 'Runtime only, which suits br-ex: re-add the routes at boot in a unit ordered After=ovs-configuration.service.'
      : 'Runtime only, which suits br-ex: configure-ovs rebuilds it at boot, so re-adding the routes after it is what lasts.';
  }
  if (use.nmcli.object === 'connection') {
    return 'connection modify --temporary is not saved, so the routes are lost on re-activation: drop --temporary to keep them.';
  }
  // The NIC under br-ex: nmcli-ovn-port says where the routes belong.
  if (settings.networkType === 'OVNKubernetes' && use.nmcli.target?.value === settings.brExInterface) {
    return `device modify is runtime only: routes are lost on re-activation, ${unit ? 'until this unit runs at the next boot' : 'until this script runs again'}.`;
  }
  return 'device modify is runtime only: to keep the routes across re-activation, use a keyfile, connection modify or NMState.';
}
