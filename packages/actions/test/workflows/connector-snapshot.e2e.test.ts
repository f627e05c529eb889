import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT, runWorkflowJob, temporaryFolder, type JobResult } from '@connector-alm/testing';
import { startLocalServer, type LocalServer } from '@connector-alm/dataverse';
import { startLocalGitHub, type LocalGitHub, type Repository } from '@connector-alm/github/local-server';
import { checkoutFrom } from './helpers/git-actions.js';
import { createPullRequest } from './helpers/create-pull-request.js';

const workflow = path.join(REPO_ROOT, '.github/workflows/connector-snapshot.yml');
const FIXTURE = path.resolve(REPO_ROOT, '../shared/fixtures/solutions/customHIL/customHIL_1_0_0_3.zip');
const NO_CONNECTOR_FIXTURE = path.resolve(
  REPO_ROOT,
  '../shared/fixtures/solutions/ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip',
);
const available = existsSync(FIXTURE) && existsSync(NO_CONNECTOR_FIXTURE);
if (!available)
  console.warn(
    `Skipping the snapshot workflow test: ${FIXTURE} or ${NO_CONNECTOR_FIXTURE} is absent (they sit beside the project in ../shared).`,
  );

const APP_ID = '5e0c1d2a-1111-4222-8333-944455550001';
const SUBJECT = 'repo:contoso/connectors:ref:refs/heads/main';
const BRANCH = 'connector-alm/snapshot/customHIL';
const SWAGGER_ENTRY = 'Connector/cat_human-2din-2dthe-2dloop_openapidefinition.json';
const TIMEOUT = 180_000;

let github: LocalGitHub;
let repository: Repository;
let botToken: string;
let dataverse: LocalServer;

beforeAll(async () => {
  if (!available) return;
  github = await startLocalGitHub();
  github.addAccount('contoso', { type: 'Organization' });
  // GITHUB_TOKEN acts as the github-actions bot, which may push to the repository it runs in.
  const bot = github.addAccount('github-actions');
  botToken = bot.token;
  repository = await github.addRepository('contoso', 'connectors', {
    defaultBranch: 'main',
    files: { 'README.md': '# Contoso connectors\n' },
  });
  repository.collaborators.add(bot.login);
  dataverse = await startLocalServer({
    githubSubject: SUBJECT,
    solutions: [readFileSync(FIXTURE)],
    // The export job is done at its first status read: the workflow is this test's subject, and the
    // wait for a job the export-solution tests'. The default 3 reads cost every run 3 s of sleep.
    asyncPolls: 1,
    apps: [
      {
        clientId: APP_ID,
        federatedCredentials: [
          {
            issuer: 'https://token.actions.githubusercontent.com',
            subject: SUBJECT,
            audience: 'api://AzureADTokenExchange',
          },
        ],
      },
    ],
  });
});
afterAll(async () => {
  if (!available) return;
  await github.close();
  await dataverse.close();
  expect(github.violations).toEqual([]);
});

/** One scheduled run on a fresh runner: a new workspace, checked out from the bare repository. */
async function snapshot(
  workflowFile = workflow,
  solutionName = 'customHIL',
  target: Repository = repository,
  inputs: Record<string, string> = {},
): Promise<{ result: JobResult; pr: ReturnType<typeof createPullRequest> }> {
  const name = `${target.owner.login}/${target.name}`;
  const pr = createPullRequest({ apiUrl: github.url, repository: name });
  const result = await runWorkflowJob(workflowFile, 'snapshot', {
    workspace: temporaryFolder('snapshot-workspace-'),
    eventName: 'schedule',
    github: { ref: 'refs/heads/main', ref_name: 'main', repository: name },
    apiUrl: github.url,
    secrets: { GITHUB_TOKEN: botToken },
    inputs: {
      'solution-name': solutionName,
      'environment-url': dataverse.environmentUrl,
      'app-id': APP_ID,
      'tenant-id': dataverse.tenantId,
      'authority-host': dataverse.authorityHost,
      ...inputs,
    },
    idToken: { requestUrl: dataverse.idTokenRequestUrl, requestToken: dataverse.idTokenRequestToken },
    externalActions: {
      'actions/checkout': checkoutFrom(target.git.directory),
      'peter-evans/create-pull-request': pr,
    },
  });
  return { result, pr };
}

const show = (spec: string) => repository.git.git(['show', spec]);
const filesOn = async (ref: string) =>
  (await repository.git.listTree(ref, true))
    .filter((entry) => entry.type === 'blob')
    .map((entry) => entry.path);
const outcomes = (result: JobResult) =>
  Object.fromEntries(result.steps.map((step) => [step.id ?? step.name, step.outcome]));

