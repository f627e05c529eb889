import { execFileSync } from 'node:child_process';

export interface GitIdentity {
  name: string;
  email: string;
}

export const TEST_GIT_IDENTITY: GitIdentity = { name: 't', email: 't@example.com' };

/**
 * git in a folder, its output trimmed. The identity is given to every call, so that commits work on
 * any machine: CI runners and fresh clones have no user.name or user.email configured.
 */
export function runGit(
  cwd: string,
  args: readonly string[],
  identity: GitIdentity = TEST_GIT_IDENTITY,
): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: identity.name,
      GIT_AUTHOR_EMAIL: identity.email,
      GIT_COMMITTER_NAME: identity.name,
      GIT_COMMITTER_EMAIL: identity.email,
    },
  }).trim();
}
