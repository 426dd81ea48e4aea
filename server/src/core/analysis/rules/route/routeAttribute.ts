import { replaceVerbatimEdit } from '../../../text/edits';
import type { FileRange } from '../../../text/embeddedText';
import { routesOf } from '../../../kinds/machineconfig/model';
import type { RouteWordIssue } from '../../../formats/nmcli';
import { attributeValueProblem, NO_NEXT_HOP_TYPES, ROUTE_ATTRIBUTES } from '../../../routes/routeAttributes';
import { attributeOf, routeFileRefusal } from '../../../routes/routeFacts';
import { closestWord } from '../../../text/suggest';
import type { Finding, Rule } from '../rule';

/** Names people write for things nmcli spells differently, with what to write instead. */
const MISPLACED: Record<string, string> = {
  metric: 'the metric is a bare number after the next hop (192.168.1.0/24 172.18.0.1 100)',
  via: 'the next hop is written right after the destination, without a keyword',
  gateway: 'the next hop is written right after the destination, without a keyword',
  gw: 'the next hop is written right after the destination, without a keyword',
  nexthop: 'the next hop is written right after the destination, without a keyword',
  'next-hop': 'the next hop is written right after the destination, without a keyword',
  dev: 'a route names no device: it goes on the device or connection being modified',
  device: 'a route names no device: it goes on the device or connection being modified',
  proto: 'NetworkManager marks its routes proto static itself',
  protocol: 'NetworkManager marks its routes proto static itself',
};

/**
 * Every route attribute must be one NetworkManager knows, valid for the route's family,
 * with a value of its type (libnm ip_route_attribute_spec): nmcli refuses the whole
 * command otherwise. Also words nmcli cannot place (`via`, a bare `onlink`), and
 * attribute combinations libnm rejects (a blackhole route with a next hop).
 */
export const routeAttribute: Rule = {
  id: 'route-attribute',
  check({ text, machineConfig: mc, report }) {
    if (!mc) return;
    for (const route of routesOf(mc)) {
      const nmcli = route.origin === 'nmcli';
      // nmcli refuses the command; NetworkManager's keyfile reader drops what it cannot read;
      // the ifcfg-rh plugin skips a bad line of a route file, or refuses the profile (key format).
      const refusal = route.origin === 'route-file' ? routeFileRefusal(route) : undefined;
      const severity = refusal?.severity ?? (nmcli ? 'error' : 'warning');
      const consequence = refusal?.consequence ?? (nmcli ? 'nmcli refuses the command' : 'NetworkManager ignores it');
      const family = route.propertyFamily;
      const seen = new Map<string, number>();
      for (const attribute of route.attributes) {
        const name = attribute.name.value;
        seen.set(name, (seen.get(name) ?? 0) + 1);
        const spec = ROUTE_ATTRIBUTES[name];
        if (!spec) {
          const hint = MISPLACED[name];
          const suggestion = hint ? undefined : closestWord(name, Object.keys(ROUTE_ATTRIBUTES));
          const edit = suggestion ? replaceVerbatimEdit(text, attribute.name, suggestion) : undefined;
          report({
            severity,
            message: `${JSON.stringify(name)} is not a route attribute: ${hint ?? (suggestion ? `did you mean ${suggestion}?` : `known attributes are ${Object.keys(ROUTE_ATTRIBUTES).join(', ')}`)} (${consequence}).`,
            range: attribute.name.rangeOf(),
            data: { attribute: name, ...(suggestion ? { suggestion } : {}) },
            ...(edit ? { fixes: [{ title: `Change to ${suggestion}`, edits: [edit], safe: false }] } : {}),
          });
          continue;
        }
        if ((family === 4 && !spec.v4) || (family === 6 && !spec.v6)) {
          const why = name === 'from'
            ? 'from= (source-specific routing) exists for IPv6 only; for IPv4 use a routing rule (ipv4.routing-rules)'
            : `${name}= exists for IPv4 routes only`;
          report({ severity, message: `${why}: in ${route.propertyName} ${consequence}.`, range: attribute.name.rangeOf() });
          continue;
        }
        const problem = attributeValueProblem(name, spec, attribute.value.value, family);
        if (problem) {
          report({
            severity,
            message: `${problem} (${consequence}.)`,
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
            message: `${name} is given ${count} times in one route; only the last one counts.`,
            range: attribute.whole.rangeOf(),
          });
        }
      }

      // Combinations libnm refuses (_nm_ip_route_attribute_validate_all).
      const type = attributeOf(route, 'type');
      if (type && NO_NEXT_HOP_TYPES.has(type.value.value) && route.gateway) {
        report({
          severity,
          message: `A ${type.value.value} route cannot have a next hop: drop ${route.gateway.value} (${consequence}).`,
          range: type.whole.rangeOf(),
        });
      }
      const weight = attributeOf(route, 'weight');
      if (family === 4 && weight && type && type.value.value !== 'unicast' && /^\d+$/.test(weight.value.value) && Number(weight.value.value) > 0) {
        report({
          severity,
          message: `A ${type.value.value} route cannot carry an ECMP weight (${consequence}).`,
          range: weight.whole.rangeOf(),
        });
      }
      const scope = attributeOf(route, 'scope');
      if (family === 4 && type?.value.value === 'local' && scope && /^\d+$/.test(scope.value.value) &&
          !['254', '255'].includes(String(Number(scope.value.value)))) {
        report({
          severity,
          message: `A local route must have scope 254 (host) or 255 (nowhere), not ${scope.value.value} (${consequence}).`,
          range: scope.value.rangeOf(),
        });
      }

      if (route.origin === 'route-file') {
        for (const issue of route.issues) {
          report({ severity, message: `${issue.message} (${consequence}.)`, range: issue.word.rangeOf() });
        }
        continue;
      }
      if (route.origin !== 'nmcli') continue;
      for (const issue of route.issues) {
        const finding = judgeWord(issue);
        if (finding) report(finding);
      }
    }
  },
};

function judgeWord(issue: RouteWordIssue): Finding | undefined {
  const word = issue.word.value;
  const range: FileRange = issue.argument
    ? { start: issue.word.rangeOf().start, end: issue.argument.rangeOf().end }
    : issue.word.rangeOf();
  switch (issue.kind) {
    case 'ip-route-keyword': {
      const spec = ROUTE_ATTRIBUTES[word];
      const advice = MISPLACED[word] ??
        (spec ? `write ${word}=${issue.argument?.value ?? 'VALUE'}` : `nmcli routes have no ${word}`);
      return {
        severity: 'error',
        message: `"${word}${issue.argument ? ` ${issue.argument.value}` : ''}" is ip-route syntax, not nmcli's: ${advice}. nmcli refuses the command.`,
        range,
      };
    }
    case 'bare-attribute':
      return {
        severity: 'error',
        message: `nmcli wants route attributes as name=value: write ${word}=true. As written, nmcli refuses the command.`,
        range,
      };
    case 'syntax':
      return {
        severity: 'error',
        message: `nmcli cannot read ${JSON.stringify(word)} in a route: the syntax is ip[/prefix] [next-hop] [metric] [attribute=value]..., and nmcli refuses the command.`,
        range,
      };
    default:
      return undefined; // next hops: route-gateway; metrics: route-metric
  }
}
