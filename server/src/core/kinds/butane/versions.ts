/**
 * Which Ignition spec each `variant: openshift` Butane version compiles to, as coreos/butane's
 * config/openshift/v4_N/translate.go say (each imports one ignition config/v3_* types package):
 * 4.8–4.13 → 3.2.0, 4.14–4.18 → 3.4.0, 4.19–4.22 → 3.5.0, 4.23.0-experimental → 3.7.0-experimental.
 */

const STABLE_MINORS = { first: 8, last: 22 };
const EXPERIMENTAL: Readonly<Record<string, string>> = { '4.23.0-experimental': '3.7.0-experimental' };

/** The Ignition spec a Butane openshift version compiles to; undefined for a version Butane does not know. */
export function ignitionVersionOfButane(version: string): string | undefined {
  if (EXPERIMENTAL[version]) return EXPERIMENTAL[version];
  const match = /^4\.(\d+)\.0$/.exec(version);
  if (!match) return undefined;
  const minor = Number(match[1]);
  if (minor < STABLE_MINORS.first || minor > STABLE_MINORS.last) return undefined;
  return minor <= 13 ? '3.2.0' : minor <= 18 ? '3.4.0' : '3.5.0';
}

/**
 * The Butane version written for an Ignition spec: the first release of the range that
 * compiles to it (3.2.0 → 4.8.0, 3.4.0 → 4.14.0, 3.5.0 → 4.19.0), or `preferred` (the target
 * release, `4.16.0`) when it compiles to the same spec. Either way it compiles back to the
 * spec it came from. `exact` is false when no Butane version compiles to that spec: then
 * the nearest one that does (3.0.0, 3.1.0 → 4.8.0; 3.3.0 → 4.14.0; Ignition 2 → 4.8.0).
 */
export function butaneVersionOfIgnition(ignition: string, preferred?: string): { version: string; exact: boolean } {
  if (preferred !== undefined && ignitionVersionOfButane(preferred) === ignition) return { version: preferred, exact: true };
  for (const [butane, spec] of Object.entries(EXPERIMENTAL)) if (spec === ignition) return { version: butane, exact: true };
  switch (ignition) {
    case '3.2.0': return { version: '4.8.0', exact: true };
    case '3.4.0': return { version: '4.14.0', exact: true };
    case '3.5.0': return { version: '4.19.0', exact: true };
    case '3.3.0': return { version: '4.14.0', exact: false };
    default: return { version: '4.8.0', exact: false };
  }
}

/** `4.16` (a setting) → `4.16.0` when that is a Butane openshift version. */
export function butaneVersionOfRelease(release: string | undefined): string | undefined {
  if (release === undefined) return undefined;
  const version = /^\d+\.\d+$/.test(release) ? `${release}.0` : release;
  return ignitionVersionOfButane(version) ? version : undefined;
}
