import type { DocumentKind } from '../documentKind';
import type { Route } from '../../routes/route';
import { routesOf } from '../machineconfig/model';
import { buildButane, isButaneRoot, type ButaneModel } from './model';

const routeCache = new WeakMap<ButaneModel, readonly Route[]>();

/** Butane configs: their units, files and routes get the same rules as a MachineConfig's. */
export const butaneKind: DocumentKind<ButaneModel> = {
  id: 'butane',
  recognise: isButaneRoot,
  build: buildButane,
  routes(model) {
    let routes = routeCache.get(model);
    if (!routes) {
      routes = routesOf(model.config);
      routeCache.set(model, routes);
    }
    return routes;
  },
  ignition: (model) => model.config,
  states: (model) => model.config.files.flatMap((file) => (file.nmstate?.state ? [{ state: file.nmstate.state, via: 'machineconfig' as const }] : [])),
};
