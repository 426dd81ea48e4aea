import type { UnitDirective } from '../../../formats/unitFile';
import { directivesOf } from '../../../formats/unitFile';
import { textsOfUnit } from '../../../kinds/machineconfig/unitStarters';
import { releaseMinor } from '../../../text/settings';
import type { Rule } from '../rule';

/** Restart= values systemd 244 and later accept for Type=oneshot (service_verify in src/core/service.c). */
const ONESHOT_RESTARTS_FROM_244 = new Set(['on-failure', 'on-abnormal', 'on-watchdog', 'on-abort']);
/** The first release whose RHCOS (RHEL 9, systemd 252) has systemd 244 or later; 4.12 and older run systemd 239. */
const SYSTEMD_244_FROM_MINOR = 13;

/**
 * `Type=oneshot` with a `Restart=` other than `no`: systemd refuses to load the unit, so it
 * never runs. `always` and `on-success` are refused by every systemd; `on-failure` and the
 * other failure restarts only by systemd before 244, i.e. OpenShift 4.12 and older. With
 * the release unset, those are not reported: the file cannot tell which systemd runs it.
 */
export const unitOneshotRestart: Rule = {
  id: 'unit-oneshot-restart',
  check({ ignition: mc, settings, report }) {
    if (!mc) return;
    const minor = releaseMinor(settings);
    const oldSystemd = minor !== undefined && minor < SYSTEMD_244_FROM_MINOR;
    // on-failure is refused too where the release is 4.12 or older, or not known.
    const newSystemd = minor !== undefined && !oldSystemd;
    for (const unit of mc.units) {
      // The unit, then its dropins: the last assignment wins, and an empty Restart= resets it to no.
      const files = textsOfUnit(unit).map((t) => t.file);
      const type = last(files.flatMap((file) => directivesOf(file, 'Service', 'Type')));
      const restart = last(files.flatMap((file) => directivesOf(file, 'Service', 'Restart')));
      if (type?.value.value.trim() !== 'oneshot' || !restart) continue;
      const value = restart.value.value.trim();
      if (value === '' || value === 'no') continue;
      if (!ONESHOT_RESTARTS_FROM_244.has(value)) {
        if (value !== 'always' && value !== 'on-success') continue; // not a Restart= value: unit-unknown-directive's business
        report({
          severity: 'error',
          message: `systemd refuses a Type=oneshot unit with Restart=${value}, so it never runs: ${newSystemd ? 'use on-failure or remove Restart=' : 'remove Restart='}.`,
          range: restart.whole.rangeOf(),
          data: { restart: value },
        });
      } else if (oldSystemd) {
        report({
          severity: 'error',
          message: `OpenShift ${settings.openshiftVersion} runs systemd 239, which refuses a Type=oneshot unit with Restart=${value}: remove Restart=.`,
          range: restart.whole.rangeOf(),
          data: { restart: value },
        });
      }
    }
  },
};

function last(directives: UnitDirective[]): UnitDirective | undefined {
  return directives[directives.length - 1];
}
