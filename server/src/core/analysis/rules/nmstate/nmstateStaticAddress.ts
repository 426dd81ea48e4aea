import type { NmstateInterface, NmstateState } from '../../../formats/nmstateState';
import type { EmbeddedText } from '../../../text/embeddedText';
import { nmstateKind } from '../../../kinds/nmstate/kind';
import type { NmstateModel } from '../../../kinds/nmstate/model';
import { selectorReach } from '../../../kinds/nmstate/selector';
import { NMSTATE_OPENSHIFT_DIRECTORY } from '../../../kinds/machineconfig/nmstateFiles';
import type { Rule } from '../rule';

const CLUSTER_FILE = `${NMSTATE_OPENSHIFT_DIRECTORY}cluster.yml`;

/**
 * A static address in a state that more than one node applies: a policy whose selector does
 * not name one node (`kubernetes.io/hostname`), or a MachineConfig's
 * /etc/nmstate/openshift/cluster.yml, which nmstate-configuration.service applies on every
 * node of the pool that has no <hostname>.yml. Every such node gets the same address.
 */
export const nmstateStaticAddress: Rule = {
  id: 'nmstate-static-address',
  check({ kind, model, ignition, report }) {
    if (kind === nmstateKind) {
      const policy = model as NmstateModel;
      if (policy.form !== 'policy' || !policy.state) return;
      const reach = selectorReach(policy);
      if (reach !== 'every' && reach !== 'several') return;
      const who = reach === 'every' ? 'Every node' : 'Every selected node';
      for (const ip of firstStaticAddresses(policy.state)) {
        report({
          severity: 'error',
          message: `${who} gets ${ip.value}: use one policy per kubernetes.io/hostname, or DHCP.`,
          range: ip.rangeOf(),
        });
      }
      return;
    }
    if (!ignition) return;
    const files = ignition.files;
    const cluster = files.find((file) => file.pathValue === CLUSTER_FILE && file.nmstate?.state);
    if (!cluster?.nmstate?.state) return;
    // With host files beside it, cluster.yml is for the nodes that have none: fewer, but the file cannot tell how many.
    const hostFiles = files.some((file) => file !== cluster && file.pathValue?.startsWith(NMSTATE_OPENSHIFT_DIRECTORY) && file.pathValue.endsWith('.yml'));
    for (const ip of firstStaticAddresses(cluster.nmstate.state)) {
      report({
        severity: hostFiles ? 'warning' : 'error',
        message: hostFiles
          ? `Every node of the pool without its own <hostname>.yml gets ${ip.value} from cluster.yml: give each node its file.`
          : `Every node of the pool gets ${ip.value} from cluster.yml: put static addresses in per-node <hostname>.yml files.`,
        range: ip.rangeOf(),
      });
    }
  },
};

/** The first static address of each interface that is up and does not take its addresses from DHCP or autoconf. */
function firstStaticAddresses(state: NmstateState): EmbeddedText[] {
  const found: EmbeddedText[] = [];
  for (const iface of state.interfaces) {
    if (iface.state !== undefined && iface.state !== 'up') continue;
    const ip = staticAddress(iface);
    if (ip) found.push(ip);
  }
  return found;
}

function staticAddress(iface: NmstateInterface): EmbeddedText | undefined {
  for (const config of [iface.ipv4, iface.ipv6]) {
    if (!config || config.enabled === false || config.dhcp === true || config.autoconf === true) continue;
    const ip = config.addresses.find((address) => address.ip)?.ip;
    if (ip) return ip;
  }
  return undefined;
}
