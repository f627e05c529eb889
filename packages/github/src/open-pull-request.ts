import path from 'node:path';
import {
  joinedList,
  optionWords,
  plural,
  printable,
  toDisplayPath,
  type Logger,
  type SaySetting,
} from '@connector-alm/core';
import {
  countBySeverity,
  DEFAULT_CONFIG,
  failsThreshold,
  isIgnored,
  profileFallbackFolders,
  profileFallbackNote,
  repositoryRootOf,
  decodeUtf8,
  definitionsVersion,
  displayPathIn,
  summaryLine,
  titleAndHostOf,
  validatePaths,
  type FailOn,
  type ValidatorConfig,
} from '@connector-alm/validator';
import { readBaseCommit } from './base-branch.js';
import { branchNameFor, DEFAULT_BRANCH_PREFIX, refuseUnfitBranchPrefix } from './branch-name.js';
import { realSleep, type Sleep } from './clock.js';
import { commitMessage, isOwnCommit, replacedCommitWarning } from './branch-commit.js';
import { otherFolderOnBranch } from './branch-holder.js';
import {
  BranchNotCreated,
  branchClashReason,
  branchNotCreatedError,
  folderBranchOf,
} from './branch-clash.js';
import { keepsBranch } from './branch-reuse.js';
import { CallReads } from './call-reads.js';
import { closedPullRequestNotice, closedWithThisVersion } from './closed-pull-request.js';
import { writeBranchCommit } from './branch-write.js';
import { requireOneConnectorFolder } from './connector-argument.js';
import { connectorTitle, swaggerOf } from './connector-swagger.js';
import { readConnectorFiles } from './connector-files.js';
import { gitIgnoredFiles } from './git-ignored.js';
import {
  filesToSend,
  ignoredConnectorFiles,
  isUnderAny,
  leftOutLines,
  proposedFiles,
  upstreamFilesToMatch,
  withoutIgnoredFindings,
  withoutLeftOutFindings,
} from './sent-files.js';
import { ensureFork, readTokenOwner, type ForkOptions } from './fork.js';
import { syncFork } from './sync-fork.js';
import { givenTitleWarning } from './given-title-warning.js';
import { openPullRequestsOfHead } from './head-pull-requests.js';
import { createGitHubClient, type GitHubClient } from './octokit-client.js';
import {
  createOrUpdatePullRequest,
  decoratePullRequest,
  readPullRequest,
  updatePullRequest,
  type PullRequestDetails,
  type PullRequestSpec,
} from './pull-request.js';
import { pullRequestBody, pullRequestTitle } from './pull-request-text.js';
import { noSwaggerRefusal } from './no-swagger-refusal.js';
import type { PullRequestResult } from './pull-request-result.js';
import { linesOf, readmeTodoFindings } from './readme-todos.js';
import { readBlob, readBranch, readRemoteFolder } from './remote-tree.js';
import { formatRepositoryName, parseRepositoryName } from './repository-name.js';
import { sameFolderPullRequests, sameFolderWarning } from './same-folder-pull-requests.js';
import { targetFolderFor } from './target-folder.js';
import { withFolderNameOnDisk } from './folder-name-on-disk.js';
import { withUpstreamLineEndings } from './line-endings.js';
import { diffConnectorFiles, hasChanges } from './tree-changes.js';
import { findUpstreamNamesake } from './upstream-namesake.js';
import { changesToReview, definitionFiles } from './upstream-changes.js';
import { ownerChangeWarning } from './owner-change.js';

const FAIL_ON_BREAKING = { option: '--fail-on-breaking', input: 'fail-on-breaking: true' };

export const DEFAULT_UPSTREAM = 'microsoft/PowerPlatformConnectors';
export const DEFAULT_BASE = 'dev';

