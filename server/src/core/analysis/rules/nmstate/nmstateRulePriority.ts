import type { Rule } from '../rule';

/** The preference of the l3mdev rule the kernel adds for VRFs (drivers/net/vrf.c FIB_RULE_PREF). */
const L3MDEV_PRIORITY = 1000;

/**
 * A route rule with priority 1000 ties with the kernel's l3mdev rule once a VRF exists on
 * the node (MetalLB's VRF setups, for one): which of the two applies first is not the
 * author's choice. MetalLB's documentation uses 998.
 */
export const nmstateRulePriority: Rule = {
  id: 'nmstate-rule-priority',
  check({ states, report }) {
    for (const { state } of states) {
      for (const rule of state.routeRules) {
        if (rule.removal || !rule.priority || !/^\+?\d+$/.test(rule.priority.value) || Number(rule.priority.value) !== L3MDEV_PRIORITY) continue;
        report({
          severity: 'info',
          message: 'Priority 1000 is the kernel\'s l3mdev rule once a VRF exists on the node: use another, e.g. 998 as MetalLB does.',
          range: rule.priority.rangeOf(),
        });
      }
    }
  },
};
