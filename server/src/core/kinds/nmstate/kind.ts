import type { DocumentKind } from '../documentKind';
import { buildNmstate, isNmstateRoot, type NmstateModel } from './model';

/** NodeNetworkConfigurationPolicies, NMStateConfigs, bare nmstate states, and the hosts' networkConfig of agent-config and install-config files. */
export const nmstateKind: DocumentKind<NmstateModel> = {
  id: 'nmstate',
  recognise: isNmstateRoot,
  build: buildNmstate,
  // Read once, when the model is built.
  routes: (model) => model.routes,
  states(model) {
    if (model.hosts) return model.hosts.map((host) => ({ state: host.state, via: 'host' as const }));
    return model.state ? [{ state: model.state, via: model.form as Exclude<typeof model.form, 'hosts'> }] : [];
  },
  networks: (model) => model.networks,
};
