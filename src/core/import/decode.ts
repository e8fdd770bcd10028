/**
 * Bytes → text for tabular files: UTF-8 (with or without a BOM), GBK/GB18030 as Excel in China writes
 * CSV, and UTF-16 (recognised by its BOM or its zero bytes, and named in every message). Detection can
 * be overridden. Invalid bytes and control characters are errors with their line and byte offset.
 */
import type { Problem } from '../errors';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** What the user may ask for (`--encoding`, the app's override); `gbk` reads as GB18030, its superset. */
export const ENCODING_CHOICES = ['auto', 'utf-8', 'gbk', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** True when the file started with a byte-order mark (removed from `text`). */
  bom: boolean;
  /** True when the encoding was detected rather than given. */
  detected: boolean;
}

export interface DecodeResult {
  decoded?: Decoded;
  problems: Problem[];
  /** A control character refused: the text and its offset, so a tabular reader can name the column. */
  control?: { text: string; at: number };
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need > n - 1) return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const t = b[i + k];
      if (t === undefined || (t & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (t & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line of a byte offset (counts LF bytes; right for UTF-8 and GB18030, whose LF is one byte). */
function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

function utf16Guess(b: Uint8Array): Encoding | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  // Without a BOM: ASCII text in UTF-16 has a zero byte in every other position.
  const n = Math.min(b.length & ~1, 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** First control character other than tab, LF, CR (a NUL in an id, a stray form feed …). */
function firstControl(text: string): number {
  return text.search(CONTROL);
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** The text when the bytes are valid UTF-8 (the platform's decoder, fast; the offset is found only on failure). */
function asUtf8(b: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
}

function decodeWith(b: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(b);
}

/**
 * Decodes a file's bytes. `auto` (the default) picks UTF-16 by BOM or zero bytes, then UTF-8 when the
 * bytes are valid UTF-8, else GB18030 when they are valid GB18030; anything else is an error naming
 * the first invalid byte.
 */
export function decodeText(bytes: Uint8Array, file: string, choice: EncodingChoice = 'auto'): DecodeResult {
  const problems: Problem[] = [];
  const asked: Encoding | undefined =
    choice === 'auto' ? undefined : choice === 'gbk' ? 'gb18030' : (choice as Encoding);
  let encoding: Encoding;
  // Each candidate is decoded once: the text of the one that fits is kept.
  let text: string | undefined;
  if (asked) encoding = asked;
  else {
    const u16 = utf16Guess(bytes);
    if (u16) encoding = u16;
    else if ((text = asUtf8(bytes)) !== undefined) encoding = 'utf-8';
    else {
      try {
        text = decodeWith(bytes, 'gb18030');
      } catch {
        text = undefined;
      }
      if (text !== undefined) encoding = 'gb18030';
      else {
        const at = firstInvalidUtf8(bytes);
        problems.push({
          file,
          row: lineAt(bytes, at),
          reason:
            `the file is neither UTF-8 nor GBK/GB18030: byte ${at} (0x${bytes[at].toString(16).padStart(2, '0')}) ` +
            'is not valid UTF-8; save it as "CSV UTF-8" or give its encoding',
        });
        return { problems };
      }
    }
  }
  try {
    text ??= decodeWith(bytes, encoding);
  } catch {
    const at = encoding === 'utf-8' ? firstInvalidUtf8(bytes) : -1;
    problems.push({
      file,
      row: at >= 0 ? lineAt(bytes, at) : undefined,
      reason:
        `the file is not valid ${ENCODING_NAMES[encoding]}` +
        (at >= 0 ? `: byte ${at} (0x${bytes[at].toString(16).padStart(2, '0')}) is invalid` : '') +
        (asked ? '; try another encoding or "auto"' : ''),
    });
    return { problems };
  }
  // TextDecoder drops a BOM itself; say whether there was one.
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (encoding.startsWith('utf-16') &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const ctrl = firstControl(text);
  if (ctrl >= 0) {
    let line = 1;
    for (let i = 0; i < ctrl; i++) if (text.charCodeAt(i) === 10) line++;
    const code = text.charCodeAt(ctrl).toString(16).toUpperCase().padStart(4, '0');
    const hint =
      encoding.startsWith('utf-16') || text.charCodeAt(ctrl) !== 0
        ? ''
        : ' (a file saved as UTF-16 read as another encoding looks like this: give its encoding)';
    problems.push({
      file,
      row: line,
      reason: `control character U+${code} at character ${ctrl} of the ${ENCODING_NAMES[encoding]} text${hint}`,
    });
    return { problems, control: { text, at: ctrl } };
  }
  return { decoded: { text, encoding, bom, detected: !asked }, problems };
}
