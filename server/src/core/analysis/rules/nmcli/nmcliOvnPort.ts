import { interfaceAddressesOf, routeDevicesOf, type RouteDevice } from '../../../kinds/machineconfig/configInterfaces';
import { replaceVerbatimEdit } from '../../../text/edits';
import type { IgnitionConfig, UnitText } from '../../../kinds/machineconfig/model';
import { looksLikeNic, reservedInterface } from '../../../kinds/machineconfig/nmcliCommands';
import type { Fix, TextEdit } from '../../../text/problem';
import { directivesOf, valueHasWord } from '../../../formats/unitFile';
import { stringValue } from '../../../text/yamlDocuments';
import { NETWORK_SCRIPTS_DIRECTORY } from '../../../formats/routeFile';
import type { Rule } from '../rule';
import { addDirectiveValueEdit } from '../../../kinds/machineconfig/unitEdits';

/**
 * On OVN-Kubernetes, configure-ovs (ovs-configuration.service) makes the node's NIC a port
 * of the OVS bridge br-ex and moves its IP configuration to br-ex: routes on that NIC
 * belong on br-ex (MCO configure-ovs). Which NIC that is cannot be told from its name, and
 * secondary NICs (storage, backup) are the commonest reason for static routes: an error
 * only where the setting mcroutes.brExInterface names the NIC, otherwise a question on
 * names that look like an Ethernet NIC or a bond. Judged wherever the config names the
 * interface of its routes: nmcli `device modify`, `ip route … dev`, and a keyfile or a
 * route file that uses DHCP (configure-ovs keeps a static profile's routes). A NIC the
 * config gives an address at run time is not asked about: br-ex's port carries no IP.
 */
export const nmcliOvnPort: Rule = {
  id: 'nmcli-ovn-port',
  check({ text, ignition: mc, settings, report }) {
    if (!mc || settings.networkType !== 'OVNKubernetes') return;
    // A NIC the config gives an address at run time is no port of br-ex, which carries no IP.
    const addressed = new Set(interfaceAddressesOf(mc).filter((a) => a.runtime).flatMap((a) => a.names));
    for (const device of routeDevicesOf(mc)) {
      const name = device.name;
      if (name === 'br-ex' || reservedInterface(name, settings.networkType)) continue;
      const known = settings.brExInterface;
      if (known !== undefined && name !== known) continue;
      if (known === undefined && (!looksLikeNic(name) || addressed.has(name))) continue;
      // A profile's routes are lost under br-ex only when it uses DHCP: configure-ovs clones a
      // static profile (routes included) into br-ex's, and keeps only DNS and DHCP ids of a DHCP one.
      const profile = device.source === 'keyfile' || device.source === 'route-file';
      if (profile && (device.routes.length === 0 || !profileUsesDhcp(mc, device))) continue;
      const edit = !profile && device.text ? replaceVerbatimEdit(text, device.text, 'br-ex') : undefined;
      const ordering = edit && device.nmcli?.origin === 'unit' ? orderingEdit(text, mc, device.nmcli.unit) : undefined;
      const fixes: Fix[] = edit && ordering !== null ? [{ title: 'Route on br-ex instead', edits: ordering ? [edit, ordering] : [edit], safe: false }] : [];
      report({
        range: device.range,
        data: { ...(fixes.length > 0 ? { replacement: 'br-ex' } : {}), ...(known ? { brExInterface: known } : {}) },
        ...(fixes.length > 0 ? { fixes } : {}),
        ...(known === undefined ? { severity: 'info', message: question(name, profile) } : { severity: 'error', message: knownPort(name, profile) }),
      });
    }
  },
};

/** Units ordered after br-ex exists. */
const AFTER_BR_EX = ['ovs-configuration.service', 'kubelet-dependencies.target', 'kubelet.service'];

/**
 * A unit that moves to br-ex must run after configure-ovs has built it: the edit that adds
 * After=ovs-configuration.service to the unit of `text` (a unit or a dropin) when nothing
 * orders it so yet; undefined when it is ordered; null when the edit cannot be written.
 */
function orderingEdit(source: string, mc: IgnitionConfig, text: UnitText): TextEdit | undefined | null {
  const unit = mc.units.find((u) => u.contents === text || u.dropins.some((d) => d.contents === text));
  if (!unit) return null;
  if (AFTER_BR_EX.includes(stringValue(unit.name) ?? '')) return undefined;
  const texts = [unit.contents, ...unit.dropins.map((d) => d.contents)].filter((t): t is UnitText => t !== undefined);
  const ordered = texts.some((t) => directivesOf(t.file, 'Unit', 'After').some((d) => AFTER_BR_EX.some((name) => valueHasWord(d, name))) ||
    directivesOf(t.file, 'Unit', 'Before').some((d) => valueHasWord(d, 'ovs-configuration.service')));
  if (ordered) return undefined;
  const main = unit.contents;
  return (main ? addDirectiveValueEdit(source, main, 'Unit', 'After', 'ovs-configuration.service') : undefined) ?? null;
}

/** Nothing says which NIC br-ex is built on: ask. */
function question(name: string, profile: boolean): string {
  return profile
    ? `If ${name} is the NIC under br-ex, this DHCP profile loses its routes: set mcroutes.brExInterface to settle it.`
    : `If ${name} is the NIC under br-ex, the route belongs on br-ex: set mcroutes.brExInterface to settle it.`;
}

/** The setting names this NIC as br-ex's. */
function knownPort(name: string, profile: boolean): string {
  return profile
    ? `${name}, the NIC under br-ex, uses DHCP, so configure-ovs keeps none of this profile's routes: add them on br-ex.`
    : `${name} is the NIC under br-ex, a port that carries no IP on OVN-Kubernetes: put the route on br-ex.`;
}

/**
 * Whether the profile gets its addresses by DHCP: a keyfile with no `method=manual` in
 * [ipv4] or [ipv6] (configure-ovs looks for manual in either); a route file whose
 * ifcfg-NAME in the same config says BOOTPROTO=dhcp (without it, unknown: no).
 */
function profileUsesDhcp(mc: IgnitionConfig, device: RouteDevice): boolean {
  const keyfile = device.file?.keyfile;
  if (keyfile) {
    return !keyfile.groups.some((g) => (g.name === 'ipv4' || g.name === 'ipv6') &&
      g.entries.filter((e) => e.key.value === 'method').pop()?.value.value === 'manual');
  }
  const ifcfg = mc.files.find((file) => file.pathValue === `${NETWORK_SCRIPTS_DIRECTORY}ifcfg-${device.name}`)?.text?.value;
  return ifcfg !== undefined && /^\s*BOOTPROTO=["']?dhcp/im.test(ifcfg);
}
