import { code, values, type Doc, type DocValue } from '../../text/doc';
import { MACHINECONFIG_API_VERSION } from './model';
import { ROLE_LABEL } from './pools';

/**
 * The keys of a MachineConfig in one tree: the Kubernetes envelope (apiVersion, kind,
 * metadata, spec) and every Ignition 3 key under spec.config (the union of specs 3.0–3.5).
 * Each key carries what hover shows, what completion offers and whether the Machine Config
 * Daemon can apply it to a running node, so completion, hover, mc-unknown-field,
 * ign-unknown-key and ign-not-reconcilable cannot disagree. Plain data: another kind
 * (NMState, Butane) brings a tree of its own.
 *
 * Sources: openshift/api machineconfiguration/v1 (MachineConfigSpec); MCO
 * docs/MachineConfig.md, docs/custom-pools.md, pkg/daemon reconcile (what a running node
 * can change); coreos/ignition config/v3_x/types and docs/configuration-v3_x.md.
 */
export interface SchemaNode {
  /**
   * A mapping's keys. Their order is the order "did you mean" tries them in (and the order
   * mc-unknown-field lists spec's fields), so it is kept as the specs list them.
   */
  keys?: Readonly<Record<string, SchemaKey>>;
  /** A mapping whose keys are free (labels, annotations): any key not in `keys`. */
  anyKey?: SchemaKey;
  /** A list: its items. */
  item?: SchemaKey;
  /** Keys completion lists first, in this order; the others follow alphabetically. */
  first?: readonly string[];
}

/** The hover text of a key; its title is made from the path. */
export type KeyDoc = Omit<Doc, 'title'> & {
  /** A few words after the key in the title: "`metadata.name` — config name". */
  label: string;
};

export interface ValueChoice {
  value: string;
  detail?: string;
}

/** Why the Machine Config Daemon cannot apply a key to a running node (the pool goes degraded). */
export interface NotReconcilable {
  /** How ign-not-reconcilable names the key; its path from spec.config when absent. */
  what?: string;
  /**
   * What to do instead. ign-not-reconcilable reports only keys that have one: storage.luks
   * is kept out of completion but was never reported, and a new finding is a visible change.
   */
  instead?: string;
  /**
   * On a list item: the one item the daemon can change, by its `name` (the core user), and
   * what an item is (`user`). Another item is reported at its name; in that one, only the
   * keys the schema marks. A key Ignition does not know is dropped at parsing, before the
   * daemon compares configs (ign-unknown-key's business).
   */
  unlessNamed?: { name: string; noun: string };
}

export interface SchemaKey extends SchemaNode, KeyDoc {
  /** The line completion shows next to the key; its type (value, list, mapping) when absent. */
  hint?: string;
  /** The values completion offers, or where they come from when settings or the workspace decide. */
  choices?: readonly ValueChoice[] | 'roles' | 'ignition-versions';
  /** Completion writes this child key with the mapping (`ignition:` comes with `version:`). */
  insertWith?: string;
  /** A text that completion opens as a literal block (`contents: |`). */
  block?: true;
  /** Completion does not offer the key: the API server sets it or ignores it. */
  offer?: false;
  /** The daemon cannot apply the key to a running node: completion does not offer it. */
  notReconcilable?: NotReconcilable;
}

/** The note on parts of Ignition that only apply when a node is installed. */
const INSTALL_ONLY = 'the Machine Config Daemon cannot apply this to running nodes: the pool goes degraded and stops updating (ign-not-reconcilable). It only takes effect when a node is installed.';
const FIRST_BOOT_FETCH = 'used by Ignition when it fetches remote resources at first boot; a MachineConfig carries everything inline, so there is nothing to fetch.';
const SERVER_SET = 'Filled in by the API server. Leave it out of a file you apply: a stale `resourceVersion` or `uid` makes `oc apply`/`oc replace` fail.';
const CORE_FIELDS_ONLY = 'set only its SSH keys and password';

const BOOLEAN = values(['true', 'on'], ['false', 'off (the default)']);
const TRUE_FALSE: ValueChoice[] = [{ value: 'true' }, { value: 'false' }];

/** An install-time key: hover says so. */
function installOnly(label: string, summary: string, more: Partial<SchemaKey> = {}): SchemaKey {
  return { label, summary, cluster: INSTALL_ONLY, ...more };
}

const serverSet = (): SchemaKey => ({ label: 'set by the API server', summary: SERVER_SET, offer: false });

/** An Ignition resource (a file's contents, an appended fragment, a CA bundle, a merged config). */
function resource(what: string, hints: { source?: string; compression?: string } = {}): SchemaKey {
  return {
    label: what,
    summary: `Where ${what} comes from: a \`source\` URL, optionally compressed and verified.`,
    keys: {
      source: {
        label: 'source URL',
        summary: `The URL of ${what}. In a MachineConfig write a \`data:\` URL: \`data:,<percent-encoded text>\` or \`data:;base64,<base64>\`.`,
        details: ['The Machine Config Daemon does not fetch `http(s)`, `s3`, `tftp` or `gs` URLs on running nodes: the node goes degraded.'],
        ...(hints.source ? { hint: hints.source } : {}),
      },
      compression: {
        label: 'compression',
        summary: `How the data of ${what} is compressed.`,
        values: values(['""', 'not compressed (the default)'], ['gzip', 'gzip-compressed, then base64 in the data URL']),
        ...(hints.compression ? { hint: hints.compression } : {}),
      },
      httpHeaders: {
        label: 'HTTP headers',
        summary: `Extra HTTP headers for fetching ${what}: ${FIRST_BOOT_FETCH}`,
        item: {
          label: 'HTTP header',
          summary: 'One header: `name` and `value`.',
          keys: {
            name: { label: 'header name', summary: 'The HTTP header name, e.g. `Authorization`.' },
            value: { label: 'header value', summary: 'The HTTP header value.' },
          },
        },
      },
      verification: {
        label: 'verification',
        summary: `A hash that ${what} must match.`,
        keys: {
          hash: { label: 'hash', summary: `\`sha512-<hex>\` or \`sha256-<hex>\` of ${what}; with \`compression\`, the hash of the decompressed data.` },
        },
      },
    },
  };
}

