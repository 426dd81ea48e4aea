import { isScalar } from 'yaml';
import { butaneKind } from '../../../kinds/butane/kind';
import { OPENSHIFT_VARIANT, type ButaneModel } from '../../../kinds/butane/model';
import { openshiftSpecForRelease } from '../../../kinds/butane/spec';
import { ROLE_LABEL } from '../../../kinds/machineconfig/pools';
import type { Fix } from '../../../text/problem';
import { releaseMinor } from '../../../text/settings';
import { replaceScalarEdit } from '../../../text/yamlEdits';
import { mapAt, pairOf, rangeOfNode } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/**
 * A Butane config meant for OpenShift (it carries the role label or an `openshift:` section)
 * with another variant: `butane` prints a plain Ignition config, not a MachineConfig. Without
 * either sign an fcos/flatcar/… config is simply not for a cluster. `rhcos` was removed from
 * Butane ("rhcos variant has been removed; use openshift variant instead"): always said.
 */
export const butaneVariant: Rule = {
  id: 'butane-variant',
  check({ kind, model, settings, report }) {
    if (kind !== butaneKind) return;
    const butane = model as ButaneModel;
    const variantNode = butane.variant.value;
    if (!isScalar(variantNode) || variantNode.value === OPENSHIFT_VARIANT) return;
    const variant = String(variantNode.value);
    const forOpenShift = pairOf(mapAt(butane.metadata, 'labels'), ROLE_LABEL) !== undefined || butane.openshift !== undefined;
    if (!forOpenShift && variant !== 'rhcos') return;
    // The version changes with the variant (fcos 1.x, openshift 4.x) and decides the Ignition
    // spec the pool must accept: only the target release names it, and the user should confirm.
    const minor = releaseMinor(settings);
    const target = minor === undefined ? undefined : openshiftSpecForRelease(minor);
    const fixes: Fix[] = [];
    const versionNode = butane.version?.value;
    const variantEdit = replaceScalarEdit(variantNode, OPENSHIFT_VARIANT);
    const versionEdit = target && isScalar(versionNode) ? replaceScalarEdit(versionNode, target.version) : undefined;
    if (variantEdit && versionEdit) {
      fixes.push({ title: `Use variant: openshift, version: ${target!.version}`, edits: [variantEdit, versionEdit], safe: false });
    }
    const version = target ? target.version : '4.N.0 of your release';
    const why = variant === 'rhcos' ? 'variant rhcos was removed from Butane' : `variant ${variant} compiles to plain Ignition, not a MachineConfig`;
    report({
      severity: 'error',
      message: `${why}: use variant: openshift, version ${version}.`,
      range: rangeOfNode(variantNode),
      data: { variant, ...(target ? { version: target.version } : {}) },
      fixes,
    });
  },
};
