/**
 * Line endings of the parts that unpack copies as they are (components we do not model: XML of
 * environment variables and masking rules, PCF bundles, .resx, .csx, web resources). Git with
 * core.autocrlf=true checks out a text file whose lines end in LF with CRLF on Windows, and commits
 * CRLF as LF, so the same commit gives other bytes on another machine. An export has both kinds
 * (Dataverse writes its XML with CRLF; a PCF bundle or a web resource has what its author wrote), so
 * pack cannot tell from the checkout which one a file had: unpack records the files that had CRLF,
 * and pack writes every text part with the ending recorded for it (LF when none is), whatever the
 * checkout did. Parts pack parses and writes again (the manifest, the customizations, connector XML
 * and JSON, flow JSON) do not need this: their line endings are not read.
 */
export type RecordedEnding = 'crlf' | 'mixed';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Text as git tells it: no NUL and no CR outside CRLF. Only such a file has its line endings changed
 * by git, and only such a one by pack.
 */
export function isText(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) return false;
    if (bytes[i] === CR && bytes[i + 1] !== LF) return false;
  }
  return true;
}

/**
 * What unpack records for a part: 'crlf' when every line ends in CRLF, 'mixed' when some do and some
 * end in LF; nothing for a text file without CRLF or a binary one.
 */
export function recordedEnding(bytes: Uint8Array): RecordedEnding | undefined {
  if (!isText(bytes)) return undefined;
  let crlf = 0;
  let lf = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== LF) continue;
    if (i > 0 && bytes[i - 1] === CR) crlf++;
    else lf++;
  }
  if (crlf === 0) return undefined;
  return lf === 0 ? 'crlf' : 'mixed';
}

/**
 * The bytes pack writes for a text part with this recorded ending: every line ending CRLF for
 * 'crlf', LF when nothing is recorded. A 'mixed' file, and a binary one, is written as it is: which
 * of its lines had which ending is not recorded (a checkout that changed it cannot be undone).
 */
export function withRecordedEnding(bytes: Buffer, recorded: RecordedEnding | undefined): Buffer {
  if (recorded === 'mixed' || !isText(bytes)) return bytes;
  const text = bytes.toString('latin1');
  // latin1 maps each byte to one character and back, so bytes of any encoding pass through.
  const lf = text.replace(/\r\n/g, '\n');
  return Buffer.from(recorded === 'crlf' ? lf.replace(/\n/g, '\r\n') : lf, 'latin1');
}
