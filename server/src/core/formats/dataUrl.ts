import { EmbeddedText, EmbeddedTextBuilder } from '../text/embeddedText';
import { quoted } from '../text/quote';

/**
 * A `data:` URL as Ignition and the Machine Config Daemon read it (RFC 2397 with the
 * rules of github.com/vincent-petithory/dataurl, which both use): `data:[<type>/<subtype>]
 * [;attr=value]*[;base64],<data>`. Percent data may hold only URL characters (no space,
 * `"`, `#`, `<`, `>`, `{`, `}`, `|`, `\`, `^`, `[`, `]`, backquote, control or non-ASCII
 * characters); base64 data only `A–Z a–z 0–9 + / =`, padded.
 */
export interface DataUrl {
  encoding: 'percent' | 'base64';
  /** Between `data:` and the comma, e.g. `text/plain;charset=utf-8;base64`. */
  header: EmbeddedText;
  /** The encoded data after the comma, mapped to the file. */
  payload: EmbeddedText;
  /**
   * The decoded contents, when the URL is valid. Percent-encoding: each character maps
   * to exactly the `%XX` (or literal) characters that encode it, so a finding inside a
   * decoded file underlines the encoded text. Base64: each character maps to the 4
   * characters of the group holding its bytes (8 when a UTF-8 character straddles two
   * groups): the smallest stretch that decodes on its own. Several characters then share
   * one place, so the text is not `exact` and nothing edits it in place.
   */
  decoded?: EmbeddedText;
  /** The decoded bytes are not UTF-8 text (or hold NUL): `decoded` is not worth reading. */
  binary: boolean;
  /** Why Ignition would refuse the URL, with the characters at fault. */
  error?: { message: string; at: EmbeddedText };
}

/** The URL scheme of a source (`data`, `https`, `s3`, …), lower case; undefined when there is none. */
export function schemeOf(source: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(source);
  return match ? match[1].toLowerCase() : undefined;
}

/** Parses `source` when it is a `data:` URL (else undefined) and decodes its data. */
export function parseDataUrl(source: EmbeddedText): DataUrl | undefined {
  if (!source.value.startsWith('data:')) return undefined;
  const comma = source.value.indexOf(',');
  const headerEnd = comma < 0 ? source.length : comma;
  const header = source.slice(5, headerEnd);
  const payload = comma < 0 ? source.slice(source.length) : source.slice(comma + 1);
  const base64 = /(^|;)base64$/.test(header.value);
  const result: DataUrl = { encoding: base64 ? 'base64' : 'percent', header, payload, binary: false };
  if (comma < 0) {
    result.error = { message: 'The data URL has no comma: write data:,<percent-encoded contents> or data:;base64,<base64>.', at: source.slice(0, Math.min(5, source.length)) };
    return result;
  }
  const headerError = checkHeader(header);
  if (headerError) {
    result.error = headerError;
    return result;
  }
  const bytes = base64 ? decodeBase64(payload) : decodePercent(payload);
  if ('message' in bytes) {
    result.error = bytes;
    return result;
  }
  const { text, binary } = utf8Decode(bytes, !base64);
  result.binary = binary;
  result.decoded = base64 ? payload.compose(text).asGrouped() : payload.compose(text);
  return result;
}

const UTF8 = new TextEncoder();

/** Encodes text for `data:,…` the way dataurl.Escape does: unreserved characters as they are, every other byte as %XX. */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of UTF8.encode(text)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.!~*'()]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const TOKEN = /^[!#$%&'*+\-.0-9A-Z^_`a-z{|}~]+$/;
const MEDIA_TYPES = /^(text|image|audio|video|application|message|multipart|x-)/i;

function checkHeader(header: EmbeddedText): { message: string; at: EmbeddedText } | undefined {
  if (header.length === 0) return undefined;
  const parts = header.split(';');
  const [type, ...params] = parts;
  if (type.length > 0) {
    const slash = type.value.indexOf('/');
    const main = slash < 0 ? type.value : type.value.slice(0, slash);
    const sub = slash < 0 ? '' : type.value.slice(slash + 1);
    if (slash < 0 || !TOKEN.test(main) || !TOKEN.test(sub) || !MEDIA_TYPES.test(main)) {
      return { message: `${quoted(type.value, 30)} is not a media type such as text/plain; leave it out (data:,…) or write type/subtype.`, at: type };
    }
  }
  for (let i = 0; i < params.length; i++) {
    const param = params[i];
    const last = i === params.length - 1;
    if (last && param.value === 'base64') continue;
    const equals = param.value.indexOf('=');
    if (equals <= 0 || !TOKEN.test(param.value.slice(0, equals)) || equals === param.length - 1) {
      const what = last && equals < 0 ? `expected base64, got ${quoted(param.value)}` : `${quoted(param.value)} is not a parameter attr=value`;
      return { message: `The data URL header is invalid: ${what}.`, at: param.length > 0 ? param : header };
    }
  }
  return undefined;
}

/** Decoded bytes; byte i came from payload.value[from[i], to[i]). */
type Bytes = { values: number[]; from: number[]; to: number[] };
type DecodeError = { message: string; at: EmbeddedText };

function isUrlChar(code: number): boolean {
  return code > 0x1f && code < 0x7f && !' <>#"{}|\\^[]`'.includes(String.fromCharCode(code));
}

