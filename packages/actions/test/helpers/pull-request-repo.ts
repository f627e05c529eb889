import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runActionBundle, runGit, temporaryFolder } from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';

/** A repository checkout with one certified connector; `swaggerText` replaces its swagger. */
export function workspaceWithConnector(swaggerText?: string): string {
  // A real path: on macOS os.tmpdir() is /var/folders/…, a link to /private/var/…, and an action names
  // the real place a path leads to ("which is"), or says that a symbolic link led there.
  const workspace = realpathSync(temporaryFolder('workspace-'));
  const folder = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'apiDefinition.swagger.json'),
    swaggerText ?? JSON.stringify(validSwagger(), null, 2),
  );
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
  return workspace;
}

/**
 * validate-connector's bundle on pull request 21, from `baseSha` to the workspace's HEAD, with the
 * SARIF file the reusable PR-check workflow asks for; `inputs` adds to it.
 */
export function runOnPullRequest(workspace: string, baseSha: string, inputs: Record<string, string> = {}) {
  return runActionBundle('validate-connector', {
    workspace,
    eventName: 'pull_request',
    event: {
      pull_request: {
        number: 21,
        base: { ref: 'dev', sha: baseSha },
        head: { ref: 'feature', sha: git(workspace, 'rev-parse', 'HEAD') },
      },
    },
    inputs: { 'sarif-file': 'connector-alm.sarif', ...inputs },
  });
}

export function git(cwd: string, ...args: string[]): string {
  return runGit(cwd, args);
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Writes a second connector, certified-connectors/Contoso Notes, beside the workspace's Contoso Tasks:
 * its own title and host, so that the repository rules do not take it for a copy. Returns its folder.
 */
export function writeNotesConnector(workspace: string): string {
  const notes = path.join(workspace, 'certified-connectors', 'Contoso Notes');
  mkdirSync(notes);
  const swagger = validSwagger();
  swagger.info.title = 'Contoso Notes';
  swagger.host = 'notes.contoso.com';
  writeJson(path.join(notes, 'apiDefinition.swagger.json'), swagger);
  writeJson(path.join(notes, 'apiProperties.json'), validApiProperties());
  writeFileSync(path.join(notes, 'readme.md'), validReadme());
  return notes;
}

/**
 * A repository with two connectors on `dev`; the pull request branch, in several commits and with a
 * merge from `dev` in between, deletes an operation of Tasks and adds a new problem to it, while
 * `dev` meanwhile edits Notes.
 */
/** Makes `workspace` a repository whose branch dev holds its files in one commit; returns that commit. */
export function commitOnDev(workspace: string): string {
  git(workspace, 'init', '-q', '-b', 'dev');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-qm', 'base');
  return git(workspace, 'rev-parse', 'HEAD');
}

/**
 * Commits Contoso Tasks' swagger without its GetTask operation (`/tasks/{taskId}`), a breaking change
 * against a base that has it; returns the swagger as committed.
 */
export function commitGetTaskRemoved(workspace: string): ReturnType<typeof validSwagger> {
  const swagger = validSwagger();
  delete swagger.paths['/tasks/{taskId}'];
  writeJson(
    path.join(workspace, 'certified-connectors', 'Contoso Tasks', 'apiDefinition.swagger.json'),
    swagger,
  );
  git(workspace, 'commit', '-qam', 'remove GetTask');
  return swagger;
}

export function pullRequestRepository(workspace: string): {
  workspace: string;
  baseSha: string;
  headSha: string;
} {
  const tasks = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
  const notes = path.join(workspace, 'certified-connectors', 'Contoso Notes');
  mkdirSync(notes);
  const notesSwagger = validSwagger();
  notesSwagger.info.title = 'Contoso Notes';
  writeJson(path.join(notes, 'apiDefinition.swagger.json'), notesSwagger);
  writeJson(path.join(notes, 'apiProperties.json'), validApiProperties());
  writeFileSync(path.join(notes, 'readme.md'), validReadme());
  commitOnDev(workspace);
  git(workspace, 'checkout', '-qb', 'feature');

  const swagger = commitGetTaskRemoved(workspace);

  git(workspace, 'checkout', '-q', 'dev');
  notesSwagger.info.description = 'Contoso Notes keeps the notes of your team in one place, searchable.';
  writeJson(path.join(notes, 'apiDefinition.swagger.json'), notesSwagger);
  git(workspace, 'commit', '-qam', 'dev edits Notes');
  const baseSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-q', 'feature');
  git(workspace, 'merge', '-q', '--no-edit', 'dev');

  swagger.info.title = 'Contoso Tasks API for everything';
  writeJson(path.join(tasks, 'apiDefinition.swagger.json'), swagger);
  git(workspace, 'commit', '-qam', 'rename the connector');
  return { workspace, baseSha, headSha: git(workspace, 'rev-parse', 'HEAD') };
}

/**
 * A connector whose title already broke a certification rule on dev (an error), and a pull request
 * that only adds a line to its readme; returns the workspace and the base commit.
 */
export function readmeEditOfConnectorWithExistingError(): { workspace: string; baseSha: string } {
  const swagger = validSwagger();
  swagger.info.title = 'Contoso Tasks API';
  const workspace = workspaceWithConnector(JSON.stringify(swagger, null, 2));
  const baseSha = commitOnDev(workspace);
  git(workspace, 'checkout', '-qb', 'feature');
  const readme = path.join(workspace, 'certified-connectors', 'Contoso Tasks', 'readme.md');
  writeFileSync(readme, readFileSync(readme, 'utf8') + '\nMore.\n');
  git(workspace, 'commit', '-qam', 'readme');
  return { workspace, baseSha };
}
