import { Composer, CST, Document, isCollection, isMap, isNode, isPair, isScalar, isSeq, Node, Pair, Parser, Scalar, YAMLMap, YAMLParseError, YAMLSeq } from 'yaml';
import { blockYamlTokens } from './blockYamlTokens';
import type { FileRange } from './embeddedText';

export type YamlDocument = Document.Parsed;

/**
 * Parses every document of a file. `oc` decodes manifests as YAML 1.1 (sigs.k8s.io/yaml
 * on go-yaml v2), so the core does too: `0644` is octal, `yes` is a boolean, `3.1` a number.
 * With `offset`, `text` is the part of a file that starts there (a document chunk), and
 * every range of the parse is an offset in that file.
 */
export function parseYamlDocuments(text: string, options: { ownDuplicateCheck?: boolean; offset?: number } = {}): YamlDocument[] {
  // The library makes an Error for every problem it finds (one misindented line of a
  // 100-line document gives about a hundred), and V8 records a stack trace for each: three
  // quarters of the parse of such a document, on every keystroke that leaves it broken.
  // Their code, message and place are read, never their stack: parsed without traces.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return composeAll(text, options);
  } catch {
    // A bug that throws is reported with its stack: the same parse again, traced.
    Error.stackTraceLimit = limit;
    return composeAll(text, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function composeAll(text: string, options: { ownDuplicateCheck?: boolean; offset?: number }): YamlDocument[] {
  // The library finds a duplicate key by comparing it with every earlier key of its
  // mapping: a mapping of 24,000 keys took 3.5 s. The check is made here instead, in
  // linear time, with the same error (at the key itself; after the parser's other errors).
  const own = options.ownDuplicateCheck ?? true;
  // parseAllDocuments without its line counter (prettyErrors: false), and with the tokens
  // counted from `offset`: every node, document and error carries file offsets, where
  // shifting a parse of a chunk into place walked every node once more. The tokens are
  // ours for the block style manifests are written in (blockYamlTokens.ts: the library
  // parser's own, made in one pass), the library parser's for anything else.
  const offset = options.offset ?? 0;
  const composer = new Composer({ version: '1.1', keepSourceTokens: true, uniqueKeys: !own });
  const documents = Array.from(composer.compose(blockYamlTokens(text, offset) ?? libraryTokens(text, offset))) as YamlDocument[];
  for (const document of documents) settleTree(document, own);
  return documents;
}

function libraryTokens(text: string, offset: number): Iterable<CST.Token> {
  const parser = new Parser();
  parser.offset = offset;
  return parser.parse(text);
}

/**
 * One walk over a parsed document for two things. Source tokens are kept by the parser
 * for one fact: the indentation a block scalar's explicit indentation indicator counts
 * from. That is recorded and the tokens let go (a fifth of a parse's memory, which the
 * garbage collector would otherwise keep moving; set to undefined, not deleted, which
 * would slow every later read of the node). And, with `duplicates`, the DUPLICATE_KEY
 * errors the library's uniqueKeys finds (scalar keys equal by value), in document order.
 * A walk of its own rather than forEachNode: it runs on every node of every parse, where a
 * callback per node and a stack of unknowns cost about a tenth of the parse.
 */
function settleTree(document: YamlDocument, duplicates: boolean): void {
  const found: YAMLParseError[] = [];
  settleNode(document.contents, duplicates, found);
  if (found.length > 0) document.errors.push(...found.sort((a, b) => a.pos[0] - b.pos[0]));
}

function settleNode(node: unknown, duplicates: boolean, found: YAMLParseError[]): void {
  if (isScalar(node)) {
    const token = node.srcToken;
    node.srcToken = undefined;
    // Only a header with an indicator reads it (a map of every block scalar cost more than the rest of this walk).
    if (token?.type === 'block-scalar' && hasIndentationIndicator(token)) blockIndents.set(node, token.indent);
    return;
  }
  if (!isNode(node)) return;
  node.srcToken = undefined;
  if (!isCollection(node)) return;
  const items = node.items as unknown[];
  for (const item of items) {
    if (isPair(item)) {
      // Pairs of a mapping hold their item's tokens too.
      (item as { srcToken?: unknown }).srcToken = undefined;
      settleNode(item.key, duplicates, found);
      settleNode(item.value, duplicates, found);
    } else settleNode(item, duplicates, found);
  }
  if (duplicates && isMap(node)) findDuplicateKeys(node, found);
}

/** Most mappings have a few keys: compared pairwise below this many, without a set to allocate. */
const SMALL_MAP = 8;

/** DUPLICATE_KEY for each scalar key equal (===, as the library compares) to an earlier one of the mapping. */
function findDuplicateKeys(map: YAMLMap, found: YAMLParseError[]): void {
  const items = map.items;
  const duplicate = (pair: Pair) => {
    const at = (pair.key as Scalar).range![0];
    found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
  };
  if (items.length <= SMALL_MAP) {
    for (let i = 1; i < items.length; i++) {
      const value = comparableKey(items[i]);
      if (value === NOT_COMPARED) continue;
      for (let j = 0; j < i; j++) {
        if (comparableKey(items[j]) === value) {
          duplicate(items[i]);
          break;
        }
      }
    }
    return;
  }
  const seen = new Set<unknown>();
  for (const pair of items) {
    const value = comparableKey(pair);
    if (value === NOT_COMPARED) continue;
    if (seen.has(value)) duplicate(pair);
    else seen.add(value);
  }
}

const NOT_COMPARED = Symbol('not-compared');

/** The value a key is compared by, or NOT_COMPARED when it is not a scalar with a place, or is NaN (the library compares with ===: NaN is never equal to itself). */
function comparableKey(pair: Pair): unknown {
  const key = pair.key;
  if (!isScalar(key) || !key.range) return NOT_COMPARED;
  const value = key.value;
  return typeof value === 'number' && Number.isNaN(value) ? NOT_COMPARED : value;
}

/** Whether a block scalar's header (`|2-`, `>1`) has an explicit indentation indicator. */
function hasIndentationIndicator(token: CST.BlockScalar): boolean {
  const header = token.props.find((prop) => prop.type === 'block-scalar-header');
  return header !== undefined && 'source' in header && /[1-9]/.test(header.source);
}

const blockIndents = new WeakMap<Scalar, number>();

/**
 * The indentation the explicit indentation indicator of a block scalar (`|2`) counts from:
 * that of the collection it sits in. 0 for a block scalar without one, which needs none.
 */
export function blockScalarParentIndent(node: Scalar): number {
  const recorded = blockIndents.get(node);
  if (recorded !== undefined) return recorded;
  // Parsed elsewhere, with its tokens still on.
  const token = node.srcToken as { indent?: unknown } | undefined;
  return typeof token?.indent === 'number' ? token.indent : 0;
}

/**
 * Every node of a document (keys included), parents before children, in document order.
 * A direct recursive walk: the library's `visit` builds a path for every node, which cost
 * more than most of the checks that walk, and a stack of pairs and nodes to pop cost a
 * fifth of the placeholder rule. Its depth is the document's nesting, which the composer
 * has already recursed through (and limits.ts bounds).
 */
export function forEachNode(document: YamlDocument, fn: (node: Node) => void): void {
  visitNode(document.contents, fn);
}

function visitNode(item: unknown, fn: (node: Node) => void): void {
  if (!isNode(item)) return;
  fn(item);
  if (!isCollection(item)) return;
  for (const child of item.items as unknown[]) {
    if (isPair(child)) {
      visitNode(child.key, fn);
      visitNode(child.value, fn);
    } else visitNode(child, fn);
  }
}

/** The pair of `map` whose key is the scalar `key`. */
export function pairOf(map: YAMLMap | undefined, key: string): Pair<Scalar, Node | null> | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair<Scalar, Node | null>;
  }
  return undefined;
}

export function mapAt(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const value = pairOf(map, key)?.value;
  return isMap(value) ? value : undefined;
}

export function seqAt(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
  const value = pairOf(map, key)?.value;
  return isSeq(value) ? value : undefined;
}

export function scalarAt(map: YAMLMap | undefined, key: string): Scalar | undefined {
  const value = pairOf(map, key)?.value;
  return isScalar(value) ? value : undefined;
}

/** The scalar's value as a string when it is a string, e.g. not `3.1` read as a number. */
export function stringValue(node: Scalar | undefined): string | undefined {
  return node && typeof node.value === 'string' ? node.value : undefined;
}

/** The characters of a node's value (not its trailing comment). */
export function rangeOfNode(node: Node | null | undefined, fallback: FileRange = { start: 0, end: 0 }): FileRange {
  const range = node?.range;
  if (!range) return fallback;
  return { start: range[0], end: Math.max(range[0], range[1]) };
}

/** The keys of a map that are scalars, with their pairs. */
export function keyedPairs(map: YAMLMap): Pair<Scalar, Node | null>[] {
  return map.items.filter((item): item is Pair<Scalar, Node | null> => isPair(item) && isScalar(item.key));
}
