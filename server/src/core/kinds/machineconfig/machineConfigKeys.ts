import { code, values, type Doc } from '../../text/doc';

/**
 * Hover documentation for every key of a MachineConfig: the Kubernetes envelope
 * (apiVersion, kind, metadata, spec) and every Ignition 3 key under spec.config, by path
 * pattern. A pattern is the key path joined with `.`, list items written `[]`
 * (`spec.config.storage.files[].mode`); a pattern ending in `.*` stands for any one key
 * below it (`metadata.labels.*`).
 *
 * Sources: openshift/api machineconfiguration/v1 (MachineConfigSpec); MCO
 * docs/MachineConfig.md, docs/custom-pools.md, pkg/daemon reconcile (what a running node
 * can change); coreos/ignition config/v3_x/types and docs/configuration-v3_x.md.
 */
export type KeyDoc = Omit<Doc, 'title'> & {
  /** A few words after the key in the title: "`metadata.name` — config name". */
  label: string;
};

export const ROLE_LABEL_KEY = 'machineconfiguration.openshift.io/role';
const ROLE_PATH = `metadata.labels.${ROLE_LABEL_KEY}`;

/** The note on parts of Ignition that only apply when a node is installed. */
const INSTALL_ONLY = 'the Machine Config Daemon cannot apply this to running nodes: the pool goes degraded and stops updating (ign-not-reconcilable). It only takes effect when a node is installed.';
const FIRST_BOOT_FETCH = 'used by Ignition when it fetches remote resources at first boot; a MachineConfig carries everything inline, so there is nothing to fetch.';
const SERVER_SET = 'Filled in by the API server. Leave it out of a file you apply: a stale `resourceVersion` or `uid` makes `oc apply`/`oc replace` fail.';

const BOOLEAN = values(['true', 'on'], ['false', 'off (the default)']);

