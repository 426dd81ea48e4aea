import { nmcliCommandsOf } from '../nmcliCommands';
import type { Rule } from './rule';

/**
 * `nmcli device modify` (and `connection modify --temporary`) changes the running
 * device only: the route is gone when the connection is re-activated, until the unit
 * runs again at the next boot. Fine for a boot-time unit, worth knowing when debugging.
 * `connection modify` is saved in the profile and is not flagged. Reported once per unit
 * text, on its first such command.
 */
export const nmcliDeviceRuntime: Rule = {
  id: 'nmcli-device-runtime',
  check({ machineConfig: mc, report }) {
    if (!mc) return;
    const seen = new Set<unknown>();
    for (const { unit, nmcli } of nmcliCommandsOf(mc)) {
      if (nmcli.object !== 'device' && !nmcli.temporary) continue;
      // Once per unit text: the same fact about every line would only be noise.
      if (seen.has(unit)) continue;
      seen.add(unit);
      const range = { start: nmcli.objectWord.rangeOf().start, end: nmcli.verbWord.rangeOf().end };
      report({
        severity: 'hint',
        message: nmcli.object === 'device'
          ? `nmcli device modify changes the running device only: the routes are lost whenever the connection is re-activated (nmcli connection up, a NetworkManager restart, configure-ovs), until this unit runs again at the next boot. For routes that stay, modify the connection profile (nmcli connection modify) or use an NMState policy.`
          : `connection modify --temporary does not save the change in the profile: the routes are lost when the connection is re-activated, until this unit runs again at the next boot.`,
        range,
      });
    }
  },
};
