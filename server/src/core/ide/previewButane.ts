import { butaneToMachineConfig } from '../kinds/butane/translate';
import type { ButaneModel } from '../kinds/butane/model';
import { mapAt, scalarAt, stringValue } from '../text/yamlDocuments';
import type { Output } from './previewText';

/**
 * The Butane part of the preview (preview.ts): a Butane config's heading and the MachineConfig
 * it compiles to by our translation (kinds/butane/translate.ts), before its units and files,
 * which preview.ts shows as for a MachineConfig — read from the Butane file itself, so their
 * lines and findings are the Butane file's.
 *
 *     Butane config <metadata.name> (document <n>, line <l>), variant <v>, version <ver>, role <role>
 *
 *     It compiles to this MachineConfig (mcroutes' translation; butane itself may write file
 *     contents gzip-compressed and base64-encoded instead of percent-encoded):
 *     ----- MachineConfig -----
 *     <the YAML>
 *     ----- end of MachineConfig -----
 *     Not translated: <note>                   (each note of the translation)
 */
export function renderButaneHeading(model: ButaneModel, documentText: string, index: number, documents: number, out: Output, compiled: boolean): void {
  const name = stringValue(scalarAt(model.metadata, 'name'));
  const role = stringValue(scalarAt(mapAt(model.metadata, 'labels'), 'machineconfiguration.openshift.io/role'));
  const where = `${documents > 1 ? `document ${index + 1}, ` : ''}line ${out.lineOf(model.root.range?.[0] ?? 0)}`;
  const variant = String(model.variant.value && 'value' in model.variant.value ? model.variant.value.value : '');
  const version = model.version?.value && 'value' in model.version.value ? String(model.version.value.value) : '(no version)';
  out.blank();
  out.line(`Butane config ${name ?? '(no metadata.name)'} (${where}), variant ${variant}, version ${version}${role ? `, role ${role}` : ''}`);
  if (!compiled) return;
  const translation = butaneToMachineConfig(documentText);
  out.blank();
  out.line('It compiles to this MachineConfig (mcroutes\' translation; butane itself may write file contents');
  out.line('gzip-compressed and base64-encoded instead of percent-encoded):');
  out.line('----- MachineConfig -----');
  const body = translation.text.endsWith('\n') ? translation.text.slice(0, -1) : translation.text;
  for (const line of body.split('\n')) if (!line.startsWith('# ')) out.line(line);
  out.line('----- end of MachineConfig -----');
  for (const note of translation.notes) out.line(`Not translated: ${note}`);
}
