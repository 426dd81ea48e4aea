/**
 * MachineConfig YAML for tests, written the way `oc` users write it (two-space indentation,
 * sequence items indented under their key, unit contents as a `|` block). Each test states
 * only what it is about; the envelope (apiVersion, kind, metadata, the role label, the
 * Ignition version) comes from here.
 */
import { percentEncode } from '../../server/src/core/formats/dataUrl';

export interface DropinSpec {
  name: string;
  /** Lines of a `|` block, or a scalar written as it stands after `contents: `. */
  contents: readonly string[] | string;
}

export interface UnitSpec {
  name: string;
  enabled?: boolean;
  mask?: boolean;
  /** Lines of the unit (a `|` block, or `|-` with `strip`), or a scalar written as it stands. */
  contents?: readonly string[] | string;
  /** `contents: |-`: no final newline. */
  strip?: boolean;
  dropins?: readonly DropinSpec[];
}

export interface FileSpec {
  path: string;
  mode?: string | number;
  overwrite?: boolean;
  /** contents.source as it stands (a data: or https: URL). */
  source?: string;
  /** Or the file's text, written as a percent-encoded `data:,` URL. */
  text?: string;
}

export interface Envelope {
  /** metadata.name; default 99-worker-static-routes. */
  name?: string;
  /** The machineconfiguration.openshift.io/role label; default worker; null: no labels. */
  role?: string | null;
}

export interface MachineConfigSpec extends Envelope {
  /** spec.config.ignition.version; default 3.4.0; null: no ignition key. */
  ignitionVersion?: string | null;
  /** spec.config.storage.files, written before the units. */
  files?: readonly FileSpec[];
  /** spec.config.systemd.units. */
  units?: readonly UnitSpec[];
}

/** apiVersion, kind and metadata, up to (not including) `spec:`. */
export function machineConfigHead(envelope: Envelope = {}): string {
  const lines = ['apiVersion: machineconfiguration.openshift.io/v1', 'kind: MachineConfig', 'metadata:', `  name: ${envelope.name ?? '99-worker-static-routes'}`];
  const role = envelope.role === undefined ? 'worker' : envelope.role;
  if (role !== null) lines.push('  labels:', `    machineconfiguration.openshift.io/role: ${role}`);
  return lines.join('\n') + '\n';
}

/** A file's text as a base64 `data:` URL, the way `base64 -w0` users write nmstate files. */
export function base64Source(text: string): string {
  return `data:text/plain;charset=utf-8;base64,${Buffer.from(text).toString('base64')}`;
}

/** A MachineConfig carrying one nmstate state as a base64 file (default: cluster.yml, every node of the pool). */
export function nmstateMachineConfig(state: string, path = '/etc/nmstate/openshift/cluster.yml', envelope: Envelope = {}): string {
  return machineConfig({ name: '10-br-ex-worker', ...envelope, files: [{ path, mode: '0644', overwrite: true, source: base64Source(state) }] });
}

/** A whole MachineConfig, ending with a newline. */
export function machineConfig(spec: MachineConfigSpec = {}): string {
  const lines = ['spec:', '  config:'];
  const version = spec.ignitionVersion === undefined ? '3.4.0' : spec.ignitionVersion;
  if (version !== null) lines.push('    ignition:', `      version: ${version}`);
  if (spec.files?.length) {
    lines.push('    storage:', '      files:');
    for (const file of spec.files) {
      lines.push(`        - path: ${file.path}`);
      if (file.mode !== undefined) lines.push(`          mode: ${file.mode}`);
      if (file.overwrite !== undefined) lines.push(`          overwrite: ${file.overwrite}`);
      lines.push('          contents:', `            source: ${file.source ?? `data:,${percentEncode(file.text ?? '')}`}`);
    }
  }
  if (spec.units?.length) {
    lines.push('    systemd:', '      units:');
    for (const unit of spec.units) {
      lines.push(`        - name: ${unit.name}`);
      if (unit.enabled !== undefined) lines.push(`          enabled: ${unit.enabled}`);
      if (unit.mask !== undefined) lines.push(`          mask: ${unit.mask}`);
      if (unit.contents !== undefined) lines.push(...contents(unit.contents, 10, unit.strip ? '|-' : '|'));
      if (unit.dropins?.length) {
        lines.push('          dropins:');
        for (const dropin of unit.dropins) lines.push(`            - name: ${dropin.name}`, ...contents(dropin.contents, 14, '|'));
      }
    }
  }
  return machineConfigHead(spec) + lines.join('\n') + '\n';
}

function contents(value: readonly string[] | string, indent: number, block: string): string[] {
  const key = `${' '.repeat(indent)}contents:`;
  if (typeof value === 'string') return [`${key} ${value}`];
  return [`${key} ${block}`, ...value.map((line) => (line === '' ? '' : `${' '.repeat(indent + 2)}${line}`))];
}

/**
 * A oneshot unit ordered the way an expert orders it (pulled in and after the network and
 * br-ex, active once run, enabled), with `service` as its [Service] lines after Type= and
 * RemainAfterExit=.
 */
export function orderedUnit(service: readonly string[], name = 'routes.service'): UnitSpec {
  return {
    name,
    enabled: true,
    contents: [
      '[Unit]',
      'Wants=network-online.target',
      'After=network-online.target ovs-configuration.service',
      '[Service]',
      'Type=oneshot',
      'RemainAfterExit=yes',
      ...service,
      '[Install]',
      'WantedBy=multi-user.target',
    ],
  };
}

/** The envelope of a worker MachineConfig, up to (not including) `spec:`. */
export const WORKER_HEAD = machineConfigHead();

/** The route unit in today's best practice: ordered after br-ex is built, kept active, absolute nmcli. */
export const ROUTE_UNIT: UnitSpec = {
  name: 'static-routes.service',
  enabled: true,
  contents: [
    '[Unit]',
    'Description=Static routes',
    'Wants=network-online.target',
    'After=network-online.target ovs-configuration.service',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    'ExecStart=/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1"',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
  ],
};

/** A complete route config in today's best practice, which the core finds clean (hints aside). */
export const ROUTE_CONFIG = machineConfig({ units: [ROUTE_UNIT] });
