import { isScalar } from 'yaml';
import { NMSTATE_DIRECTORY, NMSTATE_OPENSHIFT_DIRECTORY } from '../../../kinds/machineconfig/nmstateFiles';
import { replaceVerbatimEdit } from '../../../text/edits';
import type { Fix } from '../../../text/problem';
import { rangeOfNode } from '../../../text/yamlDocuments';
import { embeddedTextOfScalar } from '../../../text/yamlScalar';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

/**
 * Where an nmstate file of a MachineConfig is applied from (MCO templates/common/_base):
 * nmstate-configuration.sh copies /etc/nmstate/openshift/$(hostname -s).yml, or else
 * cluster.yml, to /etc/nmstate/; nmstate.service (`nmstatectl service`) applies the `*.yml`
 * files directly in /etc/nmstate/ (not `.yaml`, not subdirectories). A YAML file anywhere
 * else under /etc/nmstate/ is applied by nothing. `hostname -s` never holds a dot.
 */
export const nmstateFilePath: Rule = {
  id: 'nmstate-file-path',
  check({ text, ignition, report }) {
    for (const file of ignition?.files ?? []) {
      const path = file.pathValue;
      if (!path || !file.nmstate || !isScalar(file.path)) continue;
      const judged = judge(path);
      if (!judged) continue;
      const written = embeddedTextOfScalar(file.path, text);
      const edit = judged.instead ? replaceVerbatimEdit(text, written, judged.instead) : undefined;
      const fixes: Fix[] = edit && judged.instead ? [{ title: `Rename to ${judged.instead}`, edits: [edit], safe: judged.safe }] : [];
      report({
        severity: 'warning',
        message: judged.message,
        range: written.exact && written.value === path ? written.rangeOf() : rangeOfNode(file.path),
        ...(judged.instead ? { data: { replacement: judged.instead } } : {}),
        ...(fixes.length > 0 ? { fixes } : {}),
      });
    }
  },
};

interface Judgement {
  message: string;
  instead?: string;
  safe: boolean;
}

function judge(path: string): Judgement | undefined {
  const yml = path.replace(/\.yaml$/, '.yml');
  if (path.startsWith(NMSTATE_OPENSHIFT_DIRECTORY)) {
    const name = path.slice(NMSTATE_OPENSHIFT_DIRECTORY.length);
    if (name.includes('/')) {
      return { message: `Nothing applies a file in a subdirectory of ${NMSTATE_OPENSHIFT_DIRECTORY}: use cluster.yml or <hostname>.yml there.`, safe: false };
    }
    if (path.endsWith('.yaml')) {
      return { message: `Nothing applies a .yaml file in ${NMSTATE_OPENSHIFT_DIRECTORY}: rename it to .yml.`, instead: yml, safe: true };
    }
    const stem = name.slice(0, -'.yml'.length);
    if (stem.includes('.')) {
      const host = `${stem.slice(0, stem.indexOf('.'))}.yml`;
      return { message: `Nothing applies this file, as \`hostname -s\` has no dots: name it ${quoted(host)}.`, instead: `${NMSTATE_OPENSHIFT_DIRECTORY}${host}`, safe: false };
    }
    return undefined;
  }
  const name = path.slice(NMSTATE_DIRECTORY.length);
  if (name.includes('/')) {
    return { message: `Nothing applies a file in a subdirectory of ${NMSTATE_DIRECTORY}: use ${NMSTATE_OPENSHIFT_DIRECTORY}cluster.yml or <hostname>.yml.`, safe: false };
  }
  if (path.endsWith('.yaml')) {
    return { message: `Nothing applies a .yaml file in ${NMSTATE_DIRECTORY}: rename it to .yml.`, instead: yml, safe: true };
  }
  return undefined;
}
