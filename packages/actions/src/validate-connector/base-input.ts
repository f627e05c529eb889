import { UsageError } from '@connector-alm/core';
import { Git } from '@connector-alm/validator';
import { InputError } from '../runtime/inputs.js';

/**
 * Checks the `base` input names a commit, before anything is validated. git's refusal ('The git ref
 * "origin/mian" does not name a commit') said nothing of where the ref came from, and the same words
 * are said of a pull request's own base; said of the input, with git's advice (fetch it, fetch-depth: 0).
 */
export async function requireBaseInputCommit(base: string, workspace: string): Promise<void> {
  try {
    await new Git(workspace).resolveCommit(base);
  } catch (error) {
    if (error instanceof UsageError)
      throw new InputError('base', `names no commit of the repository: '${base}'.`, error.hint);
    throw error;
  }
}