/** user and group of a file, directory or link. */
const owner = {
  user: {
    label: 'owner',
    summary: 'The owning user, by `name` or numeric `id`. Default: root.',
    keys: {
      id: { label: 'owner uid', summary: 'The owning user\'s numeric id.' },
      name: { label: 'owner name', summary: 'The owning user\'s name; it must exist on the node.' },
    },
  },
  group: {
    label: 'group',
    summary: 'The owning group, by `name` or numeric `id`. Default: root.',
    keys: {
      id: { label: 'group gid', summary: 'The owning group\'s numeric id.' },
      name: { label: 'group name', summary: 'The owning group\'s name; it must exist on the node.' },
    },
  },
} satisfies Record<string, SchemaKey>;

const CORE_ONLY = `${INSTALL_ONLY} Of \`core\`, only \`sshAuthorizedKeys\` and \`passwordHash\` can change.`;

/** A field of passwd.users[] the daemon refuses even for core. */
function coreOnly(key: string, label: string, summary: string, more: Partial<SchemaKey> = {}): SchemaKey {
  return { label, summary, cluster: CORE_ONLY, notReconcilable: { what: `core's ${key}`, instead: CORE_FIELDS_ONLY }, ...more };
}

const ignition: SchemaKey = {
  label: 'Ignition config',
  summary: 'An Ignition config (spec 3.x): files to write, systemd units to install and enable, the `core` user\'s SSH keys. The MCO merges the Ignition configs of all configs in the pool; the Machine Config Daemon on each node writes the result.',
  details: ['On running nodes only `storage.files`, `systemd.units` and the `core` user\'s `sshAuthorizedKeys`/`passwordHash` can change. Disks, filesystems, directories, links and other users are refused and the pool goes degraded.'],
  source: 'MCO pkg/daemon reconcile',
  hint: 'the Ignition config',
  first: ['ignition', 'systemd', 'storage', 'passwd'],
  keys: {
    ignition: {
      label: 'Ignition settings',
      summary: 'Ignition\'s own header. In a MachineConfig only `version` matters; the rest may be `{}`.',
      hint: 'the Ignition spec version',
      insertWith: 'version',
      first: ['version'],
      keys: {
        version: {
          label: 'Ignition spec version',
          summary: 'The version of the Ignition config format, written as a string `3.x.0`. The target OpenShift release decides which versions it accepts.',
          details: [
            'Write `3.4.0`, not `3.4`: a bare `3.4` is a YAML number, not a version.',
            '`2.2.0` is legacy: the MCO still converts it, but 2.x sections such as `networkd` are not Ignition 3.',
          ],
          source: 'MCO release branches; coreos/butane',
          hint: 'the spec version of this config, e.g. 3.4.0',
          choices: 'ignition-versions',
        },
        config: {
          label: 'other configs',
          summary: `Other Ignition configs to merge in or to replace this one with: ${FIRST_BOOT_FETCH} Leave it empty (\`{}\`).`,
          keys: {
            merge: {
              label: 'configs to merge',
              summary: `Configs merged into this one at first boot: ${FIRST_BOOT_FETCH}`,
              item: resource('the merged config'),
            },
            replace: {
              ...resource('the replacing config'),
              label: 'replacing config',
              summary: `A config that replaces this one at first boot: ${FIRST_BOOT_FETCH}`,
            },
          },
        },
        proxy: {
          label: 'proxy',
          summary: `HTTP proxy settings for Ignition's own downloads: ${FIRST_BOOT_FETCH} The cluster-wide proxy is set elsewhere (proxy/cluster).`,
          keys: {
            httpProxy: { label: 'HTTP proxy', summary: 'Proxy URL for http:// downloads at first boot.' },
            httpsProxy: { label: 'HTTPS proxy', summary: 'Proxy URL for https:// downloads at first boot.' },
            noProxy: {
              label: 'no-proxy list',
              summary: 'Hosts and domains fetched without the proxy.',
              item: { label: 'no-proxy entry', summary: 'A host, domain or CIDR reached without the proxy.' },
            },
          },
        },
        security: {
          label: 'security',
          summary: `TLS settings for Ignition's own downloads: ${FIRST_BOOT_FETCH}`,
          keys: {
            tls: {
              label: 'TLS',
              summary: 'TLS settings for downloads at first boot.',
              keys: {
                certificateAuthorities: {
                  label: 'trusted CAs',
                  summary: 'CA bundles Ignition trusts for HTTPS downloads at first boot. A CA for the nodes\' own use belongs in a file (e.g. /etc/pki/ca-trust/source/anchors/).',
                  item: resource('the CA bundle'),
                },
              },
            },
          },
        },
        timeouts: {
          label: 'timeouts',
          summary: `HTTP timeouts for Ignition's own downloads: ${FIRST_BOOT_FETCH} \`{}\` is fine.`,
          keys: {
            httpResponseHeaders: { label: 'header timeout', summary: 'Seconds to wait for HTTP response headers at first boot (default 10).' },
            httpTotal: { label: 'total timeout', summary: 'Seconds an HTTP download may take at first boot (default 0: no limit).' },
          },
        },
      },
    },

    kernelArguments: installOnly('Ignition kernel arguments', 'Ignition\'s own kernel-argument section (spec 3.3+). Use `spec.kernelArguments` instead: the MCO applies that one.', {
      notReconcilable: { what: 'Ignition kernelArguments', instead: 'use spec.kernelArguments' },
      keys: {
        shouldExist: installOnly('arguments to add', 'Kernel arguments Ignition adds at first boot.', {
          item: installOnly('argument to add', 'One kernel argument to add.'),
        }),
        shouldNotExist: installOnly('arguments to remove', 'Kernel arguments Ignition removes at first boot.', {
          item: installOnly('argument to remove', 'One kernel argument to remove.'),
        }),
      },
    }),

    passwd: {
      label: 'users and groups',
      summary: 'Users and groups. On running nodes the MCO manages only the `core` user\'s SSH keys and password hash.',
      hint: 'the core user\'s SSH keys and password',
      keys: {
        users: {
          label: 'users',
          summary: 'Users to create or update. In a MachineConfig: only `core`.',
          hint: 'only the core user can change on running nodes',
          item: {
            label: 'user',
            summary: 'One user. Only `name: core` with `sshAuthorizedKeys` and `passwordHash` applies to running nodes.',
            notReconcilable: {
              instead: 'add your key to core instead',
              unlessNamed: { name: 'core', noun: 'user' },
            },
            keys: {
              name: {
                label: 'user name',
                summary: 'The user\'s login name. On running nodes only `core` (RHCOS\'s admin user) can be changed; any other user degrades the pool.',
                choices: [{ value: 'core', detail: 'the only user the daemon can change' }],
              },
              passwordHash: {
                label: 'password hash',
                summary: 'A crypt(3) hash of the console password (e.g. from `mkpasswd -m SHA-512`). For `core` the daemon applies it to running nodes.',
              },
              sshAuthorizedKeys: {
                label: 'SSH public keys',
                summary: 'Public keys written to the user\'s authorized_keys, one `<type> <base64> [comment]` per item (e.g. `ssh-ed25519 AAAA… admin@example`).',
                cluster: 'for `core`, the daemon updates the keys without draining or rebooting the node.',
                hint: 'SSH public keys for core',
                item: { label: 'SSH public key', summary: 'One public key line: `<type> <base64> [comment]`. Never a private key.' },
              },
              uid: coreOnly('uid', 'user id', 'The numeric user id.'),
              gecos: coreOnly('gecos', 'full name', 'The GECOS field: the user\'s full name.'),
              homeDir: coreOnly('homeDir', 'home directory', 'The home directory.'),
              noCreateHome: coreOnly('noCreateHome', 'no home directory', '`true`: do not create the home directory.'),
              primaryGroup: coreOnly('primaryGroup', 'primary group', 'The user\'s primary group.'),
              groups: coreOnly('groups', 'supplementary groups', 'Groups the user is added to.', {
                item: { label: 'supplementary group', summary: 'One group the user is added to.', cluster: CORE_ONLY },
              }),
              noUserGroup: coreOnly('noUserGroup', 'no user group', '`true`: do not create a group of the user\'s name.'),
              noLogInit: coreOnly('noLogInit', 'no lastlog entry', '`true`: do not add the user to lastlog and faillog.'),
              shell: coreOnly('shell', 'login shell', 'The user\'s login shell.'),
              shouldExist: coreOnly('shouldExist', 'present or absent', '`false` deletes the user.'),
              system: coreOnly('system', 'system user', '`true` picks a uid from the system range.'),
            },
          },
        },
        groups: installOnly('groups', 'Groups to create.', {
          notReconcilable: { instead: 'create them from a unit or at install time' },
          item: installOnly('group', 'One group.', {
            keys: {
              name: installOnly('group name', 'The group\'s name.'),
              gid: installOnly('group id', 'The numeric group id.'),
              passwordHash: installOnly('group password hash', 'A crypt(3) hash of the group password.'),
              shouldExist: installOnly('present or absent', '`false` deletes the group.'),
              system: installOnly('system group', '`true` picks a gid from the system range.'),
            },
          }),
        }),
      },
    },

    storage: {
      label: 'files and disks',
      summary: 'Files to write on the node, and (at install time only) disks, RAID, filesystems, directories and links.',
      cluster: 'on running nodes only `storage.files` applies; the other sections degrade the pool.',
      hint: 'files written to the nodes',
      first: ['files'],
      keys: {
        disks: installOnly('disks', 'Disks to partition.', {
          notReconcilable: { instead: 'partition disks at install time' },
          item: installOnly('disk', 'One disk and its partition table.', {
            keys: {
              device: installOnly('disk device', 'The disk, e.g. `/dev/disk/by-id/…`.'),
              wipeTable: installOnly('wipe partition table', '`true` erases the existing partition table first.'),
              partitions: installOnly('partitions', 'Partitions to create or check on the disk.', {
                item: installOnly('partition', 'One partition.', {
                  keys: {
                    label: installOnly('partition label', 'The GPT partition name.'),
                    number: installOnly('partition number', 'The partition\'s index (0: the next free one).'),
                    sizeMiB: installOnly('size in MiB', 'The size (0: as large as possible).'),
                    startMiB: installOnly('start in MiB', 'Where the partition starts (0: the first free space).'),
                    typeGuid: installOnly('type GUID', 'The GPT partition type GUID.'),
                    guid: installOnly('partition GUID', 'The partition\'s unique GUID.'),
                    wipePartitionEntry: installOnly('replace a mismatching entry', '`true` lets Ignition delete a partition that does not match.'),
                    shouldExist: installOnly('present or absent', '`false` deletes the partition.'),
                    resize: installOnly('resize', '`true` lets Ignition grow an existing partition to match.'),
                  },
                }),
              }),
            },
          }),
        }),
        raid: installOnly('software RAID', 'md RAID arrays to create.', {
          notReconcilable: { instead: 'set up RAID at install time' },
          item: installOnly('RAID array', 'One array.', {
            keys: {
              name: installOnly('array name', 'The md device name.'),
              level: installOnly('RAID level', 'raid0, raid1, raid5…'),
              devices: installOnly('member devices', 'The devices in the array.', { item: installOnly('member device', 'One device of the array.') }),
              spares: installOnly('spares', 'How many of the devices are spares.'),
              options: installOnly('mdadm options', 'Extra mdadm options.', { item: installOnly('mdadm option', 'One mdadm option.') }),
            },
          }),
        }),
        filesystems: installOnly('filesystems', 'Filesystems to create (and mount points Ignition uses at first boot).', {
          notReconcilable: { instead: 'create filesystems at install time' },
          item: installOnly('filesystem', 'One filesystem.', {
            keys: {
              device: installOnly('device', 'The block device to format.'),
              format: installOnly('filesystem type', 'xfs, ext4, vfat, swap…'),
              wipeFilesystem: installOnly('wipe', '`true` erases an existing filesystem.'),
              label: installOnly('filesystem label', 'The filesystem label.'),
              uuid: installOnly('filesystem UUID', 'The filesystem UUID.'),
              options: installOnly('mkfs options', 'Extra mkfs options.', { item: installOnly('mkfs option', 'One mkfs option.') }),
              path: installOnly('mount path', 'Where the filesystem is mounted (a mount unit is still needed for later boots).'),
              mountOptions: installOnly('mount options', 'Mount options for first boot.', { item: installOnly('mount option', 'One mount option.') }),
            },
          }),
        }),
        files: {
          label: 'files to write',
          summary: 'Files the Machine Config Daemon writes on every node of the pool, each with a path, contents and mode.',
          details: [
            'A NetworkManager keyfile in /etc/NetworkManager/system-connections/ (mode 0600) is a persistent way to add routes.',
            'A file under /etc/systemd/system/ is better written as a `systemd.units` entry, which can also enable it.',
          ],
          cluster: 'the daemon writes the files, then reboots the node (a few paths, such as the pull secret, apply without reboot).',
          hint: 'files (NetworkManager keyfiles, scripts, …)',
          item: {
            label: 'file',
            summary: 'One file: `path`, `contents.source` (a data URL), `mode`, optionally `overwrite`, `user`, `group`.',
            first: ['path', 'mode', 'overwrite', 'contents', 'user', 'group'],
            keys: {
              path: {
                label: 'file path',
                summary: 'The absolute path of the file on the node. Write under /etc or /var: /usr is read-only on RHCOS (except /usr/local, which lives in /var).',
                hint: 'absolute path on the node',
              },
              overwrite: {
                label: 'replace an existing file',
                summary: 'Whether Ignition may replace a file that already exists at first boot. With `false` (its default) an existing file with other contents fails the node\'s provisioning.',
                values: values(['true', 'replace the file'], ['false', 'keep an existing file (Ignition\'s default)']),
                cluster: 'on running nodes the daemon writes the file from the rendered config whatever this says.',
                hint: 'replace an existing file',
                choices: TRUE_FALSE,
              },
              contents: {
                ...resource('the file\'s contents', { source: 'data:,<percent-encoded text> or data:;base64,…', compression: '"" or gzip' }),
                hint: 'the file content as a data: URL',
                first: ['source', 'compression'],
              },
              append: installOnly('appended fragments', 'Data appended to the file instead of replacing it.', {
                notReconcilable: { what: 'append', instead: 'write the whole file with contents' },
                item: resource('the appended fragment'),
              }),
              mode: {
                label: 'file permissions',
                summary: 'The permission bits, as a number. `oc` reads YAML 1.1, where a leading 0 means octal: `0644` is 420 (`rw-r--r--`). Without the 0, `644` is decimal 644 = octal 1204 and is refused.',
                values: values(
                  ['0644 (420)', 'rw-r--r--: ordinary file, the default'],
                  ['0600 (384)', 'rw-------: secrets; required for NetworkManager keyfiles'],
                  ['0755 (493)', 'rwxr-xr-x: scripts and programs'],
                ),
                details: ['Modes above 0777 (setuid, setgid, sticky) are refused by the MCO.'],
                source: 'MCO validateIgn3FileModes; coreos/butane',
                hint: 'file mode as a number: 420 = 0644, 384 = 0600',
                choices: [
                  { value: '420', detail: '0644: rw-r--r--' },
                  { value: '384', detail: '0600: rw------- (NetworkManager keyfiles)' },
                  { value: '493', detail: '0755: rwxr-xr-x (scripts)' },
                ],
              },
              ...owner,
            },
          },
        },
        directories: installOnly('directories', 'Directories to create.', {
          notReconcilable: { instead: 'write a file in the directory instead' },
          item: installOnly('directory', 'One directory: path, mode, owner. Writing a file inside a directory creates it anyway.', {
            keys: {
              path: installOnly('directory path', 'The absolute path of the directory.'),
              overwrite: installOnly('replace what is there', '`true` replaces a file or link at the path.'),
              mode: installOnly('permissions', 'Permission bits as a number (`0755` = 493 in YAML 1.1).'),
              ...owner,
            },
          }),
        }),
        links: installOnly('links', 'Symbolic or hard links to create.', {
          notReconcilable: { instead: 'let a unit run ln -sf' },
          item: installOnly('link', 'One link: path and target.', {
            keys: {
              path: installOnly('link path', 'Where the link is created.'),
              overwrite: installOnly('replace what is there', '`true` replaces an existing file at the path.'),
              target: installOnly('link target', 'What the link points to.'),
              hard: installOnly('hard link', '`true` makes a hard link instead of a symbolic one.'),
              ...owner,
            },
          }),
        }),
        luks: installOnly('encrypted volumes', 'LUKS volumes to create (disk encryption is chosen when a node is installed).', {
          notReconcilable: {},
          item: installOnly('LUKS volume', 'One encrypted volume.', {
            keys: {
              name: installOnly('volume name', 'The /dev/mapper name.'),
              device: installOnly('device', 'The block device to encrypt.'),
              keyFile: resource('the key file'),
              label: installOnly('LUKS label', 'The LUKS header label.'),
              uuid: installOnly('LUKS UUID', 'The LUKS header UUID.'),
              options: installOnly('cryptsetup options', 'Extra `cryptsetup luksFormat` options.', { item: installOnly('cryptsetup option', 'One option.') }),
              wipeVolume: installOnly('wipe', '`true` erases an existing volume.'),
              discard: installOnly('discard', '`true` passes TRIM through the encryption.'),
              openOptions: installOnly('open options', 'Extra `cryptsetup luksOpen` options.', { item: installOnly('open option', 'One option.') }),
              clevis: installOnly('Clevis binding', 'Unlock the volume automatically with TPM2 or Tang servers.', {
                keys: {
                  custom: installOnly('custom Clevis pin', 'A Clevis pin configuration of your own.', {
                    keys: {
                      config: installOnly('pin config', 'The pin\'s JSON configuration.'),
                      needsNetwork: installOnly('needs network', '`true` when unlocking needs the network.'),
                      pin: installOnly('pin', 'The Clevis pin: tpm2, tang or sss.'),
                    },
                  }),
                  tang: installOnly('Tang servers', 'Network-bound unlock servers.', {
                    item: installOnly('Tang server', 'One Tang server.', {
                      keys: {
                        url: installOnly('Tang URL', 'The Tang server URL.'),
                        thumbprint: installOnly('Tang thumbprint', 'The server key thumbprint.'),
                        advertisement: installOnly('Tang advertisement', 'The server\'s signed advertisement (JSON).'),
                      },
                    }),
                  }),
                  threshold: installOnly('threshold', 'How many pins must unlock the volume.'),
                  tpm2: installOnly('TPM2', '`true` binds the volume to the node\'s TPM2.'),
                },
              }),
            },
          }),
        }),
      },
    },

    systemd: {
      label: 'systemd units',
      summary: 'systemd units to install, enable, disable or mask on every node of the pool.',
      hint: 'systemd units',
      keys: {
        units: {
          label: 'units',
          summary: 'The units of this config. A oneshot service that runs `nmcli` at boot is how the seed adds its static route.',
          cluster: 'the daemon writes each unit\'s `contents` to /etc/systemd/system/<name>, runs `systemctl enable` or `disable` as `enabled` says, and reboots the node.',
          hint: 'units written to /etc/systemd/system',
          item: {
            label: 'unit',
            summary: 'One unit: `name`, `contents`, `enabled`, optionally `mask` and `dropins`.',
            first: ['name', 'enabled', 'contents', 'mask', 'dropins'],
            keys: {
              name: {
                label: 'unit name',
                summary: 'The unit\'s file name, with its type suffix: `.service`, `.timer`, `.target`, `.mount`, `.path`, `.socket`…',
                details: ['Naming a unit the platform ships (kubelet.service, NetworkManager.service…) replaces it; change those with a dropin instead.'],
                hint: 'unit file name, e.g. static-routes.service',
              },
              enabled: {
                label: 'start at boot',
                summary: 'Whether the unit is enabled, i.e. linked into the targets its `[Install]` section names (e.g. `WantedBy=multi-user.target`) so that it starts at boot.',
                values: values(
                  ['true', '`systemctl enable`: needs an [Install] section, else nothing is linked'],
                  ['false', '`systemctl disable`'],
                  ['(absent)', 'left as the unit\'s preset says'],
                ),
                hint: 'systemctl enable (needs [Install])',
                choices: [{ value: 'true', detail: 'enable the unit: it starts at boot' }, { value: 'false', detail: 'do not enable it' }],
              },
              mask: {
                label: 'mask',
                summary: '`true` links the unit to /dev/null: it can never start, not even as a dependency.',
                values: values(['true', 'masked: never starts'], ['false', 'not masked (the default)']),
                hint: 'mask the unit: it never starts',
                choices: [{ value: 'true', detail: 'mask the unit: it never starts' }, { value: 'false' }],
              },
              contents: {
                label: 'unit file text',
                summary: 'The whole unit file: `[Unit]`, `[Service]`, `[Install]` sections with `Key=Value` lines. Written to /etc/systemd/system/<name> with the YAML indentation removed.',
                details: ['Write it as a literal block (`contents: |`) so that each line stays a line.'],
                hint: 'the unit file text',
                block: true,
              },
              dropins: {
                label: 'dropins',
                summary: 'Snippets that change an existing unit without replacing it, each written to /etc/systemd/system/<unit>.d/<dropin name>.',
                hint: 'drop-in files that change an existing unit',
                item: {
                  label: 'dropin',
                  summary: 'One dropin: `name` (ending in `.conf`) and `contents`.',
                  first: ['name', 'contents'],
                  keys: {
                    name: {
                      label: 'dropin name',
                      summary: 'The dropin\'s file name; it must end in `.conf`. Dropins apply in name order.',
                      hint: 'drop-in file name, ends in .conf',
                    },
                    contents: {
                      label: 'dropin text',
                      summary: 'Unit file lines that override or extend the unit, e.g. `[Unit]` `After=…`. Written to /etc/systemd/system/<unit>.d/<name>.',
                      hint: 'the drop-in text',
                      block: true,
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** The whole MachineConfig. */
export const MACHINE_CONFIG_SCHEMA: SchemaNode = {
  first: ['apiVersion', 'kind', 'metadata', 'spec'],
  keys: {
    apiVersion: {
      label: 'API version',
      summary: 'The API group and version of the object. A MachineConfig is always `machineconfiguration.openshift.io/v1`.',
      details: ['With any other value `oc apply` fails: the API server knows no MachineConfig in that group.'],
      source: 'openshift/api machineconfiguration/v1',
      hint: MACHINECONFIG_API_VERSION,
      choices: [{ value: MACHINECONFIG_API_VERSION }],
    },
    kind: {
      label: 'object kind',
      summary: '`MachineConfig`: a piece of node configuration (files, systemd units, kernel arguments) that the Machine Config Operator (MCO) applies to every node of a pool.',
      values: values(
        ['MachineConfig', 'node configuration: files, units, kernel arguments (this file)'],
        ['MachineConfigPool', 'a group of nodes and the label selector that picks its MachineConfigs'],
        ['KubeletConfig', 'kubelet settings for a pool (the MCO turns it into a MachineConfig)'],
        ['ContainerRuntimeConfig', 'CRI-O settings for a pool'],
      ),
      cluster: 'the MCO merges every MachineConfig a pool selects into one rendered config and rolls it out to the pool\'s nodes one at a time.',
      hint: 'MachineConfig',
      choices: [{ value: 'MachineConfig' }],
    },
    metadata: {
      label: 'name and labels',
      summary: 'The config\'s name and labels. The role label decides which nodes get it; the name decides the merge order.',
      hint: 'name and labels',
      first: ['name', 'labels', 'annotations'],
      keys: {
        name: {
          label: 'config name',
          summary: 'The name of this MachineConfig. A pool merges its configs in lexical order of their names: for the same file or unit, the config whose name sorts last wins.',
          details: [
            'Valid: lower-case letters, digits, `-` and `.`, at most 253 characters (a DNS-1123 subdomain).',
            'Convention: `99-<role>-<purpose>`, e.g. `99-worker-static-routes`. `99-` sorts after the platform\'s own `00-` and `01-` configs, so yours wins.',
            'Renaming creates a second config: the one under the old name stays until you `oc delete mc <old-name>`.',
          ],
          source: 'MCO docs/MachineConfig.md',
          hint: 'configs merge in name order, e.g. 99-worker-static-routes',
        },
        labels: {
          label: 'labels',
          summary: `Key–value tags on the config. MachineConfigPools select configs by label; \`${ROLE_LABEL}\` is the one the standard pools look for.`,
          hint: 'the role label picks the pool',
          insertWith: ROLE_LABEL,
          keys: {
            [ROLE_LABEL]: {
              label: 'which pool applies this config',
              summary: 'Names the node role this config is for. The MachineConfigPool of that role selects the config through its `machineConfigSelector`. Without this label no pool selects the config and it never reaches a node.',
              values: values(
                ['worker', 'every worker node (pool `worker`); custom pools made of workers also take worker configs'],
                ['master', 'the control-plane nodes (pool `master`)'],
                ['<custom>', 'a custom pool, e.g. `infra`, whose machineConfigSelector lists the role: `In [worker, infra]`'],
              ),
              details: ['See which configs a pool selects: `oc describe mcp worker` (Machine Config Selector), then `oc get mc`.'],
              cluster: 'applying the config makes the MCO render a new `rendered-<pool>-<hash>` (all configs of the pool merged) and roll it out node by node: cordon, drain, write the files and units, reboot, uncordon. `oc get mcp -w` shows UPDATING until every node is done.',
              source: 'MCO docs/custom-pools.md; Red Hat solution 5876771',
              hint: 'the MachineConfigPool that applies this config',
              choices: 'roles',
            },
          },
          anyKey: {
            label: 'label',
            summary: `A label on the config. The standard pools select only on \`${ROLE_LABEL}\`; another label matters only to a custom pool whose machineConfigSelector names it.`,
          },
        },
        annotations: {
          label: 'annotations',
          summary: 'Notes for people and tools. The Machine Config Operator does not act on them.',
          hint: 'free-form notes',
          anyKey: {
            label: 'annotation',
            summary: 'A note for people and tools. `machineconfiguration.openshift.io/generated-by-controller-version` marks configs the MCO generated itself (`00-worker`, `rendered-…`), which are not written by hand.',
          },
        },
        namespace: {
          label: 'namespace',
          summary: 'MachineConfig is cluster-scoped: it belongs to no namespace, and a namespace written here is ignored.',
          offer: false,
        },
        // Seen in configs dumped from a cluster with `oc get mc … -o yaml`.
        creationTimestamp: serverSet(),
        generation: serverSet(),
        resourceVersion: serverSet(),
        uid: serverSet(),
        managedFields: serverSet(),
        ownerReferences: serverSet(),
        selfLink: serverSet(),
      },
    },
    spec: {
      label: 'what the config changes',
      summary: 'What this config does to the nodes of its pool.',
      valuesHeading: 'Field',
      values: values(
        ['config', 'an Ignition config: files, systemd units, the core user\'s SSH keys'],
        ['kernelArguments', 'kernel command-line arguments'],
        ['extensions', 'optional RHCOS packages'],
        ['kernelType', 'default, realtime or 64k-pages kernel'],
        ['fips', 'FIPS mode (install time only)'],
        ['osImageURL', 'another OS image (leave it out)'],
        ['baseOSExtensionsContainerImage', 'the image with extension RPMs (leave it out)'],
      ),
      details: ['Other keys are dropped by the API server or refused by `oc apply`.'],
      source: 'openshift/api MachineConfigSpec',
      hint: 'what the config puts on the nodes',
      first: ['config', 'kernelArguments', 'extensions', 'kernelType', 'fips', 'baseOSExtensionsContainerImage', 'osImageURL'],
      keys: {
        config: ignition,
        osImageURL: {
          label: 'OS image override',
          summary: 'Rebases the nodes onto another operating-system container image. Leave it out: the release decides the RHCOS image. An empty string is ignored.',
          details: ['A non-empty value replaces RHCOS on every node of the pool. The MCO docs: "You should not attempt to set this field".'],
          source: 'MCO docs/MachineConfig.md',
          hint: 'rebases the nodes to another OS image: leave unset',
        },
        baseOSExtensionsContainerImage: {
          label: 'extensions image',
          summary: 'The container image that holds the RPMs for `extensions`. The release sets it; leave it out.',
          hint: 'image with the extensions for a custom OS image',
        },
        kernelArguments: {
          label: 'kernel arguments',
          summary: 'Arguments added to the kernel command line of the pool\'s nodes, one per list item, e.g. `nosmt` or `hugepagesz=1G`.',
          cluster: 'the MCO adds and removes them with rpm-ostree; they take effect at the reboot that every MachineConfig change brings.',
          hint: 'kernel command-line arguments to add',
          item: {
            label: 'kernel argument',
            summary: 'One kernel command-line argument: `name` or `name=value`. Removing it from the list removes it from the nodes.',
          },
        },
        extensions: {
          label: 'RHCOS extensions',
          summary: 'Optional RHCOS packages to layer onto the nodes, by extension name. The set available depends on the release.',
          values: values(
            ['usbguard', 'USB device allow/deny lists'],
            ['kerberos', 'Kerberos client tools'],
            ['kernel-devel', 'kernel headers and build files for out-of-tree modules'],
            ['sandboxed-containers', 'Kata containers runtime'],
            ['ipsec', 'Libreswan for IPsec'],
            ['sysstat', 'sar, iostat and friends'],
          ),
          hint: 'RHCOS extensions to install (usbguard, kerberos, …)',
          item: {
            label: 'extension',
            summary: 'One RHCOS extension name; the MCO installs its package(s) with rpm-ostree on each node.',
          },
        },
        fips: {
          label: 'FIPS mode',
          summary: '`true` turns on FIPS 140 mode. Only honoured when the cluster is installed: the MCO refuses to switch FIPS on or off on running nodes.',
          values: BOOLEAN,
          hint: 'FIPS mode (install time only)',
          choices: TRUE_FALSE,
        },
        kernelType: {
          label: 'kernel flavour',
          summary: 'Which kernel the nodes boot. Any value other than these makes the pool fail to render.',
          values: values(
            ['""', 'the standard RHCOS kernel (same as default)'],
            ['default', 'the standard RHCOS kernel'],
            ['realtime', 'kernel-rt, for low-latency workloads'],
            ['64k-pages', 'a kernel with 64k memory pages (ARM64 only)'],
          ),
          source: 'MCO pkg/controller/common',
          hint: 'default, realtime or 64k-pages',
          choices: [
            { value: 'default', detail: 'the standard RHCOS kernel' },
            { value: 'realtime', detail: 'the real-time kernel (x86_64)' },
            { value: '64k-pages', detail: 'the 64k-page kernel (aarch64)' },
          ],
        },
      },
    },
  },
};

/** The Ignition config under spec.config, for the rules that walk it. */
export const IGNITION_SCHEMA: SchemaKey = ignition;
export const IGNITION_PATH = 'spec.config';

export type SchemaPath = readonly (string | number)[];

/** `['spec', 'config', 'storage', 'files', 0, 'mode']` → `spec.config.storage.files[].mode`. */
export function pathPattern(path: SchemaPath): string {
  let pattern = '';
  for (const part of path) {
    if (typeof part === 'number') pattern += '[]';
    else pattern += pattern === '' ? part : `.${part}`;
  }
  return pattern;
}

/** The schema of the key at `path` (list indexes as numbers), or undefined where the schema does not reach. */
export function schemaAt(path: SchemaPath, root: SchemaNode = MACHINE_CONFIG_SCHEMA): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const part of path) {
    if (!node) return undefined;
    node = typeof part === 'number' ? node.item : Object.hasOwn(node.keys ?? {}, part) ? node.keys![part] : node.anyKey;
  }
  return node;
}

/** The child `key` of a mapping node, or undefined; never an inherited property such as `constructor`. */
export function childKey(node: SchemaNode, key: string): SchemaKey | undefined {
  return node.keys && Object.hasOwn(node.keys, key) ? node.keys[key] : undefined;
}

export function isMapping(node: SchemaNode): boolean {
  return node.keys !== undefined || node.anyKey !== undefined;
}

/** The documentation of the key at `path`, with its title; undefined for keys nobody knows. */
export function keyDoc(path: SchemaPath): Doc | undefined {
  if (path.length === 0) return undefined;
  const key = schemaAt(path) as SchemaKey | undefined;
  if (!key) return undefined;
  const doc: Doc = { title: `${code(shortPath(pathPattern(path)))} — ${key.label}`, summary: key.summary };
  if (key.values) doc.values = key.values as DocValue[];
  if (key.valuesHeading) doc.valuesHeading = key.valuesHeading;
  if (key.details) doc.details = key.details;
  if (key.cluster) doc.cluster = key.cluster;
  if (key.source) doc.source = key.source;
  return doc;
}

/** Ignition keys are titled from spec.config down (`storage.files[].mode`); envelope keys in full. */
export function shortPath(pattern: string): string {
  return pattern.startsWith(`${IGNITION_PATH}.`) ? pattern.slice(IGNITION_PATH.length + 1) : pattern;
}

/** Sections and keys of Ignition 2.x that people still paste into 3.x configs. */
const IGNITION_2_ONLY: Readonly<Record<string, string>> = {
  networkd: 'networkd is an Ignition 2.x section, which Ignition 3 ignores',
  filesystem: 'filesystem is an Ignition 2.x file field, which Ignition 3 ignores',
};

/** Why `key` is Ignition 2.x, or undefined. */
export function ignition2OnlyKey(key: string): string | undefined {
  return Object.hasOwn(IGNITION_2_ONLY, key) ? IGNITION_2_ONLY[key] : undefined;
}

/**
 * Butane-only keys pasted into a MachineConfig's Ignition config, by the path pattern of
 * their parent. Butane compiles them away (inline text becomes a `data:` URL, local files
 * are read in); Ignition does not know them, so they are not in the schema.
 */
const BUTANE_ONLY: Record<string, Record<string, string>> = {
  'spec.config': {
    variant: 'variant is the header of a Butane config, which Ignition does not know',
    version: 'version here is the header of a Butane config, not ignition.version',
    openshift: 'openshift is a Butane section, which Ignition does not know',
  },
  'spec.config.storage': { trees: 'storage.trees is Butane-only, so Ignition writes none of its files' },
  'spec.config.storage.files[].contents': {
    inline: 'contents.inline is Butane-only, so Ignition writes the file empty',
    local: 'contents.local is Butane-only, so Ignition writes the file empty',
  },
  'spec.config.storage.files[].append[]': {
    inline: 'inline is Butane-only, so Ignition reads only source',
    local: 'local is Butane-only, so Ignition reads only source',
  },
  'spec.config.systemd.units[]': { contents_local: 'contents_local is Butane-only, so the unit gets no contents' },
  'spec.config.systemd.units[].dropins[]': { contents_local: 'contents_local is Butane-only, so the dropin gets no contents' },
  'spec.config.passwd.users[]': { ssh_authorized_keys_local: 'ssh_authorized_keys_local is Butane-only, so no key is installed' },
};

/** Why `key` under the parent with this path pattern is Butane syntax, or undefined. */
export function butaneOnlyKey(parentPattern: string, key: string): string | undefined {
  return Object.hasOwn(BUTANE_ONLY, parentPattern) && Object.hasOwn(BUTANE_ONLY[parentPattern], key) ? BUTANE_ONLY[parentPattern][key] : undefined;
}

/** Path patterns under which a Butane-only key can sit: a walk looking for them need not go elsewhere. */
export const BUTANE_ONLY_PATH_PREFIXES: ReadonlySet<string> = new Set(
  Object.keys(BUTANE_ONLY).flatMap((path) => {
    const prefixes: string[] = [];
    for (let at = path.indexOf('.'); at >= 0; at = path.indexOf('.', at + 1)) prefixes.push(path.slice(0, at));
    for (let at = path.indexOf('['); at >= 0; at = path.indexOf('[', at + 1)) prefixes.push(path.slice(0, at));
    return [...prefixes, path];
  }),
);
