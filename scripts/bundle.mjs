// Bundles client, server and CLI into dist/ so the packaged extension needs no node_modules.
import { build } from 'esbuild';
import { yamlAsModules } from './yamlAsModules.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
  // vscode is provided by the extension host at run time.
  external: ['vscode'],
  // docs/rules.md is bundled into the CLI: SARIF output carries each rule's section.
  loader: { '.md': 'text' },
  // `yaml` from its ES-module build: direct calls instead of export getters (yamlAsModules.mjs).
  plugins: [yamlAsModules],
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
