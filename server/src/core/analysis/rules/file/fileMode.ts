import { butaneKind } from '../../../kinds/butane/kind';
import { decimalWrittenModeMeant } from '../../../kinds/butane/spec';
import { FileModel, isKeyfilePath } from '../../../kinds/machineconfig/model';
import type { Fix } from '../../../text/problem';
import { insertPairEdit, replaceScalarEdit } from '../../../text/yamlEdits';
import { rangeOfNode } from '../../../text/yamlDocuments';
import { quoted } from '../../../text/quote';
import type { Finding, Rule } from '../rule';

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;
/** Ignition's default for a file without mode. */
const DEFAULT_FILE_MODE = 0o644;
const KEYFILE_MODE = 0o600;

/**
 * storage.files[].mode as the cluster reads it (YAML 1.1: `0644` is octal 420, `644` is
 * decimal 644 = 0o1204). The MCO refuses modes above 0777 (setuid, setgid, sticky bits);
 * NetworkManager ignores keyfiles others can read; a script needs an execute bit.
 */
export const fileMode: Rule = {
  id: 'file-mode',
  check({ ignition: mc, kind, text, report }) {
    if (!mc) return;
    const butane = kind === butaneKind;
    for (const file of mc.files) {
      const keyfile = file.pathValue !== undefined && isKeyfilePath(file.pathValue);
      const mode = readMode(file, text, keyfile, butane, report);
      if (mode === 'invalid') continue;
      if (keyfile) checkKeyfile(file, mode, text, report);
      else checkScript(file, mode, text, report);
    }
  },
};

/** The mode as a number (undefined when absent), or 'invalid' after reporting why. */
function readMode(file: FileModel, text: string, keyfile: boolean, butane: boolean, report: (f: Finding) => void): number | undefined | 'invalid' {
  const node = file.mode;
  if (!node || node.value === null) return undefined;
  const written = node.range ? text.slice(node.range[0], node.range[1]) : String(node.value);
  // Butane reads YAML with go-yaml v3, for which `0o644` is octal too.
  const value = butane && typeof node.value === 'string' && /^0o[0-7]+$/.test(node.value) ? parseInt(node.value.slice(2), 8) : node.value;
  // A Butane mode written in decimal is butane-mode-decimal's finding (one finding per fact).
  if (butane && typeof value === 'number' && decimalWrittenModeMeant(written, value) !== undefined) return 'invalid';
  const fixTo = (intended: number | undefined, safe: boolean): Fix[] => {
    if (intended === undefined) return [];
    const target = keyfile ? KEYFILE_MODE : intended;
    const edit = replaceScalarEdit(node, String(target));
    const why = keyfile && target !== intended ? ', as NetworkManager needs for a keyfile' : '';
    return edit ? [{ title: `Use ${target} (= ${octal(target)}${why})`, edits: [edit], safe }] : [];
  };
  if (typeof value === 'string') {
    // "0644" or "644" in quotes: the intent is octal, but Ignition wants a number.
    const intended = /^0?[0-7]{3}$/.test(value.trim()) ? parseInt(value.trim(), 8) : undefined;
    report({
      severity: 'error',
      message: `mode must be a number, not the string ${quoted(value, 16)}: the config is refused; write ${intended !== undefined ? `${intended} (= ${octal(intended)})` : 'a number such as 420 (= 0644)'}.`,
      range: rangeOfNode(node),
      fixes: fixTo(intended, true),
    });
    return 'invalid';
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    report({ severity: 'error', message: `mode ${quoted(written, 30)} is not a file mode: write a number such as 420 (= 0644).`, range: rangeOfNode(node) });
    return 'invalid';
  }
  if (value > 0o777) {
    // `644` meant as octal: decimal digits that are all octal digits, without a leading 0.
    const intended = /^[1-7][0-7]{2}$/.test(written) ? parseInt(written, 8) : undefined;
    const bits = [value & 0o4000 ? 'setuid' : '', value & 0o2000 ? 'setgid' : '', value & 0o1000 ? 'sticky' : ''].filter(Boolean).join(', ');
    const decimal = /^[0-9]+$/.test(written) && !written.startsWith('0');
    const what = `${decimal ? `is ${octal(value)} in octal, with` : 'has'} the ${bits || 'special'} bit${bits.includes(',') ? 's' : ''}`;
    const meant = intended === undefined ? '' : keyfile ? ': a keyfile needs 0600' : `: write 0${written} or ${intended}`;
    report({
      severity: 'error',
      message: `mode ${written} ${what}, which the Machine Config Operator refuses${meant}.`,
      range: rangeOfNode(node),
      data: intended !== undefined ? { intended } : undefined,
      fixes: fixTo(intended, true),
    });
    return 'invalid';
  }
  return value;
}

function checkKeyfile(file: FileModel, mode: number | undefined, text: string, report: (f: Finding) => void): void {
  const effective = mode ?? DEFAULT_FILE_MODE;
  if ((effective & 0o077) === 0) return;
  const edit = file.mode ? replaceScalarEdit(file.mode, String(KEYFILE_MODE)) : insertPairEdit(text, file.node, 'mode', String(KEYFILE_MODE));
  report({
    severity: 'warning',
    message: `NetworkManager ignores this keyfile, which group or others can read ${mode === undefined ? 'at the default 0644: add' : `with mode ${octal(effective)}: use`} mode 384 (= 0600).`,
    range: rangeOfNode(file.mode ?? file.path ?? file.node),
    fixes: edit ? [{ title: `${file.mode ? 'Use' : 'Add'} mode 384 (= 0600)`, edits: [edit], safe: true }] : undefined,
  });
}

function checkScript(file: FileModel, mode: number | undefined, text: string, report: (f: Finding) => void): void {
  if (!file.text?.value.startsWith('#!')) return;
  const effective = mode ?? DEFAULT_FILE_MODE;
  if ((effective & 0o111) !== 0) return;
  const executable = effective | 0o111;
  const edit = file.mode ? replaceScalarEdit(file.mode, String(executable)) : insertPairEdit(text, file.node, 'mode', String(executable));
  report({
    severity: 'warning',
    message: `${mode === undefined ? 'This script is written 0644 without mode' : `This script's mode ${octal(effective)} has no execute bit`}, so a unit that runs it fails with "Permission denied": ${mode === undefined ? 'add mode' : 'use'} ${executable} (= ${octal(executable)}).`,
    range: rangeOfNode(file.mode ?? file.path ?? file.node),
    // Not safe: who may execute a file is the author's decision.
    fixes: edit ? [{ title: `${file.mode ? 'Use' : 'Add'} mode ${executable} (= ${octal(executable)})`, edits: [edit], safe: false }] : undefined,
  });
}
