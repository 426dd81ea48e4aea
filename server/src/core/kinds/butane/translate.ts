/**
 * The MachineConfig a Butane config (`variant: openshift`) compiles to, by our own
 * translation, and the way back — for the preview, `mcroutes render --to`, the convert
 * commands and `mcroutes new --format butane`. Butane → MachineConfig follows coreos/butane's
 * config/openshift/v4_N/translate.go: version → spec.config.ignition.version (versions.ts),
 * metadata name and labels → the MachineConfig's, `contents.inline` → a `data:,` URL,
 * units and drop-ins verbatim, `openshift:` → spec.kernelArguments, extensions, fips,
 * kernelType, Butane's snake_case keys ↔ Ignition's camelCase ones (keyNames.ts). One difference on purpose: butane itself gzips and base64-encodes a file's
 * contents when that is shorter; we always write percent-encoded `data:,…` URLs (as `mcroutes
 * new` does), which Ignition reads the same and a reader can follow.
 *
 * What has no counterpart (a `contents.local`, an Ignition 2 key such as `networkd`, a
 * compressed source that stays a source) is named in a note, and each note is also a comment
 * line above the document it concerns: nothing is dropped silently. Pure; never throws.
 */
import { isMap } from 'yaml';
import { EmbeddedText } from '../../text/embeddedText';
import { parseYamlDocuments } from '../../text/yamlDocuments';
import { writeYaml } from '../../text/yamlWrite';
import { parseDataUrl, percentEncode } from '../../formats/dataUrl';
import { MACHINECONFIG_API_VERSION, isMachineConfigRoot } from '../machineconfig/model';
import { isButaneRoot, OPENSHIFT_VARIANT } from './model';
import { butaneVersionOfIgnition, ignitionVersionOfButane } from './versions';
import { butaneKeyOf, ignitionKeyOf, renameKeys } from './keyNames';

export interface Translation {
  /** The translated YAML; empty when no document could be translated. */
  text: string;
  /** What could not be translated, and what was written in its place; also comment lines in `text`. */
  notes: string[];
  /** How many documents were translated. */
  translated: number;
}

