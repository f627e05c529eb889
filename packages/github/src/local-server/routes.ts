import type { Handler } from './handlers/context.js';
import { compareCommits } from './handlers/compare.js';
import * as git from './handlers/git.js';
import * as pulls from './handlers/pulls.js';
import * as repos from './handlers/repos.js';
import * as users from './handlers/users.js';

/** The handler of each implemented operation, by GitHub's operationId. */
export const HANDLERS: Record<string, Handler> = {
  'users/get-authenticated': users.getAuthenticatedUser,
  'repos/get': repos.getRepository,
  'repos/create-fork': repos.createFork,
  'repos/merge-upstream': repos.mergeUpstream,
  'repos/compare-commits-with-basehead': compareCommits,
  'git/get-ref': git.getRef,
  'git/create-ref': git.createRef,
  'git/update-ref': git.updateRef,
  'git/create-blob': git.createBlob,
  'git/get-blob': git.getBlob,
  'git/create-tree': git.createTree,
  'git/get-tree': git.getTree,
  'git/create-commit': git.createCommit,
  'git/get-commit': git.getCommit,
  'pulls/list': pulls.listPulls,
  'pulls/get': pulls.getPull,
  'pulls/create': pulls.createPull,
  'pulls/update': pulls.updatePull,
  'pulls/list-files': pulls.listPullFiles,
  'pulls/request-reviewers': pulls.requestReviewers,
  'issues/add-labels': pulls.addLabels,
};