/** The fixture solution with its entries changed by `edit`, as the environment would export it. */
function editedSolution(edit: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(readFileSync(FIXTURE));
  edit(entries);
  return zipSync(entries);
}

function editText(entries: Record<string, Uint8Array>, name: string, change: (text: string) => string): void {
  const before = strFromU8(entries[name]!);
  const after = change(before);
  if (after === before) throw new Error(`${name} of the fixture did not change`);
  entries[name] = strToU8(after);
}

/**
 * Adds a copy of the fixture's one connector under another name and display name (its element, its
 * root component and its files), as the export of a solution with two connectors holds them.
 */
function addConnectorCopy(entries: Record<string, Uint8Array>, name: string, displayName: string): void {
  const original = 'cat_human-2din-2dthe-2dloop';
  const id = randomUUID();
  const copy = (text: string) => text.replaceAll(original, name).replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, id);
  editText(entries, 'customizations.xml', (text) =>
    text.replace(/ *<Connector>[\s\S]*?<\/Connector>\r?\n/, (element) =>
      element.concat(copy(element).replace(/<displayname>[^<]*</, `<displayname>${displayName}<`)),
    ),
  );
  editText(entries, 'solution.xml', (text) =>
    text.replace(/ *<RootComponent type="372"[^>]*\/>\r?\n/, (root) => root.concat(copy(root))),
  );
  for (const entry of Object.keys(entries))
    if (entry.startsWith(`Connector/${original}_`)) entries[entry.replace(original, name)] = entries[entry]!;
}

/** The fixture solution with a new description in its connector, as a maker would save it. */
function solutionWithDescription(description: string): Uint8Array {
  const entries = unzipSync(readFileSync(FIXTURE));
  const swagger = JSON.parse(strFromU8(entries[SWAGGER_ENTRY]!));
  swagger.info.description = description;
  entries[SWAGGER_ENTRY] = strToU8(JSON.stringify(swagger));
  return zipSync(entries);
}

