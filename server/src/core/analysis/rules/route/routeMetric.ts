import { syntaxProblemsOf } from '../../../routes/route';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

const U32_MAX = 4294967295;

/**
 * A route metric is an unsigned 32-bit number, written after the next hop and before the
 * attributes (nmcli(1); libnm valid_metric). nmcli refuses anything else; a second number
 * silently replaces the first.
 */
export const routeMetric: Rule = {
  id: 'route-metric',
  check({ routes, report }) {
    for (const route of routes) {
      const refuses = route.unreadable.route;
      const metric = route.metric;
      if (metric && !(/^\+?\d+$/.test(metric.value) && Number(metric.value) <= U32_MAX)) {
        report({
          severity: 'error',
          message: `Metric ${quoted(metric.value, 24)} is not a number from 0 to ${U32_MAX}: ${refuses}.`,
          range: metric.rangeOf(),
        });
      }
      for (const { severity, message, range, data } of syntaxProblemsOf(route, 'route-metric')) {
        report({ severity, message, range, ...(data ? { data } : {}) });
      }
    }
  },
};
