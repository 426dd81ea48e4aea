// The TextMate injection grammar (syntaxes/mcroutes-unit.injection.tmLanguage.json), tested
// on the engine and YAML grammar of VS Code 1.100:
// - each test/grammar/*.test.yaml is a vscode-tmgrammar-test case: `#` lines of `^^^` or
//   `<---` assert the scopes of the line above (the tool removes them before tokenizing, so
//   they may sit at column 0 inside a block scalar); run by the tool's own runner;
// - on every YAML file of the project, lines the grammar does not claim are tokenized
//   exactly as VS Code's YAML grammar alone tokenizes them;
// - the JSON is what scripts/build-grammar.mjs writes, every regular expression compiles,
//   and package.json contributes it as an injection into source.yaml.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import type * as tm from 'vscode-textmate';
import { parseGrammarTestCase, runGrammarTestCase, type TestFailure } from 'vscode-tmgrammar-test/dist/unit/index';
import {
  ROOT, contributedGrammars, createRegistry, describeTokens, loadOniguruma, tokenizeLines,
} from '../support/textmate';

const GRAMMAR_TESTS = path.join(ROOT, 'test', 'grammar');
const INJECTION = path.join(ROOT, 'syntaxes', 'mcroutes-unit.injection.tmLanguage.json');
const SCOPE = 'mcroutes.injection';

const caseFiles = fs.readdirSync(GRAMMAR_TESTS).filter((f) => f.endsWith('.test.yaml')).sort();

function formatFailures(file: string, source: string[], failures: TestFailure[]): string {
  return failures
    .map((f) => {
      const line = source[f.srcLine] ?? '';
      return [
        `${file}:${f.line + 1}: source line ${f.srcLine + 1} ${JSON.stringify(line)}`,
        `  at [${f.start},${f.end}) ${JSON.stringify(line.slice(f.start, f.end))}`,
        f.missing.length ? `  missing:    ${f.missing.join(' ')}` : '',
        f.unexpected.length ? `  unexpected: ${f.unexpected.join(' ')}` : '',
        `  actual:     ${f.actual.join(' ')}`,
      ].filter(Boolean).join('\n');
    })
    .join('\n');
}

/** Every YAML file of the project a person might open, as lines (grammar cases without their assertions). */
function projectYamlFiles(): { name: string; lines: string[] }[] {
  const out: { name: string; lines: string[] }[] = [];
  for (const file of caseFiles) {
    out.push({ name: `test/grammar/${file}`, lines: parseGrammarTestCase(fs.readFileSync(path.join(GRAMMAR_TESTS, file), 'utf8')).source });
  }
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push({ name: path.relative(ROOT, full), lines: fs.readFileSync(full, 'utf8').split(/\r?\n/) });
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  walk(path.join(ROOT, 'examples'));
  return out;
}

describe('TextMate injection grammar', function () {
  this.timeout(20_000);

  let withExtension: tm.Registry;
  let yamlOnly: tm.Registry;
  before(async () => {
    await loadOniguruma();
    withExtension = createRegistry(true);
    yamlOnly = createRegistry(false);
  });

  it('is what scripts/build-grammar.mjs writes', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-grammar.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  });

  it('is contributed in package.json as an injection into source.yaml', () => {
    const ours = contributedGrammars().filter((g) => g.scopeName === SCOPE);
    assert.equal(ours.length, 1, 'one contributes.grammars entry with scopeName mcroutes.injection');
    assert.equal(ours[0].path, INJECTION);
    assert.deepEqual(ours[0].injectTo, ['source.yaml']);
    assert.equal(ours[0].language, undefined, 'an injection grammar claims no language');
    const grammar = JSON.parse(fs.readFileSync(INJECTION, 'utf8'));
    assert.equal(grammar.scopeName, SCOPE);
    assert.match(grammar.injectionSelector, /^L:source\.yaml\b/);
  });

  it('has only regular expressions that Oniguruma compiles, and only scopes ending in .mcroutes or taken from the YAML grammar', () => {
    const grammar = JSON.parse(fs.readFileSync(INJECTION, 'utf8'));
    const bad: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
          // Back-references in end/while are replaced by the begin's captured text first.
          const source = key === 'end' || key === 'while' ? value.replace(/\\([1-9])/g, 'x') : value;
          try {
            new oniguruma.OnigScanner([source]).dispose();
          } catch (err) {
            bad.push(`${where}.${key}: ${(err as Error).message}`);
          }
        } else if ((key === 'name' || key === 'contentName') && typeof value === 'string' && where !== '$') {
          for (const scope of value.split(' ')) {
            if (!/\.(mcroutes|yaml)$/.test(scope)) bad.push(`${where}.${key}: scope ${scope} ends neither in .mcroutes nor .yaml`);
          }
        } else {
          visit(value, `${where}.${key}`);
        }
      }
    };
    visit(grammar, '$');
    assert.deepEqual(bad, []);
  });

  it('has grammar test cases', () => {
    assert.ok(caseFiles.length >= 5, `test/grammar/*.test.yaml: ${caseFiles.join(', ')}`);
  });

  for (const file of caseFiles) {
    it(`passes the scope assertions of test/grammar/${file}`, async () => {
      const testCase = parseGrammarTestCase(fs.readFileSync(path.join(GRAMMAR_TESTS, file), 'utf8'));
      assert.equal(testCase.metadata.scope, 'source.yaml');
      const count = testCase.assertions.reduce((n, a) => n + a.scopeAssertions.length, 0);
      assert.ok(count > 0, 'the case asserts something');
      const failures = await runGrammarTestCase(withExtension, testCase);
      assert.equal(failures.length, 0, `${failures.length} of ${count} assertions failed:\n${formatFailures(file, testCase.source, failures)}`);
    });
  }

  it('leaves every line it does not claim exactly as the YAML grammar alone tokenizes it (all YAML files of the project)', async () => {
    const withInjection = await withExtension.loadGrammar('source.yaml');
    const plain = await yamlOnly.loadGrammar('source.yaml');
    assert.ok(withInjection && plain);
    const files = projectYamlFiles();
    assert.ok(files.length > 10, `found ${files.length} YAML files`);
    const differences: string[] = [];
    let claimed = 0;
    for (const file of files) {
      const ours = tokenizeLines(withInjection, file.lines);
      const theirs = tokenizeLines(plain, file.lines);
      ours.forEach((line, i) => {
        if (line.tokens.some((t) => t.scopes.some((s) => s.endsWith('.mcroutes')))) {
          claimed++;
          return;
        }
        if (JSON.stringify(line.tokens) !== JSON.stringify(theirs[i].tokens)) {
          differences.push(`${file.name}:${i + 1} ${JSON.stringify(line.text)}\n  with the injection:\n${describeTokens(line)}\n  YAML alone:\n${describeTokens(theirs[i])}`);
        }
      });
    }
    assert.ok(claimed > 100, `the grammar claimed only ${claimed} lines`);
    assert.equal(differences.length, 0, differences.slice(0, 5).join('\n'));
  });
});
