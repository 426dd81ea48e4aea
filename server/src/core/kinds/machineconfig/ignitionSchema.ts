/**
 * The keys Ignition 3.x knows (union of specs 3.0–3.5, coreos/ignition config/v3_x/types).
 * Ignition ignores any other key, so a misspelt key silently does nothing.
 */
export type Shape = { object: Record<string, Shape> } | { list: Shape } | 'value';

const value = 'value' as const;
const list = (items: Shape): Shape => ({ list: items });
const object = (fields: Record<string, Shape>): Shape => ({ object: fields });

const resource = object({
  source: value,
  compression: value,
  httpHeaders: list(object({ name: value, value })),
  verification: object({ hash: value }),
});
const owner = object({ id: value, name: value });

export const IGNITION_CONFIG: Shape = object({
  ignition: object({
    version: value,
    config: object({ merge: list(resource), replace: resource }),
    proxy: object({ httpProxy: value, httpsProxy: value, noProxy: list(value) }),
    security: object({ tls: object({ certificateAuthorities: list(resource) }) }),
    timeouts: object({ httpResponseHeaders: value, httpTotal: value }),
  }),
  kernelArguments: object({ shouldExist: list(value), shouldNotExist: list(value) }),
  passwd: object({
    users: list(object({
      name: value, passwordHash: value, sshAuthorizedKeys: list(value), uid: value, gecos: value, homeDir: value,
      noCreateHome: value, primaryGroup: value, groups: list(value), noUserGroup: value, noLogInit: value, shell: value,
      shouldExist: value, system: value,
    })),
    groups: list(object({ name: value, gid: value, passwordHash: value, shouldExist: value, system: value })),
  }),
  storage: object({
    disks: list(object({
      device: value,
      wipeTable: value,
      partitions: list(object({
        label: value, number: value, sizeMiB: value, startMiB: value, typeGuid: value, guid: value,
        wipePartitionEntry: value, shouldExist: value, resize: value,
      })),
    })),
    raid: list(object({ name: value, level: value, devices: list(value), spares: value, options: list(value) })),
    filesystems: list(object({
      device: value, format: value, wipeFilesystem: value, label: value, uuid: value, options: list(value), path: value,
      mountOptions: list(value),
    })),
    files: list(object({ path: value, overwrite: value, contents: resource, append: list(resource), mode: value, user: owner, group: owner })),
    directories: list(object({ path: value, overwrite: value, mode: value, user: owner, group: owner })),
    links: list(object({ path: value, overwrite: value, target: value, hard: value, user: owner, group: owner })),
    luks: list(object({
      name: value, device: value, keyFile: resource, label: value, uuid: value, options: list(value), wipeVolume: value,
      discard: value, openOptions: list(value),
      clevis: object({
        custom: object({ config: value, needsNetwork: value, pin: value }),
        tang: list(object({ url: value, thumbprint: value, advertisement: value })),
        threshold: value,
        tpm2: value,
      }),
    })),
  }),
  systemd: object({
    units: list(object({ name: value, enabled: value, mask: value, contents: value, dropins: list(object({ name: value, contents: value })) })),
  }),
});

/** Sections and keys of Ignition 2.x that people still paste into 3.x configs. */
export const IGNITION_2_ONLY: Record<string, string> = {
  networkd: 'networkd is an Ignition 2.x section; Ignition 3 has no networkd and ignores it',
  filesystem: 'filesystem is an Ignition 2.x file field; Ignition 3 ignores it',
};

/**
 * Butane-only keys pasted into a MachineConfig's Ignition config, by the path of their
 * parent (list indices written `[]`). Butane compiles them away (inline text becomes a
 * `data:` URL, local files are read in); Ignition does not know them.
 */
const BUTANE_ONLY: Record<string, Record<string, string>> = {
  'spec.config': {
    variant: 'variant is the header of a Butane config',
    version: 'version at this level is the header of a Butane config (Ignition has ignition.version)',
    openshift: 'openshift is a Butane section (it compiles to spec.kernelArguments, spec.extensions, spec.fips and spec.kernelType)',
  },
  'spec.config.storage': { trees: 'storage.trees is Butane-only: Butane reads the local directory into files' },
  'spec.config.storage.files[].contents': {
    inline: 'contents.inline is Butane-only: Ignition reads only contents.source, so the file is written empty',
    local: 'contents.local is Butane-only: Ignition reads only contents.source, so the file is written empty',
  },
  'spec.config.storage.files[].append[]': {
    inline: 'inline is Butane-only: Ignition reads only source',
    local: 'local is Butane-only: Ignition reads only source',
  },
  'spec.config.systemd.units[]': { contents_local: 'contents_local is Butane-only: the unit gets no contents' },
  'spec.config.systemd.units[].dropins[]': { contents_local: 'contents_local is Butane-only: the dropin gets no contents' },
  'spec.config.passwd.users[]': { ssh_authorized_keys_local: 'ssh_authorized_keys_local is Butane-only: no key is installed' },
};

/** Why `key` under `path` (e.g. `spec.config.storage.files[2].contents`) is Butane syntax, or undefined. */
export function butaneOnlyKey(path: string, key: string): string | undefined {
  return BUTANE_ONLY[path.replace(/\[\d+\]/g, '[]')]?.[key];
}

/** Paths (lists as `[]`) under which a Butane-only key can sit: a walk looking for them need not go elsewhere. */
export const BUTANE_ONLY_PATH_PREFIXES: ReadonlySet<string> = new Set(
  Object.keys(BUTANE_ONLY).flatMap((path) => {
    const prefixes: string[] = [];
    for (let at = path.indexOf('.'); at >= 0; at = path.indexOf('.', at + 1)) prefixes.push(path.slice(0, at));
    for (let at = path.indexOf('['); at >= 0; at = path.indexOf('[', at + 1)) prefixes.push(path.slice(0, at));
    return [...prefixes, path];
  }),
);

/** butaneOnlyKey for a path already written with `[]` for list items. */
export function butaneOnlyKeyAt(listPath: string, key: string): string | undefined {
  return BUTANE_ONLY[listPath]?.[key];
}
