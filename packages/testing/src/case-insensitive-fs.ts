import * as realFs from 'node:fs';
import path from 'node:path';

/** Functions whose second argument is a path too. */
const TWO_PATHS = new Set([
  'rename',
  'renameSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'link',
  'linkSync',
]);
const RENAMES = new Set(['rename', 'renameSync']);
const REALPATHS = new Set(['realpath', 'realpathSync']);

/**
 * node:fs as it behaves on a case-insensitive, case-preserving file system (NTFS on Windows, APFS on
 * macOS), for the folders under `root()`; elsewhere it is node:fs. A path finds an entry whose name
 * differs only in case; a new entry keeps the case it is given; a rename to another case of the same
 * name renames it; a rename over an entry of another case replaces it but keeps the name it had.
 * `realpath` keeps the case it is given, as Node's JavaScript realpath does on Windows, while
 * `realpath.native` answers the case on disk, as the OS's does. Linux has no such file system to test
 * on: for `jest.unstable_mockModule('node:fs', () => caseInsensitiveFs(() => root))`.
 */
export function caseInsensitiveFs(root: () => string | undefined): typeof realFs {
  const inside = (given: unknown): given is string => {
    const base = root();
    return typeof given === 'string' && base !== undefined && path.resolve(given).startsWith(base + path.sep);
  };
  /** The path of the entries the given path finds, as they are named on disk. */
  const onDisk = (given: string): string => {
    const base = root()!;
    let current = base;
    for (const segment of path
      .resolve(given)
      .slice(base.length + 1)
      .split(path.sep)) {
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
  const mapArgs = (name: string, args: unknown[]): unknown[] => {
    const mapped = [...args];
    if (inside(mapped[0])) mapped[0] = onDisk(mapped[0]);
    if (TWO_PATHS.has(name) && inside(mapped[1])) {
      const target = onDisk(mapped[1]);
      // The same entry under another case: a case-only rename, to the case given.
      mapped[1] =
        RENAMES.has(name) && target === mapped[0]
          ? path.join(path.dirname(target), path.basename(String(args[1])))
          : target;
    }
    return mapped;
  };

  const wrapAll = (source: Record<string, unknown>): Record<string, unknown> => {
    const wrapped: Record<string, unknown> = { ...source };
    for (const [name, value] of Object.entries(source)) {
      if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue;
      const fn = value as (...args: unknown[]) => unknown;
      let replacement: (...args: unknown[]) => unknown = (...args) => fn(...mapArgs(name, args));
      if (REALPATHS.has(name)) {
        // Resolved on disk (so a missing file still fails), answered in the case given.
        replacement = (...args) => {
          if (!inside(args[0])) return fn(...args);
          const given = path.resolve(args[0]);
          const last = args[args.length - 1];
          if (typeof last === 'function') {
            const callback = last as (error: unknown, resolved?: string) => void;
            return fn(onDisk(given), ...args.slice(1, -1), (error: unknown) =>
              error ? callback(error) : callback(null, given),
            );
          }
          const result = fn(onDisk(given), ...args.slice(1));
          // A promise of node:fs is of another realm than a test's, so no `instanceof Promise`.
          return isThenable(result) ? result.then(() => given) : given;
        };
        const native = (value as { native?: (...args: unknown[]) => unknown }).native;
        if (native) {
          (replacement as unknown as { native: unknown }).native = (...args: unknown[]) =>
            native(...mapArgs(name, args));
        }
      }
      // fs.read promisifies to what its callback gives (`{ bytesRead, buffer }`), not to the first
      // value, by a symbol Node keeps on the function: without it, `promisify(read)` answered a
      // number, and no zip could be read. Every symbol of the function is kept so.
      for (const symbol of Object.getOwnPropertySymbols(fn))
        Object.defineProperty(replacement, symbol, Object.getOwnPropertyDescriptor(fn, symbol)!);
      wrapped[name] = replacement;
    }
    return wrapped;
  };

  const promises = wrapAll(realFs.promises as unknown as Record<string, unknown>);
  const module = { ...wrapAll(realFs as unknown as Record<string, unknown>), promises };
  return { ...module, default: module } as unknown as typeof realFs;
}

function isThenable(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}
