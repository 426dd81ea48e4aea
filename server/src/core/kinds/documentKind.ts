import type { NmstateState } from '../formats/nmstateState';
import type { IgnitionConfig } from './machineconfig/model';
import type { Route } from '../routes/route';
import type { DeclaredNetworks } from '../text/settings';
import type { YamlDocument } from '../text/yamlDocuments';

/**
 * An nmstate state a document carries, and what applies it: a NodeNetworkConfigurationPolicy
 * (the NMState Operator, day 2), an NMStateConfig (the installer), a bare state file
 * (nmstatectl), an nmstate file of a MachineConfig (nmstate-configuration.service at boot), or
 * a host's networkConfig in agent-config.yaml / install-config.yaml (the installer, per host).
 */
export interface AppliedState {
  state: NmstateState;
  via: 'policy' | 'nmstateconfig' | 'state' | 'machineconfig' | 'host';
}

/**
 * A kind of YAML document mcroutes reads (MachineConfig, NMState policies, Butane
 * configs…): how to tell one, its model, and the routes it carries. The route rules see
 * only the routes, so a new kind needs no change to them.
 */
export interface DocumentKind<M = unknown> {
  id: string;
  /** Whether a document whose contents are `root` is of this kind. */
  recognise(root: unknown): boolean;
  /** The model of a document `recognise` took; `text` is the whole file its ranges point into. */
  build(document: YamlDocument, text: string): M;
  /** Every route of the model, in file order; asked once per model (implementations cache it). */
  routes(model: M): readonly Route[];
  /** The Ignition config the model carries (units, files, passwd), for the rules about them. */
  ignition?(model: M): IgnitionConfig | undefined;
  /** The nmstate states of the model, for the NMState rules; none when absent. */
  states?(model: M): readonly AppliedState[];
  /**
   * The cluster's ranges the document itself declares (an install-config's `networking`):
   * they replace the settings' for this document, which are only the user's guess at them.
   */
  networks?(model: M): DeclaredNetworks | undefined;
}

