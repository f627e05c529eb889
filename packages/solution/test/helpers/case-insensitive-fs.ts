import * as realFs from 'node:fs';
import path from 'node:path';

/**
 * node:fs as a case-insensitive, case-preserving file system (NTFS on Windows, APFS on macOS) sees
 * the folders under `root()`: a path finds an entry whose name differs only in case, a new entry
 * keeps the case it is given, a rename to another case of the same name renames it, and a rename
 * over an entry of another case replaces it but keeps the name it had. Linux has no such file
 * system to test on; for `jest.unstable_mockModule('node:fs', …)`.
 */
export function caseInsensitiveFs(root: () => string | undefined): typeof realFs {
  const resolve = (given: realFs.PathLike): string => {
    const absolute = path.resolve(String(given));
    const base = root();
    if (base === undefined || !absolute.startsWith(base + path.sep)) return absolute;
    let current = base;
    for (const segment of absolute.slice(base.length + 1).split(path.sep)) {
      let names: string[] = [];
      try {
        names = realFs.readdirSync(current);
      } catch {
        // A folder that does not exist: the rest is taken as given.
      }
      const found = names.includes(segment)
        ? segment
        : names.find((name) => name.toLowerCase() === segment.toLowerCase());
      current = path.join(current, found ?? segment);
    }
    return current;
  };
  const real = realFs.promises;
  const promises = {
    ...real,
    lstat: (file: realFs.PathLike, ...rest: []) => real.lstat(resolve(file), ...rest),
    stat: (file: realFs.PathLike, ...rest: []) => real.stat(resolve(file), ...rest),
    readdir: (file: realFs.PathLike, options?: unknown) =>
      real.readdir(resolve(file), options as { withFileTypes: true }),
    readFile: (file: realFs.PathLike, options?: unknown) =>
      real.readFile(resolve(file), options as undefined),
    writeFile: (file: realFs.PathLike, data: string | Buffer, options?: unknown) =>
      real.writeFile(resolve(file), data, options as undefined),
    mkdir: (file: realFs.PathLike, options?: realFs.MakeDirectoryOptions) =>
      real.mkdir(resolve(file), options),
    rm: (file: realFs.PathLike, options?: realFs.RmOptions) => real.rm(resolve(file), options),
    rmdir: (file: realFs.PathLike) => real.rmdir(resolve(file)),
    realpath: (file: realFs.PathLike) => real.realpath(resolve(file)),
    rename: async (from: realFs.PathLike, to: realFs.PathLike) => {
      const source = resolve(from);
      const destination = resolve(to);
      // The same entry under another case: a case-only rename, to the case given.
      if (source === destination)
        return real.rename(source, path.join(path.dirname(source), path.basename(String(to))));
      return real.rename(source, destination);
    },
  } as unknown as typeof real;
  const createReadStream = ((file: realFs.PathLike, options?: unknown) =>
    realFs.createReadStream(resolve(file), options as undefined)) as typeof realFs.createReadStream;
  const module = { ...realFs, promises, createReadStream };
  return { ...module, default: module } as unknown as typeof realFs;
}
