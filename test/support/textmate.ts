// Tokenizes YAML the way VS Code 1.100 does: vscode-textmate 9.2 on vscode-oniguruma 1.7
// (the versions VS Code 1.100 ships), with VS Code's own YAML grammar (a copy in
// test/grammar/yaml/, see its LICENSE.md) and, optionally, the grammars this extension
// contributes (read from package.json `contributes.grammars`, as VS Code reads them).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';

export const ROOT = path.resolve(__dirname, '../../..');
const YAML_GRAMMARS = path.join(ROOT, 'test', 'grammar', 'yaml');

export interface ContributedGrammar {
  scopeName: string;
  path: string;
  injectTo?: string[];
  language?: string;
}

/** package.json `contributes.grammars`, paths made absolute. */
export function contributedGrammars(): ContributedGrammar[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const grammars: ContributedGrammar[] = manifest?.contributes?.grammars ?? [];
  return grammars.map((g) => ({ ...g, path: path.resolve(ROOT, g.path) }));
}

let onigLib: Promise<tm.IOnigLib> | undefined;

export function loadOniguruma(): Promise<tm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

/**
 * A registry that knows VS Code's YAML grammars and, if `withExtension`, this extension's
 * grammars; injections are looked up by the root grammar's scope name, as VS Code does.
 */
export function createRegistry(withExtension: boolean): tm.Registry {
  const files = new Map<string, string>();
  for (const file of fs.readdirSync(YAML_GRAMMARS)) {
    if (!file.endsWith('.tmLanguage.json')) continue;
    const full = path.join(YAML_GRAMMARS, file);
    files.set(JSON.parse(fs.readFileSync(full, 'utf8')).scopeName, full);
  }
  const injections = new Map<string, string[]>();
  if (withExtension) {
    for (const g of contributedGrammars()) {
      files.set(g.scopeName, g.path);
      for (const target of g.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), g.scopeName]);
    }
  }
  return new tm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      return file ? tm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => injections.get(scopeName) ?? [],
  });
}

export interface LineTokens {
  text: string;
  tokens: tm.IToken[];
}

/** Every line's tokens, the state carried from line to line as in the editor. */
export function tokenizeLines(grammar: tm.IGrammar, lines: string[]): LineTokens[] {
  let state = tm.INITIAL;
  return lines.map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    return { text, tokens: result.tokens };
  });
}

/** One line's tokens as `text  scope scope …` rows, for failure messages. */
export function describeTokens(line: LineTokens): string {
  return line.tokens
    .map((t) => `    [${t.startIndex},${t.endIndex}) ${JSON.stringify(line.text.slice(t.startIndex, t.endIndex))} ${t.scopes.join(' ')}`)
    .join('\n');
}
