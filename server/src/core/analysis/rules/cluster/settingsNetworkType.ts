import { keyRange } from '../../../kinds/machineconfig/model';
import { releaseMinor } from '../../../text/settings';
import type { Rule } from '../rule';

/** OpenShift SDN was removed in 4.17 (release notes): a cluster at 4.17 or later runs OVN-Kubernetes. */
const SDN_REMOVED_IN_MINOR = 17;

/**
 * The settings contradict each other: networkType OpenShiftSDN with a release that has no
 * OpenShift SDN. Every finding that depends on the network type is then judged for a
 * cluster that cannot exist. Said once per file, at the first MachineConfig's kind.
 */
export const settingsNetworkType: Rule = {
  id: 'settings-network-type',
  oncePerFile: true,
  check({ machineConfig: mc, settings, report }) {
    if (!mc || settings.networkType !== 'OpenShiftSDN') return;
    const minor = releaseMinor(settings);
    if (minor === undefined || minor < SDN_REMOVED_IN_MINOR) return;
    report({
      severity: 'info',
      message: `OpenShift ${settings.openshiftVersion} has no OpenShift SDN: set mcroutes.networkType to OVNKubernetes, or the release you run.`,
      range: keyRange(mc.kind),
      data: { networkType: settings.networkType, openshiftVersion: settings.openshiftVersion },
    });
  },
};