export interface OpenPullRequestOptions {
  token: string;
  /** REST API root (GITHUB_API_URL). */
  apiUrl: string;
  /** "owner/repo" of the upstream. */
  upstream: string;
  base: string;
  /** The connector folder, relative to `cwd`. */
  connector: string;
  cwd: string;
  /** Folder in the upstream; empty derives it from the profile and the folder name. */
  targetFolder?: string;
  branchPrefix?: string;
  title?: string;
  /** Text put before the generated body. */
  body?: string;
  draft?: boolean;
  labels?: string[];
  reviewers?: string[];
  maintainerCanModify?: boolean;
  /** Fast-forward the fork's base branch to the upstream's first (best effort). */
  syncFork?: boolean;
  /** Where the change comes from, named in the body and the commit message. */
  source?: string;
  /**
   * The lowest severity of validation finding that keeps the connector from being submitted
   * (default error): a pull request the upstream's checks will fail only costs its reviewers time.
   */
  failOn?: FailOn;
  /**
   * Refuse a connector with breaking changes against the upstream's version of it (default false: they
   * are listed in the pull request's body and left to its reviewers, who accept acknowledged ones), as
   * `validate --fail-on-breaking` and validate-connector's fail-on-breaking judge them.
   */
  failOnBreaking?: boolean;
  /**
   * Open a new pull request for a connector that has not changed since its last pull request was
   * closed (default false: the run then opens none, and says why; see closedWithThisVersion).
   */
  resubmit?: boolean;
  /**
   * The repository's configuration file, loaded as validate loads it (`loadConfig`): its rule levels
   * decide the findings and fail-on, its profile the profile of a folder outside the layout (and so
   * the target folder). Default: none, the built-in levels.
   */
  config?: ValidatorConfig;
  /**
   * The branches that earlier connectors of the same run use, with their target folders: a connector
   * whose branch name another one's already has is refused rather than moved onto that branch.
   */
  branchesInUse?: ReadonlyMap<string, string>;
  /** How advice names a setting: in the CLI's options (`--base dev`, the default) or an action's inputs. */
  say?: SaySetting;
}

export interface OpenPullRequestPorts {
  logger: Logger;
  sleep?: Sleep;
  /** A prepared client; made from token and apiUrl otherwise. */
  client?: GitHubClient;
  fork?: ForkOptions;
  /** Milliseconds between writes, for a made client (default: GitHub's one second). */
  writeIntervalMs?: number;
  /** What the connectors of one call read alike, read once (openPullRequests shares one). */
  reads?: CallReads;
}

/**
 * Puts one connector folder into a branch of the token owner's fork of the upstream, entirely over
 * the REST API, and opens the pull request or updates the open one. The branch is rebuilt on the
 * upstream base whenever the pull request would change, so creating and updating give the same
 * result; a branch whose pull request would stay the same is left alone (see keepsBranch), even on
 * an older base. A connector that equals the upstream's makes no branch and no pull request, and
 * brings an open one back to the upstream version (it then proposes no change, and the author can
 * close it). A connector that has not changed since its last pull request was closed gets no new
 * one, unless `resubmit` asks for it (closedWithThisVersion).
 */