(available ? describe : describe.skip)(
  'the connector snapshot workflow, step by step against local Dataverse and GitHub',
  () => {
    let firstHead: string;
    let secondHead: string;

    it(
      'first run: exports with OIDC, unpacks, extracts and validates, and opens one pull request on the fixed branch',
      async () => {
        const { result, pr } = await snapshot();
        const failures = result.steps.filter((step) => step.outcome === 'failure');
        expect(failures.map((step) => `${step.name}\n${step.stdout}\n${step.stderr}`)).toEqual([]);
        expect(outcomes(result)).toMatchObject({
          export: 'success',
          unpack: 'success',
          extract: 'success',
          validate: 'success',
          changes: 'success',
          'pull-request': 'success',
        });
        expect(result.outputs).toMatchObject({
          changed: 'true',
          'pull-request-operation': 'created',
          'pull-request-number': '1',
        });
        expect(pr.calls[0]!.inputs['add-paths']!.split('\n').filter(Boolean)).toEqual([
          'solutions/customHIL',
          'custom-connectors',
        ]);

        expect(repository.pulls).toHaveLength(1);
        expect(repository.pulls[0]).toMatchObject({
          state: 'open',
          base: { ref: 'main' },
          head: { ref: BRANCH },
        });
        expect(repository.pulls[0]!.body).toContain(
          '- Validation of the connectors written: 0 errors, 1 warning (see',
        );
        // The folders as a reader wants them, not as the JSON output that holds them.
        expect(repository.pulls[0]!.body).toContain(
          '- Connectors written: `custom-connectors/Human-in-the-Loop`\n',
        );
        expect(repository.pulls[0]!.body).not.toContain('Removed');

        const files = await filesOn(`refs/heads/${BRANCH}`);
        expect(files).toContain('README.md');
        expect(files).toContain('solutions/customHIL/Other/Solution.xml');
        const connectorFiles = files.filter((file) => file.startsWith('custom-connectors/'));
        expect(connectorFiles.some((file) => file.endsWith('/apiDefinition.swagger.json'))).toBe(true);
        // The zip itself stays out of the repository, and main is untouched until someone merges.
        expect(files.filter((file) => file.endsWith('.zip'))).toEqual([]);
        expect(await filesOn('refs/heads/main')).toEqual(['README.md']);
        firstHead = (await repository.git.readRef(`refs/heads/${BRANCH}`))!;
        expect(result.steps.find((step) => step.id === 'changes')!.summary).toContain('custom-connectors/');
      },
      TIMEOUT,
    );

    it(
      'a change made in the environment updates the same pull request on the same branch',
      async () => {
        dataverse.store.put(
          solutionWithDescription('Now with a description edited in the maker portal, per approver.'),
        );
        const { result } = await snapshot();
        expect(result.status).toBe('success');
        expect(result.outputs).toMatchObject({
          'pull-request-operation': 'updated',
          'pull-request-number': '1',
        });
        expect(repository.pulls).toHaveLength(1);
        secondHead = (await repository.git.readRef(`refs/heads/${BRANCH}`))!;
        expect(secondHead).not.toBe(firstHead);
        const swaggerFile = (await filesOn(`refs/heads/${BRANCH}`)).find((file) =>
          /^custom-connectors\/.*\/apiDefinition\.swagger\.json$/.test(file),
        )!;
        expect(await show(`${BRANCH}:${swaggerFile}`)).toContain('edited in the maker portal');
        // Rebuilt on main each time: one commit on top of the base, not a growing history.
        expect((await repository.git.readCommit(secondHead)).parents).toEqual([
          await repository.git.readRef('refs/heads/main'),
        ]);
      },
      TIMEOUT,
    );

    it(
      'a run that finds what the open pull request already holds leaves the branch alone',
      async () => {
        const { result } = await snapshot();
        expect(result.outputs).toMatchObject({
          'pull-request-operation': 'none',
          'pull-request-number': '1',
        });
        expect(await repository.git.readRef(`refs/heads/${BRANCH}`)).toBe(secondHead);
        expect(repository.pulls).toHaveLength(1);
      },
      TIMEOUT,
    );

    it(
      'after the merge, nothing changed: no commit, no pull request',
      async () => {
        // The merge, as GitHub does it for a fast-forward: main moves to the branch, the pull request closes.
        await repository.git.updateRef('refs/heads/main', secondHead);
        repository.pulls[0]!.state = 'closed';
        const { result, pr } = await snapshot();
        expect(result.status).toBe('success');
        expect(result.outputs.changed).toBe('false');
        expect(result.steps.find((step) => step.id === 'pull-request')!.skipped).toBe(true);
        expect(pr.calls).toEqual([]);
        expect(repository.pulls).toHaveLength(1);
        expect(await repository.git.readRef(`refs/heads/${BRANCH}`)).toBe(secondHead);
        expect(result.steps.find((step) => step.id === 'changes')!.summary).toContain(
          'equals the repository',
        );
      },
      TIMEOUT,
    );

    it(
      'a solution without custom connectors is snapshotted too: its pull request holds the solution alone',
      async () => {
        const solutions = await github.addRepository('contoso', 'solutions', {
          defaultBranch: 'main',
          files: { 'README.md': '# Contoso solutions\n' },
        });
        solutions.collaborators.add('github-actions');
        dataverse.store.put(readFileSync(NO_CONNECTOR_FIXTURE));
        const { result, pr } = await snapshot(workflow, 'ColumnLevelSecuritySampleSolution', solutions);
        const failures = result.steps.filter((step) => step.outcome === 'failure');
        expect(failures.map((step) => `${step.name}\n${step.stdout}\n${step.stderr}`)).toEqual([]);
        expect(outcomes(result)).toMatchObject({ validate: 'skipped', 'pull-request': 'success' });
        expect(result.outputs['pull-request-operation']).toBe('created');
        expect(pr.calls[0]!.inputs['add-paths']!.split('\n').filter(Boolean)).toEqual([
          'solutions/ColumnLevelSecuritySampleSolution',
        ]);
        const files = (
          await solutions.git.listTree(
            'refs/heads/connector-alm/snapshot/ColumnLevelSecuritySampleSolution',
            true,
          )
        )
          .filter((entry) => entry.type === 'blob')
          .map((entry) => entry.path);
        expect(files).toContain('solutions/ColumnLevelSecuritySampleSolution/Other/Solution.xml');
        expect(files.filter((file) => file.startsWith('custom-connectors/'))).toEqual([]);
      },
      TIMEOUT,
    );

    it('is concurrency-safe by construction: one group per solution that waits, and a fixed branch', () => {
      const job = (parseYaml(readFileSync(workflow, 'utf8')) as { jobs: Record<string, Record<string, any>> })
        .jobs.snapshot!;
      expect(job.concurrency).toEqual({
        group: expect.stringContaining('${{ inputs.solution-name }}'),
        'cancel-in-progress': false,
      });
      expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' });
    });

    it(
      'without id-token: write the export cannot sign in, and nothing is pushed',
      async () => {
        const copy = path.join(temporaryFolder('snapshot-workflow-'), 'connector-snapshot.yml');
        writeFileSync(copy, readFileSync(workflow, 'utf8').replace(/^ {6}id-token: write\n/m, ''));
        const before = await repository.git.readRef(`refs/heads/${BRANCH}`);
        const { result, pr } = await snapshot(copy);
        expect(result.status).toBe('failure');
        expect(outcomes(result).export).toBe('failure');
        expect(result.steps.find((step) => step.id === 'export')!.action!.annotations[0]!.message).toMatch(
          /id-token/,
        );
        expect(pr.calls).toEqual([]);
        expect(await repository.git.readRef(`refs/heads/${BRANCH}`)).toBe(before);
      },
      TIMEOUT,
    );

    it.each([
      [
        'one of our actions',
        /solution-name: \$\{\{ inputs.solution-name \}\}\n/,
        'solution-nmae: ${{ inputs.solution-name }}\n',
        /export-solution has no input 'solution-nmae'/,
      ],
      [
        'the pull request action',
        /add-paths: \$\{\{/,
        'add-path: ${{',
        /peter-evans\/create-pull-request has no input 'add-path'/,
      ],
    ])(
      'refuses a copy of the workflow with a misspelled input of %s',
      async (_, pattern, replacement, error) => {
        const copy = path.join(temporaryFolder('snapshot-workflow-'), 'connector-snapshot.yml');
        const source = readFileSync(workflow, 'utf8');
        expect(source).toMatch(pattern);
        writeFileSync(copy, source.replace(pattern, replacement));
        await expect(snapshot(copy)).rejects.toThrow(error);
      },
      TIMEOUT,
    );
  },
);

(available ? describe : describe.skip)(
  'the connector snapshot workflow in a repository whose connectors folder holds other connectors too',
  () => {
    let shared: Repository;
    const LEGACY = 'custom-connectors/Contoso Legacy';
    const bodyOf = (pr: ReturnType<typeof createPullRequest>) => pr.calls[0]!.inputs.body!;

    beforeAll(async () => {
      if (!available) return;
      // A connector made by hand (or another solution's) beside the snapshot's, with an error:
      // its swagger is cut off.
      shared = await github.addRepository('contoso', 'shared-folder', {
        defaultBranch: 'main',
        files: {
          'README.md': '# Contoso connectors\n',
          [`${LEGACY}/apiDefinition.swagger.json`]: '{ "swagger": "2.0", ',
          [`${LEGACY}/apiProperties.json`]: '{ "properties": {} }\n',
        },
      });
      shared.collaborators.add('github-actions');
      dataverse.store.put(readFileSync(FIXTURE));
    }, TIMEOUT);

    it(
      "validates only the connectors the snapshot wrote: another connector's errors neither fail it nor count in its pull request",
      async () => {
        const { result, pr } = await snapshot(workflow, 'customHIL', shared, { 'fail-on': 'error' });
        const failures = result.steps.filter((step) => step.outcome === 'failure');
        expect(failures.map((step) => `${step.name}\n${step.stdout}\n${step.stderr}`)).toEqual([]);
        const validate = result.steps.find((step) => step.id === 'validate')!;
        expect(JSON.parse(validate.outputs.connectors!)).toEqual(['custom-connectors/Human-in-the-Loop']);
        expect(validate.outputs).toMatchObject({ errors: '0', warnings: '1', result: 'success' });
        expect(result.outputs['pull-request-operation']).toBe('created');
        expect(bodyOf(pr)).toContain('- Validation of the connectors written: 0 errors, 1 warning (see');
        // The other connector is left as it was.
        expect(
          await shared.git.git(['diff', '--name-only', 'refs/heads/main', `refs/heads/${BRANCH}`]),
        ).not.toContain(LEGACY);
      },
      TIMEOUT,
    );

    it(
      'validates every connector the snapshot wrote, one folder per line',
      async () => {
        dataverse.store.put(
          editedSolution((entries) => addConnectorCopy(entries, 'cat_humanreview', 'Human Review')),
        );
        const { result } = await snapshot(workflow, 'customHIL', shared, { 'fail-on': 'error' });
        expect(result.status).toBe('success');
        const validate = result.steps.find((step) => step.id === 'validate')!;
        expect(JSON.parse(validate.outputs.connectors!).sort()).toEqual([
          'custom-connectors/Human Review',
          'custom-connectors/Human-in-the-Loop',
        ]);
        expect(validate.outputs).toMatchObject({ errors: '0', warnings: '2' });
      },
      TIMEOUT,
    );

    it(
      'validates what validate-path names instead, and says so in the pull request',
      async () => {
        dataverse.store.put(readFileSync(FIXTURE));
        const { result, pr } = await snapshot(workflow, 'customHIL', shared, {
          'validate-path': 'custom-connectors',
        });
        expect(result.status).toBe('success');
        const validate = result.steps.find((step) => step.id === 'validate')!;
        expect(JSON.parse(validate.outputs.connectors!)).toEqual([
          LEGACY,
          'custom-connectors/Human-in-the-Loop',
        ]);
        // The legacy swagger is cut off: its one GEN-JSON-PARSE error is all that is said of it.
        expect(validate.outputs.errors).toBe('1');
        expect(bodyOf(pr)).toContain(
          `- Validation of \`${LEGACY}\`, \`custom-connectors/Human-in-the-Loop\`: 1 error, `,
        );
      },
      TIMEOUT,
    );
  },
);

(available ? describe : describe.skip)(
  'the connector snapshot workflow, run after run, as the solution evolves',
  () => {
    let target: Repository;
    const branch = BRANCH;
    const merge = async () => {
      // The pull request merged as a fast-forward: main moves to its branch, the pull request closes.
      await target.git.updateRef('refs/heads/main', (await target.git.readRef(`refs/heads/${branch}`))!);
      for (const pull of target.pulls) pull.state = 'closed';
    };
    const files = async (ref: string) =>
      (await target.git.listTree(ref, true))
        .filter((entry) => entry.type === 'blob')
        .map((entry) => entry.path);
    /** What the branch changes against main, as `git diff --name-status`. */
    const changedOnBranch = async () =>
      (await target.git.git(['diff', '--name-status', 'refs/heads/main', `refs/heads/${branch}`]))
        .trim()
        .split('\n');

    beforeAll(async () => {
      if (!available) return;
      target = await github.addRepository('contoso', 'evolving', {
        defaultBranch: 'main',
        files: { 'README.md': '# Contoso connectors\n' },
      });
      target.collaborators.add('github-actions');
      dataverse.store.put(readFileSync(FIXTURE));
      const { result } = await snapshot(workflow, 'customHIL', target);
      expect(result.outputs['pull-request-operation']).toBe('created');
      await merge();
    }, TIMEOUT);

    it(
      'a new version alone makes a pull request that changes only the version',
      async () => {
        dataverse.store.put(
          editedSolution((entries) =>
            editText(entries, 'solution.xml', (text) =>
              text.replace('<Version>1.0.0.3<', '<Version>1.0.0.4<'),
            ),
          ),
        );
        const { result } = await snapshot(workflow, 'customHIL', target);
        expect(result.outputs).toMatchObject({ changed: 'true', 'pull-request-operation': 'created' });
        expect(await changedOnBranch()).toEqual(['M\tsolutions/customHIL/Other/Solution.xml']);
        await merge();
      },
      TIMEOUT,
    );

    it(
      'with reset-version, a new version alone changes nothing: no commit, no pull request',
      async () => {
        // The repository holds what reset-version writes: one run with it to get there.
        const first = await snapshot(workflow, 'customHIL', target, { 'reset-version': '0.0.0.0' });
        expect(first.result.outputs['pull-request-operation']).toBe('created');
        await merge();
        dataverse.store.put(
          editedSolution((entries) =>
            editText(entries, 'solution.xml', (text) =>
              text.replace('<Version>1.0.0.3<', '<Version>1.0.0.5<'),
            ),
          ),
        );
        const { result, pr } = await snapshot(workflow, 'customHIL', target, { 'reset-version': '0.0.0.0' });
        expect(result.status).toBe('success');
        expect(result.outputs.changed).toBe('false');
        expect(pr.calls).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'a connector renamed in the environment moves to the folder of its new name',
      async () => {
        dataverse.store.put(
          editedSolution((entries) =>
            editText(entries, 'customizations.xml', (text) =>
              text.replace('<displayname>Human-in-the-Loop<', '<displayname>Human Review<'),
            ),
          ),
        );
        const { result } = await snapshot(workflow, 'customHIL', target, { 'reset-version': '0.0.0.0' });
        expect(result.outputs['pull-request-operation']).toBe('created');
        const extract = result.steps.find((step) => step.id === 'extract')!;
        expect(JSON.parse(extract.outputs.removed!)).toEqual(['custom-connectors/Human-in-the-Loop']);
        expect(extract.summary).toContain(
          'custom-connectors/Human Review: moved from custom-connectors/Human-in-the-Loop (the connector was renamed).',
        );
        const connectorFolders = new Set(
          (await files(`refs/heads/${branch}`))
            .filter((file) => file.startsWith('custom-connectors/'))
            .map((file) => file.split('/')[1]),
        );
        expect([...connectorFolders]).toEqual(['Human Review']);
        await merge();
      },
      TIMEOUT,
    );

    it(
      'a connector removed from the solution leaves the pull request without its folder',
      async () => {
        const before = (await files('refs/heads/main')).filter((file) =>
          file.startsWith('custom-connectors/'),
        );
        expect(before.length).toBeGreaterThan(0);
        dataverse.store.put(
          editedSolution((entries) => {
            for (const name of Object.keys(entries)) if (name.startsWith('Connector/')) delete entries[name];
            editText(entries, 'customizations.xml', (text) =>
              text.replace(/<Connectors>[\s\S]*<\/Connectors>/, '<Connectors />'),
            );
            editText(entries, 'solution.xml', (text) =>
              text.replace(/\s*<RootComponent type="372"[^>]*\/>/, ''),
            );
          }),
        );
        const { result } = await snapshot(workflow, 'customHIL', target, { 'reset-version': '0.0.0.0' });
        const failures = result.steps.filter((step) => step.outcome === 'failure');
        expect(failures.map((step) => `${step.name}\n${step.stdout}\n${step.stderr}`)).toEqual([]);
        expect(result.outputs['pull-request-operation']).toBe('created');
        expect(JSON.parse(result.steps.find((step) => step.id === 'extract')!.outputs.removed!)).toEqual([
          'custom-connectors/Human Review',
        ]);
        const body = target.pulls.find((pull) => pull.state === 'open')!.body!;
        expect(body).toContain('- Connectors written: none\n');
        // Nothing was validated: no count of findings, which would read as a clean result.
        expect(result.steps.find((step) => step.id === 'validate')!.outcome).toBe('skipped');
        expect(body).toContain('- Validation skipped: no connector was written.\n');
        expect(body).not.toMatch(/errors|warnings/);
        expect(body).toContain(
          '- Removed, as their connector left the solution or was renamed: `custom-connectors/Human Review`',
        );
        expect(
          (await files(`refs/heads/${branch}`)).filter((file) => file.startsWith('custom-connectors/')),
        ).toEqual([]);
      },
      TIMEOUT,
    );
  },
);

(available ? describe : describe.skip)(
  'the connector snapshot workflow with a selection of connectors, in one root or two',
  () => {
    const HIL = 'cat_human-2din-2dthe-2dloop';
    /** The fixture with a second connector, "Human Review", beside its "Human-in-the-Loop". */
    const twoConnectors = () =>
      editedSolution((entries) => addConnectorCopy(entries, 'cat_humanreview', 'Human Review'));
    const newRepository = async (name: string) => {
      const target = await github.addRepository('contoso', name, {
        defaultBranch: 'main',
        files: { 'README.md': '# Contoso connectors\n' },
      });
      target.collaborators.add('github-actions');
      return target;
    };
    const filesOf = async (target: Repository, ref: string) =>
      (await target.git.listTree(ref, true))
        .filter((entry) => entry.type === 'blob')
        .map((entry) => entry.path);
    /** The connector folders a ref holds, `root/folder`, sorted. */
    const connectorFolders = async (target: Repository, ref: string) =>
      [
        ...new Set(
          (await filesOf(target, ref))
            .filter((file) => /-connectors\//.test(file))
            .map((file) => file.split('/').slice(0, 2).join('/')),
        ),
      ].sort();
    const failuresOf = (result: JobResult) =>
      result.steps
        .filter((step) => step.outcome === 'failure')
        .map((step) => `${step.name}\n${step.stdout}\n${step.stderr}`);
    const TWO_ROOTS = {
      'connectors-folder': 'independent-publisher-connectors',
      connectors: 'Human Review',
      'other-connectors-folder': 'custom-connectors',
      'other-connectors': HIL,
    };

    it(
      'writes only the connectors named: the others are not in the pull request',
      async () => {
        const target = await newRepository('selected');
        dataverse.store.put(twoConnectors());
        const { result, pr } = await snapshot(workflow, 'customHIL', target, { connectors: 'human review' });
        expect(failuresOf(result)).toEqual([]);
        expect(outcomes(result)).toMatchObject({ extract: 'success', 'extract-other': 'skipped' });
        const validate = result.steps.find((step) => step.id === 'validate')!;
        expect(JSON.parse(validate.outputs.connectors!)).toEqual(['custom-connectors/Human Review']);
        const body = pr.calls[0]!.inputs.body!;
        expect(body).toContain('- Connectors written: `custom-connectors/Human Review`\n');
        expect(await connectorFolders(target, `refs/heads/${BRANCH}`)).toEqual([
          'custom-connectors/Human Review',
        ]);
      },
      TIMEOUT,
    );

    it(
      'writes two roots in one run: one export, one pull request with the solution and both roots',
      async () => {
        const target = await newRepository('two-roots');
        dataverse.store.put(twoConnectors());
        const { result, pr } = await snapshot(workflow, 'customHIL', target, TWO_ROOTS);
        expect(failuresOf(result)).toEqual([]);
        expect(result.outputs['pull-request-operation']).toBe('created');
        expect(pr.calls).toHaveLength(1);
        expect(pr.calls[0]!.inputs['add-paths']!.split('\n').filter(Boolean)).toEqual([
          'solutions/customHIL',
          'independent-publisher-connectors',
          'custom-connectors',
        ]);
        const written = [
          'independent-publisher-connectors/Human Review',
          'custom-connectors/Human-in-the-Loop',
        ];
        expect(
          JSON.parse(result.steps.find((step) => step.id === 'validate')!.outputs.connectors!).sort(),
        ).toEqual([...written].sort());
        const body = pr.calls[0]!.inputs.body!;
        expect(body).toContain(`- Connectors written: \`${written.join('`, `')}\`\n`);
        // Each root by its own profile: the independent publisher's rules find more in the same connector.
        const { errors, warnings } = result.steps.find((step) => step.id === 'validate')!.outputs;
        expect(Number(errors)).toBeGreaterThan(0);
        expect(body).toContain(
          `- Validation of the connectors written: ${errors} errors, ${warnings} warnings (see`,
        );
        expect(await connectorFolders(target, `refs/heads/${BRANCH}`)).toEqual([...written].sort());
        expect(await filesOf(target, `refs/heads/${BRANCH}`)).toContain(
          'solutions/customHIL/Other/Solution.xml',
        );

        // Merged; then "Human-in-the-Loop" is renamed: it moves within custom-connectors alone, and the
        // pull request says its old folder went.
        await target.git.updateRef('refs/heads/main', (await target.git.readRef(`refs/heads/${BRANCH}`))!);
        for (const pull of target.pulls) pull.state = 'closed';
        dataverse.store.put(
          editedSolution((entries) => {
            addConnectorCopy(entries, 'cat_humanreview', 'Human Review');
            editText(entries, 'customizations.xml', (text) =>
              text.replace('<displayname>Human-in-the-Loop<', '<displayname>Human Approval<'),
            );
          }),
        );
        const renamed = await snapshot(workflow, 'customHIL', target, TWO_ROOTS);
        expect(failuresOf(renamed.result)).toEqual([]);
        expect(renamed.result.outputs['pull-request-operation']).toBe('created');
        const again = renamed.pr.calls[0]!.inputs.body!;
        expect(again).toContain(
          '- Connectors written: `independent-publisher-connectors/Human Review`, `custom-connectors/Human Approval`\n',
        );
        expect(again).toContain(
          '- Removed, as their connector left the solution, was renamed or moved to the other root: `custom-connectors/Human-in-the-Loop`',
        );
        expect(await connectorFolders(target, `refs/heads/${BRANCH}`)).toEqual([
          'custom-connectors/Human Approval',
          'independent-publisher-connectors/Human Review',
        ]);
      },
      TIMEOUT,
    );

    it(
      'moves a connector named for the other root now in the same pull request, with the readme its maker wrote',
      async () => {
        const target = await newRepository('moved-root');
        const threeConnectors = () =>
          editedSolution((entries) => {
            addConnectorCopy(entries, 'cat_humanreview', 'Human Review');
            addConnectorCopy(entries, 'cat_humannotes', 'Human Notes');
          });
        dataverse.store.put(threeConnectors());
        const before = { ...TWO_ROOTS, connectors: 'Human Review, Human Notes' };
        const first = await snapshot(workflow, 'customHIL', target, before);
        expect(failuresOf(first.result)).toEqual([]);
        expect(await connectorFolders(target, `refs/heads/${BRANCH}`)).toEqual([
          'custom-connectors/Human-in-the-Loop',
          'independent-publisher-connectors/Human Notes',
          'independent-publisher-connectors/Human Review',
        ]);
        // Merged, and the maker wrote the readme of "Human Notes".
        await target.git.updateRef('refs/heads/main', (await target.git.readRef(`refs/heads/${BRANCH}`))!);
        for (const pull of target.pulls) pull.state = 'closed';
        const readme = '# Human Notes\n\nWritten by the maker.\n';
        await github.commit(target, 'main', {
          'independent-publisher-connectors/Human Notes/readme.md': readme,
        });

        // "Human Notes" is not to be submitted upstream after all: it goes to custom-connectors.
        dataverse.store.put(threeConnectors());
        const moved = await snapshot(workflow, 'customHIL', target, {
          ...TWO_ROOTS,
          'other-connectors': `${HIL}, Human Notes`,
        });
        expect(failuresOf(moved.result)).toEqual([]);
        expect(moved.result.outputs['pull-request-operation']).toBe('created');
        const body = moved.pr.calls[0]!.inputs.body!;
        expect(body).toContain(
          '- Connectors written: `independent-publisher-connectors/Human Review`, `custom-connectors/Human-in-the-Loop`, `custom-connectors/Human Notes`\n',
        );
        expect(body).toContain(
          '- Removed, as their connector left the solution, was renamed or moved to the other root: `independent-publisher-connectors/Human Notes`',
        );
        const extractOther = moved.result.steps.find((step) => step.id === 'extract-other')!;
        expect(extractOther.stdout).toContain(
          'Human Notes (cat_humannotes) → custom-connectors/Human Notes: created ',
        );
        expect(extractOther.stdout).toContain(
          '; moved from independent-publisher-connectors/Human Notes (the connector is extracted to this root now), carrying readme.md.',
        );
        expect(await connectorFolders(target, `refs/heads/${BRANCH}`)).toEqual([
          'custom-connectors/Human Notes',
          'custom-connectors/Human-in-the-Loop',
          'independent-publisher-connectors/Human Review',
        ]);
        expect(
          await target.git.git(['show', `refs/heads/${BRANCH}:custom-connectors/Human Notes/readme.md`]),
        ).toBe(readme);
      },
      TIMEOUT,
    );

    it.each([
      [
        'a second root without its connectors named',
        { connectors: 'Human Review', 'other-connectors-folder': 'independent-publisher-connectors' },
        "Input 'other-connectors-folder' (independent-publisher-connectors) is given without 'other-connectors'",
      ],
      [
        'a second root while connectors is empty, which would write every connector into the first',
        { 'other-connectors-folder': 'independent-publisher-connectors', 'other-connectors': 'Human Review' },
        "With 'other-connectors-folder', input 'connectors' must name the connectors that go to connectors-folder (custom-connectors)",
      ],
      [
        'other-connectors without its folder',
        { connectors: 'Human Review', 'other-connectors': HIL },
        "Input 'other-connectors' names connectors for a second root, but 'other-connectors-folder' is empty",
      ],
      [
        'the same folder twice',
        {
          connectors: 'Human Review',
          'other-connectors-folder': 'custom-connectors/',
          'other-connectors': HIL,
        },
        "Input 'other-connectors-folder' (custom-connectors/) is connectors-folder (custom-connectors)",
      ],
      [
        'the same folder written otherwise, which extract-other would write into as a second root',
        {
          connectors: 'Human Review',
          'other-connectors-folder': './independent-publisher-connectors/../custom-connectors',
          'other-connectors': HIL,
        },
        "Input 'other-connectors-folder' (./independent-publisher-connectors/../custom-connectors) is connectors-folder (custom-connectors)",
      ],
      [
        'a second root inside the first, whose extraction would take it for a connector folder',
        {
          connectors: 'Human Review',
          'other-connectors-folder': 'custom-connectors/independent-publisher',
          'other-connectors': HIL,
        },
        "Input 'other-connectors-folder' (custom-connectors/independent-publisher) lies inside connectors-folder (custom-connectors): extraction takes every folder of a root for a connector's, and would write a connector named like the inner one into it. Give two folders side by side (custom-connectors and independent-publisher-connectors).",
      ],
      [
        'a first root inside the second',
        { connectors: 'Human Review', 'other-connectors-folder': '.', 'other-connectors': HIL },
        "Input 'connectors-folder' (custom-connectors) lies inside other-connectors-folder (.)",
      ],
    ])(
      'refuses %s before the export',
      async (_, inputs, message) => {
        const target = await newRepository(`refused-${randomUUID().slice(0, 8)}`);
        dataverse.store.put(twoConnectors());
        const { result, pr } = await snapshot(workflow, 'customHIL', target, inputs);
        expect(result.status).toBe('failure');
        const check = result.steps.find((step) => step.name === 'Check the connector selection')!;
        expect(check.outcome).toBe('failure');
        expect(check.stdout).toContain(`::error::${message}`);
        expect(outcomes(result).export).toBe('skipped');
        expect(pr.calls).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      'refuses a connector named for both roots before the pull request',
      async () => {
        const target = await newRepository('both-roots');
        dataverse.store.put(twoConnectors());
        const { result, pr } = await snapshot(workflow, 'customHIL', target, {
          ...TWO_ROOTS,
          'other-connectors': `${HIL}, human review`,
        });
        expect(result.status).toBe('failure');
        expect(outcomes(result)).toMatchObject({ 'extract-other': 'success', extracted: 'failure' });
        expect(result.steps.find((step) => step.id === 'extracted')!.stdout).toContain(
          "::error::Named in both 'connectors' and 'other-connectors', so written into independent-publisher-connectors and custom-connectors: Human Review (cat_humanreview). Name each connector for one root only; nothing was pushed.",
        );
        expect(pr.calls).toEqual([]);
        expect(await target.git.readRef(`refs/heads/${BRANCH}`)).toBeUndefined();
      },
      TIMEOUT,
    );
  },
);
