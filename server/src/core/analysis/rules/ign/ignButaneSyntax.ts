import { isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { percentEncode } from '../../../formats/dataUrl';
import { BUTANE_ONLY_PATH_PREFIXES, butaneOnlyKey } from '../../../kinds/machineconfig/schema';
import { keyRange } from '../../../kinds/machineconfig/model';
import type { Fix } from '../../../text/problem';
import { keyedPairs, pairOf } from '../../../text/yamlDocuments';
import type { Finding, Rule } from '../rule';

/**
 * Butane syntax pasted into a MachineConfig (contents.inline, contents.local,
 * contents_local, storage.trees, the Butane header): the MCO hands the config to
 * Ignition's parser, which does not know these keys, so the file or unit is written empty.
 */
export const ignButaneSyntax: Rule = {
  id: 'ign-butane-syntax',
  check({ machineConfig: mc, text, report }) {
    if (!mc?.config) return;
    walk(mc.config, 'spec.config', text, report);
  },
};

/** `path` writes list items as `[]`; only paths that can lead to a Butane-only key are entered. */
function walk(node: Node | null, path: string, text: string, report: (f: Finding) => void): void {
  if (isSeq(node)) {
    const itemPath = `${path}[]`;
    if (BUTANE_ONLY_PATH_PREFIXES.has(itemPath)) for (const item of node.items) walk(item as Node, itemPath, text, report);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of keyedPairs(node)) {
    const key = String(pair.key.value);
    const why = butaneOnlyKey(path, key);
    if (!why) {
      const keyPath = `${path}.${key}`;
      if (BUTANE_ONLY_PATH_PREFIXES.has(keyPath)) walk(pair.value, keyPath, text, report);
      continue;
    }
    const fixes: Fix[] = [];
    if (key === 'inline') {
      const fix = inlineToSourceFix(text, node, pair);
      if (fix) fixes.push(fix);
    }
    const advice = key === 'inline' ? 'write it as source: data:,<percent-encoded text>' : 'compile the config with butane';
    report({
      severity: 'error',
      message: `${why}: ${advice}.`,
      range: keyRange(pair),
      data: { key },
      fixes,
    });
  }
}

/**
 * `inline: <text>` → `source: data:,<percent-encoded text>`: exactly what Butane compiles
 * it to, so the node gets the same bytes. Only when there is no source already and the
 * contents are not declared compressed.
 */
function inlineToSourceFix(text: string, contents: YAMLMap, pair: Pair<Scalar, Node | null>): Fix | undefined {
  if (pairOf(contents, 'source')) return undefined;
  const compression = pairOf(contents, 'compression')?.value;
  if (compression && !(isScalar(compression) && (compression.value === null || compression.value === ''))) return undefined;
  const value = pair.value;
  let inline = '';
  let end: number | undefined;
  if (value === null) end = pair.key.range?.[1];
  else if (isScalar(value) && typeof value.value === 'string') {
    inline = value.value;
    end = value.range?.[1];
  }
  const start = pair.key.range?.[0];
  if (start === undefined || end === undefined) return undefined;
  // A block scalar's value ends after its last line break: keep one.
  const newline = text[end - 1] === '\n' ? '\n' : '';
  if (value === null) {
    // `inline:` with nothing: the colon follows the key.
    const colon = text.indexOf(':', end);
    if (colon < 0 || text.slice(end, colon).trim() !== '') return undefined;
    end = colon + 1;
  }
  // In a flow mapping the comma of `data:,` would end the value: quote it there.
  const url = `data:,${percentEncode(inline)}`;
  return {
    title: 'Write the text as source: data:,…',
    edits: [{ start, end, newText: `source: ${contents.flow ? `"${url}"` : url}${newline}` }],
    safe: true,
  };
}
