/**
 * The newest Ignition spec each OpenShift release accepts (MCO release branches, Butane):
 * 4.6 → 3.1; 4.7–4.12 → 3.2; 4.13–4.18 → 3.4; 4.19 and later → 3.5.
 */
export function newestIgnitionMinor(openshiftVersion: string): number {
  const minor = Number(openshiftVersion.split('.')[1] ?? 'NaN');
  if (!Number.isFinite(minor)) return 5;
  if (minor <= 6) return 1;
  if (minor <= 12) return 2;
  if (minor <= 18) return 4;
  return 5;
}

/** Spec versions accepted by a release, newest first (for completion and the wizard). */
export function acceptedIgnitionVersions(openshiftVersion: string): string[] {
  const versions: string[] = [];
  for (let minor = newestIgnitionMinor(openshiftVersion); minor >= 0; minor--) versions.push(`3.${minor}.0`);
  return versions;
}
