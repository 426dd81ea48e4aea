/**
 * Completion of the MachineConfig's YAML: the keys valid at a place that are not there
 * yet, and the values the cluster knows for a key.
 */
import type { CompletionItem } from './completionItem';
import type { YamlKeyContext, YamlPath, YamlValueContext } from './completionContext';
import { IGNITION_CONFIG, type Shape } from '../kinds/machineconfig/ignitionSchema';
import { acceptedIgnitionVersions, firstReleaseAccepting, NEWEST_IGNITION_MINOR } from '../kinds/machineconfig/ignitionVersions';
import { MACHINECONFIG_API_VERSION } from '../kinds/machineconfig/model';
import type { Settings } from '../text/settings';
import { choice, escapeSnippet, order } from '../text/snippetText';
import { ROLE_LABEL } from '../kinds/machineconfig/pools';

const value = 'value' as const;

/** The keys of a MachineConfig (openshift/api machineconfiguration/v1), the Ignition config under spec.config. */
export const MACHINE_CONFIG: Shape = {
  object: {
    apiVersion: value,
    kind: value,
    metadata: { object: { name: value, labels: { object: { [ROLE_LABEL]: value } }, annotations: { object: {} } } },
    spec: {
      object: {
        config: IGNITION_CONFIG,
        kernelArguments: { list: value },
        extensions: { list: value },
        fips: value,
        kernelType: value,
        osImageURL: value,
        baseOSExtensionsContainerImage: value,
      },
    },
  },
};

/**
 * Keys Ignition knows but the Machine Config Daemon cannot apply to a running node
 * (ign-not-reconcilable): not offered.
 */
const NOT_OFFERED: Record<string, ReadonlySet<string>> = {
  'spec.config': new Set(['kernelArguments']),
  'spec.config.storage': new Set(['disks', 'raid', 'filesystems', 'directories', 'links', 'luks']),
  'spec.config.storage.files[]': new Set(['append']),
  'spec.config.passwd': new Set(['groups']),
};
/** The fields of the core user the daemon can change. */
const USER_FIELDS = new Set(['name', 'sshAuthorizedKeys', 'passwordHash']);

/** One line on a key, shown next to it in the list. */
const KEY_DETAILS: Record<string, string> = {
  apiVersion: `${MACHINECONFIG_API_VERSION}`,
  kind: 'MachineConfig',
  metadata: 'name and labels',
  spec: 'what the config puts on the nodes',
  'metadata.name': 'configs merge in name order, e.g. 99-worker-static-routes',
  'metadata.labels': 'the role label picks the pool',
  'metadata.annotations': 'free-form notes',
  [`metadata.labels.${ROLE_LABEL}`]: 'the MachineConfigPool that applies this config',
  'spec.config': 'the Ignition config',
  'spec.kernelArguments': 'kernel command-line arguments to add',
  'spec.extensions': 'RHCOS extensions to install (usbguard, kerberos, …)',
  'spec.fips': 'FIPS mode (install time only)',
  'spec.kernelType': 'default, realtime or 64k-pages',
  'spec.osImageURL': 'rebases the nodes to another OS image: leave unset',
  'spec.baseOSExtensionsContainerImage': 'image with the extensions for a custom OS image',
  'spec.config.ignition': 'the Ignition spec version',
  'spec.config.ignition.version': 'the spec version of this config, e.g. 3.4.0',
  'spec.config.systemd': 'systemd units',
  'spec.config.systemd.units': 'units written to /etc/systemd/system',
  'spec.config.systemd.units[].name': 'unit file name, e.g. static-routes.service',
  'spec.config.systemd.units[].enabled': 'systemctl enable (needs [Install])',
  'spec.config.systemd.units[].mask': 'mask the unit: it never starts',
  'spec.config.systemd.units[].contents': 'the unit file text',
  'spec.config.systemd.units[].dropins': 'drop-in files that change an existing unit',
  'spec.config.systemd.units[].dropins[].name': 'drop-in file name, ends in .conf',
  'spec.config.systemd.units[].dropins[].contents': 'the drop-in text',
  'spec.config.storage': 'files written to the nodes',
  'spec.config.storage.files': 'files (NetworkManager keyfiles, scripts, …)',
  'spec.config.storage.files[].path': 'absolute path on the node',
  'spec.config.storage.files[].mode': 'file mode as a number: 420 = 0644, 384 = 0600',
  'spec.config.storage.files[].overwrite': 'replace an existing file',
  'spec.config.storage.files[].contents': 'the file content as a data: URL',
  'spec.config.storage.files[].contents.source': 'data:,<percent-encoded text> or data:;base64,…',
  'spec.config.storage.files[].contents.compression': '"" or gzip',
  'spec.config.passwd': 'the core user\'s SSH keys and password',
  'spec.config.passwd.users': 'only the core user can change on running nodes',
  'spec.config.passwd.users[].sshAuthorizedKeys': 'SSH public keys for core',
};

