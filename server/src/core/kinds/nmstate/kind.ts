import type { DocumentKind } from '../documentKind';
import { buildNmstate, isNmstateRoot, type NmstateModel } from './model';

/** NodeNetworkConfigurationPolicies, NMStateConfigs and bare nmstate states. */
export const nmstateKind: DocumentKind<NmstateModel> = {
  id: 'nmstate',
  recognise: isNmstateRoot,
  build: buildNmstate,
  // Read once, when the model is built.
  routes: (model) => model.routes,
  states: (model) => (model.state ? [{ state: model.state, via: model.form }] : []),
};
