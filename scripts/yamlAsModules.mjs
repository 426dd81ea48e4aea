// An esbuild plugin: the bundles take `yaml` from its ES-module build instead of its
// CommonJS one, with the Node behaviour of the CommonJS build kept.
//
// Why: esbuild joins ES modules into one scope, so `yaml`'s calls between its own modules
// and ours into it are plain function calls. From the CommonJS build every call of ours
// (isScalar, isMap, … per node) goes through an export getter, every call between its
// modules through an exports object, and its Parser reads `process.env.LOG_TOKENS` once per
// token. Measured on the bench's 500-MachineConfig file (4,224 findings), main-thread CPU:
// a fresh process's first lint 9% less (cold, what opening the file in a fresh server
// costs), later lints 15% less.
//
// The ES-module build (`yaml/browser/dist`) is the same source compiled differently, except
// where it cannot use Node (compared for yaml 2.9.1):
// - `!!binary` is read with `atob` instead of `Buffer`: `atob` rejects characters `Buffer`
//   skips (`!!binary '###'` becomes an error TAG_RESOLVE_FAILED) and gives a Uint8Array,
//   not a Buffer; and written with `btoa`;
// - warnings go to console.warn instead of process.emitWarning;
// - the debugging variables LOG_TOKENS and LOG_STREAM are not read.
// The first two are put back below, so the bundles read and report YAML exactly as the
// compiled code (out/, CommonJS `yaml`) that the unit tests check. A `yaml` whose text no
// longer matches fails the build instead of bundling something else.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The ES-module build's directory, beside the CommonJS build that `require('yaml')` finds. */
const modulesDir = path.join(path.dirname(require.resolve('yaml')), '..', 'browser', 'dist');

/** Per file of the ES-module build: [its text, the Node build's behaviour] pairs, each of which must be found once. */
const NODE_BEHAVIOUR = {
  [path.join('schema', 'yaml-1.1', 'binary.js')]: [
    [
      "        if (typeof atob === 'function') {\n            // On IE 11",
      "        if (typeof Buffer === 'function') {\n            return Buffer.from(src, 'base64');\n        }\n" +
        "        else if (typeof atob === 'function') {\n            // On IE 11",
    ],
    [
      "        if (typeof btoa === 'function') {\n            let s = '';",
      "        if (typeof Buffer === 'function') {\n" +
        "            str = buf instanceof Buffer ? buf.toString('base64') : Buffer.from(buf.buffer).toString('base64');\n        }\n" +
        "        else if (typeof btoa === 'function') {\n            let s = '';",
    ],
  ],
  'log.js': [
    [
      '        console.warn(warning);',
      "        if (typeof process.emitWarning === 'function')\n            process.emitWarning(warning);\n        else\n            console.warn(warning);",
    ],
  ],
};

export const yamlAsModules = {
  name: 'yaml-as-modules',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: path.join(modulesDir, 'index.js') }));
    build.onLoad({ filter: /[\\/]yaml[\\/]browser[\\/]dist[\\/].*\.js$/ }, (args) => {
      const patches = NODE_BEHAVIOUR[path.relative(modulesDir, args.path)];
      if (!patches) return undefined;
      let contents = fs.readFileSync(args.path, 'utf8');
      for (const [from, to] of patches) {
        if (contents.split(from).length !== 2) throw new Error(`yamlAsModules: ${args.path} no longer reads as expected (${JSON.stringify(from)}); compare it with the CommonJS build`);
        contents = contents.replace(from, to);
      }
      return { contents, loader: 'js' };
    });
  },
};
