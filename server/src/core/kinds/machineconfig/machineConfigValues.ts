import { isMap, type Scalar } from 'yaml';
import { acceptedIgnitionVersions, firstReleaseAccepting, NEWEST_IGNITION_MINOR, newestIgnitionMinor } from './ignitionVersions';
import { isKeyfilePath, MACHINECONFIG_API_VERSION, type MachineConfigModel } from './model';
import { releaseName, type Settings } from '../../text/settings';
import { scalarAt, stringValue } from '../../text/yamlDocuments';
import { code, codeBlock } from '../../text/doc';
import { ROLE_LABEL } from './pools';

/**
 * What a hover says about the value under the cursor, beyond the key's documentation:
 * computed from the value, the rest of the config and the settings. One function per
 * key pattern (see schema.ts for the patterns).
 */
export interface ValueContext {
  scalar: Scalar;
  /** The value exactly as written in the file (`0644`, `"3.1.0"`). */
  written: string;
  path: readonly (string | number)[];
  mc: MachineConfigModel;
  settings: Settings;
}

export interface ValueNote {
  title?: string;
  summary?: string;
  /** Paragraphs after the summary. */
  facts?: string[];
  /** Paragraphs at the end. */
  after?: string[];
  /** The row of the key's value table to mark. */
  current?: string;
}

const I = 'spec.config';

export const VALUE_NOTES: Readonly<Record<string, (ctx: ValueContext) => ValueNote | undefined>> = {
  apiVersion: ({ scalar }) => scalar.value === MACHINECONFIG_API_VERSION
    ? { facts: ['Correct for a MachineConfig.'] }
    : { facts: [`⚠ A MachineConfig needs ${code(MACHINECONFIG_API_VERSION)}.`] },
  kind: ({ scalar }) => ({ current: String(scalar.value) }),
  [`metadata.labels.${ROLE_LABEL}`]: roleNote,
  [`${I}.ignition.version`]: ignitionVersionNote,
  [`${I}.storage.files[].mode`]: modeNote,
  [`${I}.storage.files[].path`]: filePathNote,
  [`${I}.storage.files[].contents.source`]: sourceNote,
  [`${I}.systemd.units[].name`]: ({ scalar }) => {
    const name = stringValue(scalar);
    if (!name) return undefined;
    return {
      title: `${code(name)} — systemd unit`,
      facts: [
        `The node gets ${code(`/etc/systemd/system/${name}`)}.`,
        `See it run: ${code(`oc debug node/<node> -- chroot /host systemctl status ${name}`)}; its output: ${code(`journalctl -u ${name}`)}.`,
      ],
    };
  },
  [`${I}.systemd.units[].dropins[].name`]: ({ scalar, path, mc }) => {
    const name = stringValue(scalar);
    const unitIndex = path[4];
    const unitNode = typeof unitIndex === 'number' ? unitAt(mc, unitIndex) : undefined;
    const unit = stringValue(scalarAt(unitNode, 'name')) ?? '<unit>';
    return name ? { title: `${code(name)} — dropin of ${code(unit)}`, facts: [`The node gets ${code(`/etc/systemd/system/${unit}.d/${name}`)}.`] } : undefined;
  },
  'spec.osImageURL': ({ scalar }) => scalar.value === '' || scalar.value === null
    ? { facts: ['Empty: ignored. The line can go.'] }
    : { facts: ['⚠ A non-empty value moves every node of the pool to this image.'] },
};

function unitAt(mc: MachineConfigModel, index: number) {
  const units = mc.config?.getIn(['systemd', 'units', index], true);
  return isMap(units) ? units : undefined;
}

function roleNote({ scalar }: ValueContext): ValueNote | undefined {
  const role = stringValue(scalar);
  if (!role) return undefined;
  const rollout = `Apply it with ${code('oc apply -f <file>')}, then watch ${code(`oc get mcp ${role} -w`)}: the pool shows UPDATING while its nodes are cordoned, drained and rebooted one at a time, and UPDATED when all are done.`;
  if (role === 'worker') {
    return {
      title: 'Role `worker` — the worker pool',
      summary: 'The `worker` MachineConfigPool selects this config: every worker node gets it.',
      facts: [rollout],
      current: 'worker',
    };
  }
  if (role === 'master') {
    return {
      title: 'Role `master` — the control-plane pool',
      summary: 'The `master` MachineConfigPool selects this config: every control-plane node gets it. They reboot one at a time, so the API stays up.',
      facts: [rollout],
      current: 'master',
    };
  }
  return {
    title: `Role ${code(role)} — a custom pool`,
    summary: `\`${role}\` is not one of the default pools: only a MachineConfigPool that selects this role applies the config. Without one, the config reaches no node.`,
    facts: [rollout, 'A custom pool takes the worker configs and its own, for nodes labelled with its role:'],
    after: [codeBlock([
      'apiVersion: machineconfiguration.openshift.io/v1',
      'kind: MachineConfigPool',
      'metadata:',
      `  name: ${role}`,
      'spec:',
      '  machineConfigSelector:',
      '    matchExpressions:',
      `      - {key: ${ROLE_LABEL}, operator: In, values: [worker, ${role}]}`,
      '  nodeSelector:',
      '    matchLabels:',
      `      node-role.kubernetes.io/${role}: ""`,
    ].join('\n'), 'yaml')],
    current: '<custom>',
  };
}

