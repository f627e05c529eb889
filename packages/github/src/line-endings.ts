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

/**
 * The blob SHAs of the file's bytes and of the same text with LF or CRLF line endings, each with and
 * without a final newline: a file that differs from the upstream's only so is no change. Editors and
 * extract-connectors write LF and a final newline, and a quarter of PowerPlatformConnectors' text
 * files have CRLF, some no final newline: sent, the pull request's diff would rewrite every line.
 */
export function lineEndingShas(file: LocalFile): string[] {
  if (!isText(file.content)) return [file.sha];
  const lf = withLf(file.content);
  const variants = [true, false].flatMap((finalNewline) => {
    const text = withFinalNewline(lf, finalNewline);
    return [gitBlobSha(text), gitBlobSha(withCrlf(text))];
  });
  return [...new Set([file.sha, ...variants])];
}

/**
 * The text in the upstream version's style: its line endings (CRLF when it has any, as git keeps a
 * file whose indexed version has CRLF) and its final newline or none, so that the pull request's diff
 * shows the lines that changed, not every line of the file.
 */
export function inStyleOf(content: Buffer, upstream: Buffer): Buffer {
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
