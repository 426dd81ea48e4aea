import type { CST } from 'yaml';
import { LineLexer } from './blockYamlLexer';
import { UNSUPPORTED } from './blockYamlSubset';
import { TreeBuilder } from './blockYamlTree';

/**
 * The concrete syntax tree the `yaml` library's Parser makes of `text`, token for token,
 * when `text` uses only the block style manifests are written in: block mappings and
 * sequences, one-line plain and quoted scalars, block scalars, comments, `{}` and `[]`,
 * `---`. Undefined for anything else (flow collections with items, anchors, tags, aliases,
 * explicit keys, multi-line flow scalars, directives, `...`, tabs, CR, a byte order mark,
 * anything the library's parser would report as an error), which the library's own parser
 * then reads.
 *
 * Why: the library's lexer and parser are generators, a yield per token, and were half of
 * the whole-file validation of a 500-document file. One pass over the characters with
 * plain calls makes the same tokens in a fraction of that, and the library's Composer
 * turns them into the same documents, values, errors and ranges as before. The tokens are
 * the library's documented CST; a test compares them with the library's own, deep-equal,
 * over every fixture and thousands of edits of them.
 *
 * The two halves mirror the library's: a lexer (blockYamlLexer.ts) that decides where
 * tokens end (including how far a block scalar or a plain scalar runs, which depends on the
 * indentation it tracks), and a builder (blockYamlTree.ts) that places each token in the
 * tree (which item's `start`, `sep` or `end` a comment or blank line joins). `offset` is where `text` starts in its
 * file, as Parser.offset.
 */
export function blockYamlTokens(text: string, offset = 0): CST.Token[] | undefined {
  if (!plainText(text)) return undefined;
  const builder = new TreeBuilder(offset);
  try {
    new LineLexer(text, builder).run();
    return builder.finish();
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

/** No tab, carriage return or byte order mark: each changes indentation or line rules. */
function plainText(text: string): boolean {
  return text.indexOf('\t') === -1 && text.indexOf('\r') === -1 && text.charCodeAt(0) !== 0xfeff;
}
