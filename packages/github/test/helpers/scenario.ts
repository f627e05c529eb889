import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import {
  startLocalGitHub,
  type Account,
  type LocalGitHub,
  type Repository,
} from '../../src/local-server/index.js';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';
import { gitBlobSha } from '../../src/connector-files.js';

export const CONNECTOR = 'certified-connectors/Contoso Tasks';
/** CONNECTOR's branch with the default prefix. */
export const CONNECTOR_BRANCH = 'connector-alm/certified-connectors/contoso-tasks';
/** Another folder whose branch is CONNECTOR_BRANCH too: only the space became a hyphen. */
export const NAMESAKE = 'certified-connectors/Contoso-Tasks';

export interface Scenario {
  github: LocalGitHub;
  upstream: Repository;
  contributor: Account;
  workspace: string;
  dispose(): Promise<void>;
}

/** A 16×16 PNG: binary bytes with a CR LF and NULs in them, which any text handling would damage. */
export function iconBytes(red = 0x20): Buffer {
  const png = new PNG({ width: 16, height: 16 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([red, 0x60, 0xa0, 0xff], i);
  return PNG.sync.write(png);
}

/** The connector as a user keeps it: the four files of a certified connector. */
export function connectorFiles(description?: string): Record<string, string | Buffer> {
  const swagger = validSwagger();
  if (description) swagger.info.description = description;
  return {
    'apiDefinition.swagger.json': JSON.stringify(swagger, null, 2),
    'apiProperties.json': JSON.stringify(validApiProperties(), null, 2),
    'readme.md': validReadme(),
    'icon.png': iconBytes(),
  };
}

/** A description other than the one connectorFiles() has: the connector as its maker changed it. */
export const CHANGED_DESCRIPTION = 'A changed description that is long enough for the rules.';

/** The connector's files with a swagger changed by `edit`. */
export function connectorFilesWithSwagger(
  edit: (swagger: ReturnType<typeof validSwagger>) => void,
): Record<string, string | Buffer> {
  const swagger = validSwagger();
  edit(swagger);
  return { ...connectorFiles(), 'apiDefinition.swagger.json': JSON.stringify(swagger, null, 2) };
}

/**
 * ListTasks deprecated in a family for a new version that is not there: the versioning process half
 * done, a warning of the comparison with its earlier version (BRK-DEPRECATION-PROCESS) that breaks nothing.
 */
export function deprecateWithoutNewVersion(swagger: ReturnType<typeof validSwagger>): void {
  const list = swagger.paths['/tasks'].get;
  list.deprecated = true;
  list['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1 };
  list.summary = `${list.summary} (deprecated)`;
  list.description = `${list.description} (deprecated)`;
}

/** The connector's files with a swagger whose host validation reports as an error (SWG-HOST). */
export function connectorFilesWithAnError(): Record<string, string | Buffer> {
  return connectorFilesWithSwagger((swagger) => {
    swagger.host = 'http://bad host';
  });
}

/** The git blob SHA of each file, as `filesOnBranch` lists a folder holding them. */
export function blobShas(files: Record<string, string | Buffer>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([name, content]) => [
      name,
      gitBlobSha(Buffer.isBuffer(content) ? content : Buffer.from(content)),
    ]),
  );
}

/** Writes the connector folder (CONNECTOR unless given) afresh into the workspace: files not given are gone. */
export function writeConnector(
  workspace: string,
  files: Record<string, string | Buffer>,
  folder = CONNECTOR,
): void {
  const target = path.join(workspace, folder);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(target, name), content);
}

/** Copies the workspace's connector folder to another folder of the workspace. */
export function copyConnector(workspace: string, folder: string): void {
  cpSync(path.join(workspace, CONNECTOR), path.join(workspace, folder), { recursive: true });
}

/**
 * microsoft/PowerPlatformConnectors on a local GitHub, base branch dev, with another connector in it,
 * the contributor contoso-dev (no fork yet, no rights upstream) and a workspace holding the connector.
 */
