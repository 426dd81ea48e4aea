import { insertUnitLineEdit, nextLineStartIn } from '../edits';
import type { UnitText } from '../model';
import { directivesOf } from '../unitFile';
import type { Fix } from '../problem';
import type { Rule } from './rule';

/** Units ordered after br-ex exists: ovs-configuration.service itself, or what it runs before. */
const AFTER_BR_EX = ['ovs-configuration.service', 'kubelet-dependencies.target', 'kubelet.service'];

/**
 * On OVN-Kubernetes, ovs-configuration.service (configure-ovs.sh) builds br-ex and moves
 * the NIC's configuration onto it, after network-online.target can already be reached
 * (MCO templates: After=NetworkManager-wait-online.service, Before=kubelet-dependencies.target).
 * A unit that sets routes with nmcli before that finds no br-ex yet, or sees its runtime
 * routes dropped when configure-ovs re-activates the connections.
 */
export const unitOvnOrdering: Rule = {
  id: 'unit-ovn-ordering',
  check({ text, machineConfig: mc, settings, report }) {
    if (!mc || settings.networkType !== 'OVNKubernetes') return;
    for (const unit of mc.units) {
      const texts = [unit.contents, ...unit.dropins.map((d) => d.contents)].filter((t): t is UnitText => t !== undefined);
      const routing = texts.flatMap((t) => t.execLines).find((e) => e.nmcli && e.nmcli.routes.length > 0);
      if (!routing) continue;
      const ordered = texts.some((t) =>
        directivesOf(t.file, 'Unit', 'After').some((d) => d.value.words().some((w) => AFTER_BR_EX.includes(w.value))));
      if (ordered) continue;

      const main = unit.contents;
      const header = main?.file.sections.find((s) => s.name === 'Unit')?.header;
      let fix: Fix | undefined;
      if (main && header) {
        const at = main.text.indexAt(header.rangeOf().start);
        const edit = at === undefined ? undefined : insertUnitLineEdit(text, main, nextLineStartIn(main, at), 'After=ovs-configuration.service');
        if (edit) fix = { title: 'Add After=ovs-configuration.service', edits: [edit], safe: true };
      }
      report({
        severity: 'info',
        message: 'On OVN-Kubernetes, br-ex is built by ovs-configuration.service, which may still be running when network-online.target is reached: order this unit After=ovs-configuration.service so its routes land on the finished bridge. If kubelet needs the routes, also add Before=kubelet-dependencies.target.',
        range: header ? header.rangeOf() : routing.directive.key.rangeOf(),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
