/**
 * One hunk of a zero-context diff (`git diff --unified=0`): `oldCount` lines from `oldStart` were
 * replaced by `newCount` lines from `newStart`. A count of 0 is a pure insertion (or deletion), and
 * its start is then the line after which it happens, as git writes it.
 */
export interface LineHunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

/** How one file's lines changed between two commits: its hunks, in order, or binary (no lines to follow). */
export type FileLineChanges = { binary: false; hunks: LineHunk[] } | { binary: true };

/**
 * Where line `line` of the old version is in the new one, or undefined when the new version does not
 * have it (it is in a hunk: changed or deleted). Every hunk that ends before it shifts it by what it
 * added or took away.
 */
export function lineAfterChanges(changes: FileLineChanges, line: number): number | undefined {
  if (changes.binary) return undefined;
  let shift = 0;
  for (const hunk of changes.hunks) {
    // The last old line the hunk covers; an insertion covers none and happens after its start.
    const last = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart + hunk.oldCount - 1;
    if (last < line) {
      shift += hunk.newCount - hunk.oldCount;
      continue;
    }
    if (hunk.oldCount > 0 && hunk.oldStart <= line) return undefined;
    break;
  }
  return line + shift;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const FILE_HEADER = 'diff --git ';

/**
 * The line changes per file of `git diff --unified=0 --no-renames --src-prefix=a/ --dst-prefix=b/`,
 * keyed by the file's path as git names it. Without renames a file has one path, `a/<path> b/<path>`
 * in its header, so the path is read from the header's length and no file name can be mistaken for the
 * separator; git quotes a name that holds a quote, a backslash or a control character (unquoted
 * here). A file listed with no hunk (only its mode changed) has the same lines.
 */
export function parseLineChanges(patch: string): Map<string, FileLineChanges> {
  const files = new Map<string, FileLineChanges>();
  let current: LineHunk[] | undefined;
  let currentPath: string | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith(FILE_HEADER)) {
      currentPath = headerPath(line.slice(FILE_HEADER.length));
      current = [];
      if (currentPath !== undefined) files.set(currentPath, { binary: false, hunks: current });
      continue;
    }
    if (currentPath === undefined || current === undefined) continue;
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      current.push({
        oldStart: Number(hunk[1]),
        oldCount: hunk[2] === undefined ? 1 : Number(hunk[2]),
        newStart: Number(hunk[3]),
        newCount: hunk[4] === undefined ? 1 : Number(hunk[4]),
      });
    } else if (current.length === 0 && line.startsWith('Binary files ')) {
      files.set(currentPath, { binary: true });
    }
  }
  return files;
}

/** The path of a header's `a/<path> b/<path>` (both the same), or undefined for one it cannot read. */
function headerPath(names: string): string | undefined {
  if (names.startsWith('"')) {
    // `"a/<quoted>" "b/<quoted>"`: both quoted alike, so each takes half of the text but the space.
    const quoted = names.slice(0, (names.length - 1) / 2);
    const unquoted = unquoteC(quoted);
    return unquoted?.startsWith('a/') ? unquoted.slice(2) : undefined;
  }
  if (!names.startsWith('a/') || (names.length - 5) % 2 !== 0) return undefined;
  const length = (names.length - 5) / 2;
  const path = names.slice(2, 2 + length);
  return names === `a/${path} b/${path}` ? path : undefined;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** A name as git quotes it (C style, other bytes in octal), as UTF-8; undefined when it is not so quoted. */
export function unquoteC(quoted: string): string | undefined {
  if (quoted.length < 2 || !quoted.startsWith('"') || !quoted.endsWith('"')) return undefined;
  const bytes: number[] = [];
  // By code points: a name with a quote keeps its other characters as they are (core.quotepath=off).
  const chars = Array.from(quoted.slice(1, -1));
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = chars[index + 1];
    if (next === undefined) return undefined;
    const octal = /^[0-3][0-7]{2}$/.exec(chars.slice(index + 1, index + 4).join(''));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      index += 3;
    } else if (Object.hasOwn(ESCAPES, next)) {
      bytes.push(ESCAPES[next]!);
      index += 1;
    } else return undefined;
  }
  return Buffer.from(bytes).toString('utf8');
}
