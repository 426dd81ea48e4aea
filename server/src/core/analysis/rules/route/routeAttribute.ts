import { replaceVerbatimEdit } from '../../../text/edits';
import { attributeValueFault, MISPLACED_ROUTE_WORDS, NO_NEXT_HOP_TYPES, ROUTE_ATTRIBUTES } from '../../../routes/routeAttributes';
import { attributeOf } from '../../../routes/routeFacts';
import { syntaxProblemsOf } from '../../../routes/route';
import { quoted } from '../../../text/quote';
import { closestWord } from '../../../text/suggest';
import type { Rule } from '../rule';

/**
 * Every route attribute must be one NetworkManager knows, valid for the route's family,
 * with a value of its type (libnm ip_route_attribute_spec): nmcli refuses the whole
 * command otherwise. Also words nmcli cannot place (`via`, a bare `onlink`), and
 * attribute combinations libnm rejects (a blackhole route with a next hop).
 */
export const routeAttribute: Rule = {
  id: 'route-attribute',
  check({ text, routes, report }) {
    for (const route of routes) {
      // nmcli refuses the command; NetworkManager's keyfile reader drops what it cannot read;
      // the ifcfg-rh plugin skips a bad line of a route file, or refuses the profile (key format).
      const { severity, attribute: consequence } = route.unreadable;
      const family = route.propertyFamily;
      const seen = new Map<string, number>();
      for (const attribute of route.attributes) {
        const name = attribute.name.value;
        seen.set(name, (seen.get(name) ?? 0) + 1);
        const spec = ROUTE_ATTRIBUTES[name];
        if (!spec) {
          const hint = MISPLACED_ROUTE_WORDS[name];
          const suggestion = hint ? undefined : closestWord(name, Object.keys(ROUTE_ATTRIBUTES));
          const edit = suggestion ? replaceVerbatimEdit(text, attribute.name, suggestion) : undefined;
          report({
            severity,
            message: suggestion
              ? `${quoted(name)} is not a route attribute, so ${consequence}: did you mean ${suggestion}?`
              : `${quoted(name)} is not a route attribute, so ${consequence}: ${hint ?? 'remove it'}.`,
            range: attribute.name.rangeOf(),
            data: { attribute: name, ...(suggestion ? { suggestion } : {}) },
            ...(edit ? { fixes: [{ title: `Change to ${suggestion}`, edits: [edit], safe: false }] } : {}),
          });
          continue;
        }
        if ((family === 4 && !spec.v4) || (family === 6 && !spec.v6)) {
          // from= is source-specific routing: IPv4 does it with a routing rule.
          const instead = name === 'from' ? 'use a routing rule instead' : 'remove it';
          const only = name === 'from' ? 'IPv6' : 'IPv4';
          report({ severity, message: `${name}= exists for ${only} routes only, so in ${route.propertyName} ${consequence}: ${instead}.`, range: attribute.name.rangeOf() });
          continue;
        }
        const fault = attributeValueFault(name, spec, attribute.value.value, family);
        if (fault) {
          report({
            severity,
            message: `${fault}: ${consequence}.`,
            range: attribute.value.length > 0 ? attribute.value.rangeOf() : attribute.whole.rangeOf(),
          });
        }
      }
      for (const attribute of route.attributes) {
        const name = attribute.name.value;
        const count = seen.get(name) ?? 0;
        if (count > 1 && attributeOf(route, name) !== attribute) {
          report({
            severity: 'warning',
            message: `${name} is given ${count} times in one route and only the last counts: keep one.`,
            range: attribute.whole.rangeOf(),
          });
        }
      }

      // Combinations libnm refuses (_nm_ip_route_attribute_validate_all).
      const type = attributeOf(route, 'type');
      const aType = type ? `${/^[aeiou]/.test(type.value.value) ? 'An' : 'A'} ${type.value.value} route` : '';
      if (type && NO_NEXT_HOP_TYPES.has(type.value.value) && route.gateway) {
        report({
          severity,
          message: `${aType} cannot have a next hop, so ${consequence}: drop ${route.gateway.value}.`,
          range: type.whole.rangeOf(),
        });
      }
      const weight = attributeOf(route, 'weight');
      if (family === 4 && weight && type && type.value.value !== 'unicast' && /^\d+$/.test(weight.value.value) && Number(weight.value.value) > 0) {
        report({
          severity,
          message: `${aType} cannot carry an ECMP weight, so ${consequence}: drop weight=.`,
          range: weight.whole.rangeOf(),
        });
      }
      const scope = attributeOf(route, 'scope');
      if (family === 4 && type?.value.value === 'local' && scope && /^\d+$/.test(scope.value.value) &&
          !['254', '255'].includes(String(Number(scope.value.value)))) {
        report({
          severity,
          message: `A local route takes scope 254 (host) or 255 (nowhere), not ${scope.value.value}: ${consequence}.`,
          range: scope.value.rangeOf(),
        });
      }

      for (const { severity, message, range, data } of syntaxProblemsOf(route, 'route-attribute')) {
        report({ severity, message, range, ...(data ? { data } : {}) });
      }
    }
  },
};
