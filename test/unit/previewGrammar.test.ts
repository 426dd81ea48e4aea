// The grammar of the preview documents (language mcroutes-preview,
// syntaxes/mcroutes-preview.tmLanguage.json), on the engine of VS Code 1.100, over previews the
// core renders: the seed's unit preview as the editor titles it, the Butane seed's (whose
// compiled MachineConfig is YAML with the unit injection in it), the NMState example's, a
// keyfile's, and a pool preview. And the manifest: the language, its grammar, word wrap.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import type * as tm from 'vscode-textmate';
import { lintText } from '../../server/src/core/analysis/lint';
import { renderPreview } from '../../server/src/core/ide/preview';
import { renderPool } from '../../server/src/core/ide/poolPreview';
import { DEFAULT_SETTINGS } from '../../server/src/core/text/settings';
import { contributedGrammars, createRegistry, describeTokens, loadOniguruma, ROOT, tokenizeLines, type LineTokens } from '../support/textmate';
import { fixture, SEED } from '../support/seed';
import { seedPreview } from '../support/seedPreview';

const LANGUAGE = 'mcroutes-preview';
const SCOPE = 'text.preview.mcroutes';
const GRAMMAR = path.join(ROOT, 'syntaxes', 'mcroutes-preview.tmLanguage.json');
const example = (name: string): string => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');

function previewOf(text: string, source: string): string {
  const result = lintText(text, DEFAULT_SETTINGS);
  return renderPreview(result.parsed, DEFAULT_SETTINGS, result.problems, {}, source);
}

/** The tokenized lines of a text, and the scopes at a piece of one of them. */
class Tokenized {
  readonly lines: LineTokens[];
  constructor(grammar: tm.IGrammar, readonly text: string) {
    this.lines = tokenizeLines(grammar, text.split('\n'));
  }

  /** The line that starts with `start` (the `nth` such line, from 0). */
  line(start: string, nth = 0): LineTokens {
    const found = this.lines.filter((l) => l.text.startsWith(start))[nth];
    assert.ok(found, `a line starting with ${JSON.stringify(start)}:\n${this.text}`);
    return found;
  }

