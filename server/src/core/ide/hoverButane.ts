import { isScalar, type Node, type Scalar } from 'yaml';
import { BUTANE_OPENSHIFT, butaneKeyAt, describeButaneKey, OPENSHIFT_SPEC_VERSIONS, type ButaneKey } from '../kinds/butane/schema';
import { permissionString } from '../kinds/machineconfig/machineConfigValues';
import { pathPattern } from '../kinds/machineconfig/schema';
import { code, renderDoc, type Doc } from '../text/doc';
import type { Settings } from '../text/settings';
import { rangeOfNode } from '../text/yamlDocuments';
import { addressHover } from './hoverNetwork';
import type { HoverResult } from './hoverResult';
import type { Location } from './locate';

const SOURCE = 'coreos/butane docs/config-openshift-v4_*.md';

/**
 * The help on the YAML of a Butane config (the units, files and routes inside it are
 * hover.ts's): a key's line of Butane's reference, the spec version that added it and
 * whether the openshift variant refuses it; on a value, an address's facts, the Ignition
 * spec a version compiles to, or what a mode grants.
 */
export function butaneYamlHover(location: Location, settings: Settings): HoverResult | undefined {
  const document = location.document;
  if (!document) return undefined;
  if (location.key) {
    const key = butaneKeyAt(location.path, BUTANE_OPENSHIFT);
    if (!key) return undefined;
    return result(renderDoc(keyDoc(key, location.path)), rangeOfNode(location.key.key));
  }
  const scalar = location.value ? location.value.value : document.document.getIn(location.path, true) as Node | undefined;
  if (!isScalar(scalar)) return undefined;
  return valueHover(location, scalar, settings);
}

function result(markdown: string, range: { start: number; end: number }): HoverResult {
  return { markdown, start: range.start, end: range.end };
}

function keyDoc(key: ButaneKey, path: readonly (string | number)[]): Doc {
  const details: string[] = [];
  if (key.values && key.values.length > 0 && key.values.length <= 8) details.push(`Values: ${key.values.map(code).join(', ')}.`);
  if (key.required) details.push('Required: butane refuses the config without it.');
  if (key.since) details.push(`Since openshift spec ${key.since}: butane refuses it in older versions.`);
  if (key.refused) details.push(`⚠ The openshift variant refuses it: ${key.refused}.`);
  return { title: `${code(pathPattern(path).replace(/\[\]$/, ''))} — ${describeButaneKey(key)}`, summary: key.doc, details, source: SOURCE };
}

function valueHover(location: Location, scalar: Scalar, settings: Settings): HoverResult | undefined {
  const range = rangeOfNode(scalar);
  const key = butaneKeyAt(location.path, BUTANE_OPENSHIFT);
  const written = scalar.source ?? String(scalar.value);
  const last = location.path[location.path.length - 1];
  if (typeof scalar.value === 'string' && key?.type !== 'integer') {
    const address = addressHover(scalar.value.trim(), settings);
    if (address) return result(address, range);
  }
  if (!key) return undefined;
  const facts: string[] = [];
  if (location.path.length === 1 && last === 'version') {
    const spec = OPENSHIFT_SPEC_VERSIONS.find((v) => v.version === String(scalar.value));
    facts.push(spec
      ? `Compiles to a MachineConfig with Ignition spec ${code(spec.ignition)}.`
      : `Not an openshift spec version butane knows (${OPENSHIFT_SPEC_VERSIONS[0].version}–${OPENSHIFT_SPEC_VERSIONS[OPENSHIFT_SPEC_VERSIONS.length - 1].version}).`);
  }
  if (last === 'mode') {
    const fact = modeFact(written, scalar.value);
    if (fact) facts.push(fact);
  }
  return result(renderDoc(keyDoc(key, location.path), { facts }), range);
}

/** What a file mode grants, read as butane (go-yaml v3) reads it: a leading 0 is octal. */
function modeFact(written: string, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
  const octal = `0${value.toString(8).padStart(3, '0')}`;
  if (/^0[0-7]+$/.test(written) || /^0o[0-7]+$/.test(written)) return `${code(written)} is octal (${value} in decimal): ${code(permissionString(value & 0o777))}.`;
  return `⚠ ${code(written)} is decimal, which is ${code(octal)} in octal (${code(permissionString(value & 0o777))}); butane warns. Write modes in octal, such as ${code('0644')}.`;
}
