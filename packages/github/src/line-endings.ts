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

/** The blob SHAs of the file's bytes and of the same text with LF or with CRLF line endings. */
export function lineEndingShas(file: LocalFile): string[] {
  if (!isText(file.content)) return [file.sha];
  const lf = withLf(file.content);
  const crlf = Buffer.from(lf.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
  return [...new Set([file.sha, gitBlobSha(lf), gitBlobSha(crlf)])];
}

/**
 * The files to send, each with the line endings git would commit it with: a text file with CRLF goes
 * up with LF, unless its upstream version has CRLF line endings itself (a quarter of
 * PowerPlatformConnectors' text files do), which git keeps as well (it does not convert a file whose
 * indexed version has CRLF). `readBlob` reads an upstream blob; only such files are read.
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
    if (!hasCrlf(file.content) || (there && hasCrlf(await readBlob(there.sha)))) {
      result.push(file);
      continue;
    }
    const content = withLf(file.content);
    result.push({ ...file, content, sha: gitBlobSha(content) });
  }
  return result;
}
