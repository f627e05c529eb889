import { UsageError } from '@connector-alm/core';

export const DEFAULT_BRANCH_PREFIX = 'connector-alm/';

/**
 * The pull request branch of a connector: the prefix and the target folder, made safe for git. The
 * same connector always gets the same branch, which is how a rerun finds and updates its pull request
 * instead of opening another one.
 */
export function branchNameFor(targetFolder: string, prefix: string = DEFAULT_BRANCH_PREFIX): string {
  const slug = targetFolder
    .split('/')
    .map((segment) =>
      segment
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[-.]+|[-.]+$/g, ''),
    )
    .filter(Boolean)
    .join('/');
  const name = `${prefix}${slug}`;
  if (!isValidBranchName(name)) {
    throw new UsageError(`"${name}" is not a valid branch name.`, {
      hint: 'Choose a branch prefix of letters, digits, "-", "_", "." and "/".',
    });
  }
  return name;
}

/** The rules of git check-ref-format that a branch name built from a prefix can break. */
export function isValidBranchName(name: string): boolean {
  return (
    name.length > 0 &&
    ![...name].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f) &&
    !/[\s~^:?*[\\]/.test(name) &&
    !name.includes('..') &&
    !name.includes('//') &&
    !name.includes('@{') &&
    !name.startsWith('/') &&
    !name.endsWith('/') &&
    !name.endsWith('.') &&
    !name.endsWith('.lock') &&
    !name.split('/').some((part) => part.startsWith('.'))
  );
}