const envelope: Record<string, KeyDoc> = {
  apiVersion: {
    label: 'API version',
    summary: 'The API group and version of the object. A MachineConfig is always `machineconfiguration.openshift.io/v1`.',
    details: ['With any other value `oc apply` fails: the API server knows no MachineConfig in that group.'],
    source: 'openshift/api machineconfiguration/v1',
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
  },
  metadata: {
    label: 'name and labels',
    summary: 'The config\'s name and labels. The role label decides which nodes get it; the name decides the merge order.',
  },
  'metadata.name': {
    label: 'config name',
    summary: 'The name of this MachineConfig. A pool merges its configs in lexical order of their names: for the same file or unit, the config whose name sorts last wins.',
    details: [
      'Valid: lower-case letters, digits, `-` and `.`, at most 253 characters (a DNS-1123 subdomain).',
      'Convention: `99-<role>-<purpose>`, e.g. `99-worker-static-routes`. `99-` sorts after the platform\'s own `00-` and `01-` configs, so yours wins.',
      'Renaming creates a second config: the one under the old name stays until you `oc delete mc <old-name>`.',
    ],
    source: 'MCO docs/MachineConfig.md',
  },
  'metadata.labels': {
    label: 'labels',
    summary: `Key–value tags on the config. MachineConfigPools select configs by label; \`${ROLE_LABEL_KEY}\` is the one the standard pools look for.`,
  },
  [ROLE_PATH]: {
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
  },
  'metadata.labels.*': {
    label: 'label',
    summary: `A label on the config. The standard pools select only on \`${ROLE_LABEL_KEY}\`; another label matters only to a custom pool whose machineConfigSelector names it.`,
  },
  'metadata.annotations': {
    label: 'annotations',
    summary: 'Notes for people and tools. The Machine Config Operator does not act on them.',
  },
  'metadata.annotations.*': {
    label: 'annotation',
    summary: 'A note for people and tools. `machineconfiguration.openshift.io/generated-by-controller-version` marks configs the MCO generated itself (`00-worker`, `rendered-…`), which are not written by hand.',
  },
  'metadata.namespace': {
    label: 'namespace',
    summary: 'MachineConfig is cluster-scoped: it belongs to no namespace, and a namespace written here is ignored.',
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
  },
  'spec.config': {
    label: 'Ignition config',
    summary: 'An Ignition config (spec 3.x): files to write, systemd units to install and enable, the `core` user\'s SSH keys. The MCO merges the Ignition configs of all configs in the pool; the Machine Config Daemon on each node writes the result.',
    details: ['On running nodes only `storage.files`, `systemd.units` and the `core` user\'s `sshAuthorizedKeys`/`passwordHash` can change. Disks, filesystems, directories, links and other users are refused and the pool goes degraded.'],
    source: 'MCO pkg/daemon reconcile',
  },
  'spec.osImageURL': {
    label: 'OS image override',
    summary: 'Rebases the nodes onto another operating-system container image. Leave it out: the release decides the RHCOS image. An empty string is ignored.',
    details: ['A non-empty value replaces RHCOS on every node of the pool. The MCO docs: "You should not attempt to set this field".'],
    source: 'MCO docs/MachineConfig.md',
  },
  'spec.baseOSExtensionsContainerImage': {
    label: 'extensions image',
    summary: 'The container image that holds the RPMs for `extensions`. The release sets it; leave it out.',
  },
  'spec.kernelArguments': {
    label: 'kernel arguments',
    summary: 'Arguments added to the kernel command line of the pool\'s nodes, one per list item, e.g. `nosmt` or `hugepagesz=1G`.',
    cluster: 'the MCO adds and removes them with rpm-ostree; they take effect at the reboot that every MachineConfig change brings.',
  },
  'spec.kernelArguments[]': {
    label: 'kernel argument',
    summary: 'One kernel command-line argument: `name` or `name=value`. Removing it from the list removes it from the nodes.',
  },
  'spec.extensions': {
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
  },
  'spec.extensions[]': {
    label: 'extension',
    summary: 'One RHCOS extension name; the MCO installs its package(s) with rpm-ostree on each node.',
  },
  'spec.fips': {
    label: 'FIPS mode',
    summary: '`true` turns on FIPS 140 mode. Only honoured when the cluster is installed: the MCO refuses to switch FIPS on or off on running nodes.',
    values: BOOLEAN,
  },
  'spec.kernelType': {
    label: 'kernel flavour',
    summary: 'Which kernel the nodes boot. Any value other than these makes the pool fail to render.',
    values: values(
      ['""', 'the standard RHCOS kernel (same as default)'],
      ['default', 'the standard RHCOS kernel'],
      ['realtime', 'kernel-rt, for low-latency workloads'],
      ['64k-pages', 'a kernel with 64k memory pages (ARM64 only)'],
    ),
    source: 'MCO pkg/controller/common',
  },
  // Server-set fields, seen in configs dumped from a cluster with `oc get mc … -o yaml`.
  'metadata.creationTimestamp': { label: 'set by the API server', summary: SERVER_SET },
  'metadata.generation': { label: 'set by the API server', summary: SERVER_SET },
  'metadata.resourceVersion': { label: 'set by the API server', summary: SERVER_SET },
  'metadata.uid': { label: 'set by the API server', summary: SERVER_SET },
  'metadata.managedFields': { label: 'set by the API server', summary: SERVER_SET },
  'metadata.ownerReferences': { label: 'set by the API server', summary: SERVER_SET },
  'metadata.selfLink': { label: 'set by the API server', summary: SERVER_SET },
};

/** Fields of an Ignition resource (a file's contents, an appended fragment, a CA bundle, a merged config). */
function resource(parent: string, what: string): Record<string, KeyDoc> {
  return {
    [parent]: { label: what, summary: `Where ${what} comes from: a \`source\` URL, optionally compressed and verified.` },
    [`${parent}.source`]: {
      label: 'source URL',
      summary: `The URL of ${what}. In a MachineConfig write a \`data:\` URL: \`data:,<percent-encoded text>\` or \`data:;base64,<base64>\`.`,
      details: ['The Machine Config Daemon does not fetch `http(s)`, `s3`, `tftp` or `gs` URLs on running nodes: the node goes degraded.'],
    },
    [`${parent}.compression`]: {
      label: 'compression',
      summary: `How the data of ${what} is compressed.`,
      values: values(['""', 'not compressed (the default)'], ['gzip', 'gzip-compressed, then base64 in the data URL']),
    },
    [`${parent}.httpHeaders`]: { label: 'HTTP headers', summary: `Extra HTTP headers for fetching ${what}: ${FIRST_BOOT_FETCH}` },
    [`${parent}.httpHeaders[]`]: { label: 'HTTP header', summary: 'One header: `name` and `value`.' },
    [`${parent}.httpHeaders[].name`]: { label: 'header name', summary: 'The HTTP header name, e.g. `Authorization`.' },
    [`${parent}.httpHeaders[].value`]: { label: 'header value', summary: 'The HTTP header value.' },
    [`${parent}.verification`]: { label: 'verification', summary: `A hash that ${what} must match.` },
    [`${parent}.verification.hash`]: {
      label: 'hash',
      summary: `\`sha512-<hex>\` or \`sha256-<hex>\` of ${what}; with \`compression\`, the hash of the decompressed data.`,
    },
  };
}

