import { shellWord, UsageError } from '@connector-alm/core';

/**
 * git's refusal to work in a repository that belongs to another user than the one running it (git
 * 2.35.2 on, against CVE-2022-24765), in its two wordings: `detected dubious ownership in
 * repository at '<path>'` (2.36 on) and `unsafe repository ('<path>' is owned by someone else)`
 * (2.35.2 to 2.35.x). Self-hosted runners and container jobs meet it when the workspace was checked
 * out by another user, and it was reported as a bug of ours ("failed unexpectedly"). git quotes the
 * path without escaping it, so a path may hold a quote (`/home/o'brien/repo`): it is read up to the
 * quote that ends git's line.
 */
const REFUSALS = [
  /detected dubious ownership in repository at '(.+)'\r?$/m,
  /unsafe repository \('(.+)' is owned by someone else\)\r?$/m,
];

/** The repository git names in `stderr` when it refused it for its owner, or undefined for any other failure. */
export function repositoryRefusedForOwner(stderr: string): string | undefined {
  for (const refusal of REFUSALS) {
    const match = refusal.exec(stderr);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * git refused the repository for its owner: the setup of the machine, not a failure of ours, so it is
 * said at the repository with the command that lets git in. A usage error, as a path the command
 * cannot work on is (exit code 2 on the CLI). The action says it in its own words (`base: none`).
 */
export class RepositoryOwnerError extends UsageError {
  constructor(readonly repository: string) {
    super(
      'belongs to another user than the one running connector-alm, and git refuses to work in it ("detected dubious ownership").',
      {
        location: { file: repository },
        hint: `${trustHint(repository)} Or leave out the base ref, to validate without comparing with it (no git needed).`,
      },
    );
  }
}

/**
 * The command of a workflow step that marks the workspace safe for git, whoever checked it out, in the
 * default shell of the runner's system: bash's `"$GITHUB_WORKSPACE"` is an unset variable to PowerShell
 * (pwsh, the default shell on Windows), where it would add an empty safe.directory.
 */
export function trustWorkspace(platform: NodeJS.Platform = process.platform): string {
  const workspace = platform === 'win32' ? '"$env:GITHUB_WORKSPACE"' : '"$GITHUB_WORKSPACE"';
  return `git config --global --add safe.directory ${workspace}`;
}

/**
 * The command that marks the repository safe, on a machine and on GitHub Actions. actions/checkout
 * marks the workspace safe for its own git commands only (in a global configuration of its own, gone
 * when it ends: actions/checkout#766, #2031), so a later step that runs as another user than the
 * checkout did (a container job, a self-hosted runner) meets the refusal. Both in the shell of the
 * system that met it, which on a runner is the step's default shell.
 */
export function trustHint(repository: string, platform: NodeJS.Platform = process.platform): string {
  return [
    `If you trust it, tell git so: git config --global --add safe.directory ${shellWord(repository, platform)}.`,
    `On GitHub Actions (a container job, a self-hosted runner), add a step before this one that runs ${trustWorkspace(platform)}.`,
  ].join(' ');
}
