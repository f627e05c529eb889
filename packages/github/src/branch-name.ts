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

/**
 * Refuses a branch prefix that would make a branch nobody means, before anything is sent: one that
 * does not end with '/', '-' or '_' is glued to the folder (`connector-alm` made
 * `connector-almcertified-connectors/…`, another branch than the last run's, so a second pull request
 * for the connector); one that starts with `refs/` names a branch called `refs/heads/…`; one whose
 * first folder is the base branch's name (`dev/`) clashes with that branch in the fork, which git
 * cannot hold beside it, and GitHub refused the branch after the retries. An empty prefix is none.
 */
export function refuseUnfitBranchPrefix(prefix: string, base: string): void {
  if (prefix === '') return;
  const hint = `Give a prefix that ends with '/', such as '${DEFAULT_BRANCH_PREFIX}' (the default).`;
  if (!/[/_-]$/.test(prefix)) {
    throw new UsageError(
      `The branch prefix "${prefix}" would be glued to the connector's folder ("${prefix}certified-connectors/…").`,
      { hint: `${hint} Keep the prefix of earlier runs: a rerun finds its pull request by its branch.` },
    );
  }
  if (prefix.startsWith('refs/')) {
    throw new UsageError(`The branch prefix "${prefix}" starts with "refs/": the branch would be named so.`, {
      hint: `Give the prefix without "refs/heads/": ${hint}`,
    });
  }
  const first = prefix.split('/')[0]!;
  if (prefix.includes('/') && first.toLowerCase() === base.toLowerCase()) {
    throw new UsageError(
      `The branch prefix "${prefix}" starts with the base branch's name: git cannot hold a branch "${first}" and branches under "${first}/" in one repository, and the fork has "${first}".`,
      { hint },
    );
  }
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