export async function startScenario(): Promise<Scenario> {
  const github = await startLocalGitHub();
  github.addAccount('microsoft', { type: 'Organization' });
  const contributor = github.addAccount('contoso-dev');
  const upstream = await github.addRepository('microsoft', 'PowerPlatformConnectors', {
    defaultBranch: 'dev',
    files: {
      'README.md': '# Microsoft Power Platform Connectors\n',
      'certified-connectors/Fabrikam/apiDefinition.swagger.json': '{}\n',
      'certified-connectors/Fabrikam/apiProperties.json': '{}\n',
    },
  });
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
  writeConnector(workspace, connectorFiles());
  return {
    github,
    upstream,
    contributor,
    workspace,
    async dispose() {
      await github.close();
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/**
 * What every submission in the scenario names (all but the connector): the contributor's token, the
 * local API, the upstream, its base branch and the workspace.
 */
export function submissionTarget(scenario: Scenario) {
  return {
    token: scenario.contributor.token,
    apiUrl: scenario.github.url,
    upstream: 'microsoft/PowerPlatformConnectors',
    base: 'dev',
    cwd: scenario.workspace,
  };
}

/** The contributor's fork of the upstream, under the name GitHub gives a fork; undefined before there is one. */
export function contributorFork(scenario: Scenario, owner = 'contoso-dev'): Repository | undefined {
  return scenario.github.state.findRepository(owner, 'PowerPlatformConnectors');
}

/** Merges the connector's files into the upstream's dev, at `folder` (CONNECTOR unless given). */
export async function mergeUpstream(
  scenario: Scenario,
  files: Record<string, string | Buffer>,
  folder = CONNECTOR,
): Promise<void> {
  await scenario.github.commit(
    scenario.upstream,
    'dev',
    Object.fromEntries(Object.entries(files).map(([name, content]) => [`${folder}/${name}`, content])),
  );
}

/** The description of the connector in the workspace, as proposeChange leaves it. */
export const PROPOSED_DESCRIPTION = 'A change the maker proposes, long enough for the rules.';

/**
 * Merges `upstreamVersion` of the connector into the upstream, and writes the workspace's connector with
 * PROPOSED_DESCRIPTION: a change for a pull request to propose.
 */
export async function proposeChange(
  scenario: Scenario,
  upstreamVersion: Record<string, string | Buffer> = connectorFiles(),
): Promise<void> {
  await mergeUpstream(scenario, upstreamVersion);
  writeConnector(scenario.workspace, connectorFiles(PROPOSED_DESCRIPTION));
}

/** Moves the upstream's dev on by a commit outside any connector, as merges of other work do. */
export async function moveUpstreamBase(scenario: Scenario): Promise<void> {
  await scenario.github.commit(scenario.upstream, 'dev', { 'README.md': 'A newer upstream readme.\n' });
}

/**
 * Gives the upstream a master behind dev, as PowerPlatformConnectors has: where a first run that
 * targeted master by mistake leaves a pull request against the wrong base.
 */
export async function putUpstreamMasterBehindDev(scenario: Scenario): Promise<void> {
  const upstream = scenario.upstream;
  await upstream.git.updateRef('refs/heads/master', (await upstream.git.readRef('refs/heads/dev'))!);
  await moveUpstreamBase(scenario);
}

/** `git ls-tree -r` of a branch in a bare repository of the local server, as path → blob SHA. */
export async function filesOnBranch(
  repository: Repository,
  branch: string,
  folder: string,
): Promise<Record<string, string>> {
  const entries = await repository.git.listTree(`refs/heads/${branch}:${folder}`, true);
  return Object.fromEntries(
    entries.filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry.sha]),
  );
}

/**
 * Makes the head of a fork branch as a connector-alm older than its commit marks left it: the same
 * tree on the same parents, with only the title as its message and the contributor as its author.
 * Returns the SHA of the commit the branch now points to.
 */
export async function unmarkHeadCommit(fork: Repository, branch: string, headSha: string): Promise<string> {
  const made = await fork.git.readCommit(headSha);
  const who = {
    name: 'contoso-dev',
    email: 'contoso-dev@users.noreply.local',
    date: '2026-01-01T00:00:00Z',
  };
  const old = await fork.git.writeCommit(made.tree, made.parents, 'Add Contoso Tasks', who, who);
  await fork.git.updateRef(`refs/heads/${branch}`, old);
  return old;
}
