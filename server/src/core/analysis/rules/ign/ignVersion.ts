import { isScalar } from 'yaml';
import { firstReleaseAccepting, NEWEST_IGNITION_MINOR, newestIgnitionMinor } from '../../../kinds/machineconfig/ignitionVersions';
import { keyRange } from '../../../kinds/machineconfig/model';
import { pairOf, rangeOfNode } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

/**
 * spec.config.ignition.version: present, a full `3.x.y` string, accepted by the target
 * release. With the release unset (any supported release) a spec that only newer releases
 * accept is information, not a warning: the file cannot tell which release it is for.
 */
export const ignVersion: Rule = {
  id: 'ign-version',
  check({ machineConfig: mc, settings, report }) {
    if (!mc?.config || mc.config.items.length === 0) return;
    const ignitionPair = pairOf(mc.config, 'ignition');
    const versionPair = pairOf(mc.ignition, 'version');
    const newest = newestIgnitionMinor(settings.openshiftVersion);
    if (!versionPair || versionPair.value === null || (isScalar(versionPair.value) && versionPair.value.value === null)) {
      report({
        severity: 'error',
        message: `spec.config has no ignition.version, so the MCO cannot read it: add ignition: version: 3.${newest}.0.`,
        range: keyRange(versionPair ?? ignitionPair ?? pairOf(mc.spec, 'config')!),
        data: { suggestion: `3.${newest}.0` },
      });
      return;
    }
    const node = versionPair.value;
    const range = rangeOfNode(node);
    if (!isScalar(node)) {
      report({ severity: 'error', message: 'ignition.version must be a version string such as "3.2.0".', range });
      return;
    }
    if (typeof node.value !== 'string') {
      const asText = String(node.value);
      const full = /^\d+\.\d+$/.test(asText) ? `${asText}.0` : `3.${newest}.0`;
      report({
        severity: 'error',
        message: `ignition.version ${node.source ?? asText} is read as a ${typeof node.value}, not a version: write the full version string ${full}.`,
        range,
        data: { replacement: full },
      });
      return;
    }
    const match = /^(\d+)\.(\d+)\.(\d+)(-experimental)?$/.exec(node.value);
    if (!match) {
      report({
        severity: 'error',
        message: `ignition.version ${quoted(node.value, 30)} is not a spec version: use major.minor.patch, e.g. 3.${newest}.0.`,
        range,
      });
      return;
    }
    const [major, minor] = [Number(match[1]), Number(match[2])];
    if (major === 2) {
      report({
        severity: 'info',
        message: `Ignition spec ${node.value} is legacy, though the MCO still converts it: use 3.${newest}.0 for new configs.`,
        range,
        data: { suggestion: `3.${newest}.0` },
      });
    } else if (major !== 3) {
      report({ severity: 'error', message: `Ignition spec ${node.value} does not exist for MachineConfigs: use 3.x.y.`, range });
    } else if (settings.openshiftVersion && minor > newest) {
      report({
        severity: 'warning',
        message: `OpenShift ${settings.openshiftVersion} rejects Ignition ${node.value} and the pool degrades: use 3.${newest}.0, or change mcroutes.openshiftVersion.`,
        range,
        data: { replacement: `3.${newest}.0` },
      });
    } else if (minor > NEWEST_IGNITION_MINOR) {
      report({
        severity: 'warning',
        message: `No OpenShift release accepts Ignition ${node.value}: use 3.${newest}.0.`,
        range,
        data: { replacement: `3.${newest}.0` },
      });
    } else if (minor > newest) {
      report({
        severity: 'info',
        message: `Ignition ${node.value} needs OpenShift ${firstReleaseAccepting(minor)} or later: use 3.${newest}.0, or set mcroutes.openshiftVersion.`,
        range,
        data: { replacement: `3.${newest}.0` },
      });
    }
  },
};
