import { isScalar, type YAMLMap } from 'yaml';
import type { NmstateState } from '../../../formats/nmstateState';
import { nmstateKind } from '../../../kinds/nmstate/kind';
import type { NmstateModel } from '../../../kinds/nmstate/model';
import { closestWord } from '../../../text/suggest';
import type { Finding, Rule } from '../rule';

/**
 * `{{ capture.NAME… }}` is filled in from the capture rule NAME of the same policy
 * (`spec.capture` of a NodeNetworkConfigurationPolicy, `capture:` of an nmstate file in the
 * policy format, a bare one or one in a MachineConfig): a NAME the policy does not define fails the policy. Where the state is a
 * plain NetworkState (an NMStateConfig, a bare state file) nothing fills it in, and nmstate
 * gets the braces as the value.
 */
export const nmstateCaptureUndefined: Rule = {
  id: 'nmstate-capture-undefined',
  check({ kind, model, ignition, report }) {
    if (kind === nmstateKind) {
      const nmstate = model as NmstateModel;
      if (!nmstate.state) return;
      if (nmstate.form === 'policy') checkPolicy(nmstate.state, nmstate.capture, 'spec.capture', report);
      else if (nmstate.policyFormat) checkPolicy(nmstate.state, nmstate.capture, 'the file\'s capture', report);
      else checkPlain(nmstate.state, nmstate.form === 'nmstateconfig' ? 'an NMStateConfig' : 'a plain nmstate state', report);
      return;
    }
    for (const file of ignition?.files ?? []) {
      const state = file.nmstate?.state;
      if (!state) continue;
      if (file.nmstate?.policy) checkPolicy(state, file.nmstate.capture, 'the file\'s capture', report);
      else checkPlain(state, 'a file not in the policy format', report);
    }
  },
};

function checkPolicy(state: NmstateState, capture: YAMLMap | undefined, where: string, report: (finding: Finding) => void): void {
  const defined = (capture?.items ?? []).flatMap((item) => (isScalar(item.key) ? [String(item.key.value)] : []));
  for (const reference of state.captures) {
    const name = reference.name.value;
    if (defined.includes(name)) continue;
    const suggestion = closestWord(name, defined);
    report({
      severity: 'error',
      message: `capture.${name} is not defined in ${where}${suggestion ? `: did you mean ${suggestion}?` : ': define it there.'}`,
      range: reference.name.rangeOf(),
      data: suggestion ? { replacement: suggestion } : undefined,
    });
  }
}

function checkPlain(state: NmstateState, what: string, report: (finding: Finding) => void): void {
  for (const reference of state.captures) {
    report({
      severity: 'error',
      message: `Nothing fills in capture expressions in ${what}: write the value itself.`,
      range: reference.value.rangeOf(),
    });
  }
}
