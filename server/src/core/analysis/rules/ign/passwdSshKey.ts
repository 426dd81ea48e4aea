import { isMap, isScalar } from 'yaml';
import type { EmbeddedText } from '../../../text/embeddedText';
import { hasPlaceholder } from '../../../text/placeholder';
import { rangeOfNode, seqAt } from '../../../text/yamlDocuments';
import { embeddedTextOfScalar } from '../../../text/yamlScalar';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

/** Public key types OpenSSH accepts in authorized_keys (sshd(8)). */
const KEY_TYPES = new Set([
  'ssh-ed25519', 'ssh-rsa', 'ssh-dss', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com',
  'ssh-ed25519-cert-v01@openssh.com', 'ssh-rsa-cert-v01@openssh.com', 'ssh-dss-cert-v01@openssh.com',
  'ecdsa-sha2-nistp256-cert-v01@openssh.com', 'ecdsa-sha2-nistp384-cert-v01@openssh.com', 'ecdsa-sha2-nistp521-cert-v01@openssh.com',
  'sk-ssh-ed25519-cert-v01@openssh.com', 'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
]);
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Reads the key data: a sequence of length-prefixed strings (RFC 4253), the first the key
 * type. Undefined when it is not complete base64 or the fields do not add up (a key cut
 * off when copied), or when there is nothing after the type.
 */
function readBlob(blob: string): { type: string; fields: number[] } | undefined {
  if (blob.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of blob.replace(/=+$/, '')) {
    buffer = ((buffer << 6) | BASE64.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  const fields: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) return undefined;
    const length = ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
    if (at + 4 + length > bytes.length) return undefined;
    fields.push(length);
    at += 4 + length;
  }
  if (fields.length < 2 || fields[0] === 0 || fields[0] > 64) return undefined;
  const type = String.fromCharCode(...bytes.slice(4, 4 + fields[0]));
  if (!/^[\x21-\x7e]+$/.test(type)) return undefined;
  // An ed25519 public key is 32 bytes.
  if (type === 'ssh-ed25519' && fields[1] !== 32) return undefined;
  return { type, fields };
}

/** Why an authorized_keys line is not `[options] <type> <base64> [comment]`, and where. */
function judge(line: EmbeddedText): { message: string; at: EmbeddedText } | undefined {
  const words = line.words();
  const typeIndex = words.findIndex((w) => KEY_TYPES.has(w.value));
  if (typeIndex < 0) {
    const first = words[0];
    return {
      message: `${quoted(first.value, 25)} is not an SSH key type, so sshd ignores the entry: write "<type> <base64 key> [comment]".`,
      at: first,
    };
  }
  const type = words[typeIndex].value;
  const blob = words[typeIndex + 1];
  if (!blob) return { message: `The ${type} key has no key data after its type, so sshd ignores it: paste the whole public key.`, at: words[typeIndex] };
  const inside = readBlob(blob.value)?.type;
  if (!inside) {
    return { message: 'The key data is not a complete base64 SSH key, so sshd ignores it: paste the whole public key again.', at: blob };
  }
  if (inside !== type) return { message: `The key data is of type ${inside} but the entry says ${type}, so sshd ignores it: write ${inside}.`, at: words[typeIndex] };
  return undefined;
}

/** passwd.users[].sshAuthorizedKeys entries that sshd cannot use. */
export const passwdSshKey: Rule = {
  id: 'passwd-ssh-key',
  check({ ignition: mc, text, report }) {
    if (!mc?.config) return;
    for (const user of seqAt(mc.passwd, 'users')?.items ?? []) {
      if (!isMap(user)) continue;
      for (const entry of seqAt(user, 'sshAuthorizedKeys')?.items ?? []) {
        if (!isScalar(entry) || typeof entry.value !== 'string') continue;
        if (hasPlaceholder(entry.value)) continue; // placeholder says it
        const embedded = embeddedTextOfScalar(entry, text);
        const begin = /-----BEGIN [A-Z ]*PRIVATE KEY-----/.exec(embedded.value);
        if (begin) {
          report({
            severity: 'warning',
            message: 'This is a private key, readable by anyone who can read MachineConfigs: use the public key of the .pub file.',
            range: embedded.rangeOf(begin.index, begin.index + begin[0].length),
          });
          continue;
        }
        const lines = embedded.split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && !l.value.startsWith('#'));
        if (lines.length === 0) {
          report({ severity: 'warning', message: 'An empty SSH key entry: remove it.', range: rangeOfNode(entry) });
          continue;
        }
        for (const line of lines) {
          const problem = judge(line);
          if (problem) report({ severity: 'warning', message: problem.message, range: problem.at.rangeOf() });
        }
      }
    }
  },
};
