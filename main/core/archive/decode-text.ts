// Turns a file's bytes into text: UTF-8 (BOM stripped), UTF-16 with a BOM, a charset an HTML page
// declares, or else the legacy single-byte encoding chardet finds most likely (Windows-1252/Latin-1,
// Windows-1251 and KOI8-R for Cyrillic, and the other ISO-8859 and Windows code pages).

import { analyse } from 'chardet';

/** The text of a file and the encoding it was read as (a WHATWG encoding label). */
export interface DecodedText {
  text: string;
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// chardet names -> the decoder used. ISO-8859-1 is read as its superset Windows-1252, as browsers do.
const singleByte: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'windows-1251': 'windows-1251',
  'iso-8859-5': 'iso-8859-5',
  'koi8-r': 'koi8-r',
  'koi8-u': 'koi8-u',
  'iso-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'iso-8859-7': 'iso-8859-7',
  'windows-1253': 'windows-1253',
  'iso-8859-9': 'windows-1254',
  'windows-1254': 'windows-1254',
};

/**
 * Decodes `bytes`. `declared` is a charset the file names itself (an HTML `<meta charset>`), used when the
 * bytes are not valid UTF-8. Legacy files are detected per file: the BBC corpus's sport/199.txt writes "£"
 * as the single Latin-1 byte 0xA3.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(withoutBom), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a declared charset first, then detection.
  }
  const encoding = usableDeclared(declared) ?? detectSingleByte(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

function usableDeclared(declared: string | undefined): string | null {
  if (declared === undefined) return null;
  const label = declared.trim().toLowerCase();
  if (label === '' || label === 'utf-8' || label === 'utf8') return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function detectSingleByte(bytes: Uint8Array): string {
  for (const candidate of analyse(bytes)) {
    const encoding = singleByte[candidate.name.toLowerCase()];
    if (encoding !== undefined) return encoding;
  }
  return 'windows-1252';
}

/** True when the bytes look binary (a NUL byte in the first 8 KiB), e.g. an image or a PDF. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head[0] === 0xff && head[1] === 0xfe) return false;
  if (head[0] === 0xfe && head[1] === 0xff) return false;
  return head.includes(0);
}
