import { butaneKind } from '../../../kinds/butane/kind';
import { isOpenshiftButane, type ButaneModel } from '../../../kinds/butane/model';
import { keyRange } from '../../../kinds/machineconfig/model';
import { keyedPairs, mapAt, pairOf } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/** MachineConfig keys at the top of a Butane config, and what Butane makes of them. */
const ENVELOPE: Record<string, { severity: 'error' | 'warning'; message: string }> = {
  spec: { severity: 'error', message: 'spec is MachineConfig syntax, which butane drops with all under it: move storage, systemd and passwd to the top level.' },
  config: { severity: 'error', message: 'config is MachineConfig syntax, which butane drops with all under it: move its sections to the top level.' },
  apiVersion: { severity: 'warning', message: 'apiVersion is MachineConfig syntax: butane ignores it and writes its own; remove it.' },
  kind: { severity: 'warning', message: 'kind is MachineConfig syntax: butane ignores it and writes its own; remove it.' },
};

/**
 * A MachineConfig's envelope written into a Butane config: Butane's schema has no such keys
 * and drops them ("unused key"), so a pasted `spec.config` compiles to an empty MachineConfig.
 */
export const butaneMachineconfigSyntax: Rule = {
  id: 'butane-machineconfig-syntax',
  check({ kind, model, report }) {
    if (kind !== butaneKind) return;
    const butane = model as ButaneModel;
    if (!isOpenshiftButane(butane)) return;
    for (const pair of keyedPairs(butane.root)) {
      const said = ENVELOPE[String(pair.key.value)];
      if (said) report({ ...said, range: keyRange(pair), data: { key: String(pair.key.value) } });
    }
    const version = pairOf(mapAt(butane.root, 'ignition'), 'version');
    if (version) {
      report({
        severity: 'warning',
        message: 'ignition.version is MachineConfig syntax: butane ignores it and writes the spec its version: compiles to; remove it.',
        range: keyRange(version),
        data: { key: 'version' },
      });
    }
  },
};

