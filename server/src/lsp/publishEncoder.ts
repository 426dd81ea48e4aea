/**
 * The connection of `--stdio`: the same as vscode-languageserver makes from the command
 * line, but for the writer's encoder, which serialises publishDiagnostics from the
 * diagnostics' kept JSON (diagnosticsJson.ts). Other transports are left to the library.
 */
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { messageBytes } from './diagnosticsJson';

/** application/json, as vscode-jsonrpc's own encoder, through messageBytes (JSON.stringify for another charset). */
const PUBLISH_AWARE_JSON = {
  name: 'application/json',
  encode: (message: unknown, options: { charset: BufferEncoding }): Promise<Uint8Array> => {
    try {
      return Promise.resolve(isUtf8(options.charset) ? messageBytes(message) : Buffer.from(JSON.stringify(message), options.charset));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};

function isUtf8(charset: BufferEncoding): boolean {
  return charset === 'utf-8' || charset === 'utf8';
}

/** A connection over this process's stdin and stdout. */
export function stdioConnection(): Connection {
  // The input as a stream, not a reader: the library then ends the process when the client
  // closes it (with exit code 0 after shutdown, 1 without). It takes a stream and a writer
  // together (vscode-jsonrpc's createMessageConnection looks at each); its types do not say so.
  const input = process.stdin as unknown as MessageReader;
  const connection = createConnection(ProposedFeatures.all, input, new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: PUBLISH_AWARE_JSON }));
  redirectConsole(connection);
  return connection;
}

/**
 * What the library does for `--stdio` and not for streams it is given: console output goes
 * to the client's log, never into stdout, where it would break the protocol's framing.
 */
function redirectConsole(connection: Connection): void {
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.trace = (...args: unknown[]) => connection.console.log(`Trace${args.length > 0 ? `: ${text(args)}` : ''}\n${new Error().stack?.replace(/(.+\n){2}/, '') ?? ''}`);
  console.dir = (arg: unknown, options?: object) => connection.console.log(inspect(arg, options));
}
