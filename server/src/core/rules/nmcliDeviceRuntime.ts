import { nmcliCommandsOf, sourceOf } from '../nmcliCommands';
import type { Rule } from './rule';

/**
 * `nmcli device modify` (and `connection modify --temporary`) changes the running
 * device only: the route is gone when the connection is re-activated, until the unit
 * runs again at the next boot. Fine for a boot-time unit, worth knowing when debugging.
 * `connection modify` is saved in the profile and is not flagged. Reported once per unit
 * text or script, on its first such command.
 */
export const nmcliDeviceRuntime: Rule = {
  id: 'nmcli-device-runtime',
  check({ machineConfig: mc, report }) {
    if (!mc) return;
    const seen = new Set<unknown>();
    for (const use of nmcliCommandsOf(mc)) {
      const nmcli = use.nmcli;
      if (nmcli.object !== 'device' && !nmcli.temporary) continue;
      // Once per unit text or script: the same fact about every line would only be noise.
      const source = sourceOf(use);
      if (seen.has(source)) continue;
      seen.add(source);
      const range = { start: nmcli.objectWord.rangeOf().start, end: nmcli.verbWord.rangeOf().end };
      // A script may run at every boot, or at every connection event (dispatcher.d): say only what is sure.
      const until = use.origin === 'unit' ? 'until this unit runs again at the next boot' : 'until this script runs again';
      report({
        severity: 'hint',
        message: nmcli.object === 'device'
          ? `nmcli device modify changes the running device only: the routes are lost whenever the connection is re-activated (nmcli connection up, a NetworkManager restart, configure-ovs), ${until}. For routes that stay, modify the connection profile (nmcli connection modify) or use an NMState policy.`
          : `connection modify --temporary does not save the change in the profile: the routes are lost when the connection is re-activated, ${until}.`,
        range,
      });
    }
  },
};
