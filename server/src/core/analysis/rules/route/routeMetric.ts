import { routesOf } from '../../../kinds/machineconfig/model';
import { routeFileRefusal } from '../../../routes/routeFacts';
import type { Rule } from '../rule';

const U32_MAX = 4294967295;

/**
 * A route metric is an unsigned 32-bit number, written after the next hop and before the
 * attributes (nmcli(1); libnm valid_metric). nmcli refuses anything else; a second number
 * silently replaces the first.
 */
export const routeMetric: Rule = {
  id: 'route-metric',
  check({ machineConfig: mc, report }) {
    if (!mc) return;
    for (const route of routesOf(mc)) {
      const refuses = route.origin === 'nmcli'
        ? 'nmcli refuses the command'
        : route.origin === 'route-file' ? routeFileRefusal(route).consequence : 'NetworkManager ignores the route';
      const metric = route.metric;
      if (metric && !(/^\+?\d+$/.test(metric.value) && Number(metric.value) <= U32_MAX)) {
        report({
          severity: 'error',
          message: `Metric ${JSON.stringify(metric.value)} is not a number from 0 to ${U32_MAX}: ${refuses}.`,
          range: metric.rangeOf(),
        });
      }
      if (route.origin !== 'nmcli') continue;
      for (const issue of route.issues) {
        if (issue.kind === 'metric-late') {
          report({
            severity: 'error',
            message: `${issue.word.value} stands after an attribute: nmcli wants the metric before the attributes (ip[/prefix] [next-hop] [metric] [attribute=value]...) and refuses the command.`,
            range: issue.word.rangeOf(),
          });
        } else if (issue.kind === 'metric-again') {
          report({
            severity: 'warning',
            message: `A second metric: nmcli silently keeps the last one (${issue.word.value}) and drops ${route.metric?.value}. Write one metric.`,
            range: issue.word.rangeOf(),
          });
        }
      }
    }
  },
};
