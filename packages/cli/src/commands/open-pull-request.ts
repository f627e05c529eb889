import type { Command } from 'commander';
import { Option } from 'commander';
import {
  UsageError,
  createConsoleLogger,
  plural,
  printable,
  shellWord,
  yamlSwaggerConversion,
} from '@connector-alm/core';
import {
  DEFAULT_BASE,
  DEFAULT_BRANCH_PREFIX,
  DEFAULT_UPSTREAM,
  checkConnectorArguments,
  openPullRequests,
  refusedResults,
  writeIntervalFromEnv,
  type PullRequestResult,
  IGNORED_SWAGGER_ADVICE,
} from '@connector-alm/github';
import { FAIL_ON_LEVELS, formatFindingLine, loadConfig, type FailOn } from '@connector-alm/validator';
import { debugRequested } from '../debug-switch.js';
import { ExitCode, useColor } from '../io.js';
import type { CommandContext } from '../command-context.js';
import { configOption } from '../config-option.js';
import { emptyMeansNone } from '../empty-values.js';
import { optionDefaultingTo } from '../option-help.js';
import { collect } from '../repeatable-option.js';
import { writeOutput } from '../workflow-safe.js';

interface PullRequestOptions {
  token?: string;
  apiUrl?: string;
  upstream: string;
  base: string;
  targetFolder?: string;
  branchPrefix: string;
  title?: string;
  body?: string;
  draft: boolean;
  label: string[];
  reviewer: string[];
  maintainerCanModify: boolean;
  syncFork?: boolean;
  failOn: FailOn;
  failOnBreaking?: boolean;
  resubmit?: boolean;
  config?: string;
  format: 'text' | 'json';
}

/**
 * `connector-alm pr <connector...>`: the open-pull-request action outside Actions. The token comes
 * from --token or GITHUB_TOKEN/GH_TOKEN in the environment (never from a file we would print), the
 * API root from --api-url or GITHUB_API_URL.
 */
const TOKEN_ON_COMMAND_LINE =
  '--token shows the token to other users of this machine (in the process list) and keeps it in your shell history: set GITHUB_TOKEN or GH_TOKEN instead. With the GitHub CLI signed in as the fork owner: GITHUB_TOKEN=$(gh auth token) connector-alm pr … in bash or zsh; $env:GITHUB_TOKEN = gh auth token; connector-alm pr … in PowerShell.';

