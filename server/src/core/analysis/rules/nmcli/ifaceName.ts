import type { EmbeddedText } from '../../../text/embeddedText';
import { nmcliCommandsOf } from '../../../kinds/machineconfig/nmcliCommands';
import { hasExpansion } from '../../../formats/shellScript';
import { quoted } from '../../../text/quote';
import { utf8Length } from '../../../text/utf8';
import type { Rule } from '../rule';

/**
 * A Linux interface name is 1 to 15 bytes, not `.` or `..`, without `/`, `:` or
 * whitespace (kernel dev_valid_name, IFNAMSIZ 16). Checked for `nmcli device modify
 * IFNAME` and `connection.interface-name` values, in units and scripts; a name that holds
 * a variable (`$IFACE`, `${DEV}`) is only known when the command runs and is not judged.
 */
export const ifaceName: Rule = {
  id: 'iface-name',
  check({ ignition: mc, report }) {
    if (!mc) return;
    for (const { nmcli } of nmcliCommandsOf(mc)) {
      const names: EmbeddedText[] = [];
      if (nmcli.object === 'device' && nmcli.target) names.push(nmcli.target);
      for (const property of nmcli.properties) {
        if (property.name === 'connection.interface-name' && property.value && property.value.value !== '') names.push(property.value);
      }
      for (const name of names) {
        if (hasExpansion(name.value)) continue;
        const problem = interfaceNameProblem(name.value);
        if (problem) report({ severity: 'error', message: problem, range: name.length > 0 ? name.rangeOf() : nmcli.verbWord.rangeOf() });
      }
    }
  },
};

export function interfaceNameProblem(name: string): string | undefined {
  const bytes = utf8Length(name);
  if (bytes === 0) return 'The interface name is empty.';
  if (bytes > 15) return `${quoted(name)} is ${bytes} bytes, too long for a Linux interface name, which has at most 15.`;
  if (name === '.' || name === '..') return `${quoted(name)} cannot be an interface name.`;
  const bad = /[/:\s]/.exec(name);
  if (bad) return `Interface name ${quoted(name)} contains ${JSON.stringify(bad[0])}, which Linux interface names never have.`;
  return undefined;
}
