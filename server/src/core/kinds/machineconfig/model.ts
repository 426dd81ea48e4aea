import { isMap, isScalar, Pair, Scalar, YAMLMap, Node } from 'yaml';
import type { EmbeddedText, FileRange } from '../../text/embeddedText';
import { splitExecCommand, ExecCommand } from '../../formats/execCommand';
import { DataUrl, parseDataUrl } from '../../formats/dataUrl';
import { Keyfile, KeyfileRoute, parseKeyfile } from '../../formats/keyfile';
import { NmcliCommand, NmcliRoute, parseNmcli } from '../../formats/nmcli';
import { parseRouteFile, RouteFile, routeFilePath, RouteFileRoute } from '../../formats/routeFile';
import { hasExpansion, isShellScript, parseShellScript, ShellCommand, shellScriptArgument } from '../../formats/shellScript';
import { parseUnitFile, UnitDirective, UnitFile } from '../../formats/unitFile';
import { mapAt, pairOf, rangeOfNode, scalarAt, seqAt, stringValue, YamlDocument } from '../../text/yamlDocuments';
import { embeddedTextOfScalar } from '../../text/yamlScalar';
import type { NmstateRoute } from '../../formats/nmstateState';
import { isNmstateFilePath, readNmstateFile, type NmstateFile } from './nmstateFiles';

export const MACHINECONFIG_API_VERSION = 'machineconfiguration.openshift.io/v1';

/** An Exec*= line of a unit, split as systemd splits it, and read as nmcli if it is one. */
export interface ExecLine {
  directive: UnitDirective;
  command: ExecCommand;
  nmcli?: NmcliCommand;
  /**
   * The simple commands of the script a shell runs here (`/bin/sh -c "…"`, `bash -ec '…'`),
   * each read as nmcli if it is one: a route in there is a route like any other.
   */
  script?: ScriptCommand[];
}

/** Unit text from `contents:` (a unit or one of its dropins). */
export interface UnitText {
  /** The `contents` scalar; its style decides how an edit must be written (see unitEdits.ts). */
  scalar: Scalar;
  text: EmbeddedText;
  file: UnitFile;
  execLines: ExecLine[];
}

export interface DropinModel {
  node: YAMLMap;
  name?: Scalar;
  contents?: UnitText;
}

export interface UnitModel {
  node: YAMLMap;
  name?: Scalar;
  contents?: UnitText;
  dropins: DropinModel[];
}

/** What a MachineConfig says around its Ignition config: apiVersion, kind, metadata (the role label), spec. */
export interface MachineConfigEnvelope {
  document: YamlDocument;
  root: YAMLMap;
  kind: Pair<Scalar, Node | null>;
  apiVersion?: Pair<Scalar, Node | null>;
  metadata?: YAMLMap;
  spec?: YAMLMap;
}

/**
 * An Ignition config with the parts the rules look at: spec.config of a MachineConfig, and
 * (read by the same function) the config a Butane file becomes.
 */
export interface IgnitionConfig {
  /** The config's map (spec.config of a MachineConfig). */
  config?: YAMLMap;
  /** `ignition:`, which holds the version. */
  ignition?: YAMLMap;
  units: UnitModel[];
  /** storage.files. */
  files: FileModel[];
  passwd?: YAMLMap;
  /** `metadata:` of the document that carries the config (a MachineConfig's, a Butane config's): its name and role label. */
  metadata?: YAMLMap;
}

/** A YAML document recognised as a MachineConfig, with the parts the rules look at. */
export interface MachineConfigModel extends MachineConfigEnvelope, IgnitionConfig {}

