import { isScalar } from 'yaml';
import { schemeOf } from '../../../formats/dataUrl';
import { isWholeVariable, templatePlaceholders } from '../../../text/placeholder';
import { rangeOfNode } from '../../../text/yamlDocuments';
import { butaneKind } from '../../../kinds/butane/kind';
import { isOpenshiftButane, type ButaneModel } from '../../../kinds/butane/model';
import { quoted } from '../../../text/quote';
import type { Rule } from '../rule';

/** The schemes Ignition itself fetches at first boot (Ignition config spec 3.x, `source`). */
const IGNITION_SCHEMES = ['http', 'https', 'tftp', 's3', 'gs', 'arn'];

/**
 * contents.source of storage.files in a MachineConfig must be a valid `data:` URL: the
 * Machine Config Daemon decodes it itself and fetches nothing (MCO
 * DecodeIgnitionFileContents); compression is "" or gzip.
 */
export const fileSource: Rule = {
  id: 'file-source',
  check({ ignition: mc, kind, model, report }) {
    if (!mc) return;
    // A Butane config of another variant (fcos…) is a plain Ignition config: Ignition fetches
    // remote sources at first boot and no Machine Config Daemon ever reads them again.
    const ignitionFetches = kind === butaneKind && !isOpenshiftButane(model as ButaneModel);
    for (const file of mc.files) {
      const source = file.source;
      if (source && source.value !== null) {
        const value = typeof source.value === 'string' ? source.value : undefined;
        const scheme = value === undefined ? undefined : schemeOf(value);
        if (value === undefined) {
          report({ severity: 'error', message: 'contents.source must be a data: URL string.', range: rangeOfNode(source) });
        } else if (value === '') {
          // An empty source writes an empty file, as no source does.
        } else if (ignitionFetches && scheme && IGNITION_SCHEMES.includes(scheme)) {
          // Fetched by Ignition: nothing to say.
        } else if (scheme !== 'data') {
          const remote = scheme && IGNITION_SCHEMES.includes(scheme);
          report({
            severity: 'error',
            message: remote
              ? `The ${scheme}: source is fetched at first boot only, and every later update of the pool fails: embed it as a data: URL.`
              : `contents.source ${quoted(value, 30)} is not a URL: write data:,<percent-encoded text> or data:;base64,….`,
            range: rangeOfNode(source),
            data: { scheme: scheme ?? null },
          });
        } else if (!value.startsWith('data:')) {
          report({
            severity: 'error',
            message: `Ignition reads only a lower-case data: prefix: write ${quoted(`data:${value.slice(5)}`, 24)}.`,
            range: rangeOfNode(source),
          });
        } else if (file.dataUrl?.error) {
          const payload = file.dataUrl.payload.value;
          // An unfilled placeholder as the data is the placeholder rule's finding.
          if (!isWholeVariable(payload) && templatePlaceholders(payload).length === 0) {
            report({ severity: 'error', message: file.dataUrl.error.message, range: file.dataUrl.error.at.rangeOf() });
          }
        }
      }
      const compression = file.compression;
      if (compression && isScalar(compression) && compression.value !== null && compression.value !== '') {
        if (compression.value !== 'gzip') {
          report({
            severity: 'error',
            message: `compression ${quoted(String(compression.value), 20)} is not supported: write gzip, or "" for none.`,
            range: rangeOfNode(compression),
          });
        } else if (file.dataUrl?.decoded && !file.dataUrl.binary && file.dataUrl.decoded.length > 0) {
          report({
            severity: 'error',
            message: 'compression: gzip, but the data is plain text, so decompressing it fails and the pool degrades: remove compression.',
            range: rangeOfNode(compression),
          });
        }
      }
    }
  },
};