/** Rows of "OpenShift 4.x → newest Ignition spec", derived from ignitionVersions.ts. */
export function ignitionReleaseRows(): [string, string][] {
  const rows: [string, string][] = [];
  let from = 6;
  let newest = newestIgnitionMinor('4.6');
  const last = 40;
  for (let minor = 7; minor <= last + 1; minor++) {
    const here = minor <= last ? newestIgnitionMinor(`4.${minor}`) : -1;
    if (here === newest) continue;
    const to = minor - 1;
    const releases = minor > last ? `4.${from} and later` : from === to ? `4.${from}` : `4.${from}–4.${to}`;
    rows.push([releases, `3.${newest}.0`]);
    from = minor;
    newest = here;
  }
  return rows;
}

function ignitionVersionNote({ scalar, written, settings }: ValueContext): ValueNote {
  const accepted = acceptedIgnitionVersions(settings.openshiftVersion);
  const release = releaseName(settings);
  const list = settings.openshiftVersion
    ? `it takes ${accepted.map(code).join(', ')} (newest first; setting \`mcroutes.openshiftVersion\`)`
    : `${code(accepted[0])} suits every release from ${firstReleaseAccepting(Number(accepted[0].split('.')[1]))}; ${code(`3.${NEWEST_IGNITION_MINOR}.0`)} needs ${firstReleaseAccepting(NEWEST_IGNITION_MINOR)} or later (setting \`mcroutes.openshiftVersion\` names your release)`;
  const spec = typeof scalar.value === 'string' ? /^3\.(\d+)\.0$/.exec(scalar.value) : null;
  const facts: string[] = [];
  if (typeof scalar.value !== 'string') {
    facts.push(`⚠ ${code(written)} is read as a number, not a version string: write ${code(`${written}.0`)}. ${release}: ${list}.`);
  } else if (accepted.includes(scalar.value)) {
    facts.push(`✓ Accepted by ${release}: ${list}.`);
  } else if (/^2\./.test(scalar.value)) {
    facts.push(`${code(scalar.value)} is a legacy Ignition 2 spec: still converted, but new configs should use ${code(accepted[0])}. ${release}: ${list}.`);
  } else if (spec && !settings.openshiftVersion && Number(spec[1]) <= NEWEST_IGNITION_MINOR) {
    facts.push(`Needs OpenShift ${firstReleaseAccepting(Number(spec[1]))} or later; older releases reject it. For ${release}: ${list}.`);
  } else if (spec) {
    facts.push(`⚠ Too new for ${release}, which rejects it: ${list}.`);
  } else {
    facts.push(`⚠ ${code(scalar.value)} is not an Ignition 3 spec version (\`3.x.0\`). ${release}: ${list}.`);
  }
  const table = ['| OpenShift | Newest Ignition spec |', '|---|---|', ...ignitionReleaseRows().map(([r, v]) => `| ${r} | ${code(v)} |`)].join('\n');
  return { title: `Ignition spec ${code(written)}`, facts, after: [table] };
}

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

/** `rw-r--r--` for 0o644. */
export function permissionString(mode: number): string {
  const bits = 'rwxrwxrwx';
  let out = '';
  for (let i = 0; i < 9; i++) out += mode & (1 << (8 - i)) ? bits[i] : '-';
  return out;
}