/** user/group of a file, directory or link. */
function owner(parent: string): Record<string, KeyDoc> {
  return {
    [`${parent}.user`]: { label: 'owner', summary: 'The owning user, by `name` or numeric `id`. Default: root.' },
    [`${parent}.user.id`]: { label: 'owner uid', summary: 'The owning user\'s numeric id.' },
    [`${parent}.user.name`]: { label: 'owner name', summary: 'The owning user\'s name; it must exist on the node.' },
    [`${parent}.group`]: { label: 'group', summary: 'The owning group, by `name` or numeric `id`. Default: root.' },
    [`${parent}.group.id`]: { label: 'group gid', summary: 'The owning group\'s numeric id.' },
    [`${parent}.group.name`]: { label: 'group name', summary: 'The owning group\'s name; it must exist on the node.' },
  };
}

const I = 'spec.config';

/** Fields of passwd.users[] other than name, sshAuthorizedKeys and passwordHash: the daemon refuses them even for core. */
function coreOnly(fields: Record<string, [string, string]>): Record<string, KeyDoc> {
  const docs: Record<string, KeyDoc> = {};
  for (const [key, [label, summary]] of Object.entries(fields)) {
    docs[`${I}.passwd.users[].${key}`] = { label, summary, cluster: `${INSTALL_ONLY} Of \`core\`, only \`sshAuthorizedKeys\` and \`passwordHash\` can change.` };
  }
  return docs;
}

