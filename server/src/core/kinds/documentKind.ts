import type { Route } from '../routes/route';
import type { YamlDocument } from '../text/yamlDocuments';

/**
 * A kind of YAML document mcroutes reads (MachineConfig, and later NMState policies, Butane
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
}
