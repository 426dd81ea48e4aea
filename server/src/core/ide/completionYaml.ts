/**
 * Completion of the MachineConfig's YAML: the keys valid at a place that are not there
 * yet, and the values the cluster knows for a key.
 */
import type { CompletionItem } from './completionItem';
import type { YamlKeyContext, YamlPath, YamlValueContext } from './completionContext';
import { acceptedIgnitionVersions, firstReleaseAccepting, NEWEST_IGNITION_MINOR } from '../kinds/machineconfig/ignitionVersions';
import { childKey, isMapping, schemaAt, type SchemaKey, type SchemaNode, type ValueChoice } from '../kinds/machineconfig/schema';
import type { Settings } from '../text/settings';
import { choice, escapeSnippet, order } from '../text/snippetText';

/** The values the cluster knows for the key at `path`, in the order to offer them. */
export function knownValues(path: YamlPath, settings: Settings, roles: string[]): ValueChoice[] {
  const node = schemaAt(path) as SchemaKey | undefined;
  return node ? choicesOf(node, settings, roles) : [];
}

function choicesOf(key: SchemaKey, settings: Settings, roles: string[]): ValueChoice[] {
  switch (key.choices) {
    case undefined:
      return [];
    case 'roles':
      return roles.map((role) => ({ value: role, detail: roleDetail(role) }));
    case 'ignition-versions':
      return acceptedIgnitionVersions(settings.openshiftVersion).map((version, i) => ({
        value: version,
        detail: !settings.openshiftVersion
          ? `accepted from OpenShift ${firstReleaseAccepting(Number(version.split('.')[1]))}${i === 0 ? ` (3.${NEWEST_IGNITION_MINOR}.0 needs ${firstReleaseAccepting(NEWEST_IGNITION_MINOR)})` : ''}`
          : i === 0 ? `newest spec OpenShift ${settings.openshiftVersion} accepts` : `accepted by OpenShift ${settings.openshiftVersion}`,
      }));
    default:
      return [...key.choices];
  }
}

function roleDetail(role: string): string {
  if (role === 'worker') return 'the worker pool';
  if (role === 'master') return 'the control-plane pool';
  return 'a custom pool that selects this role';
}

/** Keys of the mapping at the caret that are valid there and not written yet. */
export function keyCompletions(context: YamlKeyContext, settings: Settings, roles: string[]): CompletionItem[] {
  const parent = schemaAt(context.parentPath);
  if (!parent?.keys) return [];
  const keys = Object.keys(parent.keys).filter((key) => {
    const child = parent.keys![key];
    // A key the daemon cannot apply to a running node would only degrade the pool.
    return !context.siblings.has(key) && child.offer !== false && !child.notReconcilable;
  });
  return order(keys, parent.first ?? []).map((key, i) => {
    const child = parent.keys![key];
    return {
      label: key,
      kind: 'key' as const,
      ...insertKey(key, child, context, choicesOf(child, settings, roles), settings, roles),
      detail: child.hint ?? describeShape(child),
      sortText: String(i).padStart(3, '0'),
    };
  });
}

function describeShape(node: SchemaNode): string {
  if (node.item) return 'list';
  return isMapping(node) ? 'mapping' : 'value';
}

/** What a key inserts: `key: ` with its known values as a choice, or the key and an indented block. */
function insertKey(key: string, node: SchemaKey, context: YamlKeyContext, values: ValueChoice[], settings: Settings,
  roles: string[]): { insertText: string; isSnippet?: boolean } {
  const name = /^[A-Za-z0-9_./-]+$/.test(key) ? key : JSON.stringify(key);
  if (context.hasColon) return { insertText: name };
  const inner = ' '.repeat(context.column + 2);
  const at = escapeSnippet(name);
  if (node.block) return { insertText: `${at}: |\n${inner}$0`, isSnippet: true };
  const first = node.insertWith === undefined ? undefined : childKey(node, node.insertWith);
  if (first) {
    const firstValues = choicesOf(first, settings, roles).map((v) => v.value);
    return { insertText: `${at}:\n${inner}${escapeSnippet(node.insertWith!)}: \${1|${choice(firstValues)}|}`, isSnippet: true };
  }
  if (!node.item && !isMapping(node)) {
    if (values.length === 1) return { insertText: `${at}: ${escapeSnippet(values[0].value)}`, isSnippet: true };
    if (values.length > 1) return { insertText: `${at}: \${1|${choice(values.map((v) => v.value))}|}`, isSnippet: true };
    return { insertText: `${at}: $0`, isSnippet: true };
  }
  if (node.item) return { insertText: `${at}:\n${inner}- $0`, isSnippet: true };
  return { insertText: `${at}:\n${inner}$0`, isSnippet: true };
}

/** Values for the key at the caret. */
export function valueCompletions(context: YamlValueContext, settings: Settings, roles: string[]): CompletionItem[] {
  const values = knownValues(context.path, settings, roles);
  return values.map((choiceValue, i) => {
    const quoted = context.quote ? `${context.quote}${choiceValue.value}${context.quote}` : choiceValue.value;
    return {
      label: choiceValue.value,
      kind: 'value' as const,
      insertText: quoted,
      ...(context.quote ? { filterText: quoted } : {}),
      ...(choiceValue.detail ? { detail: choiceValue.detail } : {}),
      sortText: String(i).padStart(3, '0'),
    };
  });
}
