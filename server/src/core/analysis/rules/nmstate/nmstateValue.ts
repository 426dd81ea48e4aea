import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { fileSource, nodeRange, type StateSource } from '../../../formats/nmstateState';
import { nmstateKind } from '../../../kinds/nmstate/kind';
import type { NmstateModel } from '../../../kinds/nmstate/model';
import { STATE, type NmKey, type NmPath } from '../../../kinds/nmstate/schema';
import { BACKEND_INTERFACE_TYPES } from '../../../kinds/nmstate/schemaInterfaces';
import { BOOLEAN_STRINGS } from '../../../kinds/nmstate/schemaTypes';
import { pathText, walkSchema } from '../../../kinds/nmstate/schemaWalk';
import { hasPlaceholder } from '../../../text/placeholder';
import { closestWord } from '../../../text/suggest';
import { quoted } from '../../../text/quote';
import type { Finding, Rule } from '../rule';

/**
 * Values of a shape nmstate cannot read: a state or a list that is not one, an enum value
 * it does not know, a boolean it cannot parse, a prefix length past the address size. Only
 * what nmstate's deserializer refuses: it reads `"yes"` as a boolean and `"24"` as a number,
 * and an unknown interface type is passed on to NetworkManager, so only a misspelling of a
 * known one is said. Templated values (`{{ … }}`) are filled in on the node: never judged.
 */
export const nmstateValue: Rule = {
  id: 'nmstate-value',
  check(context) {
    const { report, states } = context;
    for (const { state, via } of states) {
      const source = state.source;
      walkSchema(state.map, STATE, [], {
        known: (pair, key, path) => {
          // A bare file is taken for a state by its top-level keys alone: `routes:` holding a list may be some other tool's.
          if (via === 'state' && path.length === 1) return;
          const finding = valueFinding(pair.value, key, path, source);
          if (finding) report(finding);
        },
        notMapping: (item, list, path) => {
          if (isTemplated(item)) return;
          const at = pathText(path.slice(0, -1));
          report({
            severity: 'error',
            message: `Each ${at} entry must be a mapping, not ${shapeOf(item)}: nmstate rejects the state.`,
            range: rangeOf(source, item),
            data: { path: at },
          });
        },
      });
    }
    if (context.kind !== nmstateKind) return;
    const model = context.model as NmstateModel;
    const source = fileSource(context.text);
    const held = model.statePair?.value;
    if (model.statePair && held && !isMap(held) && !isNull(held) && !isTemplated(held)) {
      const name = String(model.statePair.key.value);
      report({
        severity: 'error',
        message: `spec.${name} must be a mapping of nmstate keys such as interfaces:, not ${shapeOf(held)}.`,
        range: rangeOf(source, held),
        data: { path: `spec.${name}` },
      });
    }
    // spec.nodeSelector's shape is nmstate-node-selector's and nmstate-misindented's to judge.
  },
};

/** Where a finding goes and what it names: made only for a finding (nearly every value is fine, and the path's text and the range cost more than the checks). */
interface Where {
  /** The path for messages and data (`interfaces[].type`). */
  at: string;
  /** The key. */
  name: string;
  range: Finding['range'];
}

