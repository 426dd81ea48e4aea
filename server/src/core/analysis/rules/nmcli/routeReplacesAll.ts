import { nmcliCommandsOf } from '../../../kinds/machineconfig/nmcliCommands';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

/**
 * `ipv4.routes "…"` without `+` sets the whole list: every static route the profile or
 * device had is replaced by these (nmcli(1): `+` appends, `-` removes). Not flagged: `+`
 * and `-`, and an explicit empty value (`ipv4.routes ""`), which says "clear them".
 * Commands in units and in scripts alike.
 */
export const routeReplacesAll: Rule = {
  id: 'route-replaces-all',
  check({ text, ignition: mc, report }) {
    if (!mc) return;
    for (const { nmcli } of nmcliCommandsOf(mc)) {
      for (const property of nmcli.properties) {
        if (property.operation !== '' || (property.name !== 'ipv4.routes' && property.name !== 'ipv6.routes')) continue;
        if (!property.value || property.value.value.trim() === '') continue;
        const what = `${nmcli.object === 'device' ? 'device' : 'connection'}${nmcli.target ? ` ${quoted(nmcli.target.value, 24)}` : ''}`;
        const token = property.token;
        const range = token.rangeOf();
        const verbatim = token.exact && token.length > 0 && text.slice(range.start, range.end) === token.value;
        report({
          severity: 'warning',
          message: `${property.name} without + replaces all static routes of ${what}: write +${property.name} to keep the others.`,
          range,
          data: { property: property.name },
          ...(verbatim
            ? { fixes: [{ title: `Append instead: +${property.name}`, edits: [{ start: range.start, end: range.start, newText: '+' }], safe: false }] }
            : {}),
        });
      }
    }
  },
};
