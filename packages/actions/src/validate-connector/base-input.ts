import { UsageError } from '@connector-alm/core';
import { Git, RepositoryOwnerError, resolveBaseRef } from '@connector-alm/validator';
import { repositoryOwnerInWorkflow } from './repository-owner.js';
import { InputError } from '../runtime/inputs.js';
import { writeAnnotation } from './step-annotations.js';

/**
 * The commit the `base` input names, checked before anything is validated: the ref to compare with.
 * actions/checkout creates only remote-tracking branches, so `base: dev` is read as `origin/dev`, with
 * a notice that says so. git's refusal ('The git ref "origin/mian" does not name a commit') said
 * nothing of where the ref came from, and the same words are said of a pull request's own base; said
 * of the input, with git's advice (fetch it; fetch-depth: 0 in a shallow clone).
 */
export async function resolveBaseInput(base: string, workspace: string): Promise<string> {
  const git = new Git(workspace);
  try {
    const resolved = await resolveBaseRef(git, base);
    await git.resolveCommit(resolved.ref);
    if (resolved.note) writeAnnotation('notice', resolved.note);
    return resolved.ref;
  } catch (error) {
    // Not the ref's fault: git would name no commit of the repository at all.
    if (error instanceof RepositoryOwnerError) throw repositoryOwnerInWorkflow(error);
    if (error instanceof UsageError)
      throw new InputError('base', `names no commit of the repository: '${base}'.`, error.hint);
    throw error;
  }
}
