/**
 * The keys of a Butane config of the openshift variant, one line of help each: what
 * completion offers, what hover shows, and what a Butane unknown-key rule can look up
 * (`butaneKeyAt`). Read from coreos/butane docs/config-openshift-v4_8…v4_22.md and
 * config/openshift/v4_*\/{schema,translate,validate}.go. `since` is the first spec version
 * that reads a key added after 4.8.0; `refused` keys are in Butane's Go types (the fcos
 * variant it embeds) but the openshift translation rejects them, because the Machine
 * Config Operator cannot apply them (its fieldFilters).
 */
import { ROLE_LABEL } from '../machineconfig/pools';

export type ButaneType = 'string' | 'integer' | 'boolean' | 'mapping' | 'list of mappings' | 'list of strings' | 'string map';

export interface ButaneKey {
  /** One line: what the key is. */
  doc: string;
  type: ButaneType;
  /** The values Butane accepts, when it names them. */
  values?: readonly string[];
  /** The first openshift spec version that reads the key (`4.14.0`), for keys added after 4.8.0. */
  since?: string;
  /** Butane refuses the config without it (a required field of its parent). */
  required?: true;
  /** Why the openshift variant refuses the key (Butane's error), when it does. */
  refused?: string;
  /** A mapping's keys, or the keys of each item of a list of mappings. */
  keys?: Readonly<Record<string, ButaneKey>>;
}

type More = Omit<Partial<ButaneKey>, 'doc' | 'type' | 'keys'>;

const str = (doc: string, more: More = {}): ButaneKey => ({ doc, type: 'string', ...more });
const int = (doc: string, more: More = {}): ButaneKey => ({ doc, type: 'integer', ...more });
const bool = (doc: string, more: More = {}): ButaneKey => ({ doc, type: 'boolean', ...more });
const strings = (doc: string, more: More = {}): ButaneKey => ({ doc, type: 'list of strings', ...more });
const mapping = (doc: string, keys: Record<string, ButaneKey>, more: More = {}): ButaneKey => ({ doc, type: 'mapping', keys, ...more });
const listOf = (doc: string, keys: Record<string, ButaneKey>, more: More = {}): ButaneKey => ({ doc, type: 'list of mappings', keys, ...more });

/** The openshift spec versions Butane knows, and the Ignition spec each compiles to. */
export const OPENSHIFT_SPEC_VERSIONS: readonly { version: string; ignition: string }[] = [
  ...['8', '9', '10', '11', '12', '13'].map((minor) => ({ version: `4.${minor}.0`, ignition: '3.2.0' })),
  ...['14', '15', '16', '17', '18'].map((minor) => ({ version: `4.${minor}.0`, ignition: '3.4.0' })),
  ...['19', '20', '21', '22'].map((minor) => ({ version: `4.${minor}.0`, ignition: '3.5.0' })),
];

const MCO_REFUSES = 'the Machine Config Operator cannot apply it, so Butane refuses it for openshift';

const headers = (): ButaneKey => listOf('HTTP headers sent when fetching the source (http and https only).', {
  name: str('The header name.', { required: true }),
  value: str('The header contents.'),
});

const verification = (what: string): ButaneKey => mapping(`Options for verifying the ${what}.`, {
  hash: str(`The hash of the ${what}, \`sha512-<hex>\` or \`sha256-<hex>\` (of the decompressed ${what} when compressed).`),
});

/** A resource Ignition fetches (source) or Butane embeds (inline, local). */
const resource = (what: string, more: { headers?: boolean } = {}): Record<string, ButaneKey> => ({
  source: str(`The URL of the ${what} (data:, http(s):, tftp:, s3:, arn:, gs:). Mutually exclusive with inline and local.`),
  inline: str(`The ${what} itself, written here. Mutually exclusive with source and local.`),
  local: str(`A file holding the ${what}, relative to the \`--files-dir\` directory given to butane. Mutually exclusive with source and inline.`),
  compression: str(`The compression of the ${what}: none, or gzip.`, { values: ['gzip'] }),
  ...(more.headers === false ? {} : { http_headers: headers() }),
  verification: verification(what),
});

