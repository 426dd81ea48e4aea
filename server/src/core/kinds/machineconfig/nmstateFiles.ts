import { isMap } from 'yaml';
import { embeddedSource, readNmstateState, type NmstateState } from '../../formats/nmstateState';
import type { EmbeddedText, FileRange } from '../../text/embeddedText';
import { parseYamlDocuments } from '../../text/yamlDocuments';

/**
 * An nmstate file inside a MachineConfig: `nmstate-configuration.service` applies
 * /etc/nmstate/openshift/cluster.yml (every node of the pool) or <hostname>.yml (one node)
 * at boot, the customized br-ex of bare-metal clusters. Files elsewhere under /etc/nmstate/
 * are read too, so their routes are checked and the path rule can say nothing applies them.
 */
export const NMSTATE_DIRECTORY = '/etc/nmstate/';
export const NMSTATE_OPENSHIFT_DIRECTORY = '/etc/nmstate/openshift/';

/** A path under /etc/nmstate/ that names a YAML file (`.yml` or `.yaml`). */
export function isNmstateFilePath(path: string): boolean {
  return path.startsWith(NMSTATE_DIRECTORY) && /\.ya?ml$/.test(path);
}

export interface NmstateFile {
  /** The state, when the decoded text is one YAML mapping. */
  state?: NmstateState;
  /** Why the contents are not an nmstate state (not YAML, not a mapping), at the characters at fault. */
  problem?: { message: string; range: FileRange };
}

/** Reads the decoded contents of an nmstate file; `text` maps to the file (through the data URL). */
export function readNmstateFile(text: EmbeddedText, path: string): NmstateFile {
  const source = embeddedSource(text);
  const documents = parseYamlDocuments(text.value);
  const error = documents.flatMap((document) => document.errors)[0];
  if (error) {
    const [start, end] = error.pos;
    return { problem: { message: `The nmstate file ${path} is not valid YAML (${firstLine(error.message)}): nmstate-configuration.service fails on it.`, range: source.range(start, Math.max(end, start + 1)) } };
  }
  const contents = documents.filter((document) => document.contents !== null);
  if (contents.length !== 1 || !isMap(contents[0].contents)) {
    const whole = source.range(0, text.length);
    const what = contents.length > 1 ? 'holds several YAML documents' : 'is not a mapping of interfaces:, routes:…';
    return { problem: { message: `The nmstate file ${path} ${what}: nmstate reads one state per file.`, range: whole } };
  }
  return { state: readNmstateState(contents[0].contents, source, `the routes.config of ${path}`) };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