const ignition: Record<string, KeyDoc> = {
  [`${I}.ignition`]: { label: 'Ignition settings', summary: 'Ignition\'s own header. In a MachineConfig only `version` matters; the rest may be `{}`.' },
  [`${I}.ignition.version`]: {
    label: 'Ignition spec version',
    summary: 'The version of the Ignition config format, written as a string `3.x.0`. The target OpenShift release decides which versions it accepts.',
    details: [
      'Write `3.4.0`, not `3.4`: a bare `3.4` is a YAML number, not a version.',
      '`2.2.0` is legacy: the MCO still converts it, but 2.x sections such as `networkd` are not Ignition 3.',
    ],
    source: 'MCO release branches; coreos/butane',
  },
  [`${I}.ignition.config`]: { label: 'other configs', summary: `Other Ignition configs to merge in or to replace this one with: ${FIRST_BOOT_FETCH} Leave it empty (\`{}\`).` },
  [`${I}.ignition.config.merge`]: { label: 'configs to merge', summary: `Configs merged into this one at first boot: ${FIRST_BOOT_FETCH}` },
  [`${I}.ignition.config.merge[]`]: { label: 'config to merge', summary: 'One config to merge, as a resource (`source`, `verification`…).' },
  ...resource(`${I}.ignition.config.merge[]`, 'the merged config'),
  ...resource(`${I}.ignition.config.replace`, 'the replacing config'),
  [`${I}.ignition.config.replace`]: { label: 'replacing config', summary: `A config that replaces this one at first boot: ${FIRST_BOOT_FETCH}` },
  [`${I}.ignition.proxy`]: { label: 'proxy', summary: `HTTP proxy settings for Ignition's own downloads: ${FIRST_BOOT_FETCH} The cluster-wide proxy is set elsewhere (proxy/cluster).` },
  [`${I}.ignition.proxy.httpProxy`]: { label: 'HTTP proxy', summary: 'Proxy URL for http:// downloads at first boot.' },
  [`${I}.ignition.proxy.httpsProxy`]: { label: 'HTTPS proxy', summary: 'Proxy URL for https:// downloads at first boot.' },
  [`${I}.ignition.proxy.noProxy`]: { label: 'no-proxy list', summary: 'Hosts and domains fetched without the proxy.' },
  [`${I}.ignition.proxy.noProxy[]`]: { label: 'no-proxy entry', summary: 'A host, domain or CIDR reached without the proxy.' },
  [`${I}.ignition.security`]: { label: 'security', summary: `TLS settings for Ignition's own downloads: ${FIRST_BOOT_FETCH}` },
  [`${I}.ignition.security.tls`]: { label: 'TLS', summary: 'TLS settings for downloads at first boot.' },
  [`${I}.ignition.security.tls.certificateAuthorities`]: { label: 'trusted CAs', summary: 'CA bundles Ignition trusts for HTTPS downloads at first boot. A CA for the nodes\' own use belongs in a file (e.g. /etc/pki/ca-trust/source/anchors/).' },
  [`${I}.ignition.security.tls.certificateAuthorities[]`]: { label: 'CA bundle', summary: 'One PEM CA bundle, as a resource.' },
  ...resource(`${I}.ignition.security.tls.certificateAuthorities[]`, 'the CA bundle'),
  [`${I}.ignition.timeouts`]: { label: 'timeouts', summary: `HTTP timeouts for Ignition's own downloads: ${FIRST_BOOT_FETCH} \`{}\` is fine.` },
  [`${I}.ignition.timeouts.httpResponseHeaders`]: { label: 'header timeout', summary: 'Seconds to wait for HTTP response headers at first boot (default 10).' },
  [`${I}.ignition.timeouts.httpTotal`]: { label: 'total timeout', summary: 'Seconds an HTTP download may take at first boot (default 0: no limit).' },

  [`${I}.kernelArguments`]: {
    label: 'Ignition kernel arguments',
    summary: 'Ignition\'s own kernel-argument section (spec 3.3+). Use `spec.kernelArguments` instead: the MCO applies that one.',
    cluster: INSTALL_ONLY,
  },
  [`${I}.kernelArguments.shouldExist`]: { label: 'arguments to add', summary: 'Kernel arguments Ignition adds at first boot.', cluster: INSTALL_ONLY },
  [`${I}.kernelArguments.shouldExist[]`]: { label: 'argument to add', summary: 'One kernel argument to add.', cluster: INSTALL_ONLY },
  [`${I}.kernelArguments.shouldNotExist`]: { label: 'arguments to remove', summary: 'Kernel arguments Ignition removes at first boot.', cluster: INSTALL_ONLY },
  [`${I}.kernelArguments.shouldNotExist[]`]: { label: 'argument to remove', summary: 'One kernel argument to remove.', cluster: INSTALL_ONLY },

  [`${I}.passwd`]: {
    label: 'users and groups',
    summary: 'Users and groups. On running nodes the MCO manages only the `core` user\'s SSH keys and password hash.',
  },
  [`${I}.passwd.users`]: { label: 'users', summary: 'Users to create or update. In a MachineConfig: only `core`.' },
  [`${I}.passwd.users[]`]: { label: 'user', summary: 'One user. Only `name: core` with `sshAuthorizedKeys` and `passwordHash` applies to running nodes.' },
  [`${I}.passwd.users[].name`]: {
    label: 'user name',
    summary: 'The user\'s login name. On running nodes only `core` (RHCOS\'s admin user) can be changed; any other user degrades the pool.',
  },
  [`${I}.passwd.users[].sshAuthorizedKeys`]: {
    label: 'SSH public keys',
    summary: 'Public keys written to the user\'s authorized_keys, one `<type> <base64> [comment]` per item (e.g. `ssh-ed25519 AAAA… admin@example`).',
    cluster: 'for `core`, the daemon updates the keys without draining or rebooting the node.',
  },
  [`${I}.passwd.users[].sshAuthorizedKeys[]`]: { label: 'SSH public key', summary: 'One public key line: `<type> <base64> [comment]`. Never a private key.' },
  [`${I}.passwd.users[].passwordHash`]: {
    label: 'password hash',
    summary: 'A crypt(3) hash of the console password (e.g. from `mkpasswd -m SHA-512`). For `core` the daemon applies it to running nodes.',
  },
  ...coreOnly({
    uid: ['user id', 'The numeric user id.'],
    gecos: ['full name', 'The GECOS field: the user\'s full name.'],
    homeDir: ['home directory', 'The home directory.'],
    noCreateHome: ['no home directory', '`true`: do not create the home directory.'],
    primaryGroup: ['primary group', 'The user\'s primary group.'],
    groups: ['supplementary groups', 'Groups the user is added to.'],
    'groups[]': ['supplementary group', 'One group the user is added to.'],
    noUserGroup: ['no user group', '`true`: do not create a group of the user\'s name.'],
    noLogInit: ['no lastlog entry', '`true`: do not add the user to lastlog and faillog.'],
    shell: ['login shell', 'The user\'s login shell.'],
    shouldExist: ['present or absent', '`false` deletes the user.'],
    system: ['system user', '`true` picks a uid from the system range.'],
  }),
  [`${I}.passwd.groups`]: { label: 'groups', summary: 'Groups to create.', cluster: INSTALL_ONLY },
  [`${I}.passwd.groups[]`]: { label: 'group', summary: 'One group.', cluster: INSTALL_ONLY },
  [`${I}.passwd.groups[].name`]: { label: 'group name', summary: 'The group\'s name.', cluster: INSTALL_ONLY },
  [`${I}.passwd.groups[].gid`]: { label: 'group id', summary: 'The numeric group id.', cluster: INSTALL_ONLY },
  [`${I}.passwd.groups[].passwordHash`]: { label: 'group password hash', summary: 'A crypt(3) hash of the group password.', cluster: INSTALL_ONLY },
  [`${I}.passwd.groups[].shouldExist`]: { label: 'present or absent', summary: '`false` deletes the group.', cluster: INSTALL_ONLY },
  [`${I}.passwd.groups[].system`]: { label: 'system group', summary: '`true` picks a gid from the system range.', cluster: INSTALL_ONLY },

  [`${I}.storage`]: {
    label: 'files and disks',
    summary: 'Files to write on the node, and (at install time only) disks, RAID, filesystems, directories and links.',
    cluster: 'on running nodes only `storage.files` applies; the other sections degrade the pool.',
  },
  [`${I}.storage.files`]: {
    label: 'files to write',
    summary: 'Files the Machine Config Daemon writes on every node of the pool, each with a path, contents and mode.',
    details: [
      'A NetworkManager keyfile in /etc/NetworkManager/system-connections/ (mode 0600) is a persistent way to add routes.',
      'A file under /etc/systemd/system/ is better written as a `systemd.units` entry, which can also enable it.',
    ],
    cluster: 'the daemon writes the files, then reboots the node (a few paths, such as the pull secret, apply without reboot).',
  },
  [`${I}.storage.files[]`]: { label: 'file', summary: 'One file: `path`, `contents.source` (a data URL), `mode`, optionally `overwrite`, `user`, `group`.' },
  [`${I}.storage.files[].path`]: {
    label: 'file path',
    summary: 'The absolute path of the file on the node. Write under /etc or /var: /usr is read-only on RHCOS (except /usr/local, which lives in /var).',
  },
  [`${I}.storage.files[].mode`]: {
    label: 'file permissions',
    summary: 'The permission bits, as a number. `oc` reads YAML 1.1, where a leading 0 means octal: `0644` is 420 (`rw-r--r--`). Without the 0, `644` is decimal 644 = octal 1204 and is refused.',
    values: values(
      ['0644 (420)', 'rw-r--r--: ordinary file, the default'],
      ['0600 (384)', 'rw-------: secrets; required for NetworkManager keyfiles'],
      ['0755 (493)', 'rwxr-xr-x: scripts and programs'],
    ),
    details: ['Modes above 0777 (setuid, setgid, sticky) are refused by the MCO.'],
    source: 'MCO validateIgn3FileModes; coreos/butane',
  },
  [`${I}.storage.files[].overwrite`]: {
    label: 'replace an existing file',
    summary: 'Whether Ignition may replace a file that already exists at first boot. With `false` (its default) an existing file with other contents fails the node\'s provisioning.',
    values: values(['true', 'replace the file'], ['false', 'keep an existing file (Ignition\'s default)']),
    cluster: 'on running nodes the daemon writes the file from the rendered config whatever this says.',
  },
  ...resource(`${I}.storage.files[].contents`, 'the file\'s contents'),
  [`${I}.storage.files[].append`]: { label: 'appended fragments', summary: 'Data appended to the file instead of replacing it.', cluster: INSTALL_ONLY },
  [`${I}.storage.files[].append[]`]: { label: 'appended fragment', summary: 'One fragment to append, as a resource.', cluster: INSTALL_ONLY },
  ...resource(`${I}.storage.files[].append[]`, 'the appended fragment'),
  ...owner(`${I}.storage.files[]`),

  [`${I}.storage.directories`]: { label: 'directories', summary: 'Directories to create.', cluster: INSTALL_ONLY },
  [`${I}.storage.directories[]`]: { label: 'directory', summary: 'One directory: path, mode, owner. Writing a file inside a directory creates it anyway.', cluster: INSTALL_ONLY },
  [`${I}.storage.directories[].path`]: { label: 'directory path', summary: 'The absolute path of the directory.', cluster: INSTALL_ONLY },
  [`${I}.storage.directories[].overwrite`]: { label: 'replace what is there', summary: '`true` replaces a file or link at the path.', cluster: INSTALL_ONLY },
  [`${I}.storage.directories[].mode`]: { label: 'permissions', summary: 'Permission bits as a number (`0755` = 493 in YAML 1.1).', cluster: INSTALL_ONLY },
  ...owner(`${I}.storage.directories[]`),
  [`${I}.storage.links`]: { label: 'links', summary: 'Symbolic or hard links to create.', cluster: INSTALL_ONLY },
  [`${I}.storage.links[]`]: { label: 'link', summary: 'One link: path and target.', cluster: INSTALL_ONLY },
  [`${I}.storage.links[].path`]: { label: 'link path', summary: 'Where the link is created.', cluster: INSTALL_ONLY },
  [`${I}.storage.links[].target`]: { label: 'link target', summary: 'What the link points to.', cluster: INSTALL_ONLY },
  [`${I}.storage.links[].hard`]: { label: 'hard link', summary: '`true` makes a hard link instead of a symbolic one.', cluster: INSTALL_ONLY },
  [`${I}.storage.links[].overwrite`]: { label: 'replace what is there', summary: '`true` replaces an existing file at the path.', cluster: INSTALL_ONLY },
  ...owner(`${I}.storage.links[]`),

  [`${I}.storage.disks`]: { label: 'disks', summary: 'Disks to partition.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[]`]: { label: 'disk', summary: 'One disk and its partition table.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].device`]: { label: 'disk device', summary: 'The disk, e.g. `/dev/disk/by-id/…`.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].wipeTable`]: { label: 'wipe partition table', summary: '`true` erases the existing partition table first.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions`]: { label: 'partitions', summary: 'Partitions to create or check on the disk.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[]`]: { label: 'partition', summary: 'One partition.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[].label`]: { label: 'partition label', summary: 'The GPT partition name.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[].number`]: { label: 'partition number', summary: 'The partition\'s index (0: the next free one).', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[].sizeMiB`]: { label: 'size in MiB', summary: 'The size (0: as large as possible).', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[].startMiB`]: { label: 'start in MiB', summary: 'Where the partition starts (0: the first free space).', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[].typeGuid`]: { label: 'type GUID', summary: 'The GPT partition type GUID.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[].guid`]: { label: 'partition GUID', summary: 'The partition\'s unique GUID.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[].wipePartitionEntry`]: { label: 'replace a mismatching entry', summary: '`true` lets Ignition delete a partition that does not match.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[].shouldExist`]: { label: 'present or absent', summary: '`false` deletes the partition.', cluster: INSTALL_ONLY },
  [`${I}.storage.disks[].partitions[].resize`]: { label: 'resize', summary: '`true` lets Ignition grow an existing partition to match.', cluster: INSTALL_ONLY },
  [`${I}.storage.raid`]: { label: 'software RAID', summary: 'md RAID arrays to create.', cluster: INSTALL_ONLY },
  [`${I}.storage.raid[]`]: { label: 'RAID array', summary: 'One array.', cluster: INSTALL_ONLY },
  [`${I}.storage.raid[].name`]: { label: 'array name', summary: 'The md device name.', cluster: INSTALL_ONLY },
  [`${I}.storage.raid[].level`]: { label: 'RAID level', summary: 'raid0, raid1, raid5…', cluster: INSTALL_ONLY },
  [`${I}.storage.raid[].devices`]: { label: 'member devices', summary: 'The devices in the array.', cluster: INSTALL_ONLY },
  [`${I}.storage.raid[].devices[]`]: { label: 'member device', summary: 'One device of the array.', cluster: INSTALL_ONLY },
  [`${I}.storage.raid[].spares`]: { label: 'spares', summary: 'How many of the devices are spares.', cluster: INSTALL_ONLY },
  [`${I}.storage.raid[].options`]: { label: 'mdadm options', summary: 'Extra mdadm options.', cluster: INSTALL_ONLY },
  [`${I}.storage.raid[].options[]`]: { label: 'mdadm option', summary: 'One mdadm option.', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems`]: { label: 'filesystems', summary: 'Filesystems to create (and mount points Ignition uses at first boot).', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[]`]: { label: 'filesystem', summary: 'One filesystem.', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].device`]: { label: 'device', summary: 'The block device to format.', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].format`]: { label: 'filesystem type', summary: 'xfs, ext4, vfat, swap…', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].wipeFilesystem`]: { label: 'wipe', summary: '`true` erases an existing filesystem.', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].label`]: { label: 'filesystem label', summary: 'The filesystem label.', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].uuid`]: { label: 'filesystem UUID', summary: 'The filesystem UUID.', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].options`]: { label: 'mkfs options', summary: 'Extra mkfs options.', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].options[]`]: { label: 'mkfs option', summary: 'One mkfs option.', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].path`]: { label: 'mount path', summary: 'Where the filesystem is mounted (a mount unit is still needed for later boots).', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].mountOptions`]: { label: 'mount options', summary: 'Mount options for first boot.', cluster: INSTALL_ONLY },
  [`${I}.storage.filesystems[].mountOptions[]`]: { label: 'mount option', summary: 'One mount option.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks`]: { label: 'encrypted volumes', summary: 'LUKS volumes to create (disk encryption is chosen when a node is installed).', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[]`]: { label: 'LUKS volume', summary: 'One encrypted volume.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].name`]: { label: 'volume name', summary: 'The /dev/mapper name.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].device`]: { label: 'device', summary: 'The block device to encrypt.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].keyFile`]: { label: 'key file', summary: 'A key for the volume, as a resource.', cluster: INSTALL_ONLY },
  ...resource(`${I}.storage.luks[].keyFile`, 'the key file'),
  [`${I}.storage.luks[].label`]: { label: 'LUKS label', summary: 'The LUKS header label.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].uuid`]: { label: 'LUKS UUID', summary: 'The LUKS header UUID.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].options`]: { label: 'cryptsetup options', summary: 'Extra `cryptsetup luksFormat` options.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].options[]`]: { label: 'cryptsetup option', summary: 'One option.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].openOptions`]: { label: 'open options', summary: 'Extra `cryptsetup luksOpen` options.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].openOptions[]`]: { label: 'open option', summary: 'One option.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].wipeVolume`]: { label: 'wipe', summary: '`true` erases an existing volume.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].discard`]: { label: 'discard', summary: '`true` passes TRIM through the encryption.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis`]: { label: 'Clevis binding', summary: 'Unlock the volume automatically with TPM2 or Tang servers.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.tpm2`]: { label: 'TPM2', summary: '`true` binds the volume to the node\'s TPM2.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.threshold`]: { label: 'threshold', summary: 'How many pins must unlock the volume.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.tang`]: { label: 'Tang servers', summary: 'Network-bound unlock servers.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.tang[]`]: { label: 'Tang server', summary: 'One Tang server.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.tang[].url`]: { label: 'Tang URL', summary: 'The Tang server URL.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.tang[].thumbprint`]: { label: 'Tang thumbprint', summary: 'The server key thumbprint.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.tang[].advertisement`]: { label: 'Tang advertisement', summary: 'The server\'s signed advertisement (JSON).', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.custom`]: { label: 'custom Clevis pin', summary: 'A Clevis pin configuration of your own.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.custom.config`]: { label: 'pin config', summary: 'The pin\'s JSON configuration.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.custom.needsNetwork`]: { label: 'needs network', summary: '`true` when unlocking needs the network.', cluster: INSTALL_ONLY },
  [`${I}.storage.luks[].clevis.custom.pin`]: { label: 'pin', summary: 'The Clevis pin: tpm2, tang or sss.', cluster: INSTALL_ONLY },

  [`${I}.systemd`]: { label: 'systemd units', summary: 'systemd units to install, enable, disable or mask on every node of the pool.' },
  [`${I}.systemd.units`]: {
    label: 'units',
    summary: 'The units of this config. A oneshot service that runs `nmcli` at boot is how the seed adds its static route.',
    cluster: 'the daemon writes each unit\'s `contents` to /etc/systemd/system/<name>, runs `systemctl enable` or `disable` as `enabled` says, and reboots the node.',
  },
  [`${I}.systemd.units[]`]: { label: 'unit', summary: 'One unit: `name`, `contents`, `enabled`, optionally `mask` and `dropins`.' },
  [`${I}.systemd.units[].name`]: {
    label: 'unit name',
    summary: 'The unit\'s file name, with its type suffix: `.service`, `.timer`, `.target`, `.mount`, `.path`, `.socket`…',
    details: ['Naming a unit the platform ships (kubelet.service, NetworkManager.service…) replaces it; change those with a dropin instead.'],
  },
  [`${I}.systemd.units[].enabled`]: {
    label: 'start at boot',
    summary: 'Whether the unit is enabled, i.e. linked into the targets its `[Install]` section names (e.g. `WantedBy=multi-user.target`) so that it starts at boot.',
    values: values(
      ['true', '`systemctl enable`: needs an [Install] section, else nothing is linked'],
      ['false', '`systemctl disable`'],
      ['(absent)', 'left as the unit\'s preset says'],
    ),
  },
  [`${I}.systemd.units[].mask`]: {
    label: 'mask',
    summary: '`true` links the unit to /dev/null: it can never start, not even as a dependency.',
    values: values(['true', 'masked: never starts'], ['false', 'not masked (the default)']),
  },
  [`${I}.systemd.units[].contents`]: {
    label: 'unit file text',
    summary: 'The whole unit file: `[Unit]`, `[Service]`, `[Install]` sections with `Key=Value` lines. Written to /etc/systemd/system/<name> with the YAML indentation removed.',
    details: ['Write it as a literal block (`contents: |`) so that each line stays a line.'],
  },
  [`${I}.systemd.units[].dropins`]: {
    label: 'dropins',
    summary: 'Snippets that change an existing unit without replacing it, each written to /etc/systemd/system/<unit>.d/<dropin name>.',
  },
  [`${I}.systemd.units[].dropins[]`]: { label: 'dropin', summary: 'One dropin: `name` (ending in `.conf`) and `contents`.' },
  [`${I}.systemd.units[].dropins[].name`]: { label: 'dropin name', summary: 'The dropin\'s file name; it must end in `.conf`. Dropins apply in name order.' },
  [`${I}.systemd.units[].dropins[].contents`]: {
    label: 'dropin text',
    summary: 'Unit file lines that override or extend the unit, e.g. `[Unit]` `After=…`. Written to /etc/systemd/system/<unit>.d/<name>.',
  },
};