export interface ToButaneOptions {
  /** The Butane version to write when it compiles to the MachineConfig's Ignition spec (e.g. the target release, `4.16.0`). */
  preferredVersion?: string;
  /** Comment lines above the first document. */
  comment?: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** The openshift: keys of a Butane config and the spec fields of the MachineConfig they become. */
const OPENSHIFT_FIELDS: readonly [butane: string, spec: string][] = [
  ['kernel_arguments', 'kernelArguments'],
  ['extensions', 'extensions'],
  ['fips', 'fips'],
  ['kernel_type', 'kernelType'],
];

const ROLE_LABEL = 'machineconfiguration.openshift.io/role';
/** Butane's fallback when the config's version is not one it knows (the oldest openshift release). */
const FALLBACK_IGNITION = '3.2.0';

/** Butane (variant openshift) → MachineConfig YAML, each Butane document in turn. */
export function butaneToMachineConfig(text: string): Translation {
  return translateDocuments(text, 'Butane config', isButaneRoot, compileButane, (object, notes) => writeYaml(object, {
    comment: notes, multilineBlocks: true,
  }));
}

/** MachineConfig YAML → Butane (variant openshift), each MachineConfig document in turn. */
export function machineConfigToButane(text: string, options: ToButaneOptions = {}): Translation {
  let first = true;
  return translateDocuments(text, 'MachineConfig', isMachineConfigRoot, (root, notes) => decompileMachineConfig(root, notes, options), (object, notes) => {
    const comment = [...(first ? options.comment ?? [] : []), ...notes];
    first = false;
    return writeYaml(object, { comment, multilineBlocks: true, octalKeys: ['mode'] });
  });
}

function translateDocuments(
  text: string,
  what: string,
  recognise: (root: unknown) => boolean,
  translate: (root: Obj, notes: Notes) => Obj,
  write: (object: Obj, notes: string[]) => string,
): Translation {
  const documents = parseYamlDocuments(text);
  const several = documents.length > 1;
  const notes: string[] = [];
  const outputs: string[] = [];
  documents.forEach((document, index) => {
    const where = several ? `document ${index + 1}: ` : '';
    const local = new Notes();
    if (document.contents === null || document.contents === undefined) return;
    if (document.errors.some((e) => e.code !== 'DUPLICATE_KEY')) {
      notes.push(`${where}it does not parse as YAML (${document.errors[0].message.split('\n')[0]}); left out.`);
      return;
    }
    if (!recognise(document.contents)) {
      notes.push(`${where}${describe(document.contents)} is not a ${what}; left out.`);
      return;
    }
    let object: Obj;
    try {
      const js: unknown = document.toJS({ maxAliasCount: 100 });
      object = translate(isObj(js) ? js : {}, local);
    } catch (error) {
      notes.push(`${where}cannot be translated: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}.`);
      return;
    }
    outputs.push(write(object, local.list));
    notes.push(...local.list.map((note) => `${where}${note}`));
  });
  if (outputs.length === 0 && notes.length === 0) notes.push(`No ${what} in this text.`);
  return { text: outputs.join('---\n'), notes, translated: outputs.length };
}

/** `a MachineConfigPool` for a document with a kind, else `it`. */
function describe(node: unknown): string {
  const kind = isMap(node) ? node.get('kind') : undefined;
  return typeof kind === 'string' ? `a ${kind}` : 'it';
}

class Notes {
  readonly list: string[] = [];
  add(note: string): void {
    if (!this.list.includes(note)) this.list.push(note);
  }
}

// ---------------------------------------------------------------------------------------
// Butane → MachineConfig

function compileButane(butane: Obj, notes: Notes): Obj {
  const variant = butane.variant;
  if (variant !== OPENSHIFT_VARIANT) {
    notes.add(`variant ${String(variant)} compiles to a plain Ignition config, not a MachineConfig; translated as variant openshift.`);
  }
  const version = typeof butane.version === 'string' ? butane.version : String(butane.version);
  let ignitionVersion = ignitionVersionOfButane(version);
  if (!ignitionVersion) {
    ignitionVersion = FALLBACK_IGNITION;
    notes.add(`version ${version} is not a Butane openshift version; written as Ignition ${FALLBACK_IGNITION} (that of 4.8.0).`);
  }

  const metadata: Obj = {};
  if (isObj(butane.metadata)) {
    for (const [key, value] of Object.entries(butane.metadata)) {
      if (key === 'name' || key === 'labels') metadata[key] = value;
      else notes.add(`metadata.${key}: Butane's metadata holds only name and labels; left out.`);
    }
  }

  const ignitionSection = isObj(butane.ignition) ? renameKeys(compileIgnitionSection(butane.ignition, notes), ignitionKeyOf) as Obj : {};
  const config: Obj = { ignition: { ...ignitionSection, version: ignitionVersion } };
  const spec: Obj = { config };
  for (const [key, value] of Object.entries(butane)) {
    switch (key) {
      case 'variant': case 'version': case 'metadata': case 'ignition':
        break;
      case 'storage':
        config.storage = isObj(value) ? renameKeys(compileStorage(value, notes), ignitionKeyOf) : value;
        break;
      case 'systemd':
        config.systemd = isObj(value) ? compileSystemd(value, notes) : value;
        break;
      case 'passwd':
        config.passwd = isObj(value) ? renameKeys(compilePasswd(value, notes), ignitionKeyOf) : value;
        break;
      case 'openshift':
        if (!isObj(value)) break;
        for (const [field, fieldValue] of Object.entries(value)) {
          const target = OPENSHIFT_FIELDS.find(([name]) => name === field)?.[1];
          if (target) spec[target] = fieldValue;
          else notes.add(`openshift.${field} is not a field of Butane's openshift section; left out.`);
        }
        break;
      case 'boot_device':
        notes.add('boot_device is expanded by butane into storage.luks, raid and filesystems; not translated here: compile with butane.');
        break;
      case 'grub':
        notes.add('grub is not supported by the openshift variant; left out.');
        break;
      case 'kernel_arguments':
        notes.add('kernel_arguments at the top is refused by the openshift variant: write openshift.kernel_arguments; left out.');
        break;
      default:
        notes.add(`${key} is not a key of a Butane config; left out.`);
    }
  }
  return { apiVersion: MACHINECONFIG_API_VERSION, kind: 'MachineConfig', metadata, spec: orderSpec(spec) };
}

/** butane's order: config, then extensions, fips, kernelArguments, kernelType. */
function orderSpec(spec: Obj): Obj {
  const ordered: Obj = { config: spec.config };
  for (const key of ['extensions', 'fips', 'kernelArguments', 'kernelType']) if (key in spec) ordered[key] = spec[key];
  return ordered;
}

function compileIgnitionSection(ignition: Obj, notes: Notes): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(ignition)) {
    if (key === 'version') {
      notes.add('ignition.version: a Butane config takes the version from version:; left out.');
      continue;
    }
    out[key] = value;
  }
  const config = out.config;
  if (isObj(config)) {
    const compiled: Obj = { ...config };
    if (Array.isArray(config.merge)) compiled.merge = config.merge.map((r) => compileResource(r, 'ignition.config.merge', notes));
    if (config.replace !== undefined) compiled.replace = compileResource(config.replace, 'ignition.config.replace', notes);
    out.config = compiled;
  }
  const tls = isObj(out.security) && isObj(out.security.tls) ? out.security.tls : undefined;
  if (tls && Array.isArray(tls.certificate_authorities)) {
    out.security = { ...(out.security as Obj), tls: { ...tls, certificate_authorities: tls.certificate_authorities.map((r) => compileResource(r, 'ignition.security.tls.certificate_authorities', notes)) } };
  }
  return out;
}