const isHex = (ch: string | undefined) => ch !== undefined && /^[0-9A-Fa-f]$/.test(ch);

function decodePercent(payload: EmbeddedText): Bytes | DecodeError {
  const values: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const text = payload.value;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isUrlChar(code)) {
      const shown = code === 32 ? 'a space' : code === 10 ? 'a line break' : code > 127 ? `the non-ASCII character ${JSON.stringify(text[i])}` : JSON.stringify(text[i]);
      return {
        message: `Percent-encoded data may not contain ${shown}: encode it as ${percentEncode(text[i])}; Ignition rejects the URL.`,
        at: payload.slice(i, i + 1),
      };
    }
    if (text[i] === '%') {
      if (!isHex(text[i + 1]) || !isHex(text[i + 2])) {
        return { message: 'A % in a data URL must start an escape of two hex digits (%25 for a literal %); Ignition rejects the URL.', at: payload.slice(i, Math.min(text.length, i + 3)) };
      }
      values.push(parseInt(text.slice(i + 1, i + 3), 16));
      from.push(i);
      to.push(i + 3);
      i += 2;
    } else {
      values.push(code);
      from.push(i);
      to.push(i + 1);
    }
  }
  return { values, from, to };
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(payload: EmbeddedText): Bytes | DecodeError {
  const text = payload.value;
  for (let i = 0; i < text.length; i++) {
    if (!BASE64_ALPHABET.includes(text[i]) && text[i] !== '=') {
      const shown = text[i] === ' ' ? 'a space' : text[i] === '\n' ? 'a line break' : JSON.stringify(text[i]);
      return { message: `Base64 data may not contain ${shown}; Ignition rejects the URL.`, at: payload.slice(i, i + 1) };
    }
  }
  const padding = /=*$/.exec(text)![0].length;
  const firstEquals = text.indexOf('=');
  if (text.length % 4 !== 0 || padding > 2 || (firstEquals >= 0 && firstEquals < text.length - padding)) {
    return {
      message: `The base64 data (${text.length} characters) is not padded to groups of 4 with = only at the end: Ignition rejects the URL.`,
      at: payload,
    };
  }
  const values: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length - padding; i++) {
    buffer = (buffer << 6) | BASE64_ALPHABET.indexOf(text[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      values.push((buffer >> bits) & 0xff);
      // A byte's bits sit in 2 characters, but those also hold its neighbours' bits: the
      // group of 4 (padding included) is what decodes to whole bytes on its own.
      const group = i - (i % 4);
      from.push(group);
      to.push(group + 4);
    }
  }
  return { values, from, to };
}

/**
 * Bytes to text over the payload's value: every character maps to the union of the
 * encoded characters of its bytes. `exact` when no two characters share encoded characters
 * (percent data). Invalid UTF-8 becomes U+FFFD and marks the data binary.
 */
function utf8Decode(bytes: Bytes, exact: boolean): { text: EmbeddedText; binary: boolean } {
  const { values } = bytes;
  const out = new EmbeddedTextBuilder(0, exact);
  let binary = false;
  const push = (ch: string, from: number, to: number) => out.push(ch, bytes.from[from], bytes.to[to - 1]);
  for (let i = 0; i < values.length;) {
    const b = values[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let cp = need === 0 ? b : need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need >= 0 && i + need < values.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = values[i + k];
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && need > 0) {
      const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) ok = false;
    }
    if (!ok) {
      binary = true;
      push('\ufffd', i, i + 1);
      i++;
      continue;
    }
    if (cp === 0) binary = true;
    push(String.fromCodePoint(cp), i, i + need + 1);
    i += need + 1;
  }
  return { text: out.build(), binary };
}
