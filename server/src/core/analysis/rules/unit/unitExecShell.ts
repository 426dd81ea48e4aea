import { replaceVerbatimEdit } from '../../../text/edits';
import type { EmbeddedText } from '../../../text/embeddedText';
import { unitTextsOf } from '../../../kinds/machineconfig/model';
import { shellScriptArgument } from '../../../formats/shellScript';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

/** Words that only mean something to a shell. */
const OPERATORS = new Set(['|', '||', '&&', '&', '>', '>>', '<', '<<', '2>', '2>>', '&>', '2>&1', '>&2', '1>&2', '|&']);
/** Where RHCOS keeps the programs people write bare. */
const KNOWN_PATHS: Record<string, string> = {
  nmcli: '/usr/bin/nmcli',
  bash: '/usr/bin/bash',
  sh: '/usr/bin/sh',
  ip: '/usr/sbin/ip',
};

/**
 * systemd runs Exec*= commands without a shell (systemd.service(5), "Command lines"):
 * `|`, `&&`, `>`, `$(…)` reach the program as literal arguments and the command fails.
 * Fine: `/bin/sh -c "a && b"`, `$VAR` and `${VAR}` (systemd's own substitution), a lone
 * `;` (systemd's separator of several commands in one line). Info: a bare program name
 * (`nmcli`) is looked up in a fixed path only since systemd 239; an absolute path is
 * explicit and works everywhere.
 */
export const unitExecShell: Rule = {
  id: 'unit-exec-shell',
  check({ text, ignition: mc, report }) {
    if (!mc) return;
    for (const unit of unitTextsOf(mc)) {
      for (const exec of unit.execLines) {
        if (exec.command.error) continue;
        for (const argv of splitCommands(exec.command.argv)) {
          const program = argv[0];
          if (!program.value.startsWith('/') && !/^[%$]/.test(program.value)) {
            const path = KNOWN_PATHS[program.value];
            const edit = path ? replaceVerbatimEdit(text, program, path) : undefined;
            report({
              severity: 'info',
              message: `Prefer ${path ? `the absolute path ${path}` : 'an absolute path'} to a bare ${quoted(program.value, 30)}, which systemd looks up only since version 239.`,
              range: program.rangeOf(),
              data: path ? { replacement: path } : undefined,
              ...(edit ? { fixes: [{ title: `Use ${path}`, edits: [edit], safe: true }] } : {}),
            });
          }
          // A shell runs the script (`/bin/sh -c '…'`, `/usr/bin/env LANG=C bash -ec '…'`): its syntax is fine there.
          if (shellScriptArgument(argv) !== undefined) continue;
          const shellWord = argv.slice(1).find((word) => isSubstitution(word) || (isOperator(word) && !isQuoted(text, word)));
          if (!shellWord) continue;
          const key = exec.directive.key.value;
          // An operator is a few characters; a substitution or a redirection's target may be long.
          const [instead, shown] = isSubstitution(shellWord)
            ? [`run it through /bin/sh -c '…'`, 30]
            : /^\d?>|^&>/.test(shellWord.value)
              ? [`use /bin/sh -c '…' or StandardOutput=file:…`, 20]
              : [`use /bin/sh -c '…' or several ${key}= lines`, 20];
          report({
            severity: 'error',
            message: `${quoted(shellWord.value, shown)} is shell syntax, but ${key}= runs no shell: ${instead}.`,
            range: shellWord.rangeOf(),
            data: { word: shellWord.value },
          });
        }
      }
    }
  },
};

/** A lone `;` separates commands of one Exec line (systemd.service(5)). */
function splitCommands(argv: EmbeddedText[]): EmbeddedText[][] {
  const commands: EmbeddedText[][] = [[]];
  for (const word of argv) {
    if (word.value === ';') commands.push([]);
    else commands[commands.length - 1].push(word);
  }
  return commands.filter((c) => c.length > 0);
}

/** `|`, `&&`, `>`, `2>/dev/null`… as a word of its own. */
function isOperator(word: EmbeddedText): boolean {
  const w = word.value;
  return OPERATORS.has(w) || /^\d?>>?\S/.test(w) || /^&>/.test(w);
}

/** Command substitution: systemd never runs it, quoted or not. */
function isSubstitution(word: EmbeddedText): boolean {
  return word.value.includes('$(') || word.value.includes('`');
}

/** The word was written in quotes (`"|"`): the user meant the character itself. */
function isQuoted(text: string, word: EmbeddedText): boolean {
  const { start } = word.rangeOf();
  return start > 0 && (text[start - 1] === '"' || text[start - 1] === "'");
}