/** Keys listed first at their place, in this order; the others follow alphabetically. */
const KEY_ORDER: Record<string, string[]> = {
  '': ['apiVersion', 'kind', 'metadata', 'spec'],
  metadata: ['name', 'labels', 'annotations'],
  spec: ['config', 'kernelArguments', 'extensions', 'kernelType', 'fips', 'baseOSExtensionsContainerImage', 'osImageURL'],
  'spec.config': ['ignition', 'systemd', 'storage', 'passwd'],
  'spec.config.ignition': ['version'],
  'spec.config.systemd.units[]': ['name', 'enabled', 'contents', 'mask', 'dropins'],
  'spec.config.systemd.units[].dropins[]': ['name', 'contents'],
  'spec.config.storage': ['files'],
  'spec.config.storage.files[]': ['path', 'mode', 'overwrite', 'contents', 'user', 'group'],
  'spec.config.storage.files[].contents': ['source', 'compression'],
};

/** `spec.config.systemd.units[].name`: the path with sequence indexes as `[]`. */
export function pathPattern(path: YamlPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += '[]';
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** The shape at `path`, or undefined where the schema does not reach. */
export function shapeAt(path: YamlPath): Shape | undefined {
  let shape: Shape | undefined = MACHINE_CONFIG;
  for (const part of path) {
    if (!shape || shape === 'value') return undefined;
    if (typeof part === 'number') shape = 'list' in shape ? shape.list : undefined;
    else shape = 'object' in shape ? shape.object[part] : undefined;
  }
  return shape;
}

export interface ValueChoice {
  value: string;
  detail?: string;
}

/** The values the cluster knows for the key at `path`, in the order to offer them. */
export function knownValues(path: YamlPath, settings: Settings, roles: string[]): ValueChoice[] {
  const pattern = pathPattern(path);
  switch (pattern) {
    case 'apiVersion':
      return [{ value: MACHINECONFIG_API_VERSION }];
    case 'kind':
      return [{ value: 'MachineConfig' }];
    case `metadata.labels.${ROLE_LABEL}`:
      return roles.map((role) => ({ value: role, detail: roleDetail(role) }));
    case 'spec.config.ignition.version':
      return acceptedIgnitionVersions(settings.openshiftVersion).map((version, i) => ({
        value: version,
        detail: !settings.openshiftVersion
          ? `accepted from OpenShift ${firstReleaseAccepting(Number(version.split('.')[1]))}${i === 0 ? ` (3.${NEWEST_IGNITION_MINOR}.0 needs ${firstReleaseAccepting(NEWEST_IGNITION_MINOR)})` : ''}`
          : i === 0 ? `newest spec OpenShift ${settings.openshiftVersion} accepts` : `accepted by OpenShift ${settings.openshiftVersion}`,
      }));
    case 'spec.config.systemd.units[].enabled':
      return [{ value: 'true', detail: 'enable the unit: it starts at boot' }, { value: 'false', detail: 'do not enable it' }];
    case 'spec.config.systemd.units[].mask':
      return [{ value: 'true', detail: 'mask the unit: it never starts' }, { value: 'false' }];
    case 'spec.fips':
    case 'spec.config.storage.files[].overwrite':
      return [{ value: 'true' }, { value: 'false' }];
    case 'spec.kernelType':
      return [
        { value: 'default', detail: 'the standard RHCOS kernel' },
        { value: 'realtime', detail: 'the real-time kernel (x86_64)' },
        { value: '64k-pages', detail: 'the 64k-page kernel (aarch64)' },
      ];
    case 'spec.config.storage.files[].mode':
      return [
        { value: '420', detail: '0644: rw-r--r--' },
        { value: '384', detail: '0600: rw------- (NetworkManager keyfiles)' },
        { value: '493', detail: '0755: rwxr-xr-x (scripts)' },
      ];
    case 'spec.config.passwd.users[].name':
      return [{ value: 'core', detail: 'the only user the daemon can change' }];
    default:
      return [];
  }
}

function roleDetail(role: string): string {
  if (role === 'worker') return 'the worker pool';
  if (role === 'master') return 'the control-plane pool';
  return 'a custom pool that selects this role';
}

/** Keys of the mapping at the caret that are valid there and not written yet. */
export function keyCompletions(context: YamlKeyContext, settings: Settings, roles: string[]): CompletionItem[] {
  const shape = shapeAt(context.parentPath);
  if (!shape || shape === 'value' || !('object' in shape)) return [];
  const parent = pathPattern(context.parentPath);
  const skip = NOT_OFFERED[parent];
  const firsts = KEY_ORDER[parent] ?? [];
  const keys = Object.keys(shape.object)
    .filter((key) => !context.siblings.has(key) && !skip?.has(key))
    .filter((key) => parent !== 'spec.config.passwd.users[]' || USER_FIELDS.has(key));
  const sorted = order(keys, firsts);
  return sorted.map((key, i) => {
    const path = [...context.parentPath, key];
    const child = shape.object[key];
    const pattern = pathPattern(path);
    return {
      label: key,
      kind: 'key' as const,
      ...insertKey(key, child, context, knownValues(path, settings, roles), pattern, settings, roles),
      detail: KEY_DETAILS[pattern] ?? describeShape(child),
      sortText: String(i).padStart(3, '0'),
    };
  });
}

function describeShape(shape: Shape): string {
  if (shape === 'value') return 'value';
  return 'list' in shape ? 'list' : 'mapping';
}

/** What a key inserts: `key: ` with its known values as a choice, or the key and an indented block. */
function insertKey(key: string, shape: Shape, context: YamlKeyContext, values: ValueChoice[], pattern: string, settings: Settings,
  roles: string[]): { insertText: string; isSnippet?: boolean } {
  const name = /^[A-Za-z0-9_./-]+$/.test(key) ? key : JSON.stringify(key);
  if (context.hasColon) return { insertText: name };
  const inner = ' '.repeat(context.column + 2);
  const at = escapeSnippet(name);
  if (pattern.endsWith('units[].contents') || pattern.endsWith('dropins[].contents')) {
    return { insertText: `${at}: |\n${inner}$0`, isSnippet: true };
  }
  if (pattern === 'spec.config.ignition') {
    const versions = acceptedIgnitionVersions(settings.openshiftVersion);
    return { insertText: `${at}:\n${inner}version: \${1|${choice(versions)}|}`, isSnippet: true };
  }
  if (pattern === 'metadata.labels') {
    return { insertText: `${at}:\n${inner}${escapeSnippet(ROLE_LABEL)}: \${1|${choice(roles)}|}`, isSnippet: true };
  }
  if (shape === 'value') {
    if (values.length === 1) return { insertText: `${at}: ${escapeSnippet(values[0].value)}`, isSnippet: true };
    if (values.length > 1) return { insertText: `${at}: \${1|${choice(values.map((v) => v.value))}|}`, isSnippet: true };
    return { insertText: `${at}: $0`, isSnippet: true };
  }
  if ('list' in shape) return { insertText: `${at}:\n${inner}- $0`, isSnippet: true };
  return { insertText: `${at}:\n${inner}$0`, isSnippet: true };
}

/** Values for the key at the caret. */
export function valueCompletions(context: YamlValueContext, settings: Settings, roles: string[]): CompletionItem[] {
  const values = knownValues(context.path, settings, roles);
  return values.map((choiceValue, i) => {
    const quoted = context.quote ? `${context.quote}${choiceValue.value}${context.quote}` : choiceValue.value;
    return {
      label: choiceValue.value,
      kind: 'value' as const,
      insertText: quoted,
      ...(context.quote ? { filterText: quoted } : {}),
      ...(choiceValue.detail ? { detail: choiceValue.detail } : {}),
      sortText: String(i).padStart(3, '0'),
    };
  });
}