export function registerOpenPullRequestCommand(program: Command, context: CommandContext): void {
  program
    .command('pr')
    .description(
      'open or update a pull request with a connector folder against PowerPlatformConnectors, from your fork',
    )
    .argument('<connectors...>', 'connector folders; each gets its own branch and pull request')
    .addOption(
      optionDefaultingTo(
        '--token <token>',
        'a classic personal access token of the fork owner, with the public_repo scope',
        '$GITHUB_TOKEN or $GH_TOKEN',
      ),
    )
    .addOption(
      optionDefaultingTo(
        '--api-url <url>',
        'the GitHub REST API root, for GitHub Enterprise',
        '$GITHUB_API_URL or https://api.github.com',
      ),
    )
    .option('--upstream <owner/repo>', 'repository that receives the pull request', DEFAULT_UPSTREAM)
    .option('--base <branch>', 'upstream branch the pull request targets', DEFAULT_BASE)
    .addOption(
      optionDefaultingTo(
        '--target-folder <folder>',
        'the folder in the upstream (with one connector only)',
        "in a PowerPlatformConnectors checkout, the connector folder's path there (certified-connectors/Snowflake v2/ConnectorArtifacts); elsewhere the profile's top folder (certified-connectors, independent-publisher-connectors or custom-connectors), then the connector folder's name; a connector the upstream has in another folder named alike (the same host, or the same title in the same top folder) is then refused, naming that folder",
      ),
    )
    .option(
      '--branch-prefix <prefix>',
      "prefix of the branch in the fork, ending with '/', '-' or '_'",
      DEFAULT_BRANCH_PREFIX,
    )
    .addOption(
      optionDefaultingTo(
        '--title <title>',
        'the pull request title; one without "(Independent Publisher)" for such a connector gets a warning, and a title edited on the open pull request is kept',
        'the info.title of the connector\'s swagger, followed by "(Independent Publisher)" for such a connector, as the upstream names pull requests',
      ),
    )
    .addOption(
      emptyMeansNone(new Option('--body <text>', "text put before the generated body ('' for none)")),
    )
    .option('--draft', 'open new pull requests as drafts (an open one keeps its state)', false)
    .option(
      '--label <label>',
      'add this label to a new pull request (repeatable; a label that cannot be added is a warning)',
      collect,
      [],
    )
    .option(
      '--reviewer <login>',
      'ask this reviewer to review a new pull request (repeatable; one that cannot be asked is a warning)',
      collect,
      [],
    )
    .option(
      '--no-maintainer-can-modify',
      'do not let upstream maintainers push to the branch (new and open pull requests)',
    )
    .option('--sync-fork', "fast-forward the fork's base branch to the upstream's first")
    .addOption(
      new Option(
        '--fail-on <level>',
        "submit nothing for a connector with a validation finding, or a warning about its change against the upstream's version, at this level (never: submit it anyway)",
      )
        .choices(FAIL_ON_LEVELS)
        .default('error'),
    )
    .option(
      '--fail-on-breaking',
      "submit nothing for a connector with breaking changes against the upstream's version of it (without it, the pull request lists them for its reviewers)",
    )
    .option(
      '--resubmit',
      'open a new pull request for a connector that has not changed since its last pull request was closed (without it, the run opens none and says so)',
    )
    .addOption(configOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (connectors: string[], options: PullRequestOptions) => {
      try {
        await submitConnectors(connectors, options, program, context);
      } finally {
        // --token is still taken, as scripts pass it so (the Dataverse commands take no secret on the
        // command line at all, for this reason). Said once the run is through, where it is read, and
        // also when it fails, a usage error included: the token is in the shell's history whatever
        // became of the run.
        if (options.token) context.io.stderr.write(`warning: ${TOKEN_ON_COMMAND_LINE}\n`);
      }
    });
}

/** Submits each connector and says how it went; the action around it warns about --token. */
async function submitConnectors(
  connectors: string[],
  options: PullRequestOptions,
  program: Command,
  context: CommandContext,
): Promise<void> {
  const { io } = context;
  // What can be checked here first, the token last: `pr nope` is told of its path, not of the token
  // it would need, and a mistake in a later connector's path stops the run before the first is sent.
  const writeIntervalMs = writeIntervalFromEnv(io.env);
  if (options.targetFolder && connectors.length > 1)
    throw new UsageError('--target-folder can only be given for a single connector.');
  await checkConnectorArguments(connectors, io.cwd);
  // Read as validate reads it, before any request: a mistake in it is a usage error on its line.
  const config = await loadConfig({ cwd: io.cwd, explicitPath: options.config, paths: connectors });
  const token = options.token || io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) {
    throw new UsageError('No GitHub token.', {
      hint: 'Set GITHUB_TOKEN (or GH_TOKEN) to a classic personal access token of the fork owner (public_repo scope).',
    });
  }
  // Progress goes to stderr, so that stdout holds only the result (JSON with --format json).
  const logger = createConsoleLogger({
    progress: io.stderr,
    diagnostics: io.stderr,
    debug: debugRequested(program.opts().debug, io.env),
    runner: io.env.GITHUB_ACTIONS === 'true',
  });
  const results: PullRequestResult[] = [];
  try {
    const submissions = openPullRequests(
      {
        token,
        apiUrl: options.apiUrl || io.env.GITHUB_API_URL || 'https://api.github.com',
        upstream: options.upstream,
        base: options.base,
        connectors,
        cwd: io.cwd,
        targetFolder: options.targetFolder,
        branchPrefix: options.branchPrefix,
        title: options.title,
        body: options.body,
        draft: options.draft,
        labels: options.label,
        reviewers: options.reviewer,
        maintainerCanModify: options.maintainerCanModify,
        syncFork: options.syncFork ?? false,
        failOn: options.failOn,
        failOnBreaking: options.failOnBreaking ?? false,
        resubmit: options.resubmit ?? false,
        config,
      },
      { logger, writeIntervalMs },
    );
    for await (const result of submissions) {
      results.push(result);
      // Said as soon as it is done: a later connector that fails must not hide this one's URL.
      if (options.format === 'text') {
        // A submitted connector's breaking changes, listed in its pull request, or a refused one's
        // findings; then the warnings about the change, apart, as the pull request lists them.
        const findings = [
          ...(result.findings ?? result.breakingChanges ?? []),
          ...(result.changeWarnings ?? []),
        ].map((finding) => `${formatFindingLine(finding, { color: useColor(io) })}\n`);
        writeOutput(io, `${findings.join('')}${printable(describeResult(result))}\n`, 'text');
      }
    }
  } finally {
    // One JSON document, written also when a later connector fails, with those done before it.
    if (options.format === 'json' && results.length > 0)
      writeOutput(io, `${JSON.stringify(results, null, 2)}\n`, 'json');
  }
  const refused = refusedResults(results);
  if (refused.length > 0) {
    // Last on stderr, where a script's log shows why the exit code is 1 (also with --format json).
    io.stderr.write(
      `error: ${plural(refused.length, 'connector')} of ${results.length} not submitted: ${refused.map((result) => printable(result.targetFolder)).join(', ')}.\n`,
    );
  }
  context.setExit(refused.length > 0 ? ExitCode.Failure : ExitCode.Success);
}

