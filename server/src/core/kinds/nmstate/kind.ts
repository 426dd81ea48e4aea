import type { DocumentKind } from '../documentKind';
import { buildNmstate, isNmstateRoot, type NmstateModel } from './model';

/** NodeNetworkConfigurationPolicies and bare nmstate states: their routes.config entries feed the route rules. */
export const nmstateKind: DocumentKind<NmstateModel> = {
  id: 'nmstate',
  recognise: isNmstateRoot,
  build: buildNmstate,
  // Read once, when the model is built.
  routes: (model) => model.routes,
};