export async function openPullRequest(
  options: OpenPullRequestOptions,
  ports: OpenPullRequestPorts,
): Promise<PullRequestResult> {
  const { logger } = ports;
  const sleep = ports.sleep ?? realSleep;
  const say = options.say ?? optionWords;
  const client =
    ports.client ??
    createGitHubClient({
      token: options.token,
      baseUrl: options.apiUrl,
      logger,
      writeIntervalMs: ports.writeIntervalMs,
      say,
    });
  const upstream = parseRepositoryName(options.upstream);
  const upstreamName = formatRepositoryName(upstream);

  const folder = path.resolve(options.cwd, options.connector);
  const config = options.config ?? DEFAULT_CONFIG;
  const ignoredWarning = isIgnored(folder, config)
    ? `The configuration file ${toDisplayPath(options.cwd, config.path!)} ignores ${options.connector}; it is checked all the same, since the pull request sends it.`
    : undefined;
  const validated = await logger.group(`Validate ${options.connector}`, async () => {
    // `ignore` skips folders that a search over a tree finds; this folder was named to be sent, and
    // the pull request body and fail-on must speak of what is sent.
    if (ignoredWarning) logger.warning(ignoredWarning);
    const result = await validatePaths([options.connector], {
      cwd: options.cwd,
      config: { ...config, ignore: [] },
    });
    requireOneConnectorFolder(
      options.connector,
      result.connectors.map((connector) => path.resolve(options.cwd, connector.path)),
      options.cwd,
    );
    return result.connectors[0]!;
  });
  // What a commit of the folder would carry, less the maker's own files: not what git ignores, nor
  // settings.json, nor a certified connector's icon (sent-files.ts).
  const ignored = await gitIgnoredFiles(folder, options.connector);
  // Those git ignores are not even read (nor a nested repository's): never sent, a symbolic link among
  // them refuses nothing.
  const contents = await readConnectorFiles(
    folder,
    options.connector,
    (relative) => isUnderAny(relative, ignored.files),
    ignored.nestedRepositories,
  );
  const { sent: local, leftOut } = filesToSend(
    contents.files,
    ignored.files,
    contents.nestedRepositories,
    ignored.linkedRepositories,
    validated.profile,
  );
  for (const line of leftOutLines(leftOut, options.connector)) logger.info(line);
  if (ignored.warning) logger.warning(ignored.warning);
  // What fail-on judges is what validate-connector finds on a checkout; what the body lists, what is sent.
  const committed = withoutIgnoredFindings(validated, leftOut, local);
  const validation = withoutLeftOutFindings(validated, leftOut, local);
  const swagger = swaggerOf(options.connector, local);
  // Upstream, the folder goes by its name on disk, not by the case it was typed in (Windows, macOS).
  const named = withFolderNameOnDisk(folder);
  // The layout is read from the checkout's top level down: folders above it are the maker's.
  const checkout = repositoryRootOf(named) ?? path.resolve(options.cwd);
  const targetFolder = targetFolderFor(named, validation.profile, options.targetFolder, checkout);
  refuseUnfitBranchPrefix(options.branchPrefix ?? DEFAULT_BRANCH_PREFIX, options.base);
  const branch = branchNameFor(targetFolder, options.branchPrefix ?? DEFAULT_BRANCH_PREFIX);
  const result: PullRequestResult = {
    connector: options.connector,
    targetFolder,
    operation: 'none',
    branch,
    warnings: [ignoredWarning, ignored.warning].filter((warning) => warning !== undefined),
  };
  // validate's note, where it matters more: a maker who means to certify a paconn folder kept outside
  // the layout would otherwise open a custom-connectors pull request checked with the relaxed rules.
  const fallbackNote = profileFallbackNote(
    profileFallbackFolders([validation], { cwd: options.cwd, config }),
    options.targetFolder?.trim()
      ? 'set "profile: certified" (or independent-publisher) in .connector-alm.yml'
      : 'set "profile: certified" (or independent-publisher) in .connector-alm.yml, which also sends it to certified-connectors/ (or independent-publisher-connectors/)',
  );
  if (fallbackNote) {
    logger.warning(fallbackNote);
    result.warnings.push(fallbackNote);
  }
  // Before anything is read from GitHub, let alone written: the checks that decide locally.
  if (!swagger) {
    // Validation found the folder a connector folder (it has apiProperties.json, or sits in
    // certified-connectors/…): the path is right and a part is missing, exit code 1 as validate's. Its
    // findings say what is missing; fail-on never does not send it, since an empty folder (an
    // uninitialised submodule, a sparse checkout) would propose deleting the upstream's connector.
    const refusal = noSwaggerRefusal(local, leftOut);
    logger.info(`${options.connector}: ${refusal.reason}.`);
    return {
      ...result,
      operation: 'refused',
      ...refusal,
      findings: committed.findings,
      ...onlyHere(ignoredWarning !== undefined),
    };
  }
  const ignoredParts = ignoredConnectorFiles(leftOut, validated.profile);
  if (ignoredParts.length > 0) {
    // Validation, the breaking changes and the files sent must be of one connector: the maker decides which.
    const reason = `git ignores its ${joinedList(ignoredParts.map((file) => printable(file)))} (git check-ignore -v names the line of .gitignore that does), which validation read as the connector's, so the pull request would not send the connector validated: nothing was pushed, no pull request opened or updated`;
    logger.info(`${options.connector}: ${reason}.`);
    return { ...result, operation: 'refused', refusal: 'git-ignored', reason };
  }
  const title = options.title?.trim() || pullRequestTitle(connectorTitle(named, swagger), validation.profile);
  const failOn = options.failOn ?? 'error';
  const counts = countBySeverity(committed.findings);
  if (failsThreshold({ counts }, failOn)) {
    const reason = `validation found ${summaryLine(counts)} (fail-on ${failOn}): nothing was pushed, no pull request opened or updated`;
    logger.info(`${options.connector}: ${reason}.`);
    return {
      ...result,
      operation: 'refused',
      refusal: 'findings',
      reason,
      findings: committed.findings,
      ...onlyHere(ignoredWarning !== undefined),
    };
  }
  // Whatever fail-on and README-PLACEHOLDER's level: the TODOs are connector-alm's own, and sent they
  // would replace the upstream's readme on the connector's documentation page.
  const todos = readmeTodoFindings(validation.path, local);
  if (todos.length > 0) {
    const reason = `its readme still has the TODOs extract-connectors wrote, on ${linesOf(todos)}: nothing was pushed, no pull request opened or updated`;
    logger.info(`${options.connector}: ${reason}.`);
    // validate-connector reports them only as README-PLACEHOLDER findings at the same lines.
    const reported = todos.every((todo) =>
      validated.findings.some(
        (finding) =>
          finding.ruleId === todo.ruleId && finding.file === todo.file && finding.line === todo.line,
      ),
    );
    return {
      ...result,
      operation: 'refused',
      refusal: 'readme-todo',
      reason,
      findings: todos,
      ...onlyHere(ignoredWarning !== undefined || !reported),
    };
  }
  const namesake = options.branchesInUse?.get(branch);
  if (namesake !== undefined && namesake !== targetFolder) {
    const reason = `its branch ${branch} is the branch of ${namesake}, submitted before it in this run: nothing was pushed for it`;
    logger.info(`${targetFolder}: ${reason}.`);
    return { ...result, operation: 'refused', refusal: 'branch', reason };
  }

  const base = await logger.group(`Compare with ${upstreamName}@${options.base}`, () =>
    readBaseCommit(client, upstream, options.base, say),
  );
  const upstreamFiles = await readRemoteFolder(client, upstream, base.treeSha, targetFolder, say);
  // A new folder upstream for a connector the upstream has in another one (extraction names folders
  // after display names): a second copy, unless the maker chose the folder (--target-folder).
  if (upstreamFiles.length === 0 && !options.targetFolder?.trim()) {
    const namesake = await logger.group(
      `Look for ${connectorTitle(folder, swagger)} in other folders of ${upstreamName}@${options.base}`,
      () =>
        findUpstreamNamesake(client, upstream, base.treeSha, {
          targetFolder,
          ...titleAndHostOf(decodeUtf8(swagger.content).text),
        }),
    );
    if (namesake) {
      const same = [namesake.title && `title "${namesake.title}"`, namesake.host && `host ${namesake.host}`]
        .filter(Boolean)
        .join(' and ');
      const reason = `${upstreamName}@${options.base} has this connector in ${namesake.folder} (the same ${same}), and ${targetFolder} would be a second copy: nothing was pushed, no pull request opened or updated`;
      logger.info(`${targetFolder}: ${reason}.`);
      return {
        ...result,
        operation: 'refused',
        refusal: 'namesake',
        reason,
        upstreamFolder: namesake.folder,
      };
    }
  }
  const changes = diffConnectorFiles(local, upstreamFilesToMatch(upstreamFiles, leftOut));
  // Sent as git would commit them: a Windows checkout's CRLF is not the repository's.
  changes.upserts = await withUpstreamLineEndings(changes.upserts, upstreamFiles, (sha) =>
    readBlob(client, upstream, sha),
  );
  // What the upstream's reviewers see anyway, the author should first; a new connector breaks nothing.
  const versions =
    upstreamFiles.length === 0 || !hasChanges(changes)
      ? undefined
      : await logger.group(`Look for breaking changes against ${upstreamName}@${options.base}`, async () => ({
          upstream: definitionsVersion(
            await Promise.all(
              // The upstream's copies of files left out stay: the change to judge is that of the files sent.
              definitionFiles(upstreamFilesToMatch(upstreamFiles, leftOut)).map(async (file) => ({
                name: file.path,
                displayPath: `${upstreamName}@${options.base}:${targetFolder}/${file.path}`,
                content: await readBlob(client, upstream, file.sha),
              })),
            ),
          ),
          local: definitionsVersion(
            definitionFiles(local).map((file) => ({
              name: file.path,
              displayPath: displayPathIn(validation.path, file.path),
              content: file.content,
            })),
          ),
        }));
  const { breaking, warnings: changeWarnings } = versions
    ? changesToReview(versions.upstream, versions.local, validation)
    : { breaking: [], warnings: [] };
  // Kept by a refusal for the breaking changes too: the maker puts them right in the same edit.
  if (changeWarnings.length > 0) result.changeWarnings = changeWarnings;
  if (breaking.length > 0) result.breakingChanges = breaking;
  const against = `${upstreamName}@${options.base}`;
  const found = `${plural(breaking.length, 'breaking change')} against ${against}`;
  if (breaking.length > 0 && options.failOnBreaking) {
    const reason = `${found} (${say(FAIL_ON_BREAKING)}): nothing was pushed, no pull request opened or updated`;
    logger.info(`${options.connector}: ${reason}.`);
    return { ...result, operation: 'refused', refusal: 'breaking', reason, findings: breaking };
  }
  const warningRules = joinedList([...new Set(changeWarnings.map((finding) => finding.ruleId))]);
  // Judged by fail-on as validate --base and validate-connector judge them, where they are findings
  // like any other: "fail on warnings" counts a warning about the change too.
  if (failsThreshold({ counts: countBySeverity(changeWarnings) }, failOn)) {
    const reason = `the comparison with ${against} found ${plural(changeWarnings.length, 'warning')} about the change (${warningRules}; fail-on ${failOn}): nothing was pushed, no pull request opened or updated`;
    logger.info(`${options.connector}: ${reason}.`);
    return { ...result, operation: 'refused', refusal: 'change-warnings', reason };
  }
  if (breaking.length > 0) {
    // Listed in the body for the reviewers, who accept a breaking change the author acknowledges.
    const warning = `${options.connector} has ${found}, listed in the pull request for its reviewers; ${say(FAIL_ON_BREAKING)} refuses such a connector.`;
    logger.warning(warning);
    result.warnings.push(warning);
  }
  if (changeWarnings.length > 0) {
    // A warning of the comparison breaks no flow, so fail-on-breaking lets it by (and fail-on, at the
    // level error); the reviewers will ask for it all the same (BRK-DEPRECATION-PROCESS: the new
    // version's link to the old one).
    const warning = `${options.connector} has ${plural(changeWarnings.length, 'warning')} about its change against ${against} (${warningRules}), listed in the pull request for its reviewers apart from the breaking changes: put ${changeWarnings.length === 1 ? 'it' : 'them'} right before they ask.`;
    logger.warning(warning);
    result.warnings.push(warning);
  }
  const ownerWarning =
    versions &&
    ownerChangeWarning(versions.upstream, versions.local, {
      connector: options.connector,
      upstream: `${upstreamName}@${options.base}`,
    });
  if (ownerWarning) {
    logger.warning(ownerWarning);
    result.warnings.push(ownerWarning);
  }
  // The open pull request, if any, names the fork it comes from, whatever the fork is named. With
  // nothing to propose it may still propose what the author has since reverted: it is then brought
  // back to the upstream version rather than left proposing stale content.
  const reads = ports.reads ?? new CallReads();
  const owner = await reads.once('token owner', () => readTokenOwner(client, upstream));
  const headPulls = await logger.group(`Look for an open pull request of ${owner}:${branch}`, () =>
    openPullRequestsOfHead(client, upstream, options.base, owner, branch),
  );
  const open = headPulls.onBase;
  // Read when first asked, once: keepsBranch and updatePullRequest both need it.
  let detailsRead: Promise<PullRequestDetails> | undefined;
  const openDetails = open && (() => (detailsRead ??= readPullRequest(client, upstream, open.pull.number)));
  const stale = hasChanges(changes) ? undefined : open;
  if (!hasChanges(changes) && !stale) {
    logger.info(
      `${targetFolder} in ${upstreamName}@${options.base} already equals ${options.connector}: no branch, no pull request.`,
    );
    return { ...result, reason: `no difference from ${upstreamName}@${options.base}` };
  }
  const closed =
    open || options.resubmit
      ? undefined
      : await logger.group(`Look for a closed pull request of ${owner}:${branch}`, () =>
          closedWithThisVersion(client, upstream, {
            base: options.base,
            owner,
            branch,
            targetFolder,
            local,
            leftOut,
            say,
          }),
        );
  if (closed) {
    const notice = closedPullRequestNotice(closed, {
      connector: options.connector,
      targetFolder,
      upstream: against,
      say,
    });
    // Said on every run: the upstream closed it, and only the maker can decide what comes next.
    logger.warning(notice.warning);
    result.warnings.push(notice.warning);
    return { ...result, reason: notice.reason, number: closed.number, url: closed.url };
  }
  // Before a pull request is opened: one of the owner's from another branch may propose the connector already.
  if (!open) {
    const others = await logger.group(
      `Look for other pull requests of ${owner} that change ${targetFolder}`,
      () =>
        sameFolderPullRequests(client, upstream, { base: options.base, owner, branch, targetFolder }, reads),
    );
    for (const other of others) {
      const warning = sameFolderWarning(other, { targetFolder, upstream: upstreamName });
      logger.warning(warning);
      result.warnings.push(warning);
    }
  }
  const titleWarning = givenTitleWarning(options.title, title, {
    profile: validation.profile,
    upstream: upstreamName,
    connector: { name: path.posix.basename(targetFolder), title: connectorTitle(folder, swagger) },
  });
  if (titleWarning) {
    logger.warning(titleWarning);
    result.warnings.push(titleWarning);
  }
  logger.info(
    stale
      ? `${targetFolder} in ${upstreamName}@${options.base} already equals ${options.connector}, but pull request #${stale.pull.number} still proposes another version: its branch gets the upstream version.`
      : // What the pull request proposes against the upstream, which a rerun's branch may hold already.
        `The pull request proposes ${plural(changes.upserts.length, 'file')} to add or update and ${changes.deletions.length} to delete in ${targetFolder}, against ${upstreamName}@${options.base}: ${proposedFiles(changes)}.`,
  );

  const fork = open
    ? open.fork
    : await logger.group('Find or create the fork', async () => {
        const { owner: forkOwner, repo } = await ensureFork(
          client,
          upstream,
          owner,
          logger,
          sleep,
          ports.fork,
        );
        // Only owner and repo: Octokit sends any other field along as a query parameter.
        return { owner: forkOwner, repo };
      });
  if (open)
    logger.info(
      `Using the fork ${formatRepositoryName(fork)}, the head of pull request #${open.pull.number}.`,
    );
  const forkName = formatRepositoryName(fork);
  const existing = await readBranch(client, fork, branch);
  const holder =
    existing &&
    (await otherFolderOnBranch(client, fork, existing, targetFolder, (folder) =>
      sharesBranchName(folder, branch, options.branchPrefix ?? DEFAULT_BRANCH_PREFIX),
    ));
  if (holder) {
    const reason = `the branch ${branch} of ${forkName} holds ${holder}${open ? ` (pull request #${open.pull.number})` : ''}, not ${targetFolder}: nothing was pushed for it`;
    logger.info(`${targetFolder}: ${reason}.`);
    return { ...result, operation: 'refused', refusal: 'branch', reason };
  }
  // A branch that does not exist heads no open pull request: GitHub closes one whose branch is deleted.
  // The fork is the token owner's, whose branch the pull requests of the head were listed for.
  const elsewhere = existing && headPulls.onOtherBase;
  if (elsewhere) {
    const reason = `the branch ${branch} of ${forkName} is the head of pull request #${elsewhere.number} (${elsewhere.url}), which targets ${elsewhere.base}: built on ${against}, the branch would bring the commits of ${options.base} into it. Nothing was pushed for it`;
    logger.info(`${targetFolder}: ${reason}.`);
    return { ...result, operation: 'refused', refusal: 'other-base', reason };
  }
  if (options.syncFork) {
    const warning = await logger.group(`Sync ${forkName}@${options.base} with the upstream`, () =>
      syncFork(client, fork, options.base, logger),
    );
    if (warning) result.warnings.push(warning);
  }
  const branchWrite = logger.group(`Create or update the branch ${forkName}:${branch}`, async () => {
    const keep = await keepsBranch(
      client,
      fork,
      {
        existing,
        base,
        baseName: `${upstreamName}@${options.base}`,
        targetFolder,
        local,
        upstreamFiles,
        leftOut,
        openPullRequest: open && { number: open.pull.number, details: openDetails! },
        say,
      },
      logger,
    );
    if (existing && keep) {
      result.headSha = existing.sha;
      return false;
    }
    const verb = changes.deletions.length === 0 && changes.upserts.length === local.length ? 'Add' : 'Update';
    // With nothing to change this is an empty commit on the base, not the base commit itself: a head
    // without commits of its own makes GitHub close the pull request (bots rely on it, e.g.
    // grafana/mimir-prometheus#933), and closing it is the author's call.
    const summary = stale ? `Match ${title} with ${upstreamName}@${options.base}` : `${verb} ${title}`;
    const commit = await writeBranchCommit(
      client,
      fork,
      {
        branch,
        existing,
        base,
        baseName: `${upstreamName}@${options.base}`,
        targetFolder,
        changes,
        message: commitMessage(summary, options.source, targetFolder),
        upstreamFiles,
        say,
      },
      logger,
    );
    if (commit.warning) result.warnings.push(commit.warning);
    if (existing && !isOwnCommit(existing.message)) {
      const warning = replacedCommitWarning(branch, existing, options.connector);
      logger.warning(warning);
      result.warnings.push(warning);
    }
    logger.info(`${existing ? 'Moved' : 'Created'} ${branch} at ${commit.commitSha}.`);
    result.headSha = commit.commitSha;
    return true;
  });
  let branchChanged: boolean;
  try {
    branchChanged = await branchWrite;
  } catch (error) {
    if (!(error instanceof BranchNotCreated)) throw error;
    // A branch of the fork named like a folder of ours keeps git from creating it: this connector's
    // refusal, which the maker settles in the fork; the other connectors of the run go on.
    const folderBranch = await folderBranchOf(client, fork, branch);
    if (!folderBranch) throw branchNotCreatedError(error, say);
    const reason = branchClashReason(fork, folderBranch, branch);
    logger.info(`${targetFolder}: ${reason}.`);
    return { ...result, operation: 'refused', refusal: 'branch-clash', reason, clashingBranch: folderBranch };
  }

  const body = pullRequestBody({
    // The connector's own name: a title the maker gives the pull request is not the connector's.
    connectorTitle: connectorTitle(folder, swagger),
    targetFolder,
    validation,
    changes,
    breakingChanges: breaking,
    changeWarnings,
    upstream: `${upstreamName}@${options.base}`,
    introduction: options.body,
    source: options.source,
    title,
  });
  const spec: PullRequestSpec = {
    upstream,
    base: options.base,
    head: `${fork.owner}:${branch}`,
    title,
    body,
    draft: options.draft ?? false,
    maintainerCanModify: options.maintainerCanModify ?? true,
    branchMoved: branchChanged,
  };
  const pull = await logger.group(`Create or update the pull request on ${upstreamName}`, () =>
    // An open pull request is updated (one that proposes nothing is never opened); otherwise one is
    // opened, or updated if another run has opened it meanwhile.
    open
      ? updatePullRequest(client, spec, open.pull, logger, say, openDetails)
      : createOrUpdatePullRequest(client, spec, logger, say),
  );
  result.number = pull.number;
  result.url = pull.url;
  if (stale) {
    result.operation = 'emptied';
    result.reason = `pull request #${pull.number} proposes no change now: close it`;
    // Said on every run until it is closed: the pull request still waits for its author.
    logger.warning(
      `Pull request #${pull.number} (${pull.url}) now proposes no change: ${options.connector} equals ${targetFolder} in ${upstreamName}@${options.base}. Close it, unless you mean to change the connector again.`,
    );
    return result;
  }
  result.operation = pull.created ? 'created' : branchChanged || pull.changed ? 'updated' : 'none';
  if (result.operation === 'none') result.reason = `pull request #${pull.number} is up to date`;
  if (pull.created) {
    // Keep the sync warning, if any: labels and reviewers add their own.
    result.warnings.push(
      ...(await decoratePullRequest(
        client,
        upstream,
        pull.number,
        { labels: options.labels ?? [], reviewers: options.reviewers ?? [] },
        logger,
        sleep,
      )),
    );
  }
  return result;
}

/** The mark of a refusal whose findings validate-connector, with the same configuration, does not report. */
function onlyHere(only: boolean): Pick<PullRequestResult, 'findingsOnlyHere'> {
  return only ? { findingsOnlyHere: true } : {};
}

/** Whether another target folder gets the same branch name (one that makes no valid name does not). */
function sharesBranchName(folder: string, branch: string, prefix: string): boolean {
  try {
    return branchNameFor(folder, prefix) === branch;
  } catch {
    return false;
  }
}