/** One entry of storage.files, with its contents decoded where a `data:` URL allows. */
export interface FileModel {
  node: YAMLMap;
  path?: Scalar;
  /** The path when it is a string. */
  pathValue?: string;
  mode?: Scalar;
  overwrite?: Scalar;
  contents?: YAMLMap;
  /** contents.source */
  source?: Scalar;
  /** contents.compression */
  compression?: Scalar;
  /** The source read as a `data:` URL (undefined for other schemes). */
  dataUrl?: DataUrl;
  /** contents.inline of a Butane config: the file's text as written. */
  inline?: Scalar;
  /** The decoded file text: set when the source is a valid, uncompressed data URL of text, or from a Butane config's inline. */
  text?: EmbeddedText;
  /** Read as a NetworkManager keyfile, when the path is one (see isKeyfilePath) and the text decodes. */
  keyfile?: Keyfile;
  /** Read as a route file of the ifcfg-rh plugin (/etc/sysconfig/network-scripts/route-NAME or route6-NAME). */
  routeFile?: RouteFile;
  /** The simple commands of a shell script (see isShellScript), each read as nmcli if it is one. */
  scriptCommands?: ScriptCommand[];
  /** Read as an nmstate state, when the path is a YAML file under /etc/nmstate/ (see nmstateFiles.ts). */
  nmstate?: NmstateFile;
}

/** A simple command of a script in storage.files, read as nmcli if it is one. */
export interface ScriptCommand {
  command: ShellCommand;
  nmcli?: NmcliCommand;
}

export const KEYFILE_DIRECTORY = '/etc/NetworkManager/system-connections/';

/** A connection profile NetworkManager's keyfile plugin loads: /etc/NetworkManager/system-connections/<name>.nmconnection. */
export function isKeyfilePath(path: string): boolean {
  return path.startsWith(KEYFILE_DIRECTORY) && path.endsWith('.nmconnection') && !path.slice(KEYFILE_DIRECTORY.length).includes('/') &&
    path.length > KEYFILE_DIRECTORY.length + '.nmconnection'.length;
}

const EXEC_KEYS = /^Exec(Start|StartPre|StartPost|Stop|StopPost|Reload|Condition)$/;

/**
 * A document is ours when `kind` says MachineConfig, spelled in any case (a misspelt
 * kind is a finding, not a reason to stay silent). MachineConfigPool and other kinds
 * of the same API group are not.
 */
export function isMachineConfigRoot(root: unknown): root is YAMLMap {
  if (!isMap(root)) return false;
  const kind = pairOf(root, 'kind');
  const kindValue = stringValue(isScalar(kind?.value) ? kind?.value : undefined);
  return kindValue !== undefined && kindValue.toLowerCase() === 'machineconfig';
}

export function buildMachineConfig(document: YamlDocument, text: string): MachineConfigModel | undefined {
  const root = document.contents;
  if (!isMachineConfigRoot(root)) return undefined;
  const spec = mapAt(root, 'spec');
  return {
    document,
    root,
    kind: pairOf(root, 'kind')!,
    apiVersion: pairOf(root, 'apiVersion'),
    metadata: mapAt(root, 'metadata'),
    spec,
    ...buildIgnitionConfig(mapAt(spec, 'config'), text),
  };
}

/** The parts of an Ignition config the rules look at; `text` is the whole file the map's ranges point into. */
/**
 * How the config writes a file's contents: Ignition (a MachineConfig) only as a URL in
 * `contents.source`; Butane also as text in `contents.inline`, which becomes a data URL when
 * it compiles.
 */
export type ConfigDialect = 'ignition' | 'butane';

export function buildIgnitionConfig(config: YAMLMap | undefined, text: string, dialect: ConfigDialect = 'ignition'): IgnitionConfig {
  const units: UnitModel[] = [];
  for (const item of seqAt(mapAt(config, 'systemd'), 'units')?.items ?? []) {
    if (!isMap(item)) continue;
    const dropins: DropinModel[] = [];
    for (const d of seqAt(item, 'dropins')?.items ?? []) {
      if (isMap(d)) dropins.push(new UnitEntry(d, scalarAt(d, 'name'), scalarAt(d, 'contents'), text));
    }
    units.push(new UnitWithDropins(item, scalarAt(item, 'name'), scalarAt(item, 'contents'), text, dropins));
  }
  const files: FileModel[] = [];
  for (const item of seqAt(mapAt(config, 'storage'), 'files')?.items ?? []) {
    if (isMap(item)) files.push(fileOf(item, text, dialect));
  }
  return { config, ignition: mapAt(config, 'ignition'), units, files, passwd: mapAt(config, 'passwd') };
}

