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

/** The line breaks of a text part: how many CRLF pairs, and whether an LF has no CR before it. */
interface LineBreaks {
  crlf: number;
  bareLf: boolean;
}

/**
 * The line breaks of `bytes`, or undefined when they are no text as git tells it: a NUL, or a CR
 * outside CRLF (only text has its line endings changed by git, and only text by pack). Bytes in hand
 * are one chunk of an EndingCounter.
 */
function lineBreaksOf(bytes: Uint8Array): LineBreaks | undefined {
  const counter = new EndingCounter();
  counter.add(bytes);
  return counter.breaks();
}

/**
 * The line breaks of bytes that come a chunk at a time (a part unpack streams to its file, whose
 * ending was found by reading the whole file back: 54 MB of the benchmark's 100 MB solution), or of
 * bytes in hand as one chunk. Found with the buffer's native search, not a loop over every byte:
 * unpack and pack look at every part, and a solution's web resources and plugin assemblies run to
 * tens of MB (the byte loop was about a sixth of unpack's time on the benchmark).
 */
export class EndingCounter {
  private crlf = 0;
  private bareLf = false;
  /** A NUL, or a CR outside CRLF: no text. */
  private binary = false;
  /** The last chunk ended in a CR, which the next one's first byte must complete. */
  private pendingCr = false;

  add(bytes: Uint8Array): void {
    if (this.binary || bytes.length === 0) return;
    const buffer = Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.indexOf(0) !== -1 || (this.pendingCr && buffer[0] !== LF)) {
      this.binary = true;
      return;
    }
    // The pairs whose LF is in this chunk: a CR that ended the last chunk pairs with its first byte.
    let crlf = this.pendingCr ? 1 : 0;
    for (let cr = buffer.indexOf(CR); cr !== -1; cr = buffer.indexOf(CR, cr + 1)) {
      if (cr + 1 === buffer.length) break;
      if (buffer[cr + 1] !== LF) {
        this.binary = true;
        return;
      }
      crlf++;
    }
    this.pendingCr = buffer[buffer.length - 1] === CR;
    this.crlf += crlf;
    if (this.bareLf) return;
    // Every CR is followed by an LF: the chunk has a bare LF when it has more LFs than pairs (counted
    // only until it has).
    let lf = 0;
    for (let at = buffer.indexOf(LF); at !== -1 && lf <= crlf; at = buffer.indexOf(LF, at + 1)) lf++;
    this.bareLf = lf > crlf;
  }

  /** The line breaks of all the bytes added; undefined when they are no text. */
  breaks(): LineBreaks | undefined {
    return this.binary || this.pendingCr ? undefined : { crlf: this.crlf, bareLf: this.bareLf };
  }

  /** What recordedEnding says of all the bytes added. */
  recorded(): RecordedEnding | undefined {
    const ending = endingOf(this.breaks());
    return ending === 'lf' ? undefined : ending;
  }
}

/**
 * What unpack records for a part: 'crlf' when every line ends in CRLF, 'mixed' when some do and some
 * end in LF; nothing for a text file without CRLF or a binary one.
 */
export function recordedEnding(bytes: Uint8Array): RecordedEnding | undefined {
  const ending = lineEndingOf(bytes);
  return ending === 'lf' ? undefined : ending;
}

/** How the lines of a text file end: undefined when it has no line break, or is no text. */
export function lineEndingOf(bytes: Uint8Array): 'lf' | RecordedEnding | undefined {
  return endingOf(lineBreaksOf(bytes));
}

function endingOf(breaks: LineBreaks | undefined): 'lf' | RecordedEnding | undefined {
  if (breaks === undefined) return undefined;
  if (breaks.crlf === 0) return breaks.bareLf ? 'lf' : undefined;
  return breaks.bareLf ? 'mixed' : 'crlf';
}

/**
 * `written` with the line endings of `present`, the file it is written over, where every line of that
 * file ends alike (CRLF, or LF); as it is otherwise. A repository's files have the line endings it
 * committed them with, and extraction writes what the solution has (a script Dataverse exports with
 * CRLF) or its own layout (LF): written over a file of the other kind, every line showed as changed.
 */
export function inLineEndingsOf(written: string | Buffer, present: Buffer): string | Buffer {
  const ending = lineEndingOf(present);
  if (ending !== 'crlf' && ending !== 'lf') return written;
  const bytes = Buffer.isBuffer(written) ? written : Buffer.from(written, 'utf8');
  const converted = withRecordedEnding(bytes, ending === 'crlf' ? 'crlf' : undefined);
  return converted === bytes ? written : converted;
}

/**
 * The bytes pack writes for a text part with this recorded ending: every line ending CRLF for
 * 'crlf', LF when nothing is recorded. A 'mixed' file, and a binary one, is written as it is: which
 * of its lines had which ending is not recorded (a checkout that changed it cannot be undone). A part
 * that already has the ending is written as it is too, without being copied.
 */
export function withRecordedEnding(bytes: Buffer, recorded: RecordedEnding | undefined): Buffer {
  if (recorded === 'mixed') return bytes;
  const breaks = lineBreaksOf(bytes);
  if (breaks === undefined) return bytes;
  if (recorded === undefined ? breaks.crlf === 0 : !breaks.bareLf) return bytes;
  const text = bytes.toString('latin1');
  // latin1 maps each byte to one character and back, so bytes of any encoding pass through.
  const lf = text.replace(/\r\n/g, '\n');
  return Buffer.from(recorded === 'crlf' ? lf.replace(/\n/g, '\r\n') : lf, 'latin1');
}