/** Every key documented, by path pattern. */
export const MACHINE_CONFIG_KEYS: Readonly<Record<string, KeyDoc>> = { ...envelope, ...ignition };

/** `['spec', 'config', 'storage', 'files', 0, 'mode']` → `spec.config.storage.files[].mode`. */
export function pathPattern(path: readonly (string | number)[]): string {
  let pattern = '';
  for (const part of path) {
    if (typeof part === 'number') pattern += '[]';
    else pattern += pattern === '' ? part : `.${part}`;
  }
  return pattern;
}

/** The documentation of the key at `path`, with its title; undefined for keys nobody knows. */
export function keyDoc(path: readonly (string | number)[]): Doc | undefined {
  const pattern = pathPattern(path);
  const found = MACHINE_CONFIG_KEYS[pattern] ?? wildcard(pattern);
  if (!found) return undefined;
  const { label, ...rest } = found;
  return { title: `${code(shortPath(pattern))} — ${label}`, ...rest };
}

function wildcard(pattern: string): KeyDoc | undefined {
  for (const prefix of ['metadata.labels.', 'metadata.annotations.']) {
    if (pattern.startsWith(prefix) && pattern.length > prefix.length && !pattern.includes('[')) return MACHINE_CONFIG_KEYS[`${prefix}*`];
  }
  return undefined;
}

/** Ignition keys are titled from spec.config down (`storage.files[].mode`); envelope keys in full. */
export function shortPath(pattern: string): string {
  return pattern.startsWith(`${I}.`) ? pattern.slice(I.length + 1) : pattern;
}
