import yauzl from 'yauzl';
import { UsageError } from '@connector-alm/core';

/**
 * How the names of entries without the UTF-8 flag (general-purpose bit 11) are read. The zip
 * specification says code page 437 (APPNOTE 4.4.4 and appendix D), but Windows tools write them in
 * the code page of the Windows that zipped them: Explorer and 7-Zip the OEM one, .NET Framework's
 * ZipArchive the ANSI one (on Japanese Windows both are 932, Shift-JIS), and read them back the same
 * way. .NET (Core), on which pac runs, reads them as UTF-8. Nothing in the archive says which code
 * page it was, so it is read here as: UTF-8 when the bytes are UTF-8 (a name in Shift-JIS, GBK or
 * Big5 with a double-byte character hardly ever is, and neither is code page 437 text with a letter
 * past ASCII), else code page 437; or, for every such name, in the one code page the user names.
 *
 * Names are decoded before any '\' is read as a separator: in Shift-JIS (932), GBK (936) and Big5
 * (950) the second byte of a double-byte character may be 0x5C, the byte of '\' (表 is 0x95 0x5C, ソ
 * 0x83 0x5C), and read byte by byte such a name is split into folders. Code page 437 cannot tell a
 * 0x5C after a byte from 0x81 up from such a character, so that name is refused with the option to
 * name the code page, rather than written under a wrong name.
 */
export interface NameEncoding {
  /** The label the user gave, or undefined for the default reading above. */
  readonly label: string | undefined;
  /** The name of an entry without the UTF-8 flag. */
  decode(bytes: Buffer): DecodedName;
}

export type DecodedName =
  | { name: string }
  /** Code page 437 would split a character: `lead` is the byte before the 0x5C. */
  | { ambiguous: { cp437: string; lead: number } };

/** Windows code page numbers, which Windows users know, for the WHATWG encodings Node decodes. */
const CODE_PAGES: Readonly<Record<string, string>> = {
  cp932: 'shift_jis',
  cp936: 'gbk',
  cp949: 'euc-kr',
  cp950: 'big5',
};
const CP437_LABELS = new Set(['cp437', 'ibm437', '437']);
const BACKSLASH = 0x5c;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Code page 437 as yauzl reads a name without the flag. */
function cp437(bytes: Buffer): string {
  return yauzl.getFileNameLowLevel(0, bytes, [], true);
}

function asUtf8(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The byte before the first 0x5C that could be the second byte of a double-byte character. */
function leadBeforeBackslash(bytes: Buffer): number | undefined {
  for (let i = 1; i < bytes.length; i++)
    if (bytes[i] === BACKSLASH && bytes[i - 1]! >= 0x81) return bytes[i - 1];
  return undefined;
}

const DEFAULT_ENCODING: NameEncoding = {
  label: undefined,
  decode(bytes) {
    const text = asUtf8(bytes);
    if (text !== undefined) return { name: text };
    const lead = leadBeforeBackslash(bytes);
    return lead === undefined ? { name: cp437(bytes) } : { ambiguous: { cp437: cp437(bytes), lead } };
  },
};

/**
 * The reading for a label: undefined for the default; cp437; a Windows code page number (cp932,
 * cp936, cp949, cp950); or any encoding label Node's TextDecoder knows (shift_jis, gbk, big5,
 * euc-kr, windows-1252, ibm866, utf-8…). An unknown label is a usage error.
 */
export function nameEncoding(label: string | undefined): NameEncoding {
  if (label === undefined) return DEFAULT_ENCODING;
  const key = label.trim().toLowerCase();
  if (CP437_LABELS.has(key)) return { label, decode: (bytes) => ({ name: cp437(bytes) }) };
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(CODE_PAGES[key] ?? key);
  } catch {
    throw new UsageError(
      `'${label}' is not an encoding for zip entry names; give a Windows code page (cp437, cp932, cp936, cp949, cp950) or an encoding label such as shift_jis, gbk, big5, euc-kr or windows-1252.`,
    );
  }
  return { label, decode: (bytes) => ({ name: decoder.decode(bytes) }) };
}
