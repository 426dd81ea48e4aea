import { butaneKind } from '../../../kinds/butane/kind';
import { isOpenshiftButane, type ButaneModel } from '../../../kinds/butane/model';
import { decimalWrittenModeMeant } from '../../../kinds/butane/spec';
import { replaceScalarEdit } from '../../../text/yamlEdits';
import { rangeOfNode } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

/**
 * `mode: 644` in a Butane config: YAML reads it as decimal 644 (= 01204). Butane warns when
 * the digits read as octal make a typical mode and the number does not (base/util/file.go:
 * "unreasonable mode would be reasonable if specified in octal"). Above 0777 the special
 * bits also make the openshift variant (4.10.0+) and the Machine Config Operator refuse it.
 * file-mode leaves these modes of a Butane config to this rule.
 */
export const butaneModeDecimal: Rule = {
  id: 'butane-mode-decimal',
  check({ kind, model, text, report }) {
    if (kind !== butaneKind) return;
    const butane = model as ButaneModel;
    // Special mode bits: the MCO refuses them (and butane itself from openshift 4.10.0); fcos applies them.
    const refusing = isOpenshiftButane(butane);
    for (const file of butane.config.files) {
      const node = file.mode;
      if (!node?.range || typeof node.value !== 'number') continue;
      const written = text.slice(node.range[0], node.range[1]);
      const meant = decimalWrittenModeMeant(written, node.value);
      if (meant === undefined) continue;
      const refused = refusing && node.value > 0o777;
      const edit = replaceScalarEdit(node, `0${written}`);
      report({
        severity: refused ? 'error' : 'warning',
        message: `mode ${written} is read as decimal (= ${octal(node.value)}${refused ? ', special bits the Machine Config Operator refuses' : ''}): write 0${written} for octal.`,
        range: rangeOfNode(node),
        data: { meant },
        // Butane's own advice ("remember to add a leading zero"): the digits stay as written.
        fixes: edit ? [{ title: `Write 0${written} (octal)`, edits: [edit], safe: true }] : [],
      });
    }
  },
};

