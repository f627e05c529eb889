import path from 'node:path';

/**
 * `child` is `root` or lies below it. Compared through `path.relative`, not by string prefix: a
 * prefix test takes `/work/repo-other` for a child of `/work/repo` and fails for the root `/`, and
 * a name that merely starts with two dots (`..config`) is still inside.
 */
export function isWithin(root: string, child: string): boolean {
  const relative = path.relative(root, child);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

/** `child` lies below `root`, and is not `root` itself. */
export function isBelow(root: string, child: string): boolean {
  return path.relative(root, child) !== '' && isWithin(root, child);
}
