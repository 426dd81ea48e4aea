/**
 * How the server's node process is started, shared by the VS Code client and the bench (which
 * must start it the same way). No runtime dependencies: the client bundle imports it.
 */

/** V8's worker pool in node: 4 threads unless told otherwise. */
const NODE_DEFAULT_V8_POOL_SIZE = 4;

/**
 * Node's flags for the server on a machine with `cores` cores. A file's first analysis runs
 * in code V8 has not optimised yet, and V8 compiles the optimised code (and helps the garbage
 * collector) on its worker pool. With node's four workers on a two-core machine, those
 * threads took the analysing thread's core for a third of a 500-document open; leaving it a
 * core of its own made that open 15% faster (docs/performance.md). More workers than node's
 * default are never asked for. Under Electron (VS Code's desktop app runs the server with its
 * own executable as node) nothing is given: Electron sets up V8's platform itself, not node's
 * (electron/electron#20416), and the flag is untested there. Under node (VS Code's remote
 * server, code-server) it applies; the extension tests check it.
 */
export function serverNodeFlags(cores: number, underElectron: boolean): string[] {
  if (underElectron) return [];
  const poolSize = Math.min(NODE_DEFAULT_V8_POOL_SIZE, Math.max(1, Math.floor(cores) - 1));
  return poolSize < NODE_DEFAULT_V8_POOL_SIZE ? [`--v8-pool-size=${poolSize}`] : [];
}
