import { PathTree } from './path-tree.js';
import { ZipError } from './zip-errors.js';

/** One entry's name: as the archive writes it, with '/' between folders, and as the path it is written to. */
export interface EntryNames {
  written: string;
  /** With '/' between folders (see withForwardSlashes). */
  separated: string;
  /** The path it is written to (see withoutDotFolders); a folder's ends with '/'. */
  name: string;
}

interface Recorded extends EntryNames {
  isDirectory: boolean;
}

const SAME_PATH_HINT = 'Zip tools keep one or the other; zip the files again so that each appears once.';
const FILE_AND_FOLDER_HINT =
  'No file system holds a file and a folder of one name; zip the files again without the one that does not belong.';
const CASE_INSENSITIVE = ' on a case-insensitive file system';
const UNICODE_FORMS =
  ' once Unicode-normalized: the two differ only in how an accented letter is encoded, and macOS writes them to one file';

/**
 * The paths that the entries of one archive are written to, checked as each entry is added. Two
 * entries written to one path (the same name twice, 'a//b' beside 'a/b', 'a\b' from Windows beside
 * 'a/b', names that differ in case only, which Windows and macOS write to one file) and a file where
 * another entry needs a folder ('a' beside 'a/b' or 'a/') are refused: zip tools then keep one of
 * them, each its own way, or fail half-way. Errors name both entries as the archive writes them.
 */
export class EntryPaths {
  private readonly paths = new PathTree<Recorded>();

  constructor(private readonly archive: string) {}

  /**
   * Records an entry, or throws if it clashes with an earlier one. False for a folder entry given
   * again: every zip tool makes it once, so it is harmless and listed once.
   */
  add(names: EntryNames, isDirectory: boolean): boolean {
    const entry: Recorded = { ...names, isDirectory };
    const clash = this.paths.place(entry.name.replace(/\/$/, ''), isDirectory, entry);
    if (clash === undefined) return true;
    const other = clash.other;
    switch (clash.kind) {
      case 'same-path':
        if (other.isDirectory && isDirectory && other.name === entry.name) return false;
        throw this.clash(entry, other);
      case 'needed-as-folder':
        throw this.error(
          entry,
          `is a file, but entry '${other.written}' needs it as a folder${caseOnly(clash.folder, entry.name)}.`,
          FILE_AND_FOLDER_HINT,
        );
      case 'file-in-the-way':
        throw this.error(
          entry,
          `needs '${clash.folder}' as a folder, but entry '${other.written}' is a file${caseOnly(clash.folder, other.name)}.`,
          FILE_AND_FOLDER_HINT,
        );
    }
  }

  private clash(entry: Recorded, earlier: Recorded): ZipError {
    if (entry.isDirectory !== earlier.isDirectory) {
      const [is, other] = entry.isDirectory ? ['folder', 'file'] : ['file', 'folder'];
      const differs = caseOnly(entry.name.replace(/\/$/, ''), earlier.name.replace(/\/$/, ''));
      return this.error(
        entry,
        `is a ${is}, but entry '${earlier.written}' is a ${other} of the same name${differs}.`,
        FILE_AND_FOLDER_HINT,
      );
    }
    if (earlier.written === entry.written) return this.error(entry, 'appears twice.', SAME_PATH_HINT);
    if (earlier.name !== entry.name)
      return this.error(
        entry,
        `has the same name as '${earlier.written}'${collidesAs(entry.name, earlier.name)}.`,
        SAME_PATH_HINT,
      );
    const reasons = [
      ...([entry, earlier].some((names) => names.written !== names.separated)
        ? ["'\\' is read as a folder separator"]
        : []),
      ...([entry, earlier].some((names) => names.separated !== names.name)
        ? ["empty and '.' folder names are left out, as zip tools write them"]
        : []),
    ];
    return this.error(
      entry,
      `has the same name as '${earlier.written}' once ${reasons.join(' and ')}.`,
      SAME_PATH_HINT,
    );
  }

  private error(entry: Recorded, problem: string, hint: string): ZipError {
    return new ZipError(this.archive, entry.written, problem, hint);
  }
}

/** Said of two paths that are one only where case does not count. */
function caseOnly(a: string, b: string): string {
  return a === b ? '' : collidesAs(a, b);
}

/**
 * Why two names that differ are one file: their case, or only their Unicode normalization (é as one
 * character or as e and a combining accent), which print alike, so the message must say which.
 */
function collidesAs(a: string, b: string): string {
  return a.normalize('NFC') === b.normalize('NFC') ? UNICODE_FORMS : CASE_INSENSITIVE;
}
