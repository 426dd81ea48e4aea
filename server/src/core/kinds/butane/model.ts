import { isMap, isScalar, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { buildIgnitionConfig, type IgnitionConfig } from '../machineconfig/model';
import { mapAt, pairOf, scalarAt, type YamlDocument } from '../../text/yamlDocuments';

/**
 * A Butane config (../shared/domain/BUTANE.md): `variant:` + `version:` at the top, then the
 * Ignition sections (`storage`, `systemd`, `passwd`, `ignition`) written as Butane writes them
 * (`contents.inline` beside `contents.source`), and for `variant: openshift` the MachineConfig's
 * `metadata` and an `openshift:` section. `butane` compiles it into a MachineConfig (openshift)
 * or a plain Ignition config (fcos, rhcos…).
 */

/** The variants of coreos/butane; only `openshift` compiles to a MachineConfig. */
export const BUTANE_VARIANTS: readonly string[] = ['openshift', 'fcos', 'rhcos', 'flatcar', 'fiot', 'r4e'];
export const OPENSHIFT_VARIANT = 'openshift';

export interface ButaneModel {
  document: YamlDocument;
  root: YAMLMap;
  variant: Pair<Scalar, Node | null>;
  version?: Pair<Scalar, Node | null>;
  metadata?: YAMLMap;
  /** `openshift:` (kernel_arguments, extensions, fips, kernel_type). */
  openshift?: YAMLMap;
  /** The Ignition part of the config (its units, files and passwd), read as a MachineConfig's is. */
  config: IgnitionConfig;
}

/** `variant:` naming one of Butane's variants, with a `version:` beside it. */
export function isButaneRoot(root: unknown): root is YAMLMap {
  if (!isMap(root)) return false;
  const variant = scalarAt(root, 'variant');
  if (!variant || typeof variant.value !== 'string' || !BUTANE_VARIANTS.includes(variant.value)) return false;
  return isScalar(pairOf(root, 'version')?.value);
}

export function buildButane(document: YamlDocument, text: string): ButaneModel {
  const root = document.contents as YAMLMap;
  const metadata = mapAt(root, 'metadata');
  const config = { ...buildIgnitionConfig(root, text, 'butane'), ...(metadata ? { metadata } : {}) };
  const model: ButaneModel = { document, root, variant: pairOf(root, 'variant')!, config };
  const version = pairOf(root, 'version');
  if (version) model.version = version;
  if (metadata) model.metadata = metadata;
  const openshift = mapAt(root, 'openshift');
  if (openshift) model.openshift = openshift;
  return model;
}

/** `variant: openshift`: the configs that compile to a MachineConfig. */
export function isOpenshiftButane(model: ButaneModel): boolean {
  const variant = model.variant.value;
  return isScalar(variant) && variant.value === OPENSHIFT_VARIANT;
}

/** The `version:` as written (a string), or undefined. */
export function butaneVersion(model: ButaneModel): string | undefined {
  const node = model.version?.value;
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}
