import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** Writes the connector folder afresh into the workspace (files not given are gone). */
export function writeConnector(workspace: string, files: Record<string, string | Buffer>): void {
  const folder = path.join(workspace, CONNECTOR);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
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