export function describeResult(result: PullRequestResult): string {
  if (result.operation === 'refused')
    return `${result.targetFolder}: not submitted: ${result.reason}. ${whatToDo(result)}`;
  if (result.operation === 'none')
    return `${result.targetFolder}: nothing to do (${result.reason ?? 'no change'})${result.url ? ` ${result.url}` : ''}`;
  if (result.operation === 'emptied')
    return `${result.targetFolder}: ${result.reason} ${result.url} (branch ${result.branch} at ${result.headSha} holds the upstream version)`;
  return `${result.targetFolder}: ${result.operation} pull request #${result.number} ${result.url} (branch ${result.branch} at ${result.headSha})`;
}

/** What the maker can do about a refused connector, in the options of this command. */
function whatToDo(result: PullRequestResult): string {
  if (result.refusal === 'findings')
    return 'Fix the findings above (connector-alm validate lists them too), or pass --fail-on never to open the pull request anyway.';
  if (result.refusal === 'no-swagger' && result.swaggerIgnored) return IGNORED_SWAGGER_ADVICE;
  if (result.refusal === 'no-swagger' && result.yamlSwagger) return yamlSwaggerConversion(result.yamlSwagger);
  if (result.refusal === 'no-swagger')
    return "Add the connector's apiDefinition.swagger.json (an empty folder is what an uninitialised submodule or a sparse checkout leaves), or give the folder that holds it.";
  if (result.refusal === 'git-ignored')
    return 'Take the files it names out of .gitignore and commit them, or delete them from the folder, so that what is validated is what is sent.';
  if (result.refusal === 'readme-todo')
    return 'Replace each TODO line of readme.md with what it asks for ("None" will do for known issues), or, to keep the upstream\'s readme, copy it into the folder. No option sends the TODOs: they would be on the connector\'s documentation page.';
  if (result.refusal === 'namesake')
    return `Give --target-folder ${shellWord(result.upstreamFolder!)} to update it, or --target-folder ${shellWord(result.targetFolder)} to add this folder as another connector all the same.`;
  if (result.refusal === 'breaking')
    return 'Keep what the flows using the connector rely on (the lines above say what changed), or leave out --fail-on-breaking to open the pull request and leave the breaking changes, which it lists, to its reviewers.';
  if (result.refusal === 'branch-clash')
    return `Rename or delete the branch ${result.clashingBranch} in the fork (its Branches page on GitHub), or give another --branch-prefix, and the same prefix on every rerun.`;
  if (result.refusal === 'other-base')
    return 'On GitHub, change the base branch of that pull request to the --base of this run (Edit, beside its title), then run again to update it; or close it, and the next run opens a pull request of its own.';
  if (result.refusal === 'change-warnings')
    return 'Put right what each warning about the change above says, or pass --fail-on error to open the pull request and leave the warnings, which it lists, to its reviewers.';
  return 'Give it a branch of its own: submit it alone with another --branch-prefix, and the same prefix on every rerun.';
}