/** A Butane resource: `inline` → a percent-encoded data URL; `local` cannot be read here. */
function compileResource(resource: unknown, where: string, notes: Notes): unknown {
  if (!isObj(resource)) return resource;
  const out: Obj = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'inline' && typeof value === 'string') out.source = `data:,${percentEncode(value)}`;
    else if (key === 'local') notes.add(`${where}: contents.local ${String(value)} is read by butane from --files-dir; left out (the file would be empty).`);
    else out[key] = value;
  }
  return out;
}

function compileStorage(storage: Obj, notes: Notes): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(storage)) {
    if (key === 'trees') {
      notes.add('storage.trees copies a local directory (from --files-dir) at compile time; not translated here: compile with butane.');
      continue;
    }
    if (key === 'files' && Array.isArray(value)) {
      out.files = value.map((file) => {
        if (!isObj(file)) return file;
        const path = typeof file.path === 'string' ? file.path : '(no path)';
        const compiled: Obj = { ...file };
        if (file.contents !== undefined) compiled.contents = compileResource(file.contents, `file ${path}`, notes);
        if (Array.isArray(file.append)) compiled.append = file.append.map((r) => compileResource(r, `file ${path} (append)`, notes));
        return compiled;
      });
      continue;
    }
    if (key === 'filesystems' && Array.isArray(value)) {
      out.filesystems = value.map((fs) => {
        if (!isObj(fs) || !('with_mount_unit' in fs)) return fs;
        const { with_mount_unit: withMountUnit, ...rest } = fs;
        if (withMountUnit === true) notes.add(`filesystem ${String(fs.path ?? fs.device)}: with_mount_unit makes butane write a systemd mount unit; not generated here: compile with butane.`);
        return rest;
      });
      continue;
    }
    out[key] = value;
  }
  return out;
}

function compileSystemd(systemd: Obj, notes: Notes): Obj {
  if (!Array.isArray(systemd.units)) return systemd;
  const units = systemd.units.map((unit) => {
    if (!isObj(unit)) return unit;
    const out = withoutLocal(unit, `unit ${String(unit.name)}`, notes);
    if (Array.isArray(unit.dropins)) out.dropins = unit.dropins.map((d) => (isObj(d) ? withoutLocal(d, `drop-in ${String(d.name)} of ${String(unit.name)}`, notes) : d));
    return out;
  });
  return { ...systemd, units };
}

/** A unit or drop-in without `contents_local`, which butane reads from --files-dir. */
function withoutLocal(entry: Obj, what: string, notes: Notes): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'contents_local') notes.add(`${what}: contents_local ${String(value)} is read by butane from --files-dir; left out.`);
    else out[key] = value;
  }
  return out;
}

function compilePasswd(passwd: Obj, notes: Notes): Obj {
  if (!Array.isArray(passwd.users)) return passwd;
  const users = passwd.users.map((user) => {
    if (!isObj(user) || !('ssh_authorized_keys_local' in user)) return user;
    const { ssh_authorized_keys_local: local, ...rest } = user;
    notes.add(`passwd user ${String(user.name)}: ssh_authorized_keys_local ${JSON.stringify(local)} is read by butane from --files-dir; left out.`);
    return rest;
  });
  return { ...passwd, users };
}

// ---------------------------------------------------------------------------------------
// MachineConfig → Butane

/** Keys of an Ignition 2 config (spec 2.x) with no place in Ignition 3, hence none in Butane. */
const IGNITION2_CONFIG_KEYS: Readonly<Record<string, string>> = {
  networkd: 'networkd (Ignition 2: systemd-networkd units) has no Butane form; left out — write the routes as a NetworkManager keyfile or nmcli unit.',
};

