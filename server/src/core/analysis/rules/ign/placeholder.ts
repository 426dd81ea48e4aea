import { isMap, isPair, isScalar, Node, Scalar } from 'yaml';
import { isWholeVariable, PlaceholderMatch, templatePlaceholders, variablePlaceholders } from '../../../text/placeholder';
import { forEachNode, mapAt, pairOf, seqAt } from '../../../text/yamlDocuments';
import { embeddedTextOfScalar } from '../../../text/yamlScalar';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

/**
 * Template placeholders shipped unrendered: `<base64_encoded_config>` and `{{ .x }}`
 * anywhere; `${VAR}`/`$VAR` in names, labels and paths and as a data URL's whole data,
 * never inside unit text or scripts, where `$VAR` is systemd's or the shell's own.
 */
export const placeholder: Rule = {
  id: 'placeholder',
  check({ machineConfig: mc, document, text, report }) {
    if (!mc) return;
    const seen = new Set<string>();
    const say = (node: Scalar, match: PlaceholderMatch, where: string): void => {
      const embedded = embeddedTextOfScalar(node, text);
      const range = embedded.rangeOf(match.index, match.index + match.text.length);
      const key = `${range.start}:${range.end}`;
      if (seen.has(key)) return;
      seen.add(key);
      report({
        severity: 'error',
        message: `${quoted(match.text, 30)} is a template placeholder never filled in${where}: replace it with the real value.`,
        range,
        data: { placeholder: match.text },
      });
    };

    // Unit texts: a `{{…}}` after --format is the command's own template.
    const unitTexts = new Set<Node>();
    for (const unit of mc.units) {
      if (unit.contents) unitTexts.add(unit.contents.scalar);
      for (const dropin of unit.dropins) if (dropin.contents) unitTexts.add(dropin.contents.scalar);
    }
    forEachNode(document, (node) => {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      for (const match of templatePlaceholders(node.value, unitTexts.has(node))) say(node, match, '');
    });

    // Names, labels and paths: `$VAR` too.
    const named: Scalar[] = [];
    const add = (node: unknown) => {
      if (isScalar(node) && typeof node.value === 'string') named.push(node);
    };
    add(pairOf(mc.metadata, 'name')?.value);
    for (const item of mapAt(mc.metadata, 'labels')?.items ?? []) {
      if (isPair(item)) {
        add(item.key);
        add(item.value);
      }
    }
    for (const unit of mc.units) {
      add(unit.name);
      for (const dropin of unit.dropins) add(dropin.name);
    }
    const storage = mapAt(mc.config, 'storage');
    for (const section of ['files', 'directories', 'links']) {
      for (const item of seqAt(storage, section)?.items ?? []) {
        if (!isMap(item)) continue;
        add(pairOf(item, 'path')?.value);
        if (section === 'links') add(pairOf(item, 'target')?.value);
      }
    }
    for (const user of seqAt(mapAt(mc.config, 'passwd'), 'users')?.items ?? []) {
      if (isMap(user)) add(pairOf(user, 'name')?.value);
    }
    for (const node of named) {
      for (const match of variablePlaceholders(node.value as string)) say(node, match, '');
    }

    // A data URL whose whole data is a variable: `data:;base64,${CONFIG}`.
    for (const file of mc.files) {
      const url = file.dataUrl;
      if (!url || !file.source || !isWholeVariable(url.payload.value)) continue;
      const trimmed = url.payload.value.trim();
      const index = url.payload.value.indexOf(trimmed);
      const range = url.payload.rangeOf(index, index + trimmed.length);
      const key = `${range.start}:${range.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        severity: 'error',
        message: `${quoted(trimmed, 30)} is a variable that was never substituted: put the real contents here.`,
        range,
        data: { placeholder: trimmed },
      });
    }
  },
};
