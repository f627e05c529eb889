import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolverSaysNoSuchHost, runActionBundle, temporaryFolders } from '@connector-alm/testing';
import { buildSolutionZip } from '@connector-alm/dataverse/testing';
import { expectNothingSecretPrinted, localDataverse, OIDC_APP_ID } from './helpers/local-dataverse.js';
import { errorContaining, expectFailedWith } from './helpers/step-failure.js';

// Skipped, saying why, where no DNS resolver answers that .invalid names do not exist.
const resolverAnswers = await resolverSaysNoSuchHost();

const folders = temporaryFolders('export-elsewhere-');
afterAll(() => folders.cleanup());

const SECRET = '-starts-with-dash+and/slash=';
const solution = buildSolutionZip({ uniqueName: 'ContosoConnectors', version: '1.2.0.7' });
const local = localDataverse({
  name: 'export-solution',
  secret: SECRET,
  subject: 'repo:contoso/connectors:ref:refs/heads/main',
  solutions: [solution],
  // An export job is done at its first status read: what this file proves is what the action writes,
  // outputs and says; a job that takes several reads is packages/dataverse's tests' (on a manual
  // clock there). The default 3 reads cost each export here 3 s of sleep.
  asyncPolls: 1,
});

describe('export-solution, run as the runner runs it against the local server', () => {
  it('exports with a client secret: the zip matches what the server holds, outputs say where and which version', async () => {
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-name': 'ContosoConnectors',
        'solution-output-file': 'out/ContosoConnectors.zip',
      },
    });
    expect(run.annotations).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['solution-file']).toBe(path.join(local.workspace, 'out/ContosoConnectors.zip'));
    expect(run.outputs['solution-version']).toBe('1.2.0.7');
    expect(run.outputs.changed).toBe('true');
    expect(Buffer.from(readFileSync(run.outputs['solution-file']!)).equals(Buffer.from(solution))).toBe(true);
    expect(run.masks).toContain(SECRET);
    expectNothingSecretPrinted(run, [SECRET]);
    expect(run.summary).toContain('<h3>Exported ContosoConnectors 1.2.0.7</h3>');
    expect(run.summary).toContain(`Unmanaged, ${solution.length} bytes, changed since the last export.`);
    // The log names the zip from the workspace, as the CLI names it from the working directory.
    expect(run.stdout).toContain('Wrote out/ContosoConnectors.zip (');
    expect(run.stdout).not.toContain(`Wrote ${local.workspace}`);
  });

  it('signs in with GitHub OIDC (no secret) and reports an unchanged export', async () => {
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.connection(),
        'app-id': OIDC_APP_ID,
        'solution-name': 'ContosoConnectors',
        'solution-output-file': 'out/ContosoConnectors.zip',
      },
      env: local.oidcEnv(),
    });
    expect(run.annotations).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('false');
    expect(run.summary).toContain(`Unmanaged, ${solution.length} bytes, unchanged.`);
    expect(run.masks).toContain(local.server.idTokenRequestToken);
    expect(run.masks.filter((mask) => mask.startsWith('eyJ')).length).toBeGreaterThanOrEqual(2);
    expectNothingSecretPrinted(run, [local.server.idTokenRequestToken]);
  });

  it('exports managed when managed is true, and says so in the job summary', async () => {
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-name': 'ContosoConnectors',
        'solution-output-file': 'out/ContosoConnectors_managed.zip',
        managed: 'true',
      },
    });
    expect(run.annotations).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(local.server.dataverse.exports.at(-1)).toMatchObject({
      solutionName: 'ContosoConnectors',
      managed: true,
    });
    const bytes = readFileSync(run.outputs['solution-file']!).length;
    expect(run.summary).toContain(`Managed, ${bytes} bytes, changed since the last export.`);
  });

  it('fails with one clear annotation for an unknown solution name', async () => {
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-name': 'Contoso Connectors',
        'solution-output-file': 'x.zip',
      },
    });
    expectFailedWith(run, errorContaining("Solution 'Contoso Connectors' does not exist"));
    expect(run.stdout).not.toMatch(/at .*\.cjs:\d+/);
  });

  it("fails with one clear annotation, and starts no second export, when a gateway's 502 hides the job Dataverse started", async () => {
    const before = local.server.dataverse.jobsStarted('export');
    local.server.faults.inject(
      {
        kind: 'status',
        status: 502,
        body: '<html><body>502 Bad Gateway</body></html>',
        afterProcessing: true,
      },
      { operation: 'ExportSolutionAsync' },
    );
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-name': 'ContosoConnectors',
        'solution-output-file': 'out/Unconfirmed.zip',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(local.server.dataverse.jobsStarted('export') - before).toBe(1);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(
          /^Export of solution 'ContosoConnectors': an export job may have started in http:\/\/127\.0\.0\.1:\d+ at about \d{4}-\d\d-\d\d \d\d:\d\d UTC, but its start was not confirmed: HTTP 502\. It was not started again, so as not to run two exports at once\. Look for it in the solution's history \(Power Apps > Solutions > ContosoConnectors > See history\) or in the environment's system jobs; once it has ended, it is safe to run the job again\.$/,
        ),
      }),
    ]);
    expect(run.stdout).not.toMatch(/retrying/);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m);
    expectNothingSecretPrinted(run, [SECRET]);
  });

  it('refuses a solution-output-file that is not a .zip before signing in, as pack-solution does', async () => {
    writeFileSync(path.join(local.workspace, 'README.md'), '# my notes\n');
    const requests = local.server.requests.length;
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-name': 'ContosoConnectors',
        'solution-output-file': 'README.md',
      },
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        file: 'README.md',
        message:
          "Input 'solution-output-file' must end in .zip. Give the path of the zip file to write, or a folder to write <solution-name>.zip in (ending in /); Dataverse imports a solution only from a .zip file.",
      }),
    );
    expect(local.server.requests.length).toBe(requests);
    expect(readFileSync(path.join(local.workspace, 'README.md'), 'utf8')).toBe('# my notes\n');
  });

  it('refuses a solution-output-file outside the workspace and runner.temp before signing in', async () => {
    // Its real path, as the action names it (on macOS the temp folder is reached through the /var link).
    const outside = realpathSync(folders.make());
    const requests = local.server.requests.length;
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'working-directory': path.relative(local.workspace, outside),
        'solution-name': 'ContosoConnectors',
        'solution-output-file': 'ContosoConnectors.zip',
      },
    });
    expectFailedWith(run, {
      level: 'error',
      message: expect.stringMatching(
        /^Input 'solution-output-file' must name a place inside the workspace or the runner's temp folder; got 'ContosoConnectors\.zip', which is '.*ContosoConnectors\.zip'\. Nothing was written\. Use a path inside the workspace \(.*\), or under runner\.temp \(.*\), such as '\$\{\{ runner\.temp \}\}\/ContosoConnectors\.zip'\./,
      ),
    });
    expect(run.annotations[0]!.message).toContain(`'${path.join(outside, 'ContosoConnectors.zip')}'`);
    expect(local.server.requests.length).toBe(requests);
    expect(readdirSync(outside)).toEqual([]);
    expectNothingSecretPrinted(run, [SECRET]);
  });

  // As the CLI's -o: a folder was refused as "must end in .zip", and the zip and the log took the
  // solution name as typed, not as Dataverse spells it.
  it('writes <UniqueName>.zip into a folder given, named as the environment spells the solution', async () => {
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-name': 'contosoconnectors',
        'solution-output-file': 'snapshots/',
      },
    });
    expect(run.annotations).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['solution-file']).toBe(path.join(local.workspace, 'snapshots/ContosoConnectors.zip'));
    expect(readdirSync(path.join(local.workspace, 'snapshots'))).toEqual(['ContosoConnectors.zip']);
    expect(run.stdout).toContain('Export unmanaged solution ContosoConnectors 1.2.0.7');
    expect(run.stdout).toContain('Wrote snapshots/ContosoConnectors.zip (');
  });

  it('refuses a zip named in a folder given when a link of that name leads out of the workspace', async () => {
    const outside = realpathSync(folders.make());
    mkdirSync(path.join(local.workspace, 'linked'), { recursive: true });
    symlinkSync(path.join(outside, 'stolen.zip'), path.join(local.workspace, 'linked/ContosoConnectors.zip'));
    const exportsBefore = local.server.dataverse.jobsStarted('export');
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-name': 'ContosoConnectors',
        'solution-output-file': 'linked',
      },
    });
    expectFailedWith(run, {
      level: 'error',
      message: expect.stringMatching(
        /^Input 'solution-output-file' must name a place inside the workspace or the runner's temp folder; got 'linked', /,
      ),
    });
    expect(readdirSync(outside)).toEqual([]);
    expect(local.server.dataverse.jobsStarted('export')).toBe(exportsBefore);
  });

  it("exports into the runner's temp folder, where the snapshot workflow puts the zip", async () => {
    const temp = folders.make();
    const zip = path.join(temp, 'connector-snapshot', 'ContosoConnectors.zip');
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: { ...local.secretSignIn(), 'solution-name': 'ContosoConnectors', 'solution-output-file': zip },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.annotations).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['solution-file']).toBe(zip);
    // Named as the other actions name what they wrote: it was ../…/connector-snapshot/ContosoConnectors.zip.
    expect(run.stdout).toContain(`Wrote ${zip} (`);
    expect(run.stdout).not.toContain('../');
    expect(Buffer.from(readFileSync(zip)).equals(Buffer.from(solution))).toBe(true);
  });

  it('refuses a plain-http environment URL that is not loopback', async () => {
    const run = await runActionBundle('export-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'environment-url': 'http://contoso.crm.dynamics.com',
        'solution-name': 'X',
        'solution-output-file': 'x.zip',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain('must use https');
    expectNothingSecretPrinted(run, [SECRET]);
  });

  (resolverAnswers ? it : it.skip)(
    'fails at once with one annotation when authority-host names a host that does not exist',
    async () => {
      const run = await runActionBundle('export-solution', {
        workspace: local.workspace,
        inputs: {
          ...local.secretSignIn(),
          'authority-host': 'https://login.contoso.invalid',
          'solution-name': 'ContosoConnectors',
          'solution-output-file': 'x.zip',
        },
        // A retried ENOTFOUND took about two minutes of backoff.
        timeoutMs: 10_000,
      });
      expectFailedWith(
        run,
        expect.objectContaining({
          level: 'error',
          message:
            'Could not reach the Entra ID token endpoint at https://login.contoso.invalid: DNS has no host named login.contoso.invalid (ENOTFOUND). Check authority-host for a typo, or cloud when authority-host is empty: it chooses the login host.',
        }),
      );
      expect(run.stdout).not.toMatch(/retrying/);
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m);
      expectNothingSecretPrinted(run, [SECRET]);
    },
  );
});
