/** Entry of dist/server.js: `node dist/server.js --stdio` or `--node-ipc`. */
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { describeError } from './guard';
import { packagedRuleDocs } from './ruleLinks';
import { stdioConnection } from './publishEncoder';
import { startServer } from './server';

// esbuild inlines the manifest, so the bundle knows its own version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = (require('../../../package.json') as { version: string }).version;

let connection: Connection | undefined;
let reporting = false;

/** Last line of defence: log, never die. */
function report(kind: string, error: unknown): void {
  if (reporting) return; // a failure while logging must not loop
  reporting = true;
  const line = `mcroutes: ${kind}: ${describeError(error)}`;
  try {
    if (connection) connection.console.error(line);
    else process.stderr.write(line + '\n');
  } catch {
    try {
      process.stderr.write(line + '\n');
    } catch {
      // nowhere left to say it
    }
  } finally {
    reporting = false;
  }
}

process.on('uncaughtException', (error) => report('uncaught exception', error));
process.on('unhandledRejection', (reason) => report('unhandled promise rejection', reason));

const argv = process.argv.slice(2);
const transport = argv.find((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a))?.replace(/^--/, '') ?? 'unknown';

try {
  // Over stdio, publishDiagnostics are serialised from the JSON of earlier publishes (publishEncoder.ts).
  connection = transport === 'stdio' ? stdioConnection() : createConnection(ProposedFeatures.all);
} catch (error) {
  process.stderr.write(
    `mcroutes language server ${VERSION}: ${error instanceof Error ? error.message : String(error)}\n` +
      'usage: node server.js --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n',
  );
  process.exit(2);
}
// The bundle is dist/server.js: the packaged docs are beside it, in docs/.
startServer(connection, { version: VERSION, transport, ruleDocsUrl: packagedRuleDocs(__dirname) });