  /** Asserts that every character of `piece` (the `occurrence`-th in the line) carries each of `scopes`. */
  has(line: LineTokens, piece: string, scopes: string[], occurrence = 0): void {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = line.text.indexOf(piece, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(piece)} in ${JSON.stringify(line.text)}`);
    for (const token of line.tokens) {
      if (token.endIndex <= at || token.startIndex >= at + piece.length) continue;
      for (const scope of scopes) {
        assert.ok(token.scopes.includes(scope), `${JSON.stringify(piece)} in ${JSON.stringify(line.text)} should be ${scope}:\n${describeTokens(line)}`);
      }
    }
  }
}

describe('preview grammar (language mcroutes-preview)', function () {
  this.timeout(20_000);
  let grammar: tm.IGrammar;
  before(async () => {
    await loadOniguruma();
    const loaded = await createRegistry(true).loadGrammar(SCOPE);
    assert.ok(loaded, `the registry loads ${SCOPE}`);
    grammar = loaded;
  });

  describe('the manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { languages: { id: string; extensions?: string[]; filenames?: string[] }[]; configurationDefaults: Record<string, Record<string, unknown>> };
    };

    it('contributes the language by id only (no file name or extension claims it: the client sets it on preview documents)', () => {
      const language = manifest.contributes.languages.find((l) => l.id === LANGUAGE);
      assert.ok(language, 'a contributes.languages entry for mcroutes-preview');
      assert.equal(language.extensions, undefined);
      assert.equal(language.filenames, undefined);
    });

    it('contributes its grammar for the language, and long lines wrap in it', () => {
      const ours = contributedGrammars().filter((g) => g.scopeName === SCOPE);
      assert.equal(ours.length, 1);
      assert.equal(ours[0].language, LANGUAGE);
      assert.equal(ours[0].path, GRAMMAR);
      assert.deepEqual(manifest.contributes.configurationDefaults[`[${LANGUAGE}]`], { 'editor.wordWrap': 'on' });
    });

    it('has only regular expressions that Oniguruma compiles', () => {
      const bad: string[] = [];
      const visit = (node: unknown, where: string): void => {
        if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
        if (!node || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
            try {
              new oniguruma.OnigScanner([value]).dispose();
            } catch (err) {
              bad.push(`${where}.${key}: ${(err as Error).message}`);
            }
          } else visit(value, `${where}.${key}`);
        }
      };
      visit(JSON.parse(fs.readFileSync(GRAMMAR, 'utf8')), '$');
      assert.deepEqual(bad, []);
    });
  });

  describe('the seed\'s preview, as the editor shows it', () => {
    let t: Tokenized;
    before(() => {
      const text = previewOf(SEED, 'seed-route.yaml');
      assert.equal(text, seedPreview('seed-route.yaml'), 'the real preview');
      t = new Tokenized(grammar, text);
    });

    it('the title, the document and the unit headings', () => {
      t.has(t.line('Preview of '), 'Preview of unit nmcli-dev-modify.service in seed-route.yaml', ['markup.heading.title.preview.mcroutes']);
      t.has(t.line('Problems checked for'), 'OVNKubernetes', ['comment.line.assumptions.preview.mcroutes']);
      const document = t.line('MachineConfig ');
      t.has(document, 'MachineConfig', ['entity.name.type.kind.preview.mcroutes']);
      t.has(document, 'worker-custom-route-configuration', ['markup.heading.document.preview.mcroutes', 'entity.name.document.preview.mcroutes']);
      const unit = t.line('== unit ');
      t.has(unit, 'unit', ['keyword.other.entry.preview.mcroutes']);
      t.has(unit, 'nmcli-dev-modify.service', ['entity.name.section.preview.mcroutes']);
      t.has(t.line('path:'), 'path', ['support.type.property-name.preview.mcroutes']);
    });

    it('the contents as a unit: sections, directives, the ExecStart command line and its route', () => {
      t.has(t.line('----- contents'), '----- contents, as the node has them -----', ['comment.line.delimiter.preview.mcroutes']);
      t.has(t.line('[Unit]'), 'Unit', ['meta.embedded.block.unit.mcroutes', 'entity.name.section.unit.mcroutes']);
      const after = t.line('After=');
      t.has(after, 'After', ['keyword.other.directive.unit.mcroutes']);
      t.has(after, 'network-online.target', ['string.unquoted.value.unit.mcroutes']);
      const exec = t.line('ExecStart=');
      t.has(exec, 'ExecStart', ['keyword.other.directive.unit.mcroutes']);
      t.has(exec, 'nmcli', ['support.function.command.mcroutes']);
      t.has(exec, 'modify', ['keyword.other.subcommand.nmcli.mcroutes']);
      t.has(exec, 'ipv4.routes', ['variable.parameter.property.nmcli.mcroutes']);
      t.has(exec, '192.168.1.0', ['constant.numeric.ip-address.ipv4.mcroutes']);
      t.has(exec, '172.18.0.1', ['constant.numeric.ip-address.ipv4.mcroutes']);
      t.has(t.line('----- end of contents'), '----- end of contents -----', ['comment.line.delimiter.preview.mcroutes']);
    });

    it('the argv lines, the ip route command and the route line', () => {
      t.has(t.line('ExecStart ('), 'ExecStart', ['keyword.other.directive.unit.mcroutes']);
      const argv = t.line('  argv[5]');
      t.has(argv, 'argv[5]', ['variable.parameter.argv.preview.mcroutes']);
      t.has(argv, '192.168.1.0', ['constant.numeric.ip-address.ipv4.mcroutes']);
      t.has(t.line('Routes it should produce'), 'Routes it should produce, once it has run:', ['markup.heading.routes.preview.mcroutes']);
      const prompt = t.line('  $ ');
      t.has(prompt, '$', ['punctuation.definition.prompt.preview.mcroutes']);
      t.has(prompt, 'route', ['keyword.other.subcommand.ip.mcroutes']);
      const route = t.line('  192.168.1.0/24 via');
      t.has(route, '192.168.1.0', ['meta.route.preview.mcroutes', 'constant.numeric.ip-address.ipv4.mcroutes']);
      t.has(route, 'via', ['entity.other.attribute-name.route.mcroutes']);
      t.has(route, '100', ['constant.numeric.metric.mcroutes']);
      t.has(t.line('  (metric 100'), '(metric 100', ['comment.line.note.preview.mcroutes']);
    });

    it('each finding: its place, its severity, its rule id', () => {
      t.has(t.line('Problems in this unit'), 'Problems in this unit', ['markup.heading.problems.preview.mcroutes']);
      const warning = t.line('  25:14 warning');
      t.has(warning, '25:14', ['constant.numeric.position.preview.mcroutes']);
      t.has(warning, 'warning', ['markup.deleted.severity.warning.preview.mcroutes']);
      t.has(warning, 'unit-network-online', ['constant.other.rule-id.preview.mcroutes']);
      t.has(warning, 'only orders', ['meta.message.preview.mcroutes']);
      t.has(t.line('  28:14 info'), 'info', ['markup.inserted.severity.info.preview.mcroutes']);
      t.has(t.line('  29:30 hint'), 'hint', ['comment.severity.hint.preview.mcroutes']);
      const elsewhere = t.line('Elsewhere in the file');
      t.has(elsewhere, '17:5', ['constant.numeric.position.preview.mcroutes']);
      t.has(elsewhere, 'ign-unknown-key', ['constant.other.rule-id.preview.mcroutes']);
      t.has(elsewhere, 'info', ['markup.inserted.severity.info.preview.mcroutes']);
    });

    it('an error finding and a route not added', () => {
      const bad = new Tokenized(grammar, previewOf(fixture('cases/keyfile-routes.yaml'), 'keyfile-routes.yaml'));
      const notAdded = bad.line('  not added: 192.168.2.0/33');
      bad.has(notAdded, 'not added', ['markup.deleted.not-added.preview.mcroutes']);
      bad.has(notAdded, 'route-cidr', ['constant.other.rule-id.preview.mcroutes']);
      const error = bad.lines.find((l) => / error route-cidr /.test(l.text));
      assert.ok(error, bad.text);
      bad.has(error, 'error', ['invalid.illegal.severity.error.preview.mcroutes']);
      // A keyfile's contents read as a unit file reads: [connection], key=value.
      bad.has(bad.line('[connection]'), 'connection', ['meta.embedded.block.unit.mcroutes', 'entity.name.section.unit.mcroutes']);
      bad.has(bad.line('== file '), '/etc/NetworkManager/system-connections/ens5.nmconnection', ['entity.name.section.preview.mcroutes']);
    });
  });

  it('a Butane preview: the compiled MachineConfig is YAML, and its unit is highlighted in it as in a YAML file', () => {
    const t = new Tokenized(grammar, previewOf(example('seed-route.bu'), 'seed-route.bu'));
    t.has(t.line('Butane config '), 'Butane config', ['entity.name.type.kind.preview.mcroutes']);
    t.has(t.line('kind: MachineConfig'), 'kind', ['meta.embedded.block.yaml.preview.mcroutes', 'entity.name.tag.yaml']);
    const yamlUnit = t.line('            [Unit]');
    t.has(yamlUnit, 'Unit', ['meta.embedded.block.yaml.preview.mcroutes', 'entity.name.section.unit.mcroutes']);
    t.has(t.line('            ExecStart='), '172.18.0.1', ['constant.numeric.ip-address.ipv4.mcroutes']);
    t.has(t.line('----- end of MachineConfig'), '----- end of MachineConfig -----', ['comment.line.delimiter.preview.mcroutes']);
    // After the YAML: the preview's own lines again.
    t.has(t.line('== unit '), 'nmcli-dev-modify.service', ['entity.name.section.preview.mcroutes']);
    t.has(t.line('[Unit]'), 'Unit', ['entity.name.section.unit.mcroutes']);
  });

  it('an NMState policy\'s preview: its heading, nodes and route lines', () => {
    const t = new Tokenized(grammar, previewOf(example('nncp-route.yaml'), 'nncp-route.yaml'));
    t.has(t.line('NodeNetworkConfigurationPolicy '), 'ens6-static-routes', ['entity.name.document.preview.mcroutes']);
    t.has(t.line('nodes:'), 'nodes', ['support.type.property-name.preview.mcroutes']);
    const route = t.line('  192.168.60.0/24');
    t.has(route, 'dev', ['entity.other.attribute-name.route.mcroutes']);
    t.has(route, '150', ['constant.numeric.metric.mcroutes']);
    t.has(t.line('  17:24 warning'), 'route-host-bits', ['constant.other.rule-id.preview.mcroutes']);
  });

  it('a pool preview: its title, the configs in merge order, an entry and the routes of all sources', () => {
    const files = [['examples/seed-route.yaml', SEED], ['examples/nncp-route.yaml', example('nncp-route.yaml')]].map(([name, text]) => {
      const result = lintText(text, DEFAULT_SETTINGS);
      return { name, parsed: result.parsed, problems: result.problems };
    });
    const t = new Tokenized(grammar, renderPool(files, 'worker', DEFAULT_SETTINGS));
    t.has(t.line('Pool worker:'), 'Pool worker:', ['markup.heading.title.preview.mcroutes']);
    t.has(t.line('Merge order:'), 'Merge order', ['support.type.property-name.preview.mcroutes']);
    const config = t.line('  1. ');
    t.has(config, '1.', ['markup.list.numbered.preview.mcroutes']);
    t.has(config, 'worker-custom-route-configuration', ['entity.name.document.preview.mcroutes']);
    t.has(t.line('== NodeNetworkConfigurationPolicy '), 'ens6-static-routes', ['entity.name.section.preview.mcroutes']);
    t.has(t.line('Routes on every worker node'), 'Routes on every worker node', ['markup.heading.routes.preview.mcroutes']);
    t.has(t.line('  192.168.50.0/24', 1), '192.168.50.0', ['constant.numeric.ip-address.ipv4.mcroutes']);
  });

  it('claims every line of every preview of the project\'s YAML files (nothing is left unscoped)', () => {
    const unclaimed: string[] = [];
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return ['snapshots', 'neovim'].includes(entry.name) ? [] : walk(full);
      return /\.(ya?ml|bu)$/.test(entry.name) && fs.statSync(full).size < 200_000 ? [full] : [];
    });
    const files = [...walk(path.join(ROOT, 'test', 'fixtures')), ...walk(path.join(ROOT, 'examples'))];
    assert.ok(files.length > 50, `${files.length} files`);
    for (const file of files) {
      const text = previewOf(fs.readFileSync(file, 'utf8'), path.basename(file));
      for (const line of tokenizeLines(grammar, text.split('\n'))) {
        if (line.text.trim() === '' || line.tokens.some((t) => t.scopes.some((s) => s.endsWith('.mcroutes') || s.endsWith('.yaml')))) continue;
        unclaimed.push(`${path.relative(ROOT, file)}: ${JSON.stringify(line.text)}`);
      }
    }
    assert.deepEqual(unclaimed.slice(0, 10), []);
  });
});
