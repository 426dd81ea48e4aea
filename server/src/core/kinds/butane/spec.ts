/**
 * What coreos/butane (0.29.0, the last standalone release) knows of the `openshift` variant:
 * the spec versions registered in config/config.go, the Ignition spec each compiles to
 * (config/openshift/v4_*\/translate.go), the keys its schema reads (schema.go over fcos
 * v1_3 / v1_5 / v1_6 and base v0_3 / v0_5 / v0_6), and the decimal-mode heuristic of
 * base/util/file.go.
 */

export interface OpenshiftSpec {
  version: string;
  /** The minor of 4.N. */
  minor: number;
  /** spec.config.ignition.version of the MachineConfig it compiles to. */
  ignition: string;
  experimental: boolean;
}

function spec(minor: number, ignition: string, experimental = false): OpenshiftSpec {
  return { version: `4.${minor}.0${experimental ? '-experimental' : ''}`, minor, ignition, experimental };
}

/** Oldest first. 4.22.0 compiled to 3.6.0 in Butane 0.28.0 only; 0.29.0 rolled it back to 3.5.0. */
export const OPENSHIFT_SPECS: readonly OpenshiftSpec[] = [
  ...[8, 9, 10, 11, 12, 13].map((minor) => spec(minor, '3.2.0')),
  ...[14, 15, 16, 17, 18].map((minor) => spec(minor, '3.4.0')),
  ...[19, 20, 21, 22].map((minor) => spec(minor, '3.5.0')),
  spec(23, '3.7.0-experimental', true),
];

export const NEWEST_STABLE_OPENSHIFT_SPEC = OPENSHIFT_SPECS.filter((s) => !s.experimental).at(-1)!;

export function openshiftSpec(version: string): OpenshiftSpec | undefined {
  return OPENSHIFT_SPECS.find((s) => s.version === version);
}

/** The stable spec for a release (`4.16` → 4.16.0), or the newest one for a newer release. */
export function openshiftSpecForRelease(minor: number): OpenshiftSpec | undefined {
  const stable = OPENSHIFT_SPECS.filter((s) => !s.experimental);
  if (minor < stable[0].minor) return undefined;
  return stable.find((s) => s.minor === minor) ?? NEWEST_STABLE_OPENSHIFT_SPEC;
}

/** fcos v1_5 (openshift 4.14.0) added top-level kernel_arguments and grub, and units' contents_local. */
const FCOS_1_5_MINOR = 14;

/**
 * Keys the openshift variant reads, per place; the spec minor decides the few that arrived
 * later. Butane reports any other key as "unused key" (a warning; the key is dropped).
 */
export function openshiftKeys(place: ButaneKeyPlace, minor: number | undefined): readonly string[] {
  const newer = minor === undefined || minor >= FCOS_1_5_MINOR;
  switch (place) {
    case 'top':
      return ['variant', 'version', 'metadata', 'openshift', 'ignition', 'storage', 'systemd', 'passwd', 'boot_device',
        ...(newer ? ['kernel_arguments', 'grub'] : [])];
    case 'metadata':
      return ['name', 'labels'];
    case 'openshift':
      return ['kernel_arguments', 'extensions', 'fips', 'kernel_type'];
    case 'file':
      return ['path', 'overwrite', 'contents', 'append', 'mode', 'user', 'group'];
    case 'unit':
      return ['name', 'enabled', 'mask', 'contents', 'dropins', ...(newer ? ['contents_local'] : [])];
  }
}

export type ButaneKeyPlace = 'top' | 'metadata' | 'openshift' | 'file' | 'unit';

/**
 * The mode meant when `mode` was written in decimal (644 meant as 0644), as Butane judges
 * it (base/util/file.go CheckForDecimalMode): the decimal digits read as octal make a
 * typical mode and the number itself does not. Undefined when the mode looks intended.
 */
export function decimalModeMeant(mode: number, directory: boolean): number | undefined {
  if (!Number.isInteger(mode) || mode < 0 || mode > 7777) return undefined;
  let octal = 0;
  for (const digit of String(mode).padStart(4, '0')) {
    if (Number(digit) > 7) return undefined;
    octal = (octal << 3) | Number(digit);
  }
  return !isTypicalMode(mode, directory) && isTypicalMode(octal, directory) ? octal : undefined;
}

/** Butane's isTypicalMode: permissions that widen from owner to others, readable by someone, sane special bits. */
function isTypicalMode(mode: number, directory: boolean): boolean {
  if (mode === 0) return true;
  let hadR = false;
  let hadW = false;
  let hadX = false;
  // others, group, owner: a more specific class has every bit a less specific one has
  for (const perm of [mode & 0o7, (mode >> 3) & 0o7, (mode >> 6) & 0o7]) {
    const r = (perm & 4) !== 0;
    const w = (perm & 2) !== 0;
    const x = (perm & 1) !== 0;
    if ((!r && hadR) || (!w && hadW) || (!x && hadX)) return false;
    if (x && hadR && !hadX) return false;
    if ((w || x) && !r) return false;
    hadR ||= r;
    hadW ||= w;
    hadX ||= x;
  }
  if (!hadR) return false;
  if (directory) {
    if (!hadX || (mode & 0o4000) !== 0) return false;
    if ((mode & 0o3000) !== 0 && !hadW) return false;
  } else {
    if ((mode & 0o6000) !== 0 && (!hadX || (mode & 0o2) !== 0)) return false;
    if ((mode & 0o1000) !== 0) return false;
  }
  return true;
}

/** The spec a config names (`version: 4.16.0` with `variant: openshift`), if Butane knows it. */
export function specOfVersion(version: unknown): OpenshiftSpec | undefined {
  return typeof version === 'string' ? openshiftSpec(version) : undefined;
}

/** The octal mode meant by a file mode written as plain decimal digits (`644`), as Butane judges it. */
export function decimalWrittenModeMeant(written: string, value: number): number | undefined {
  if (!/^[1-9][0-9]*$/.test(written)) return undefined;
  return decimalModeMeant(value, false);
}

/** MachineConfig keys written at the top of a Butane config (butane-machineconfig-syntax speaks for them). */
export const MACHINECONFIG_ENVELOPE_KEYS: readonly string[] = ['apiVersion', 'kind', 'spec', 'config'];
