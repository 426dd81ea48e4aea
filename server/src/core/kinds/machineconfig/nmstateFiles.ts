import { isMap, isScalar, type YAMLMap } from 'yaml';
import { embeddedSource, nodeRange, readNmstateState, type NmstateState } from '../../formats/nmstateState';
import type { EmbeddedText, FileRange } from '../../text/embeddedText';
import { quoted } from '../../text/quote';
import { mapAt, pairOf, parseYamlDocuments, scalarAt, stringValue } from '../../text/yamlDocuments';
import { NNCP_KIND, POLICY_KEYS, STATE_KEYS } from '../nmstate/model';

/**
 * An nmstate file inside a MachineConfig: `nmstate-configuration.service` copies
 * /etc/nmstate/openshift/<hostname>.yml (one node) or else cluster.yml (every node of the pool)
 * to /etc/nmstate/ at boot, where `nmstate.service` (`nmstatectl service`) applies every
 * `*.yml`: the customized br-ex of bare-metal clusters. Files elsewhere under /etc/nmstate/
 * are read too, so their routes are checked and the path rule can say what applies them.
 */
export const NMSTATE_DIRECTORY = '/etc/nmstate/';
export const NMSTATE_OPENSHIFT_DIRECTORY = '/etc/nmstate/openshift/';

/** A path under /etc/nmstate/ that names a YAML file (`.yml` or `.yaml`). */
export function isNmstateFilePath(path: string): boolean {
  return path.startsWith(NMSTATE_DIRECTORY) && /\.ya?ml$/.test(path);
}

export interface NmstateFile {
  /** The state, when the decoded text is one YAML mapping (the `desiredState` of a file in the policy format). */
  state?: NmstateState;
  /** Whether the file is in the policy format (`capture:` + `desiredState:`), where capture expressions are filled in. */
  policy?: boolean;
  /** `capture:` of a file in the policy format: the names its state may reference. */
  capture?: YAMLMap;
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
    // The parser marks one character (a duplicate key's first): the word there is what is at fault.
    const word = /^[^\s:,[\]{}#]*/.exec(text.value.slice(start))![0].length;
    return { problem: { message: `This nmstate file is not valid YAML, so nmstate fails on it: ${firstLine(error.message)}.`, range: source.range(start, Math.max(end, start + word, start + 1)) } };
  }
  const contents = documents.filter((document) => document.contents !== null);
  if (contents.length !== 1 || !isMap(contents[0].contents)) {
    const whole = source.range(0, text.length);
    const message = contents.length > 1
      ? 'This nmstate file holds several YAML documents, but nmstate reads one state per file: keep one.'
      : 'This nmstate file is not a mapping, so nmstate reads no state from it: start it with interfaces: or routes:.';
    return { problem: { message, range: whole } };
  }
  const root = contents[0].contents;
  const keys = root.items.map((item) => (isScalar(item.key) ? String(item.key.value) : ''));
  const where = `the routes.config of ${path}`;
  // An empty mapping is an empty state: nmstate applies nothing, and says nothing.
  if (keys.length === 0 || keys.some((key) => STATE_KEYS.has(key))) return { state: readNmstateState(root, source, where) };
  if (keys.some((key) => POLICY_KEYS.has(key))) {
    const file: NmstateFile = { policy: true };
    const capture = mapAt(root, 'capture');
    if (capture) file.capture = capture;
    const desired = mapAt(root, 'desiredState') ?? mapAt(root, 'desired');
    if (desired) file.state = readNmstateState(desired, source, where);
    return file;
  }
  // A whole Kubernetes object pasted in: nmstate knows none of its keys and rejects the file.
  const kindNode = scalarAt(root, 'kind');
  const kind = stringValue(kindNode);
  const at = pairOf(root, 'kind')?.key ?? pairOf(root, 'apiVersion')?.key ?? root.items[0]?.key;
  const range = isScalar(at) ? nodeRange(source, at) : source.range(0, text.length);
  if (kind === NNCP_KIND || mapAt(mapAt(root, 'spec'), 'desiredState')) {
    return { problem: { message: 'This nmstate file holds a whole NodeNetworkConfigurationPolicy: keep only its desiredState, dedented.', range } };
  }
  const message = kind
    ? `This nmstate file holds a ${quoted(kind, 25)} object, which nmstate rejects: write an nmstate state instead.`
    : 'This nmstate file holds none of nmstate\'s keys, so nmstate rejects it: start it with interfaces: or routes:.';
  return { problem: { message, range } };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
