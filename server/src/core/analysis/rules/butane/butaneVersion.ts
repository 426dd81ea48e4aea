import { isScalar } from 'yaml';
import { butaneKind } from '../../../kinds/butane/kind';
import { isOpenshiftButane, type ButaneModel } from '../../../kinds/butane/model';
import { NEWEST_STABLE_OPENSHIFT_SPEC, OPENSHIFT_SPECS, openshiftSpec, openshiftSpecForRelease } from '../../../kinds/butane/spec';
import { newestIgnitionMinor } from '../../../kinds/machineconfig/ignitionVersions';
import type { Fix } from '../../../text/problem';
import { releaseMinor } from '../../../text/settings';
import { closestWord } from '../../../text/suggest';
import { replaceScalarEdit } from '../../../text/yamlEdits';
import { rangeOfNode } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

/**
 * `version:` of an openshift Butane config: one Butane registers (config/config.go), not an
 * experimental one, and one whose compiled Ignition spec the target release accepts.
 */
export const butaneVersion: Rule = {
  id: 'butane-version',
  check({ kind, model, settings, report }) {
    if (kind !== butaneKind) return;
    const butane = model as ButaneModel;
    const node = butane.version?.value;
    if (!isOpenshiftButane(butane) || !isScalar(node)) return;
    // As written: `4.16` is read as a number, and Butane reads the text.
    const written = typeof node.value === 'string' ? node.value : node.source ?? String(node.value);
    const range = rangeOfNode(node);
    const spec = openshiftSpec(written);
    if (!spec) {
      const suggestion = suggestVersion(written);
      const edit = suggestion ? replaceScalarEdit(node, suggestion) : undefined;
      const sameMinor = suggestion !== undefined && minorOf(suggestion) === minorOf(written) && !written.includes('experimental');
      const fixes: Fix[] = edit ? [{ title: `Use version ${suggestion}`, edits: [edit], safe: sameMinor }] : [];
      report({
        severity: 'error',
        message: `Butane has no openshift spec ${quoted(written, 30)}, so it refuses the config${suggestion ? `; did you mean ${suggestion}?` : `: use 4.8.0 to ${NEWEST_STABLE_OPENSHIFT_SPEC.version}.`}`,
        range,
        data: { version: written, ...(suggestion ? { suggestion } : {}) },
        fixes,
      });
      return;
    }
    const release = releaseMinor(settings);
    const ignitionMinor = Number(spec.ignition.split('.')[1]);
    if (release !== undefined && ignitionMinor > newestIgnitionMinor(settings.openshiftVersion)) {
      const target = openshiftSpecForRelease(release);
      const edit = target ? replaceScalarEdit(node, target.version) : undefined;
      report({
        severity: 'warning',
        message: `version ${written} compiles to Ignition ${spec.ignition}, which OpenShift ${settings.openshiftVersion} refuses${target ? `: use ${target.version}.` : '.'}`,
        range,
        data: { version: written, ignition: spec.ignition, ...(target ? { suggestion: target.version } : {}) },
        // Not safe: an older spec may lack a key the config uses.
        fixes: edit ? [{ title: `Use version ${target!.version}`, edits: [edit], safe: false }] : [],
      });
      return;
    }
    if (spec.experimental) {
      report({
        severity: 'warning',
        message: `${written} is an experimental Butane spec, for development and testing only: use ${NEWEST_STABLE_OPENSHIFT_SPEC.version}.`,
        range,
        data: { version: written, suggestion: NEWEST_STABLE_OPENSHIFT_SPEC.version },
      });
    }
  },
};

function minorOf(version: string): number | undefined {
  const match = /^4\.(\d+)(?:\.|$)/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** `4.16`, `4.16.1`, `4.16.0-experimental` → 4.16.0; otherwise the closest spelling. */
function suggestVersion(written: string): string | undefined {
  const minor = minorOf(written.trim());
  const stable = OPENSHIFT_SPECS.filter((s) => !s.experimental);
  const byMinor = minor === undefined ? undefined : stable.find((s) => s.minor === minor);
  if (byMinor) return byMinor.version;
  return closestWord(written, stable.map((s) => s.version));
}
