import type { EmbeddedText } from '../../text/embeddedText';
import type { IgnitionConfig } from './model';
import { unitTextsOf } from './model';

/**
 * `ip` (iproute2) commands of a config, read just far enough for the facts other sources
 * need: which routing tables routes go to and which rules or VRFs consult them, and which
 * addresses an interface gets. Not a route reader: the route rules judge NetworkManager's
 * routes; these commands only answer questions about them.
 */

export type IpObject = 'route' | 'rule' | 'address' | 'link';

export interface IpCommand {
  object: IpObject;
  /** `add`, `replace`, `del`… as written. */
  verb: EmbeddedText;
  /** The words after the verb. */
  args: EmbeddedText[];
}

/** iproute2 matches an object by any prefix, in the order of its command table (ip.c): `a` is address, `r` route, `ru` rule, `l` link. */
const OBJECTS: readonly { name: string; object?: IpObject }[] = [
  { name: 'address', object: 'address' }, { name: 'addrlabel' }, { name: 'maddress' }, { name: 'route', object: 'route' },
  { name: 'rule', object: 'rule' }, { name: 'neighbor' }, { name: 'neighbour' }, { name: 'ntable' }, { name: 'ntbl' },
  { name: 'link', object: 'link' },
];
/** Global options that take an argument (`ip -n NETNS …`, `ip -b FILE`). */
const OPTIONS_WITH_ARGUMENT = new Set(['-n', '-netns', '-b', '-batch', '-rc', '-rcvbuf', '-l', '-loops', '-f', '-family']);

/** Reads `ip [OPTIONS] OBJECT VERB ARGS…`; anything else (another program, `ip` alone) is undefined. */
function parseIpCommand(argv: readonly EmbeddedText[]): IpCommand | undefined {
  const program = argv[0]?.value;
  if (program !== 'ip' && !program?.endsWith('/ip')) return undefined;
  let i = 1;
  while (i < argv.length && argv[i].value.startsWith('-')) {
    // Another network namespace is not the node's routing: not ours.
    if (argv[i].value === '-n' || argv[i].value === '-netns') return undefined;
    i += OPTIONS_WITH_ARGUMENT.has(argv[i].value) ? 2 : 1;
  }
  const word = argv[i]?.value;
  if (!word) return undefined;
  const object = OBJECTS.find((o) => o.name.startsWith(word))?.object;
  const verb = argv[i + 1];
  if (!object || !verb) return undefined;
  return { object, verb, args: argv.slice(i + 2) };
}

/** Whether the verb adds something (`add`, `append`, `replace`, `change`, `prepend`, and their prefixes). */
export function adds(command: IpCommand): boolean {
  const verb = command.verb.value;
  return verb === 'chg' || (verb.length > 0 && ['add', 'append', 'replace', 'change', 'prepend'].some((v) => v.startsWith(verb)));
}

/** The word after the first of `keywords` among the args. */
export function argumentOf(command: IpCommand, ...keywords: string[]): EmbeddedText | undefined {
  const at = command.args.findIndex((w) => keywords.includes(w.value));
  return at < 0 ? undefined : command.args[at + 1];
}

/** Every `ip` command of the config: in the Exec lines of every unit text (`sh -c` scripts included), then in every script of storage.files. */
export function ipCommandsOf(mc: IgnitionConfig): IpCommand[] {
  const commands: IpCommand[] = [];
  const add = (argv: readonly EmbeddedText[]) => {
    const command = parseIpCommand(argv);
    if (command) commands.push(command);
  };
  for (const unit of unitTextsOf(mc)) {
    for (const exec of unit.execLines) {
      add(exec.command.argv);
      for (const script of exec.script ?? []) add(script.command.argv);
    }
  }
  for (const file of mc.files) for (const script of file.scriptCommands ?? []) add(script.command.argv);
  return commands;
}