function fileOf(node: YAMLMap, text: string, dialect: ConfigDialect): FileModel {
  const path = scalarAt(node, 'path');
  const contents = mapAt(node, 'contents');
  const source = scalarAt(contents, 'source');
  const compression = scalarAt(contents, 'compression');
  const file: FileModel = {
    node,
    path,
    pathValue: stringValue(path),
    mode: scalarAt(node, 'mode'),
    overwrite: scalarAt(node, 'overwrite'),
    contents,
    source,
    compression,
  };
  const inline = dialect === 'butane' ? scalarAt(contents, 'inline') : undefined;
  if (inline && typeof inline.value === 'string') {
    file.inline = inline;
    file.text = embeddedTextOfScalar(inline, text);
  } else if (source && typeof source.value === 'string') {
    file.dataUrl = parseDataUrl(embeddedTextOfScalar(source, text));
    const compressed = compression !== undefined && compression.value !== null && compression.value !== '';
    if (file.dataUrl?.decoded && !file.dataUrl.binary && !compressed) file.text = file.dataUrl.decoded;
  }
  if (!file.text) return file;
  const routeFile = file.pathValue ? routeFilePath(file.pathValue) : undefined;
  if (file.pathValue && isKeyfilePath(file.pathValue)) file.keyfile = parseKeyfile(file.text);
  else if (routeFile) file.routeFile = parseRouteFile(file.text, routeFile);
  else if (file.pathValue && isNmstateFilePath(file.pathValue)) file.nmstate = readNmstateFile(file.text, file.pathValue);
  else if (isShellScript(file.pathValue, file.text.value)) file.scriptCommands = scriptCommandsOf(file.text);
  return file;
}

/** The simple commands of a script, each read as nmcli if it is one. */
function scriptCommandsOf(script: EmbeddedText): ScriptCommand[] {
  return parseShellScript(script).map((command) => ({ command, nmcli: parseNmcli(command.argv) }));
}

/**
 * The commands of the `sh -c` scripts of an Exec line, in every command of the line (a lone
 * `;` separates them). The script is the argument as systemd unquoted it, so its map still
 * leads back to the file through the unit text and the YAML scalar.
 */
function execScriptOf(command: ExecCommand): ScriptCommand[] | undefined {
  let script: ScriptCommand[] | undefined;
  let start = 0;
  const argv = command.argv;
  for (let end = 0; end <= argv.length; end++) {
    if (end < argv.length && argv[end].value !== ';') continue;
    const at = shellScriptArgument(argv.slice(start, end));
    if (at !== undefined) (script ??= []).push(...scriptCommandsOf(argv[start + at]));
    start = end + 1;
  }
  return script;
}

/**
 * A unit or drop-in entry whose `contents` is parsed when first read. What reads only the
 * units' names and entries (a preview's targets, the code lenses) then parses no unit, and
 * after an edit of a long file, when the models IncrementalLinter let go are rebuilt, only the
 * units asked for are parsed. A class, not a getter defined on each object: the rules read
 * `contents` in hot loops, where one shape with the getter on its prototype stays fast.
 */
class UnitEntry {
  private source: { scalar: Scalar | undefined; text: string } | undefined;
  private parsed: UnitText | undefined;

  constructor(readonly node: YAMLMap, readonly name: Scalar | undefined, scalar: Scalar | undefined, text: string) {
    this.source = { scalar, text };
  }

  get contents(): UnitText | undefined {
    // Parsed once; the whole text is let go then.
    if (this.source) {
      this.parsed = unitTextOf(this.source.scalar, this.source.text);
      this.source = undefined;
    }
    return this.parsed;
  }
}

class UnitWithDropins extends UnitEntry implements UnitModel {
  constructor(node: YAMLMap, name: Scalar | undefined, scalar: Scalar | undefined, text: string, readonly dropins: DropinModel[]) {
    super(node, name, scalar, text);
  }
}

