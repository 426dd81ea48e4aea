import type { DocumentKind } from '../documentKind';
import { routesOf } from '../machineconfig/model';
import { buildButane, isButaneRoot, type ButaneModel } from './model';

/** Butane configs: their units, files and routes get the same rules as a MachineConfig's. */
export const butaneKind: DocumentKind<ButaneModel> = {
  id: 'butane',
  recognise: isButaneRoot,
  build: buildButane,
  // Read once per config (see routesOf).
  routes: (model) => routesOf(model.config),
  ignition: (model) => model.config,
  states: (model) => model.config.files.flatMap((file) => (file.nmstate?.state ? [{ state: file.nmstate.state, via: 'machineconfig' as const }] : [])),
};
