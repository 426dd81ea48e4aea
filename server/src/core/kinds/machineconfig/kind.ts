import type { DocumentKind } from '../documentKind';
import { buildMachineConfig, isMachineConfigRoot, routesOf, type MachineConfigModel } from './model';

export const machineConfigKind: DocumentKind<MachineConfigModel> = {
  id: 'machineconfig',
  recognise: isMachineConfigRoot,
  build: (document, text) => buildMachineConfig(document, text)!,
  // Rules ask for a document's routes many times; routesOf reads them once per model.
  routes: routesOf,
  ignition: (model) => model,
  states: (model) => model.files.flatMap((file) => (file.nmstate?.state ? [{ state: file.nmstate.state, via: 'machineconfig' as const }] : [])),
};