function unitTextOf(node: Scalar | undefined, text: string): UnitText | undefined {
  if (!node || typeof node.value !== 'string') return undefined;
  const embedded = embeddedTextOfScalar(node, text);
  const file = parseUnitFile(embedded);
  const execLines: ExecLine[] = [];
  for (const section of file.sections) {
    for (const directive of section.directives) {
      if (!EXEC_KEYS.test(directive.key.value)) continue;
      const command = splitExecCommand(directive.value);
      const exec: ExecLine = { directive, command };
      if (!command.error) {
        exec.nmcli = parseNmcli(command.argv);
        const script = execScriptOf(command);
        if (script) exec.script = script;
      }
      execLines.push(exec);
    }
  }
  return { scalar: node, text: embedded, file, execLines };
}

/** Every unit text of the config: units and their dropins. */
export function unitTextsOf(mc: IgnitionConfig): UnitText[] {
  const texts: UnitText[] = [];
  for (const unit of mc.units) {
    if (unit.contents) texts.push(unit.contents);
    for (const dropin of unit.dropins) if (dropin.contents) texts.push(dropin.contents);
  }
  return texts;
}

/**
 * A config the platform generated (a `rendered-<pool>-<hash>` config or one annotated
 * generated-by-controller-version, as 00-worker is), e.g. dumped from a cluster to read:
 * it is not written by hand and not selected by a role label.
 */
export function isGeneratedByPlatform(mc: IgnitionConfig): boolean {
  const name = stringValue(scalarAt(mc.metadata, 'name')) ?? '';
  return name.startsWith('rendered-') || pairOf(mapAt(mc.metadata, 'annotations'), 'machineconfiguration.openshift.io/generated-by-controller-version') !== undefined;
}

/** The range of a pair's key, the usual place for "this key is wrong". */
export function keyRange(pair: Pair<Scalar, Node | null>): FileRange {
  return rangeOfNode(pair.key);
}

/**
 * A route of the config, whatever wrote it. All kinds share the `Route` fields
 * (route.ts); `origin` tells them apart: `property` for nmcli, `entry` for keyfiles,
 * `format` for route files.
 */
export type ConfigRoute = NmcliRoute | KeyfileRoute | RouteFileRoute | NmstateRoute;

/**
 * Every route of the config the route rules judge: nmcli routes of every unit text (its
 * `sh -c` scripts included), then
 * of storage.files in their order: NetworkManager keyfiles, route files and the nmcli
 * commands of scripts. nmcli routes that hold an expansion are left out (see isExpanded).
 */
export const routesOf: (mc: IgnitionConfig) => readonly ConfigRoute[] = oncePerConfig((mc) => collectRoutes(mc));

/**
 * `read` of a config, made once per model: several rules ask for the same reading of one
 * document (its routes, its nmcli commands), and a model never changes.
 */
export function oncePerConfig<T>(read: (mc: IgnitionConfig) => T): (mc: IgnitionConfig) => T {
  const made = new WeakMap<IgnitionConfig, T>();
  return (mc) => {
    let value = made.get(mc);
    if (value === undefined) made.set(mc, (value = read(mc)));
    return value;
  };
}

function collectRoutes(mc: IgnitionConfig): ConfigRoute[] {
  const routes: ConfigRoute[] = [];
  const add = (list: NmcliRoute[]) => {
    for (const route of list) if (!isExpanded(route)) routes.push(route);
  };
  for (const unit of unitTextsOf(mc)) {
    for (const exec of unit.execLines) {
      if (exec.nmcli) add(exec.nmcli.routes);
      for (const command of exec.script ?? []) if (command.nmcli) add(command.nmcli.routes);
    }
  }
  for (const file of mc.files) {
    if (file.keyfile) routes.push(...file.keyfile.routes);
    if (file.routeFile) routes.push(...file.routeFile.routes);
    if (file.nmstate?.state) routes.push(...file.nmstate.state.routes);
    for (const command of file.scriptCommands ?? []) if (command.nmcli) add(command.nmcli.routes);
  }
  return routes;
}

/**
 * An nmcli route that holds a shell or systemd expansion (`$DEST`, `${GW}`, `$(…)`,
 * backquotes): which words it has is only known when the command runs, so a finding
 * about the text `$DEST` would be false. The route rules leave it alone.
 */
export function isExpanded(route: NmcliRoute): boolean {
  return hasExpansion(route.text.value);
}