function modeNote({ scalar, written }: ValueContext): ValueNote | undefined {
  const value = scalar.value;
  if (typeof value === 'string') {
    return { title: `File mode ${code(written)}`, facts: [`⚠ A string, not a number: the config is refused. Write ${/^0?[0-7]{3}$/.test(value.trim()) ? `${parseInt(value, 8)} (= ${octal(parseInt(value, 8))})` : 'a number such as 420 (= 0644)'}.`] };
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
  const how = /^0[0-7]+$/.test(written) ? `the octal ${written}, which is ${value} in decimal` : /^0o[0-7]+$/.test(written) ? `octal, ${value} in decimal` : `the decimal ${value}, which is ${octal(value)} in octal`;
  const special = [value & 0o4000 ? 'setuid' : '', value & 0o2000 ? 'setgid' : '', value & 0o1000 ? 'sticky' : ''].filter(Boolean);
  const facts = [`YAML 1.1 (as \`oc\` reads it) makes ${code(written)} ${how}: ${code(permissionString(value & 0o777))}${describePermissions(value & 0o777)}.`];
  if (value > 0o777) {
    facts.push(`⚠ Above 0777: the ${special.join(', ') || 'special'} bit${special.length > 1 ? 's are' : ' is'} set, and the Machine Config Operator refuses the config.${/^[1-7][0-7]{2}$/.test(written) ? ` You meant ${code(`0${written}`)} (= ${parseInt(written, 8)}).` : ''}`);
  }
  return { title: `File mode ${code(written)} = ${written === octal(value) ? `${value} in decimal` : octal(value)}`, facts };
}

function describePermissions(mode: number): string {
  const who = (bits: number) => [bits & 4 ? 'read' : '', bits & 2 ? 'write' : '', bits & 1 ? 'execute' : ''].filter(Boolean).join('/') || 'nothing';
  return ` (owner ${who(mode >> 6)}, group ${who((mode >> 3) & 7)}, others ${who(mode & 7)})`;
}

const PATH_NOTES: readonly [RegExp, string][] = [
  [/^\/etc\/systemd\/system\/[^/]+$/, 'A unit file. Write it as a `systemd.units` entry instead: that can also enable it, and two writers of one path conflict.'],
  [/^\/etc\/systemd\/system\/[^/]+\.d\/[^/]+\.conf$/, 'A unit dropin. A `dropins` entry of `systemd.units` says the same more plainly.'],
  [/^\/etc\/NetworkManager\/dispatcher\.d\//, 'A NetworkManager dispatcher script: runs when a device goes up or down. It needs an execute bit (mode 0755).'],
  [/^\/etc\/NetworkManager\/conf\.d\//, 'NetworkManager configuration (not a connection profile).'],
  [/^\/etc\/sysconfig\/network-scripts\/route6?-/, 'An initscripts-style route file, read by NetworkManager\'s ifcfg-rh plugin (deprecated since RHEL 9): a keyfile in /etc/NetworkManager/system-connections is the current way.'],
  [/^\/usr\/local\//, 'Under /usr/local, which RHCOS keeps in /var/usrlocal: writable.'],
  [/^\/usr\//, '⚠ /usr is read-only on RHCOS: the file cannot be written there. Use /etc or /usr/local.'],
];

function filePathNote({ scalar }: ValueContext): ValueNote | undefined {
  const path = stringValue(scalar);
  if (!path) return undefined;
  if (isKeyfilePath(path)) {
    return { facts: ['A NetworkManager connection profile (keyfile). NetworkManager loads it only with mode 0600 (384); its routes go in the `[ipv4]`/`[ipv6]` groups as `route1=192.168.1.0/24,172.18.0.1,100`.'] };
  }
  if (!path.startsWith('/')) return { facts: ['⚠ Not an absolute path: Ignition refuses it.'] };
  const note = PATH_NOTES.find(([pattern]) => pattern.test(path));
  return note ? { facts: [note[1]] } : undefined;
}

function sourceNote({ scalar, mc }: ValueContext): ValueNote | undefined {
  const file = mc.files.find((f) => f.source === scalar);
  const url = file?.dataUrl;
  if (!url) {
    const value = stringValue(scalar) ?? '';
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
    return scheme ? { facts: [`⚠ A ${code(`${scheme}:`)} URL: the Machine Config Daemon does not fetch it on running nodes. Put the contents in a \`data:\` URL.`] } : undefined;
  }
  if (url.error) return { facts: [`⚠ ${url.error.message}`] };
  const decoded = url.decoded?.value ?? '';
  const facts = [`A ${url.encoding === 'base64' ? 'base64' : 'percent-encoded'} data URL: ${decoded.length} characters once decoded${url.binary ? ' (binary data)' : ''}.`];
  const after: string[] = [];
  if (!url.binary && decoded.length > 0) {
    const lines = decoded.split('\n');
    const shown = lines.slice(0, 12).join('\n');
    after.push(`The file ${file?.pathValue ? code(file.pathValue) : ''} will contain${lines.length > 12 ? ' (first 12 lines)' : ''}:`, codeBlock(shown.replace(/\n$/, '')));
  }
  return { title: `${code('data:')} URL — the file's contents`, facts, after };
}
