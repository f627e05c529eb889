import { gitBlobSha, type LocalFile } from './connector-files.js';
import type { RemoteFile } from './remote-file.js';

/**
 * Line endings of a connector's text files. Git for Windows checks text files out with CRLF and
 * commits them with LF (core.autocrlf, its default, also on GitHub's Windows runners), so the bytes
 * in a Windows work tree are not those of the repository: sent as they are, every file of the
 * connector would differ from the upstream's and come back as a whole-file change.
 */

const CR = 0x0d;
const LF = 0x0a;

/** Text as git judges it: no NUL byte, and every CR part of a CR LF (git leaves other files alone). */
export function isText(content: Buffer): boolean {
  if (content.subarray(0, 8000).includes(0)) return false;
  for (let at = content.indexOf(CR); at !== -1; at = content.indexOf(CR, at + 1)) {
    if (content[at + 1] !== LF) return false;
  }
  return true;
}

function hasCrlf(content: Buffer): boolean {
  return content.includes('\r\n') && isText(content);
}

/** The text with LF line endings, as git commits a CRLF checkout. */
export function withLf(content: Buffer): Buffer {
  return Buffer.from(content.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
}

/** The text with CRLF line endings, as the upstream's CRLF files are committed. */
function withCrlf(content: Buffer): Buffer {
  return Buffer.from(withLf(content).toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
}

function endsWithNewline(content: Buffer): boolean {
  return content.length > 0 && content[content.length - 1] === LF;
}

/** The LF text with a final newline, or without one (an empty text stays empty). */
function withFinalNewline(lf: Buffer, wanted: boolean): Buffer {
  if (lf.length === 0 || endsWithNewline(lf) === wanted) return lf;
  return wanted ? Buffer.concat([lf, Buffer.from('\n')]) : lf.subarray(0, lf.length - 1);
}

/** Whether the text ends in a blank line (`abc\n\n`): more than a final newline. */
function endsWithBlankLine(lf: Buffer): boolean {
  return lf.length > 1 && lf[lf.length - 1] === LF && lf[lf.length - 2] === LF;
}

/**
 * The blob SHAs of the file's bytes and of the same text with LF or CRLF line endings, each with and
 * without a final newline: a file that differs from the upstream's only so is no change. Editors and
 * extract-connectors write LF and a final newline, and a quarter of PowerPlatformConnectors' text
 * files have CRLF, some no final newline: sent, the pull request's diff would rewrite every line.
 * A text ending in a blank line has no variant without its last newline: `abc\n\n` against the
 * upstream's `abc\n` is a line added, not a final newline.
 */
export function lineEndingShas(file: LocalFile): string[] {
  if (!isText(file.content)) return [file.sha];
  const lf = withLf(file.content);
  const finalNewlines = endsWithBlankLine(lf) ? [true] : [true, false];
  const variants = finalNewlines.flatMap((finalNewline) => {
    const text = withFinalNewline(lf, finalNewline);
    return [gitBlobSha(text), gitBlobSha(withCrlf(text))];
  });
  return [...new Set([file.sha, ...variants])];
}

/** Whether the text has both CRLF and lone LF line endings. */
function hasMixedLineEndings(text: Buffer): boolean {
  let lines = 0;
  let crlf = 0;
  for (let at = text.indexOf(LF); at !== -1; at = text.indexOf(LF, at + 1)) {
    lines++;
    if (text[at - 1] === CR) crlf++;
  }
  return crlf > 0 && crlf < lines;
}

/**
 * The text in the upstream version's style: its line endings (CRLF when it has them, as git keeps a
 * file whose indexed version has CRLF) and its final newline or none, so that the pull request's diff
 * shows the lines that changed, not every line of the file. An upstream version with both CRLF and LF
 * lines has no one style: the text goes as it is, as a checkout of it has each line's own ending
 * (git converts no file whose indexed version has CRLF), and converting it would rewrite the lines of
 * the other ending.
 */
export function inStyleOf(content: Buffer, upstream: Buffer): Buffer {
  if (hasMixedLineEndings(upstream)) return content;
  const lf =
    upstream.length === 0 ? withLf(content) : withFinalNewline(withLf(content), endsWithNewline(upstream));
  return hasCrlf(upstream) ? withCrlf(lf) : lf;
}

/**
 * The files to send, each as git would commit it and in its upstream version's style: a text file
 * that the upstream has as text takes that version's line endings and final newline (inStyleOf); any
 * other text file with CRLF goes up with LF, as git commits a Windows checkout. `readBlob` reads an
 * upstream blob; only those of text files to send are read.
 */
export async function withUpstreamLineEndings(
  files: readonly LocalFile[],
  remote: readonly RemoteFile[],
  readBlob: (sha: string) => Promise<Buffer>,
): Promise<LocalFile[]> {
  const remoteByPath = new Map(remote.map((file) => [file.path, file]));
  const result: LocalFile[] = [];
  for (const file of files) {
    const there = remoteByPath.get(file.path);
    if (!isText(file.content)) {
      result.push(file);
      continue;
    }
    const upstream = there && (await readBlob(there.sha));
    const content =
      upstream && isText(upstream)
        ? inStyleOf(file.content, upstream)
        : hasCrlf(file.content)
          ? withLf(file.content)
          : file.content;
    result.push(content.equals(file.content) ? file : { ...file, content, sha: gitBlobSha(content) });
  }
  return result;
}