function valueFinding(value: Node | null, key: NmKey, path: NmPath, source: StateSource): Finding | undefined {
  if (!value || isNull(value) || isTemplated(value)) return undefined;
  const where = (): Where => ({ at: pathText(path), name: String(path[path.length - 1]), range: rangeOf(source, value) });
  const shape = (what: string, hint = ''): Finding => {
    const { at, name, range } = where();
    return {
      severity: 'error',
      message: `${name} must be ${what}, not ${shapeOf(value)}: ${hint || 'nmstate rejects the state.'}`,
      range,
      data: { path: at },
    };
  };
  switch (key.type) {
    case 'mapping': {
      if (isMap(value) || key.open) return undefined;
      const at = pathText(path);
      return shape('a mapping', at === 'routes' || at === 'route-rules' ? `put the list under ${at}: config:.` : '');
    }
    case 'list of mappings':
    case 'list of strings':
      return isSeq(value) ? undefined : shape('a list');
    default:
      break;
  }
  if (!isScalar(value)) {
    if (key.type === 'any') return undefined;
    return shape(key.type === 'integer or string' ? 'a number' : `a ${key.type === 'boolean' ? 'boolean' : key.type}`);
  }
  const raw = value.value;
  if (key.type === 'boolean' && typeof raw === 'string' && !BOOLEAN_STRINGS.includes(raw.toLowerCase())) {
    const { at, name, range } = where();
    return { severity: 'error', message: `${name}: ${quoted(raw, 30)} is not a boolean nmstate reads: write true or false.`, range, data: { path: at } };
  }
  if (key.values && typeof raw === 'string') return enumFinding(raw, key, where);
  if (path[path.length - 1] === 'prefix-length') return prefixFinding(raw, path, where);
  if (key.type === 'integer' && (key.min !== undefined || key.max !== undefined)) {
    const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
    if (number !== undefined && ((key.min !== undefined && number < key.min) || (key.max !== undefined && number > key.max))) {
      const { at, name, range } = where();
      return { severity: 'error', message: `${name} ${number} is out of range (${key.min ?? 0}–${key.max}): nmstate rejects the state.`, range, data: { path: at } };
    }
  }
  return undefined;
}

function enumFinding(raw: string, key: NmKey, where: () => Where): Finding | undefined {
  const known = key.values!;
  if (known.includes(raw)) return undefined;
  const { at, name, range } = where();
  const suggestion = closestWord(raw, key.offer ?? known);
  // nmstate hands an interface type it does not know to NetworkManager as is: only a misspelling of one it knows is certain.
  if (at === 'interfaces[].type' && (!suggestion || BACKEND_INTERFACE_TYPES.includes(raw))) return undefined;
  const values = key.offer ?? known;
  const listed = values.join(', ');
  // A long list of values is the hover's and completion's to show: the message gives two of them.
  const advice = suggestion ? `did you mean ${suggestion}?` : listed.length <= 50 ? `use one of ${listed}.` : `use e.g. ${values[0]} or ${values[1]}.`;
  return {
    severity: 'error',
    message: `${name}: ${quoted(raw, 30)} is not a value nmstate knows: ${advice}`,
    range,
    data: { path: at, value: raw, ...(suggestion ? { suggestion } : {}) },
  };
}

function prefixFinding(raw: unknown, path: NmPath, where: () => Where): Finding | undefined {
  const family = path.includes('ipv6') ? 6 : 4;
  const max = family === 6 ? 128 : 32;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : undefined;
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    const { at, range } = where();
    return { severity: 'error', message: `prefix-length ${quoted(text, 20)} is not a number from 0 to ${max}: nmstate rejects the state.`, range, data: { path: at } };
  }
  if (Number(text) <= max) return undefined;
  const { at, range } = where();
  return {
    severity: 'error',
    message: `prefix-length ${text} is longer than an IPv${family} address (0–${max}): nmstate rejects the state.`,
    range,
    data: { path: at, max },
  };
}

/** A node's range without the line breaks and spaces a block collection ends with. */
function rangeOf(source: StateSource, node: Node): Finding['range'] {
  const range = node.range;
  if (!range) return nodeRange(source, node);
  let end = range[1];
  while (end > range[0] && /\s/.test(source.text[end - 1])) end--;
  return source.range(range[0], end);
}

function isNull(node: Node): boolean {
  return isScalar(node) && (node.value === null || node.value === undefined);
}

function isTemplated(node: Node): boolean {
  return isScalar(node) && typeof node.value === 'string' && hasPlaceholder(node.value);
}

function shapeOf(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (typeof node.value === 'string') return `the string ${quoted(node.value, 20)}`;
    return `${typeof node.value === 'number' ? 'the number' : 'the value'} ${String(node.value)}`;
  }
  return 'that';
}
