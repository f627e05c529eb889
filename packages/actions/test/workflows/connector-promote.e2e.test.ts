import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runWorkflow, temporaryFolder, type WorkflowRunOptions } from '@connector-alm/testing';
import { startLocalServer, type LocalServer } from '@connector-alm/dataverse';
import { buildSolutionZip } from '@connector-alm/dataverse/testing';
import { unpackSolution } from '@connector-alm/solution';
import { checkoutFrom } from './helpers/git-actions.js';
import { originRepository } from './helpers/origin-repository.js';

const workflow = path.join(REPO_ROOT, '.github/workflows/connector-promote.yml');
const FIXTURE = path.resolve(REPO_ROOT, '../shared/fixtures/solutions/customHIL/unpacked');
const available = existsSync(FIXTURE);
if (!available)
  console.warn(
    `Skipping the promote workflow test: ${FIXTURE} is absent (it sits beside the project in ../shared).`,
  );

const APP_ID = '5e0c1d2a-1111-4222-8333-944455550002';
const BRANCH_SUBJECT_APP = '5e0c1d2a-1111-4222-8333-944455550003';
const ISSUER = 'https://token.actions.githubusercontent.com';
const TIMEOUT = 240_000;

/**
 * A Dataverse environment trusting this repository's jobs in the GitHub environment `name`, with the
 * solution zips it has installed.
 */
function dataverseFor(name: string, solutions: Uint8Array[] = []): Promise<LocalServer> {
  const subject = `repo:contoso/connectors:environment:${name}`;
  return startLocalServer({
    solutions,
    githubSubject: subject,
    apps: [
      {
        clientId: APP_ID,
        federatedCredentials: [{ issuer: ISSUER, subject, audience: 'api://AzureADTokenExchange' }],
      },
      // The usual mistake: a credential for the branch, while a job with an environment presents the environment.
      {
        clientId: BRANCH_SUBJECT_APP,
        federatedCredentials: [
          {
            issuer: ISSUER,
            subject: 'repo:contoso/connectors:ref:refs/heads/main',
            audience: 'api://AzureADTokenExchange',
          },
        ],
      },
    ],
  });
}

let test: LocalServer;
let production: LocalServer;
let origin: ReturnType<typeof originRepository>;

beforeAll(async () => {
  if (!available) return;
  [test, production] = await Promise.all([dataverseFor('test'), dataverseFor('production')]);
  origin = originRepository({
    folders: { 'solutions/customHIL': FIXTURE },
    files: {
      'deployment/test.json': settingsFor('https://hitl-test.contoso.com'),
      'deployment/production.json': settingsFor('https://hitl.contoso.com'),
    },
  });
});
afterAll(async () => {
  if (!available) return;
  await Promise.all([test.close(), production.close()]);
  origin.dispose();
});

/** A deployment settings file giving customHIL's variable, which has no value of its own, this one. */
function settingsFor(host: string): string {
  return `${JSON.stringify({ EnvironmentVariables: [{ SchemaName: 'cat_HitlHostUrl', Value: host }] }, null, 2)}\n`;
}

const variables = (server: LocalServer, appId = APP_ID) => ({
  vars: {
    DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
    DATAVERSE_APP_ID: appId,
    DATAVERSE_TENANT_ID: server.tenantId,
  },
});

interface PromoteOptions {
  testAppId?: string;
  workflowFile?: string;
  /** Another repository and its two environments; by default customHIL's. */
  target?: { test: LocalServer; production: LocalServer; origin: string; folder: string };
  packageType?: string;
  version?: string;
  /** The workflow's inputs naming each environment's deployment settings file. */
  settings?: Record<string, string>;
}