function decompileMachineConfig(mc: Obj, notes: Notes, options: ToButaneOptions): Obj {
  const spec = isObj(mc.spec) ? mc.spec : {};
  const config = isObj(spec.config) ? spec.config : {};
  const ignition = isObj(config.ignition) ? config.ignition : {};
  const written = ignition.version === undefined ? undefined : String(ignition.version);
  const { version, exact } = butaneVersionOfIgnition(written ?? '', options.preferredVersion);
  if (written === undefined) notes.add(`spec.config.ignition.version is missing; written as version ${version}.`);
  else if (!exact) notes.add(`no Butane openshift version compiles to Ignition ${written}; written as ${version}, which compiles to Ignition ${ignitionVersionOfButane(version)}.`);

  const butane: Obj = { variant: OPENSHIFT_VARIANT, version };
  const metadata: Obj = {};
  if (isObj(mc.metadata)) {
    for (const [key, value] of Object.entries(mc.metadata)) {
      if (key === 'name' || key === 'labels') metadata[key] = value;
      else notes.add(`metadata.${key}: a Butane config's metadata holds only name and labels; left out.`);
    }
  }
  butane.metadata = metadata;
  if (isObj(metadata.labels) && !(ROLE_LABEL in metadata.labels)) {
    notes.add(`metadata.labels has no ${ROLE_LABEL}: butane refuses the config until it has one.`);
  }

  const ignitionRest: Obj = {};
  for (const [key, value] of Object.entries(ignition)) if (key !== 'version') ignitionRest[key] = value;
  if (Object.keys(ignitionRest).length > 0) butane.ignition = renameKeys(ignitionRest, butaneKeyOf);

  for (const [key, value] of Object.entries(config)) {
    switch (key) {
      case 'ignition':
        break;
      case 'storage':
        butane.storage = isObj(value) ? renameKeys(decompileStorage(value, notes), butaneKeyOf) : value;
        break;
      case 'systemd':
        butane.systemd = isObj(value) ? decompileSystemd(value, notes) : value;
        break;
      case 'passwd':
        butane.passwd = renameKeys(value, butaneKeyOf);
        break;
      default:
        notes.add(IGNITION2_CONFIG_KEYS[key] ?? `spec.config.${key} has no place in a Butane openshift config; left out.`);
    }
  }

  const openshift: Obj = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'config') continue;
    const field = OPENSHIFT_FIELDS.find(([, name]) => name === key)?.[0];
    if (field) openshift[field] = value;
    else notes.add(`spec.${key} has no Butane form (only kernelArguments, extensions, fips, kernelType do); left out.`);
  }
  if (Object.keys(openshift).length > 0) butane.openshift = openshift;
  return butane;
}

function decompileStorage(storage: Obj, notes: Notes): Obj {
  if (!Array.isArray(storage.files)) return storage;
  const files = storage.files.map((file) => {
    if (!isObj(file)) return file;
    const path = typeof file.path === 'string' ? file.path : '(no path)';
    const out: Obj = {};
    for (const [key, value] of Object.entries(file)) {
      if (key === 'filesystem') notes.add(`file ${path}: filesystem ${String(value)} (Ignition 2) has no Butane form; left out.`);
      else if (key === 'append' && !Array.isArray(value)) notes.add(`file ${path}: append ${String(value)} (Ignition 2) has no Butane form; left out.`);
      else if (key === 'contents') out.contents = decompileResource(value, `file ${path}`, notes);
      else if (key === 'append') out.append = (value as unknown[]).map((r) => decompileResource(r, `file ${path} (append)`, notes));
      else out[key] = value;
    }
    return out;
  });
  return { ...storage, files };
}

/** A data: URL of uncompressed text → `inline`; anything else stays a source. */
function decompileResource(resource: unknown, where: string, notes: Notes): unknown {
  if (isObj(resource)) {
    for (const key of ['inline', 'local']) {
      if (key in resource) notes.add(`${where}: contents.${key} is Butane syntax in a MachineConfig (Ignition refuses it); kept as written, which butane reads.`);
    }
  }
  if (!isObj(resource) || typeof resource.source !== 'string') return resource;
  const url = parseDataUrl(EmbeddedText.verbatim(resource.source, 0));
  if (!url) return resource;
  const compression = resource.compression;
  if (compression !== undefined && compression !== null && compression !== '') {
    notes.add(`${where}: ${String(compression)}-compressed data kept as contents.source (not decoded).`);
    return resource;
  }
  if (url.error || !url.decoded) {
    notes.add(`${where}: the data: URL does not decode (${url.error?.message ?? 'no data'}); kept as contents.source.`);
    return resource;
  }
  if (url.binary) {
    notes.add(`${where}: binary data kept as contents.source.`);
    return resource;
  }
  const out: Obj = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'source') out.inline = url.decoded.value;
    else if (key !== 'compression') out[key] = value;
  }
  return out;
}

function decompileSystemd(systemd: Obj, notes: Notes): Obj {
  if (!Array.isArray(systemd.units)) return systemd;
  for (const unit of systemd.units) {
    for (const entry of isObj(unit) ? [unit, ...(Array.isArray(unit.dropins) ? unit.dropins : [])] : []) {
      if (isObj(entry) && 'contents_local' in entry) notes.add(`${String(entry.name)}: contents_local is Butane syntax in a MachineConfig (Ignition refuses it); kept as written, which butane reads.`);
    }
    if (isObj(unit) && 'enable' in unit) {
      notes.add(`unit ${String(unit.name)}: enable (Ignition 2) kept as written; Butane and Ignition 3 spell it enabled.`);
    }
  }
  return systemd;
}
