import yauzl from 'yauzl';
import { missingPathError, unreadablePathError, UsageError } from '@connector-alm/core';
import { ZipError } from './zip-errors.js';

export function openArchive(
  filePath: string,
  displayName: string,
  damagedHint: string,
): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: yauzl would reject unsafe names with a bare message; we check them below
    // and name the entry and the rule instead.
    yauzl.open(
      filePath,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const refused = unreadablePathError(displayName, error);
          // A missing input, or one of the wrong kind, is a usage error (exit code 2), like such a
          // path anywhere else. ENOTDIR: a parent is a file, where the error is located when the zip
          // is named by its path.
          // ELOOP: a link round in a loop, said as such by missingPathError, not as a damaged zip.
          if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP')
            reject(
              displayName === filePath
                ? missingPathError(filePath, 'Check the path of the zip file.')
                : new UsageError('does not exist.', {
                    location: { file: displayName },
                    hint: 'Check the path of the zip file.',
                  }),
            );
          else if (code === 'EISDIR')
            reject(
              new UsageError('is a folder, not a zip archive.', {
                location: { file: displayName },
                hint: 'Give the zip file itself.',
              }),
            );
          // The file system's refusal to open it (a name too long, no permission) is the path's
          // problem: it said "is not a zip archive or is truncated (ENAMETOOLONG …)", and to export
          // the solution again. A zip that opens but does not parse is yauzl's, with no code.
          else if (refused) reject(refused);
          else
            reject(
              new ZipError(
                displayName,
                undefined,
                `is not a zip archive or is truncated (${error.message}).`,
                damagedHint,
              ),
            );
        } else resolve(zip);
      },
    );
  });
}

export function readCentralDirectory(
  zip: yauzl.ZipFile,
  displayName: string,
  damagedHint: string,
): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) =>
      reject(
        new ZipError(
          displayName,
          undefined,
          `has a damaged central directory (${error.message}).`,
          damagedHint,
        ),
      ),
    );
    zip.readEntry();
  });
}
