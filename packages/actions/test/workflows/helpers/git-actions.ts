import path from 'node:path';
import { runGit, type ExternalActionSpec } from '@connector-alm/testing';

/** The inputs of actions/checkout v7 (its action.yml), so that a misspelled one is refused. */
const CHECKOUT_INPUTS = [
  'repository',
  'ref',
  'token',
  'ssh-key',
  'ssh-known-hosts',
  'ssh-strict',
  'ssh-user',
  'persist-credentials',
  'path',
  'clean',
  'filter',
  'sparse-checkout',
  'sparse-checkout-cone-mode',
  'fetch-depth',
  'fetch-tags',
  'show-progress',
  'reference',
  'lfs',
  'submodules',
  'set-safe-directory',
  'github-server-url',
];

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

/** git in a folder, with an identity so that commits work on any machine. */
export function git(cwd: string, args: readonly string[], identity = BOT): string {
  return runGit(cwd, args, identity);
}

/**
 * actions/checkout, played with real git: clones the bare "origin" repository into the workspace, as
 * shallow as fetch-depth says (1 by default, as the real action), on `ref` or the default branch.
 */
export function checkoutFrom(origin: string): ExternalActionSpec {
  return {
    inputs: CHECKOUT_INPUTS,
    run: (inputs, workspace) => {
      const depth = inputs['fetch-depth'] === undefined ? '1' : inputs['fetch-depth'];
      const target = path.resolve(workspace, inputs.path ?? '');
      // A tag checks out as a detached HEAD, which the real action does without git's advice either.
      const args = ['-c', 'advice.detachedHead=false', 'clone', '--quiet', `file://${origin}`, target];
      if (depth !== '0') args.push('--depth', depth);
      if (inputs.ref) args.push('--branch', inputs.ref);
      git(workspace, args);
      return {};
    },
  };
}
