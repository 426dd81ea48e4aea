/**
 * The newest Ignition spec each OpenShift release accepts (MCO release branches, Butane):
 * 4.6 → 3.1; 4.7–4.12 → 3.2; 4.13–4.18 → 3.4; 4.19 and later → 3.5.
 */
export function newestIgnitionMinor(openshiftVersion: string | undefined): number {
  if (!openshiftVersion) return ANY_RELEASE_IGNITION_MINOR;
  const minor = Number(openshiftVersion.split('.')[1] ?? 'NaN');
  if (!Number.isFinite(minor)) return NEWEST_IGNITION_MINOR;
  if (minor <= 6) return 1;
  if (minor <= 12) return 2;
  if (minor <= 18) return 4;
  return NEWEST_IGNITION_MINOR;
}

/** 3.5, the newest spec any release accepts (from 4.19). */
export const NEWEST_IGNITION_MINOR = 5;

/**
 * What to write when the release is unset (any supported release): 4.14–4.18 reject 3.5.0
 * and the pool degrades, so 3.4.0, which every release from 4.13 on accepts.
 */
export const ANY_RELEASE_IGNITION_MINOR = 4;

/** The first release that accepts spec 3.`minor`.0 ("4.19" for 3.5), or undefined when none does. */
export function firstReleaseAccepting(minor: number): string | undefined {
  for (let release = 6; release <= 19; release++) if (newestIgnitionMinor(`4.${release}`) >= minor) return `4.${release}`;
  return undefined;
}

/** Spec versions accepted by a release (any supported release when unset), newest first (for completion and the wizard). */
export function acceptedIgnitionVersions(openshiftVersion: string | undefined): string[] {
  const versions: string[] = [];
  for (let minor = newestIgnitionMinor(openshiftVersion); minor >= 0; minor--) versions.push(`3.${minor}.0`);
  return versions;
}