const owner = (what: 'owner' | 'group'): ButaneKey => mapping(`The file's ${what}.`, {
  id: int(`The ${what === 'owner' ? 'user' : 'group'} ID.`),
  name: str(`The ${what === 'owner' ? 'user' : 'group'} name.`),
});

const tang = (): ButaneKey => listOf('Tang servers; every url must be unique.', {
  url: str('The URL of the tang server.', { required: true }),
  thumbprint: str('The thumbprint of a trusted signing key.', { required: true }),
  advertisement: str('The advertisement JSON; fetched from the server at provisioning when absent.', { since: '4.14.0' }),
});

const cex = (): ButaneKey => mapping('IBM Crypto Express (CEX) card support for the LUKS device.', {
  enabled: bool('Whether to enable CEX for LUKS (default false); openshift needs the kernel argument rd.luks.key=/etc/luks/cex.key.'),
}, { since: '4.19.0' });

const unitText = 'contents of the unit (written as is: the unit file the node gets). Mutually exclusive with contents_local.';

/** The top level of a Butane config of the openshift variant. */
export const BUTANE_OPENSHIFT: ButaneKey = mapping('A Butane config of the openshift variant: butane compiles it into a MachineConfig.', {
  variant: str('The config variant: `openshift` compiles to a MachineConfig (fcos, rhcos… make a plain Ignition config).', { required: true, values: ['openshift'] }),
  version: str('The openshift spec version (4.N.0); it decides the Ignition spec of the MachineConfig.', { required: true, values: OPENSHIFT_SPEC_VERSIONS.map((v) => v.version) }),
  metadata: mapping('The name and labels of the MachineConfig butane writes.', {
    name: str('The MachineConfig\'s name; configs of a pool apply in name order, the later winning.', { required: true }),
    labels: {
      doc: `Kubernetes labels of the MachineConfig; \`${ROLE_LABEL}\` (the pool's role) is required.`,
      type: 'string map',
      required: true,
      keys: { [ROLE_LABEL]: str('The role of the pool whose nodes get this config (worker, master, or a custom pool\'s).', { required: true }) },
    },
  }, { required: true }),
  ignition: mapping('Options of the Ignition config itself.', {
    config: mapping('Other configs to merge into or replace this one.', {
      merge: listOf('Configs merged into this one, in order.', resource('config')),
      replace: mapping('A config that replaces this one.', resource('config')),
    }),
    timeouts: mapping('HTTP timeouts when Ignition fetches resources.', {
      http_response_headers: int('Seconds to wait for the response headers (0: no timeout; default 10).'),
      http_total: int('Seconds for the whole fetch, retries included (0: no timeout, the default).'),
    }),
    security: mapping('Network security options.', {
      tls: mapping('TLS options for https fetches.', {
        certificate_authorities: listOf('Extra certificate authorities (PEM bundles) trusted for https fetches.', resource('certificate bundle')),
      }),
    }),
    proxy: mapping('The HTTP(S) proxy Ignition uses when fetching resources.', {
      http_proxy: str('The proxy URL for http (and https unless https_proxy is set).'),
      https_proxy: str('The proxy URL for https.'),
      no_proxy: strings('Hosts, domains and address prefixes fetched without the proxy.'),
    }),
  }),
  storage: mapping('Files (and, at install only, disks) to write on the node.', {
    disks: listOf('Disks to partition (install only).', {
      device: str('The absolute path of the disk (/dev/disk/by-id/coreos-boot-disk for the boot disk).', { required: true }),
      wipe_table: bool('Whether to erase the partition table first.'),
      partitions: listOf('Partitions of the disk.', {
        label: str('The PARTLABEL.'),
        number: int('The partition number (0: the next free slot).'),
        size_mib: int('The size in MiB (0: as large as possible).'),
        start_mib: int('The start in MiB (0: the start of the largest free block).'),
        type_guid: str('The GPT partition type GUID.'),
        guid: str('The GPT unique partition GUID.'),
        wipe_partition_entry: bool('Whether Ignition may clobber a partition that does not match.'),
        should_exist: bool('Whether the partition should exist (default true).'),
        resize: bool('Whether to resize an existing partition that matches otherwise.'),
      }),
    }),
    raid: listOf('Software RAID arrays (install only).', {
      name: str('The md device name.', { required: true }),
      level: str('The RAID level (linear, raid1, raid5…).', { required: true }),
      devices: strings('The member devices, by absolute path.', { required: true }),
      spares: int('The number of spares.'),
      options: strings('Extra mdadm options.'),
    }),
    filesystems: listOf('Filesystems to create (install only).', {
      device: str('The absolute path of the device.', { required: true }),
      format: str('The filesystem format.', { required: true, values: ['xfs', 'ext4', 'vfat', 'swap'] }),
      path: str('The mount point while Ignition runs, relative to the root filesystem.'),
      wipe_filesystem: bool('Whether to wipe the device before creating the filesystem (default false).'),
      label: str('The filesystem label.'),
      uuid: str('The filesystem UUID.'),
      options: strings('Extra mkfs options.'),
      mount_options: strings('Mount options.'),
      with_mount_unit: bool('Whether to generate a mount (or swap) unit for it.'),
    }),
    files: listOf('Files to write; every path must be unique.', {
      path: str('The absolute path of the file on the node.', { required: true }),
      overwrite: bool('Whether to replace what is at the path (needs contents).'),
      contents: mapping('The file\'s contents.', {
        ...resource('file', { headers: false }),
        source: str('A `data:` URL of the contents (the only scheme the MCO writes). Mutually exclusive with inline and local.'),
        compression: str('The compression of the contents: none, or gzip.', { values: ['gzip'], since: '4.10.0' }),
        http_headers: { ...headers(), refused: MCO_REFUSES },
      }),
      mode: int('The permission mode, in octal (0644, 0755; NetworkManager keyfiles need 0600). Default 0644.'),
      user: owner('owner'),
      group: owner('group'),
      append: listOf('Fragments appended to the file.', resource('fragment'), { refused: MCO_REFUSES }),
    }),
    directories: listOf('Directories to create.', {
      path: str('The absolute path.', { required: true }),
    }, { refused: MCO_REFUSES }),
    links: listOf('Links to create.', {
      path: str('The absolute path of the link.', { required: true }),
      target: str('What the link points to.'),
    }, { refused: MCO_REFUSES }),
    luks: listOf('LUKS devices to create (install only).', {
      name: str('The LUKS device name.', { required: true }),
      device: str('The absolute path of the device.', { required: true }),
      key_file: mapping('The key file.', resource('key file')),
      label: str('The LUKS label.'),
      uuid: str('The LUKS UUID.'),
      options: strings('Extra `cryptsetup luksFormat` options.'),
      discard: bool('Whether to pass discards through (default false).', { since: '4.14.0' }),
      open_options: strings('Extra `cryptsetup luksOpen` options, written to the volume.', { since: '4.14.0' }),
      wipe_volume: bool('Whether to wipe the device before creating the volume.'),
      clevis: mapping('Clevis binding of the device.', {
        tang: tang(),
        tpm2: bool('Whether to bind to the TPM2.'),
        threshold: int('How many pieces are needed to unlock (default 1).'),
        custom: mapping('A clevis pin and config passed as is to `clevis luks bind`.', {
          pin: str('The clevis pin.', { required: true }),
          config: str('The clevis config JSON.', { required: true }),
          needs_network: bool('Whether the device needs the network.'),
        }),
      }),
      cex: cex(),
    }),
    trees: listOf('Local directory trees butane embeds as files (read from `--files-dir` at compile time).', {
      local: str('The local directory, relative to `--files-dir`.', { required: true }),
      path: str('Where the tree goes on the node (default /).'),
    }),
  }),
  systemd: mapping('systemd units to write, enable or mask.', {
    units: listOf('Units; every name must be unique.', {
      name: str('The unit name, with its type suffix (static-route.service).', { required: true }),
      enabled: bool('Whether to enable the unit (needs an [Install] section); left as is when omitted.'),
      mask: bool('Whether to mask the unit (a link to /dev/null).'),
      contents: str(`The ${unitText}`),
      contents_local: str('A file holding the unit, relative to `--files-dir`. Mutually exclusive with contents.', { since: '4.14.0' }),
      dropins: listOf('Drop-ins of the unit; every name must be unique.', {
        name: str('The drop-in name, ending in `.conf`.', { required: true }),
        contents: str('The contents of the drop-in. Mutually exclusive with contents_local.'),
        contents_local: str('A file holding the drop-in, relative to `--files-dir`. Mutually exclusive with contents.', { since: '4.14.0' }),
      }),
    }),
  }),
  passwd: mapping('Users to add to; openshift only allows core.', {
    users: listOf('Accounts; openshift only allows the user core.', {
      name: str('The user name: must be `core`.', { required: true, values: ['core'] }),
      password_hash: str('The hashed password of core.', { since: '4.13.0' }),
      ssh_authorized_keys: strings('SSH public keys added for core.'),
      ssh_authorized_keys_local: strings('Files of SSH public keys, relative to `--files-dir`.', { since: '4.14.0' }),
    }),
  }),
  boot_device: mapping('Boot disk encryption and mirroring (install only).', {
    layout: str('The disk layout of the OS image (default x86_64).', { values: ['x86_64', 'aarch64', 'ppc64le', 's390x-eckd', 's390x-virt', 's390x-zfcp'] }),
    luks: mapping('Encryption of the root filesystem.', {
      device: str('The whole-disk device (s390x-eckd and s390x-zfcp layouts).', { since: '4.19.0' }),
      tang: tang(),
      tpm2: bool('Whether to bind to the TPM2.'),
      threshold: int('How many pieces are needed to unlock (default 1).'),
      discard: bool('Whether to pass discards through (default false).', { since: '4.14.0' }),
      cex: cex(),
    }),
    mirror: mapping('Mirroring of the boot disk.', {
      devices: strings('The whole-disk devices of the mirror (at least two).'),
    }),
  }),
  grub: mapping('Unsupported by the openshift variant.', {
    users: listOf('Unsupported.', { name: str('Unsupported.'), password_hash: str('Unsupported.') }),
  }, { since: '4.14.0', refused: 'GRUB passwords are not supported by the openshift variant' }),
  openshift: mapping('OpenShift settings of the MachineConfig (spec.kernelArguments, extensions, fips, kernelType).', {
    kernel_type: str('The kernel of the node: default, or realtime.', { values: ['default', 'realtime'] }),
    kernel_arguments: strings('Arguments added to the kernel command line.'),
    extensions: strings('RHCOS extensions installed on the node (usbguard, kerberos…).'),
    fips: bool('Whether to enable FIPS mode (install only; default false).'),
  }),
});