/** A push to main: each job on its own fresh runner, with the OIDC endpoint of its environment's side. */
function promote(options: PromoteOptions = {}) {
  const target = options.target ?? { test, production, origin: origin.origin, folder: 'solutions/customHIL' };
  const inputs = {
    'solution-folder': target.folder,
    version: options.version ?? '1.0.7.0',
    ...(options.packageType ? { 'package-type': options.packageType } : {}),
    ...options.settings,
  };
  const runOptions: WorkflowRunOptions = {
    workspace: '',
    eventName: 'push',
    github: { ref: 'refs/heads/main' },
    inputs: { ...inputs, 'authority-host': '' },
    environments: {
      test: variables(target.test, options.testAppId),
      production: variables(target.production),
    },
    externalActions: { 'actions/checkout': checkoutFrom(target.origin) },
    jobs: {
      test: {
        workspace: temporaryFolder('promote-test-'),
        inputs: { ...inputs, 'authority-host': target.test.authorityHost },
        idToken: { requestUrl: target.test.idTokenRequestUrl, requestToken: target.test.idTokenRequestToken },
      },
      production: {
        workspace: temporaryFolder('promote-production-'),
        inputs: { ...inputs, 'authority-host': target.production.authorityHost },
        idToken: {
          requestUrl: target.production.idTokenRequestUrl,
          requestToken: target.production.idTokenRequestToken,
        },
      },
    },
  };
  return runWorkflow(options.workflowFile ?? workflow, runOptions);
}

(available ? describe : describe.skip)(
  'the connector promote workflow, job after job against two local Dataverse environments',
  () => {
    it(
      'a failed sign-in to test (a branch subject instead of the environment subject) stops production',
      async () => {
        const run = await promote({ testAppId: BRANCH_SUBJECT_APP });
        expect(run.order).toEqual(['test', 'production']);
        expect(run.jobs.test!.result).toBe('failure');
        const importStep = run.jobs.test!.steps!.find((step) => step.id === 'import')!;
        expect(importStep.action!.annotations[0]!.message).toMatch(/AADSTS700213|subject/);
        expect(run.jobs.production!.result).toBe('skipped');
        expect(test.store.get('customHIL')).toBeUndefined();
        expect(production.store.get('customHIL')).toBeUndefined();
      },
      TIMEOUT,
    );

    it(
      'packs the solution, imports it into test, then the same version into production',
      async () => {
        const run = await promote();
        for (const job of ['test', 'production']) {
          const failures = run.jobs[job]!.steps!.filter((step) => step.outcome === 'failure');
          expect(failures.map((step) => `${job}/${step.name}\n${step.stdout}\n${step.stderr}`)).toEqual([]);
        }
        expect(run.jobs.test).toMatchObject({
          result: 'success',
          environment: 'test',
          outputs: { 'solution-version': '1.0.7.0' },
        });
        expect(run.jobs.production).toMatchObject({ result: 'success', environment: 'production' });
        for (const server of [test, production]) {
          expect(server.store.get('customHIL')).toMatchObject({ version: '1.0.7.0', managed: false });
          // An unmanaged zip cannot be upgraded: stage-and-upgrade (true by default) leaves it an update.
          expect(server.dataverse.imports).toEqual([
            expect.objectContaining({
              solutionName: 'customHIL',
              version: '1.0.7.0',
              stageAndUpgrade: false,
            }),
          ]);
        }
        // The same bytes reached both environments: packing from one commit is deterministic.
        expect(
          Buffer.from(production.store.get('customHIL')!.zip).equals(
            Buffer.from(test.store.get('customHIL')!.zip),
          ),
        ).toBe(true);
        const imported = run.jobs.production!.steps!.find((step) => step.id === 'import')!;
        expect(imported.outputs).toMatchObject({ result: 'imported', 'solution-version': '1.0.7.0' });
        expect(run.outputs).toEqual({ 'solution-version': '1.0.7.0' });
        // customHIL's variable has no value, and no settings file gives it one: each import says so.
        for (const job of ['test', 'production'])
          expect(run.jobs[job]!.steps!.find((step) => step.id === 'import')!.action!.annotations).toEqual([
            expect.objectContaining({
              level: 'warning',
              message: expect.stringMatching(
                /^The environment variable 'cat_HitlHostUrl' of customHIL has no value in the zip .*\(deployment-settings-file\)/,
              ),
            }),
          ]);
      },
      TIMEOUT,
    );

    it(
      'a second run of the same version is skipped in both environments',
      async () => {
        const run = await promote();
        expect(run.jobs.production!.result).toBe('success');
        for (const job of ['test', 'production'])
          expect(run.jobs[job]!.steps!.find((step) => step.id === 'import')!.outputs.result).toBe('skipped');
        expect(production.dataverse.imports).toHaveLength(1);
        // It said 1.0.7.0, "the version imported into test and production", on a run that imported nothing.
        expect(run.outputs).toEqual({ 'solution-version': '' });
      },
      TIMEOUT,
    );

    it(
      'gives each environment the values of its own deployment settings file, and warns of none',
      async () => {
        const run = await promote({
          version: '1.0.8.0',
          settings: {
            'test-deployment-settings-file': 'deployment/test.json',
            'production-deployment-settings-file': 'deployment/production.json',
          },
        });
        expect(run.jobs.production!.result).toBe('success');
        for (const [server, host] of [
          [test, 'https://hitl-test.contoso.com'],
          [production, 'https://hitl.contoso.com'],
        ] as const) {
          expect(server.dataverse.imports.at(-1)).toMatchObject({
            version: '1.0.8.0',
            componentParameters: [
              {
                '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue',
                schemaname: 'cat_HitlHostUrl',
                value: host,
              },
            ],
          });
        }
        for (const job of ['test', 'production'])
          expect(run.jobs[job]!.steps!.find((step) => step.id === 'import')!.action!.annotations).toEqual([]);
      },
      TIMEOUT,
    );

    it('refuses a copy of the workflow with a misspelled input', async () => {
      const copy = path.join(temporaryFolder('promote-workflow-'), 'connector-promote.yml');
      const source = readFileSync(workflow, 'utf8');
      writeFileSync(
        copy,
        source.replace(
          '          skip-lower-version: ${{ inputs.skip-lower-version }}',
          '          skip-lower-versions: ${{ inputs.skip-lower-version }}',
        ),
      );
      await expect(promote({ workflowFile: copy })).rejects.toThrow(
        /import-solution has no input 'skip-lower-versions'/,
      );
    });
  },
);

