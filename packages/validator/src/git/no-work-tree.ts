import { errorMessage, isUserError } from '@connector-alm/core';

/**
 * Why git cannot say anything of a folder, from the error of asking it for the work tree's top level
 * (a repository git refuses for its owner aside, which its callers say with the command that lets git
 * in): `git is not installed here`, `it is not in a git work tree`, or anything else in git's words,
 * its first line. Said in a warning of the command that wanted to know.
 */
export function whyNoWorkTree(error: unknown): string {
  if (!isUserError(error)) return errorMessage(error).split('\n')[0]!;
  if (/not installed/.test(error.message)) return 'git is not installed here';
  return 'it is not in a git work tree';
}
