import type { DocumentKind } from '../documentKind';
import type { Route } from '../../routes/route';
import { buildMachineConfig, isMachineConfigRoot, routesOf, type MachineConfigModel } from './model';

/** Rules ask for a document's routes many times; they are read once per model. */
const routeCache = new WeakMap<MachineConfigModel, readonly Route[]>();

export const machineConfigKind: DocumentKind<MachineConfigModel> = {
  id: 'machineconfig',
  recognise: isMachineConfigRoot,
  build: (document, text) => buildMachineConfig(document, text)!,
  routes(model) {
    let routes = routeCache.get(model);
    if (!routes) {
      routes = routesOf(model);
      routeCache.set(model, routes);
    }
    return routes;
  },
  ignition: (model) => model,
  states: (model) => model.files.flatMap((file) => (file.nmstate?.state ? [{ state: file.nmstate.state, via: 'machineconfig' as const }] : [])),
};