/** A connector of an earlier version that the folder no longer holds. */
const REMOVED_CONNECTOR = 'cr1a6_5fremoved';
const CLS = path.resolve(REPO_ROOT, '../shared/fixtures/solutions/ColumnLevelSecurity');

(available ? describe : describe.skip)(
  'the connector promote workflow on a folder unpacked from both exports (unmanaged and managed)',
  () => {
    let both: { test: LocalServer; production: LocalServer; origin: string; folder: string };
    let bothOrigin: ReturnType<typeof originRepository>;

    beforeAll(async () => {
      const unpacked = path.join(temporaryFolder('promote-both-'), 'Cls');
      await unpackSolution(path.join(CLS, 'ColumnLevelSecuritySampleSolution.zip'), unpacked, {
        packageType: 'both',
      });
      bothOrigin = originRepository({ folders: { 'solutions/Cls': unpacked } });
      // Both environments have an earlier managed version holding a connector since removed from the folder.
      const earlier = buildSolutionZip({
        uniqueName: 'ColumnLevelSecuritySampleSolution',
        version: '1.0.6.0',
        managed: true,
        connectors: [REMOVED_CONNECTOR],
      });
      const [bothTest, bothProduction] = await Promise.all([
        dataverseFor('test', [earlier]),
        dataverseFor('production', [earlier]),
      ]);
      both = {
        test: bothTest,
        production: bothProduction,
        origin: bothOrigin.origin,
        folder: 'solutions/Cls',
      };
    });
    afterAll(async () => {
      await Promise.all([both.test.close(), both.production.close()]);
      bothOrigin.dispose();
    });

    it(
      'package-type auto imports the managed solution into test, then the same zip into production, as an upgrade that deletes a removed connector',
      async () => {
        const run = await promote({ target: both });
        for (const job of ['test', 'production']) {
          const failures = run.jobs[job]!.steps!.filter((step) => step.outcome === 'failure');
          expect(failures.map((step) => `${job}/${step.name}\n${step.stdout}\n${step.stderr}`)).toEqual([]);
        }
        const name = 'ColumnLevelSecuritySampleSolution';
        for (const server of [both.test, both.production]) {
          expect(server.store.get(name)).toMatchObject({ version: '1.0.7.0', managed: true });
          // A managed zip is upgraded, so components removed from the folder leave the environments.
          expect(server.dataverse.imports).toEqual([
            expect.objectContaining({ solutionName: name, stageAndUpgrade: true }),
          ]);
          expect(server.store.get(name)!.components).not.toContain(`372:${REMOVED_CONNECTOR}`);
        }
        expect(
          Buffer.from(both.production.store.get(name)!.zip).equals(
            Buffer.from(both.test.store.get(name)!.zip),
          ),
        ).toBe(true);
      },
      TIMEOUT,
    );

    it(
      'an environment that has the solution unmanaged from an earlier run: the import fails saying what to do, nothing is uploaded',
      async () => {
        const name = 'ColumnLevelSecuritySampleSolution';
        // As earlier versions of the workflow left it: the unmanaged zip of the folder of both exports.
        const earlier = buildSolutionZip({ uniqueName: name, version: '1.0.6.0' });
        const [keptTest, keptProduction] = await Promise.all([
          dataverseFor('test', [earlier]),
          dataverseFor('production', [earlier]),
        ]);
        try {
          const run = await promote({ target: { ...both, test: keptTest, production: keptProduction } });
          expect(run.jobs.test!.result).toBe('failure');
          const importStep = run.jobs.test!.steps!.find((step) => step.id === 'import')!;
          expect(importStep.outcome).toBe('failure');
          const errors = importStep.action!.annotations.filter((annotation) => annotation.level === 'error');
          expect(errors).toHaveLength(1);
          expect(errors[0]!.message).toContain(
            `has ${name} 1.0.6.0 installed as an unmanaged solution. Dataverse updates a solution only in the mode it was installed in, so nothing was imported. Import an unmanaged zip instead: one exported unmanaged from the source environment (export-solution with managed: false), or packed (pack-solution with package-type: unmanaged) from a folder unpacked from an unmanaged export or from both; a managed export alone cannot give one. Or, to make the solution managed there, delete the solution from the environment first (its components stay in the environment). See https://github.com/connector-alm/connector-alm/blob/main/docs/getting-started/multiple-environments.md#moving-an-environment-between-unmanaged-and-managed`,
          );
          expect(errors[0]!.message).toContain(new URL(keptTest.environmentUrl).origin);
          expect(keptTest.dataverse.importJobsStarted()).toBe(0);
          expect(
            keptTest.requests.filter((request) => /ImportSolution|StageAndUpgrade/.test(request.path)),
          ).toEqual([]);
          expect(keptTest.store.get(name)).toMatchObject({ version: '1.0.6.0', managed: false });
          expect(run.jobs.production!.result).toBe('skipped');
          expect(keptProduction.dataverse.importJobsStarted()).toBe(0);
          // The advice works: with package-type unmanaged both environments take the new version.
          const advised = await promote({
            target: { ...both, test: keptTest, production: keptProduction },
            packageType: 'unmanaged',
          });
          expect(advised.jobs.production!.result).toBe('success');
          for (const server of [keptTest, keptProduction])
            expect(server.store.get(name)).toMatchObject({ version: '1.0.7.0', managed: false });
        } finally {
          await Promise.all([keptTest.close(), keptProduction.close()]);
        }
      },
      TIMEOUT,
    );
  },
);
