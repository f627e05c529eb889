import { createHash } from 'node:crypto';
import { oneOf, trimWhere, UsageError } from '@connector-alm/core';

export const DEFAULT_BRANCH_PREFIX = 'connector-alm/';

/**
 * The pull request branch of a connector: the prefix and the target folder, made safe for git. The
 * same connector always gets the same branch, which is how a rerun finds and updates its pull request
 * instead of opening another one.
 */
export function branchNameFor(targetFolder: string, prefix: string = DEFAULT_BRANCH_PREFIX): string {
  const segments = targetFolder.split('/').filter(Boolean);
  const slugs = segments.map(slugOf);
  // Letters and digits beyond ASCII are dropped, so `Äpfel` and `Öpfel` would share `pfel` (and one
  // connector's run would overwrite the other's pull request): such names get a short hash of the
  // exact folder. Other names keep their branch (punctuation becomes `-`), so reruns still find
  // their pull requests.
  if (segments.some((segment) => /[^\P{L}A-Za-z]|[^\P{N}0-9]/u.test(segment) || slugOf(segment) === '')) {
    const hash = createHash('sha256').update(targetFolder).digest('hex').slice(0, 8);
    const last = slugs.length - 1;
    slugs[last] = slugs[last] ? `${slugs[last]}-${hash}` : hash;
  }
  const name = `${prefix}${slugs.filter(Boolean).join('/')}`;
  if (!isValidBranchName(name)) {
    throw new UsageError(`"${name}" is not a valid branch name.`, {
      hint: 'Choose a branch prefix of letters, digits, "-", "_", "." and "/".',
    });
  }
  return name;
}

function slugOf(segment: string): string {
  const slug = segment
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.');
  // git refuses a part of a ref that ends in `.lock` (its lock files are named so): a folder named
  // `Contoso.lock` gets `contoso-lock`, as other punctuation becomes `-`.
  return trimWhere(slug, oneOf('-.')).replace(/\.lock$/, '-lock');
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
    !name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))
  );
}
