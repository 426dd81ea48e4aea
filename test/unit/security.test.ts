/**
 * Nothing read from a file is ever executed, and nothing goes over the network: the
 * sources call no process, shell, evaluator or network API (read from their syntax trees,
 * so comments and strings do not count); the bundles get `child_process` and `net` only
 * from the language client/server libraries (which start the server and speak over pipes);
 * the manifest's workspace-trust and virtual-workspace declarations match what the code
 * does; the unit preview is a plain-text virtual document, never a webview.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Node modules that start processes, evaluate code or talk to the network. */
const EXECUTING = ['child_process', 'vm', 'worker_threads', 'cluster', 'inspector', 'repl'];
const NETWORK = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns'];
/** Globals that evaluate code or reach the network. */
const FORBIDDEN_CALLS = ['eval', 'fetch', 'Function', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'setTimeoutString', 'importScripts'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(ROOT, dir, f));
}

interface Use {
  file: string;
  line: number;
  what: string;
}

/** Module specifiers imported or required, and calls/constructions of global names, from the syntax tree. */
function usesIn(file: string): { modules: Use[]; calls: Use[] } {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const modules: Use[] = [];
  const calls: Use[] = [];
  const at = (node: ts.Node, what: string): Use => ({ file: path.relative(ROOT, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      modules.push(at(node, node.moduleSpecifier.text));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      modules.push(at(node, node.moduleReference.expression.text));
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        const [arg] = node.arguments;
        modules.push(at(node, arg && ts.isStringLiteralLike(arg) ? arg.text : '<computed>'));
      } else if (ts.isIdentifier(callee)) {
        calls.push(at(node, callee.text));
      } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && ['globalThis', 'window', 'global'].includes(callee.expression.text)) {
        calls.push(at(node, callee.name.text));
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      calls.push(at(node, node.expression.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { modules, calls };
}

const bare = (specifier: string) => specifier.replace(/^node:/, '').split('/')[0];

describe('security: nothing from a file is executed, nothing goes over the network', function () {
  this.timeout(60_000);
  const server = sourceFiles('server/src');
  const client = sourceFiles('client/src');

  it('the sources import no module that runs processes or code, nor any network module', function () {
    const bad: Use[] = [];
    for (const file of [...server, ...client]) {
      for (const use of usesIn(file).modules) {
        if (use.what === '<computed>' || [...EXECUTING, ...NETWORK].includes(bare(use.what))) bad.push(use);
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(server.length > 50, 'the scan sees the server sources');
  });

  it('the sources call no evaluator or network global (eval, new Function, fetch, WebSocket…)', function () {
    const bad = [...server, ...client].flatMap((file) => usesIn(file).calls.filter((c) => FORBIDDEN_CALLS.includes(c.what)));
    assert.deepEqual(bad, []);
  });

  it('the core imports only yaml, ipaddr.js and itself (DESIGN: a pure core)', function () {
    const bad = server
      .filter((f) => f.includes(`${path.sep}core${path.sep}`))
      .flatMap((file) => usesIn(file).modules.filter((m) => !m.what.startsWith('.') && !['yaml', 'ipaddr.js'].includes(m.what)));
    assert.deepEqual(bad, []);
  });

  describe('the bundles', function () {
    /** Which bundled inputs import which external (Node built-in) modules. */
    async function importers(entry: string): Promise<Map<string, string[]>> {
      const result = await build({
        entryPoints: [path.join(ROOT, entry)],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        write: false,
        metafile: true,
        logLevel: 'silent',
        external: ['vscode'],
        loader: { '.md': 'text' },
        absWorkingDir: ROOT,
      });
      const byModule = new Map<string, string[]>();
      for (const [input, info] of Object.entries((result.metafile as Metafile).inputs)) {
        for (const imported of info.imports) {
          if (!imported.external) continue;
          const name = bare(imported.path);
          byModule.set(name, [...(byModule.get(name) ?? []), input]);
        }
      }
      return byModule;
    }
    const LIBRARIES = /^node_modules\/(vscode-languageserver|vscode-languageclient|vscode-jsonrpc|vscode-languageserver-protocol)\//;

    it('server: child_process and net come only from vscode-languageserver (pipes and sockets); no other network module', async function () {
      const byModule = await importers('server/src/lsp/main.ts');
      for (const name of ['child_process', 'net']) {
        for (const input of byModule.get(name) ?? []) assert.match(input, LIBRARIES, `${input} imports ${name}`);
      }
      for (const name of [...NETWORK.filter((n) => n !== 'net'), 'vm', 'worker_threads', 'cluster']) {
        assert.deepEqual(byModule.get(name) ?? [], [], `the server bundle imports ${name}`);
      }
    });

    it('CLI: no process, evaluator or network module at all', async function () {
      const byModule = await importers('server/src/cli.ts');
      for (const name of [...EXECUTING, ...NETWORK]) assert.deepEqual(byModule.get(name) ?? [], [], `the CLI bundle imports ${name}`);
    });

    it('client: child_process and net only from vscode-languageclient (it starts the server); no other network module', async function () {
      const byModule = await importers('client/src/extension.ts');
      for (const name of ['child_process', 'net']) {
        for (const input of byModule.get(name) ?? []) assert.match(input, LIBRARIES, `${input} imports ${name}`);
      }
      for (const name of NETWORK.filter((n) => n !== 'net')) assert.deepEqual(byModule.get(name) ?? [], [], `the client bundle imports ${name}`);
    });
  });

  describe('the manifest says what the code does', function () {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      capabilities?: { untrustedWorkspaces?: { supported: boolean | string; restrictedConfigurations?: string[] }; virtualWorkspaces?: boolean | { supported: boolean | string; description?: string } };
      contributes: { configuration: { properties: Record<string, { type?: string }> } };
    };
    const extensionTs = fs.readFileSync(path.join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');

    it('untrusted workspaces: supported, and no setting names a program, a path or a command to run', function () {
      assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
      for (const key of Object.keys(manifest.contributes.configuration.properties)) {
        assert.doesNotMatch(key, /path|command|executable|program|binary|shell|script|server\.(args|module)/i, `${key} would need restrictedConfigurations`);
      }
    });

    it('virtual workspaces: limited, as the client only serves file: and untitled: YAML', function () {
      const virtual = manifest.capabilities?.virtualWorkspaces;
      assert.ok(typeof virtual === 'object' && virtual.supported === 'limited', 'declared limited');
      assert.match(virtual.description ?? '', /file/i);
      const selector = /documentSelector:\s*\[([\s\S]*?)\]/.exec(extensionTs)?.[1] ?? '';
      const schemes = [...selector.matchAll(/scheme:\s*'([^']+)'/g)].map((m) => m[1]).sort();
      assert.deepEqual(schemes, ['file', 'untitled'], 'the document selector names exactly these schemes');
      assert.doesNotMatch(selector, /\{\s*language:\s*'yaml'\s*\}/, 'no selector entry without a scheme');
    });
  });

  it('the preview is a text document content provider: no webview, no custom editor anywhere in the client', function () {
    const calls = client.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const names: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node)) names.push(node.name.text);
        ts.forEachChild(node, visit);
      };
      visit(source);
      return names;
    });
    for (const api of ['createWebviewPanel', 'registerWebviewViewProvider', 'registerWebviewPanelSerializer', 'registerCustomEditorProvider', 'asWebviewUri']) {
      assert.ok(!calls.includes(api), `the client calls ${api}`);
    }
    assert.ok(calls.includes('registerTextDocumentContentProvider'), 'the preview is a virtual text document');
  });
});