/**
 * The key at `path` (keys as strings, list indexes as numbers) in the openshift table, or
 * undefined where the table does not reach (an unknown key, a label other than the role's).
 */
export function butaneKeyAt(path: readonly (string | number)[], root: ButaneKey = BUTANE_OPENSHIFT): ButaneKey | undefined {
  let node: ButaneKey | undefined = root;
  let list = false;
  for (const part of path) {
    if (!node) return undefined;
    if (typeof part === 'number') {
      if (node.type !== 'list of mappings' && node.type !== 'list of strings') return undefined;
      // A list's items share their list's key: it describes what one item holds.
      list = false;
      continue;
    }
    // A list holds items, not keys.
    if (list) return undefined;
    node = node.keys && Object.hasOwn(node.keys, part) ? node.keys[part] : undefined;
    list = node?.type === 'list of mappings' || node?.type === 'list of strings';
  }
  return node;
}

/** The keys Butane knows in the mapping at `path` (a mapping, or an item of a list of mappings). */
export function butaneKeysAt(path: readonly (string | number)[]): Readonly<Record<string, ButaneKey>> | undefined {
  const node = butaneKeyAt(path);
  if (!node?.keys) return undefined;
  // A list of mappings holds items, not keys: its keys are those of an item.
  if (node.type === 'list of mappings' && typeof path[path.length - 1] !== 'number') return undefined;
  return node.keys;
}

/** Whether the key is free (`metadata.labels` takes any label): no unknown-key finding below it. */
export function isFreeMapping(key: ButaneKey): boolean {
  return key.type === 'string map';
}

/** "boolean · since 4.14.0". */
export function describeButaneKey(key: ButaneKey): string {
  return key.since ? `${key.type} · since openshift ${key.since}` : key.type;
}
