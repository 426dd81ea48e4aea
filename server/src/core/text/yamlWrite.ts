import { Document, isScalar, visit, type Scalar } from 'yaml';

/**
 * Writing YAML for people to read and for `oc` and `butane` to take: the one emitter of the
 * core (the wizard's configs, the MachineConfig ⇄ Butane translation). YAML 1.1 as `oc`
 * reads it, so the library quotes whatever 1.1 would read as another type (a role called
 * `on`, a name `123`); long lines are never folded.
 */
export interface YamlWriteOptions {
  /** Comment lines above the document (without the `#`). */
  comment?: readonly string[];
  /** Scalars written as literal block scalars (`|`), by their path in the object. */
  blockPaths?: readonly (readonly (string | number)[])[];
  /** Every string holding a line break as a literal block scalar (unit text, inline file text). */
  multilineBlocks?: boolean;
  /** Keys whose integer values are written in octal (`mode: 0644`, as Butane configs write modes). */
  octalKeys?: readonly string[];
}

export function writeYaml(object: unknown, options: YamlWriteOptions = {}): string {
  const document = new Document(object, { version: '1.1' });
  if (options.comment && options.comment.length > 0) document.commentBefore = options.comment.map((line) => ` ${line}`).join('\n');
  for (const path of options.blockPaths ?? []) {
    const node = document.getIn(path, true) as Scalar | undefined;
    if (node && isScalar(node)) node.type = 'BLOCK_LITERAL';
  }
  const octal = new Set(options.octalKeys ?? []);
  if (options.multilineBlocks || octal.size > 0) {
    visit(document, {
      Pair(_, pair) {
        if (!isScalar(pair.key) || !isScalar(pair.value)) return;
        const value = pair.value.value;
        if (octal.has(String(pair.key.value)) && typeof value === 'number' && Number.isInteger(value) && value >= 0) pair.value.format = 'OCT';
      },
      Scalar(_, node) {
        if (options.multilineBlocks && typeof node.value === 'string' && node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
      },
    });
  }
  return document.toString({ lineWidth: 0, indentSeq: true });
}
