import { isMap, isScalar, isSeq, Node, Pair, Scalar } from 'yaml';
import { keyRange } from '../../../kinds/machineconfig/model';
import { keyedPairs, mapAt, pairOf, rangeOfNode, seqAt, stringValue } from '../../../text/yamlDocuments';
import type { Rule } from '../rule';

/** What the Machine Config Daemon cannot change on a running node (MCO pkg/daemon reconcile). */
const STORAGE_SECTIONS: Record<string, string> = {
  disks: 'partition disks when the node is installed (an install-time config)',
  raid: 'set up RAID when the node is installed (an install-time config)',
  filesystems: 'create filesystems when the node is installed (an install-time config)',
  directories: 'write a file under the directory (that creates it) or let a unit run mkdir',
  links: 'let a unit run ln -sf',
};
/** The fields of the core user the daemon can update (verifyUserFields). */
const CORE_USER_FIELDS = new Set(['name', 'sshAuthorizedKeys', 'passwordHash']);

const nonEmpty = (node: Node | null | undefined): boolean =>
  !!node && !(isScalar(node) && node.value === null) && !((isSeq(node) || isMap(node)) && node.items.length === 0);

/**
 * Ignition sections the daemon cannot reconcile on a running node: the pool goes degraded
 * ("ignition … section contains changes") and no node is updated.
 */
export const ignNotReconcilable: Rule = {
  id: 'ign-not-reconcilable',
  check({ machineConfig: mc, report }) {
    if (!mc?.config) return;
    const say = (pair: Pair<Scalar, Node | null>, what: string, instead: string, range = keyRange(pair)): void =>
      report({
        severity: 'error',
        message: `The Machine Config Daemon cannot apply ${what} to running nodes: the pool goes degraded and stops updating. Instead: ${instead}.`,
        range,
      });
    const storage = mapAt(mc.config, 'storage');
    for (const [section, why] of Object.entries(STORAGE_SECTIONS)) {
      const pair = pairOf(storage, section);
      if (pair && nonEmpty(pair.value)) say(pair, `storage.${section}`, why);
    }
    for (const item of seqAt(storage, 'files')?.items ?? []) {
      const append = isMap(item) ? pairOf(item, 'append') : undefined;
      if (append && nonEmpty(append.value)) say(append, 'append (it is not idempotent)', 'write the whole file with contents');
    }
    const passwd = mapAt(mc.config, 'passwd');
    const groups = pairOf(passwd, 'groups');
    if (groups && nonEmpty(groups.value)) say(groups, 'passwd.groups', 'create groups from a unit, or at install time');
    for (const user of seqAt(passwd, 'users')?.items ?? []) {
      if (!isMap(user)) continue;
      const namePair = pairOf(user, 'name');
      const name = stringValue(isScalar(namePair?.value) ? (namePair!.value as Scalar) : undefined);
      if (name !== 'core') {
        if (namePair) say(namePair, `the user ${name === undefined ? 'without a name' : JSON.stringify(name)}`, 'only the core user\'s sshAuthorizedKeys and passwordHash can change; add your key to core', rangeOfNode(namePair.value ?? namePair.key));
        continue;
      }
      for (const pair of keyedPairs(user)) {
        if (!CORE_USER_FIELDS.has(String(pair.key.value)) && nonEmpty(pair.value)) {
          say(pair, `${String(pair.key.value)} of the core user`, 'only sshAuthorizedKeys and passwordHash of core can change');
        }
      }
    }
    const kernelArguments = pairOf(mc.config, 'kernelArguments');
    if (kernelArguments && nonEmpty(kernelArguments.value)) {
      say(kernelArguments, 'Ignition kernelArguments', 'put the arguments in spec.kernelArguments, which the MCO applies');
    }
  },
};

