/**
 * Completion in Butane configs: the keys of Butane's openshift reference valid at the
 * caret (kinds/butane/schema.ts) and their values — the variant, spec versions, booleans,
 * file modes in octal, the role label's roles. Keys the openshift variant refuses are not
 * offered. The units inside `contents: |` are completion.ts's, as in a MachineConfig.
 */
import type { DocumentLines, YamlKeyContext, YamlValueContext } from './completionContext';
import { valueItems, type CompletionItem } from './completionItem';
import type { ParsedText } from '../analysis/lint';
import { BUTANE_VARIANTS } from '../kinds/butane/model';
import { butaneKeyAt, butaneKeysAt, describeButaneKey, OPENSHIFT_SPEC_VERSIONS, type ButaneKey } from '../kinds/butane/schema';
import { ANY_RELEASE_IGNITION_MINOR, firstReleaseAccepting } from '../kinds/machineconfig/ignitionVersions';
import { ROLE_LABEL } from '../kinds/machineconfig/pools';
import type { Settings } from '../text/settings';
import { choice, escapeSnippet } from '../text/snippetText';

interface Choice {
  value: string;
  detail?: string;
}

/** A top-level `variant:` naming a Butane variant, or on its way to one (empty, or a prefix of one being typed). */
const VARIANT_LINE = /^variant:[ \t]*(["']?)([a-z0-9]*)\1[ \t]*(#.*)?$/m;

/** The document at the caret is a Butane config: by its parse, or by its `variant:` line while the parse lags. */
export function isButaneAt(parsed: ParsedText, region: DocumentLines): boolean {
  const { start, end } = region;
  const parsedAs = parsed.documents.some(({ document, kind }) => kind?.id === 'butane' && document.range[0] <= end && document.range[2] > start);
  if (parsedAs) return true;
  const written = VARIANT_LINE.exec(parsed.text.slice(start, end))?.[2];
  return written !== undefined && BUTANE_VARIANTS.some((variant) => variant.startsWith(written));
}

/** Keys Butane reads in the mapping at the caret, not yet written, in the reference's order. */
export function butaneKeyCompletions(context: YamlKeyContext, settings: Settings, roles: readonly string[]): CompletionItem[] {
  const keys = butaneKeysAt(context.parentPath);
  if (!keys) return [];
  const names = Object.keys(keys).filter((key) => !context.siblings.has(key) && !keys[key].refused);
  return names.map((key, i) => {
    const node = keys[key];
    return {
      label: key,
      kind: 'key' as const,
      ...insertKey(key, node, [...context.parentPath, key], context, settings, roles),
      detail: describeButaneKey(node),
      documentation: node.doc,
      sortText: String(i).padStart(3, '0'),
    };
  });
}

/** Keys whose text is a file or unit, written as a literal block. */
const BLOCK_KEYS = new Set(['contents', 'inline']);

function insertKey(key: string, node: ButaneKey, path: readonly (string | number)[], context: YamlKeyContext, settings: Settings,
  roles: readonly string[]): { insertText: string; isSnippet?: boolean } {
  const name = /^[A-Za-z0-9_./-]+$/.test(key) ? key : JSON.stringify(key);
  if (context.hasColon) return { insertText: name };
  const inner = ' '.repeat(context.column + 2);
  const at = escapeSnippet(name);
  if (node.type === 'string' && BLOCK_KEYS.has(key)) return { insertText: `${at}: |\n${inner}$0`, isSnippet: true };
  if (node.type === 'list of mappings' || node.type === 'list of strings') return { insertText: `${at}:\n${inner}- $0`, isSnippet: true };
  if (node.type === 'mapping' || node.type === 'string map') return { insertText: `${at}:\n${inner}$0`, isSnippet: true };
  const values = choicesAt(path, node, settings, roles).map((c) => c.value);
  if (values.length === 1) return { insertText: `${at}: ${escapeSnippet(values[0])}`, isSnippet: true };
  if (values.length > 1) return { insertText: `${at}: \${1|${choice(values)}|}`, isSnippet: true };
  return { insertText: `${at}: $0`, isSnippet: true };
}

/** Values for the key at the caret. */
export function butaneValueCompletions(context: YamlValueContext, settings: Settings, roles: readonly string[]): CompletionItem[] {
  const node = butaneKeyAt(context.path);
  if (!node) return [];
  return valueItems(choicesAt(context.path, node, settings, roles), context.quote);
}

const MODES: readonly Choice[] = [
  { value: '0644', detail: 'rw-r--r--: a config file' },
  { value: '0600', detail: 'rw-------: a NetworkManager keyfile (NetworkManager ignores others)' },
  { value: '0755', detail: 'rwxr-xr-x: a script' },
  { value: '0700', detail: 'rwx------: a script only root runs' },
];

function choicesAt(path: readonly (string | number)[], node: ButaneKey, settings: Settings, roles: readonly string[]): Choice[] {
  const key = path[path.length - 1];
  if (path.length === 1 && key === 'version') return versionChoices(settings);
  if (path.length === 1 && key === 'variant') return [{ value: 'openshift', detail: 'compiles to a MachineConfig' }];
  if (key === ROLE_LABEL) return roles.map((role) => ({ value: role, detail: role === 'worker' ? 'the worker pool' : role === 'master' ? 'the control-plane pool' : 'a custom pool that selects this role' }));
  if (key === 'mode' && node.type === 'integer') return [...MODES];
  if (node.type === 'boolean') return [{ value: 'true' }, { value: 'false' }];
  return (node.values ?? []).map((value) => ({ value }));
}

/**
 * The spec versions, newest first. With a target release, those up to it, its own first: a
 * newer spec can compile to an Ignition spec the cluster refuses (4.19.0 and later write
 * 3.5.0). Without one, as for a MachineConfig, those any supported release accepts come first.
 */
function versionChoices(settings: Settings): Choice[] {
  const minor = (version: string): number => Number(version.split('.')[1]);
  const ignitionMinor = (ignition: string): number => Number(ignition.split('.')[1]);
  const target = settings.openshiftVersion ? minor(`${settings.openshiftVersion}.0`) : undefined;
  const newestFirst = [...OPENSHIFT_SPEC_VERSIONS].reverse();
  const ordered = target !== undefined && !Number.isNaN(target)
    ? newestFirst.filter((v) => minor(v.version) <= target)
    : [...newestFirst.filter((v) => ignitionMinor(v.ignition) <= ANY_RELEASE_IGNITION_MINOR), ...newestFirst.filter((v) => ignitionMinor(v.ignition) > ANY_RELEASE_IGNITION_MINOR)];
  return ordered.map(({ version, ignition }) => ({
    value: version,
    detail: minor(version) === target
      ? `OpenShift ${settings.openshiftVersion} (mcroutes.openshiftVersion): Ignition ${ignition}`
      : `compiles to Ignition ${ignition}${ignitionMinor(ignition) > ANY_RELEASE_IGNITION_MINOR ? `, which needs OpenShift ${firstReleaseAccepting(ignitionMinor(ignition))} or later` : ''}`,
  }));
}
