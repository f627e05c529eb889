import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolverSaysNoSuchHost, runActionBundle } from '@connector-alm/testing';
import {
  buildSolutionZip,
  createTestCertificate,
  solutionFixture,
  solutionFixturePath,
} from '@connector-alm/dataverse/testing';
import {
  CERTIFICATE_APP_ID,
  expectNothingSecretPrinted,
  localDataverse,
  OIDC_APP_ID,
  SECRET_APP_ID,
} from './helpers/local-dataverse.js';
import { errorContaining, expectFailedWith } from './helpers/step-failure.js';

const SECRET = 'imp0rt~secret+value/==';
const PASSWORD = 'k3y~p4ss/w0rd';
/** A certificate registered on CERTIFICATE_APP_ID, its key encrypted with PASSWORD. */
const certificate = createTestCertificate({ password: PASSWORD });
/** Never resolves (RFC 6761): a mistyped environment URL, which the local Entra ID still signs in for. */
const MISTYPED_ENVIRONMENT = 'https://contoso.crm.dynamics.invalid';
// Skipped, saying why, where no DNS resolver answers that .invalid names do not exist.
const resolverAnswers = await resolverSaysNoSuchHost();
const local = localDataverse({
  name: 'import-solution',
  secret: SECRET,
  subject: 'repo:contoso/connectors:environment:Production',
  resources: [MISTYPED_ENVIRONMENT],
  certificates: [certificate.certificatePem],
  // An asynchronous import is done at its first status read: what this file proves is what the
  // action sends and says; a job that takes several reads is packages/dataverse's tests' (on a
  // manual clock there). The default 3 reads cost each asynchronous import here 3 s of sleep.
  asyncPolls: 1,
});

describe('import-solution, run as the runner runs it against the local server', () => {
  // Skipped, and listed as skipped, when ../shared/fixtures/solutions is absent.
  (solutionFixturePath('customHIL/customHIL_1_0_0_3.zip') ? it : it.skip)(
    'imports a real export asynchronously; the server then holds exactly that solution',
    async () => {
      const fixture = solutionFixturePath('customHIL/customHIL_1_0_0_3.zip')!;
      const run = await runActionBundle('import-solution', {
        workspace: local.workspace,
        inputs: {
          ...local.secretSignIn(),
          'solution-file': fixture,
          'run-asynchronously': 'true',
          'publish-changes': 'true',
        },
      });
      // Its variable cat_HitlHostUrl has no value, and no deployment settings give it one.
      expect(run.annotations).toEqual([
        expect.objectContaining({
          level: 'warning',
          message: expect.stringContaining(
            "The environment variable 'cat_HitlHostUrl' of customHIL has no value in the zip (no default value, no current value): where the environment has no value of its own, the connector gets none. Give it a value in a deployment settings file (deployment-settings-file): ",
          ),
        }),
      ]);
      expect(run.exitCode).toBe(0);
      expect(run.outputs.result).toBe('imported');
      const held = local.server.store.get(run.outputs['solution-name']!);
      expect(held?.version).toBe(run.outputs['solution-version']);
      expect(
        Buffer.from(held!.zip).equals(Buffer.from(solutionFixture('customHIL/customHIL_1_0_0_3.zip')!)),
      ).toBe(true);
      expect(run.stdout).toMatch(/Import: 100%/);
      expectNothingSecretPrinted(run, [SECRET]);
    },
  );

  it('imports with GitHub OIDC and deployment settings, through throttling', async () => {
    writeFileSync(
      path.join(local.workspace, 'Fabrikam.zip'),
      buildSolutionZip({
        uniqueName: 'Fabrikam',
        version: '2.0.0.1',
        environmentVariables: { fab_ApiHost: {} },
      }),
    );
    writeFileSync(
      path.join(local.workspace, 'settings.json'),
      JSON.stringify({
        EnvironmentVariables: [{ SchemaName: 'fab_ApiHost', Value: 'api.fabrikam.com' }],
        ConnectionReferences: [],
      }),
    );
    local.server.faults.inject(
      { kind: 'throttle', retryAfterSeconds: 1 },
      { times: 1, operation: 'ImportSolution' },
    );
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.connection(),
        'app-id': OIDC_APP_ID,
        'solution-file': 'Fabrikam.zip',
        'use-deployment-settings-file': 'true',
        'deployment-settings-file': 'settings.json',
      },
      env: local.oidcEnv(),
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('HTTP 429 0x80072322') }),
    ]);
    expect(run.outputs).toMatchObject({
      result: 'imported',
      'solution-name': 'Fabrikam',
      'solution-version': '2.0.0.1',
    });
    expect(local.server.store.get('Fabrikam')?.version).toBe('2.0.0.1');
    expect(local.server.dataverse.imports.at(-1)?.componentParameters).toEqual([
      {
        '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue',
        schemaname: 'fab_ApiHost',
        value: 'api.fabrikam.com',
      },
    ]);
    expectNothingSecretPrinted(run, [local.server.idTokenRequestToken]);
  });

  // run-asynchronously left empty (its default) picks by size: a synchronous import of a big solution
  // can outlast the connection that waits for it, while an asynchronous one is polled.
  it('imports a solution over 2 MB asynchronously when run-asynchronously is left empty', async () => {
    const noise = randomBytes(2_400_000).toString('base64');
    writeFileSync(
      path.join(local.workspace, 'Large.zip'),
      buildSolutionZip({
        uniqueName: 'Large',
        version: '1.0.0.0',
        extra: { 'WebResources/noise.txt': noise },
      }),
    );
    const before = local.server.requests.length;
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: { ...local.secretSignIn(), 'solution-file': 'Large.zip' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.result).toBe('imported');
    const imports = local.server.requests
      .slice(before)
      .filter((request) => /\/ImportSolution(Async)?$/.test(request.path))
      .map((request) => request.path.split('/').at(-1));
    expect(imports).toEqual(['ImportSolutionAsync']);
  });

  // Skipped, and listed as skipped, when ../shared/fixtures/solutions is absent.
  (solutionFixturePath('not-a-solution/PatternTry-Catch-Finally.zip') ? it : it.skip)(
    'refuses a zip that is not a solution with one clear annotation',
    async () => {
      const fixture = solutionFixturePath('not-a-solution/PatternTry-Catch-Finally.zip')!;
      const run = await runActionBundle('import-solution', {
        workspace: local.workspace,
        inputs: { ...local.secretSignIn(), 'solution-file': fixture },
      });
      expectFailedWith(run, errorContaining('is not a Dataverse solution'));
    },
  );

  it("a gateway's 502 after Dataverse started the import: found by its import job, waited for, imported once", async () => {
    writeFileSync(
      path.join(local.workspace, 'Lost.zip'),
      buildSolutionZip({ uniqueName: 'Lost', version: '1.0.0.4' }),
    );
    const jobsBefore = local.server.dataverse.importJobsStarted();
    local.server.faults.inject(
      {
        kind: 'status',
        status: 502,
        body: '<html><body>502 Bad Gateway</body></html>',
        afterProcessing: true,
      },
      { operation: 'ImportSolutionAsync' },
    );
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-file': 'Lost.zip',
        'run-asynchronously': 'true',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      result: 'imported',
      'solution-name': 'Lost',
      'solution-version': '1.0.0.4',
    });
    expect(local.server.dataverse.importJobsStarted() - jobsBefore).toBe(1);
    expect(local.server.store.get('Lost')?.version).toBe('1.0.0.4');
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: `The answer to the import request was lost (HTTP 502), but import job ${run.outputs['import-job-id']} exists: the import started, and this run waits for it.`,
      }),
    ]);
    expect(run.stdout).toMatch(/Import: 100%/);
    expectNothingSecretPrinted(run, [SECRET]);
  });

  it('says in the job summary why an import was skipped: the version the environment has', async () => {
    const importVersion = (version: string, extra: Record<string, string> = {}) => {
      writeFileSync(
        path.join(local.workspace, `Skipping_${version}.zip`),
        buildSolutionZip({ uniqueName: 'Skipping', version }),
      );
      return runActionBundle('import-solution', {
        workspace: local.workspace,
        inputs: { ...local.secretSignIn(), 'solution-file': `Skipping_${version}.zip`, ...extra },
      });
    };
    expect((await importVersion('2.0.0.0')).exitCode).toBe(0);
    const run = await importVersion('1.5.0.0', { 'skip-lower-version': 'true' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.result).toBe('skipped');
    expect(run.summary).toContain('<h3>Skipped Skipping 1.5.0.0</h3>');
    expect(run.summary).toContain(
      'Unmanaged; not imported: the environment has 2.0.0.0 (skip-lower-version).',
    );
    // A lower version never arrives, on every run: an annotation, not a plain line in a green run.
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message:
          'Skipped: Skipping 2.0.0.0 is installed, the file has 1.5.0.0. 1.5.0.0 is lower than the installed version, so this file is skipped on every run and its changes never arrive. Give it a version higher than 2.0.0.0, e.g. 2.0.0.1 (the version input of pack-solution).',
      }),
    ]);
    // A re-run of the build the environment has is what skip-lower-version is for: no annotation.
    const again = await importVersion('2.0.0.0', { 'skip-lower-version': 'true' });
    expect(again.outputs.result).toBe('skipped');
    expect(again.annotations).toEqual([]);
    // Without skip-lower-version, the refusal's advice names the inputs, not the CLI's options.
    const refused = await importVersion('1.4.0.0');
    expect(refused.exitCode).toBe(1);
    expect(refused.annotations[0]!.message).toContain(
      'Give the solution a higher version than the environment has (the version input of pack-solution), or skip the import when the environment has this version or a later one (skip-lower-version: true).',
    );
  });

  it('stops before the upload when the environment has the solution unmanaged and the zip is managed, in input words', async () => {
    local.server.store.put(buildSolutionZip({ uniqueName: 'ModeKept', version: '1.0.3.0' }), false);
    writeFileSync(
      path.join(local.workspace, 'ModeKept_managed.zip'),
      buildSolutionZip({ uniqueName: 'ModeKept', version: '1.0.7.0', managed: true }),
    );
    const started = local.server.dataverse.importJobsStarted();
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: { ...local.secretSignIn(), 'solution-file': 'ModeKept_managed.zip' },
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        file: 'ModeKept_managed.zip',
        message: `is a managed solution, but ${new URL(local.server.environmentUrl).origin} has ModeKept 1.0.3.0 installed as an unmanaged solution. Dataverse updates a solution only in the mode it was installed in, so nothing was imported. Import an unmanaged zip instead: one exported unmanaged from the source environment (export-solution with managed: false), or packed (pack-solution with package-type: unmanaged) from a folder unpacked from an unmanaged export or from both; a managed export alone cannot give one. Or, to make the solution managed there, delete the solution from the environment first (its components stay in the environment). See https://github.com/connector-alm/connector-alm/blob/main/docs/getting-started/multiple-environments.md#moving-an-environment-between-unmanaged-and-managed`,
      }),
    );
    expect(local.server.dataverse.importJobsStarted()).toBe(started);
    expect(local.server.store.get('ModeKept')).toMatchObject({ managed: false, version: '1.0.3.0' });
  });

  it('stage-and-upgrade: the connector the new version lacks leaves the environment; refused with import-as-holding and with an unmanaged zip', async () => {
    local.server.store.put(
      buildSolutionZip({
        uniqueName: 'Upgrading',
        version: '1.0.0.0',
        managed: true,
        connectors: ['a', 'b'],
      }),
      false,
    );
    const zip = (file: string, managed: boolean) =>
      writeFileSync(
        path.join(local.workspace, file),
        buildSolutionZip({ uniqueName: 'Upgrading', version: '1.1.0.0', managed, connectors: ['a'] }),
      );
    zip('Upgrading_managed.zip', true);
    zip('Upgrading.zip', false);
    const upgrade = (file: string, extra: Record<string, string> = {}) =>
      runActionBundle('import-solution', {
        workspace: local.workspace,
        inputs: { ...local.secretSignIn(), 'solution-file': file, 'stage-and-upgrade': 'true', ...extra },
      });

    const started = local.server.dataverse.importJobsStarted();
    const holding = await upgrade('Upgrading_managed.zip', { 'import-as-holding': 'true' });
    expectFailedWith(
      holding,
      expect.objectContaining({
        message: expect.stringContaining(
          'stage-and-upgrade: true and import-as-holding: true cannot be used together',
        ),
      }),
    );
    const unmanaged = await upgrade('Upgrading.zip');
    expectFailedWith(
      unmanaged,
      expect.objectContaining({
        file: 'Upgrading.zip',
        message: expect.stringContaining(
          'is an unmanaged solution (Upgrading), and Dataverse upgrades managed solutions only, so nothing was imported. Import the managed zip (package-type: managed) with stage-and-upgrade: true',
        ),
      }),
    );
    expect(local.server.dataverse.importJobsStarted()).toBe(started);

    const run = await upgrade('Upgrading_managed.zip');
    expect(run.annotations).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.result).toBe('imported');
    expect(local.server.store.get('Upgrading')).toMatchObject({ version: '1.1.0.0', components: ['372:a'] });
    expect(run.summary).toContain('<h3>Imported and upgraded Upgrading 1.1.0.0</h3>');
  });

  it('gives the same advice when Dataverse refuses the mode itself, the installed solution unread', async () => {
    local.server.store.put(
      buildSolutionZip({ uniqueName: 'ModeUnread', version: '2.0.0.0', managed: true }),
      false,
    );
    writeFileSync(
      path.join(local.workspace, 'ModeUnread.zip'),
      buildSolutionZip({ uniqueName: 'ModeUnread', version: '2.1.0.0' }),
    );
    local.server.faults.inject({ kind: 'status', status: 403 }, { operation: 'solutions', times: 1 });
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: { ...local.secretSignIn(), 'solution-file': 'ModeUnread.zip' },
    });
    expect(run.exitCode).toBe(1);
    const error = run.annotations.find((annotation) => annotation.level === 'error')!;
    expect(error.message).toContain('already installed on this system as a managed solution');
    expect(error.message).toContain(
      'Import a managed zip instead: one exported managed from the source environment (export-solution with managed: true), or packed (pack-solution with package-type: managed) from a folder unpacked from a managed export or from both; an unmanaged export alone cannot give one. Or, to make the solution unmanaged there, delete the managed solution from the environment first: that deletes its components and their data. See https://github.com/connector-alm/connector-alm/blob/main/docs/getting-started/multiple-environments.md#moving-an-environment-between-unmanaged-and-managed',
    );
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('whether it is managed was not checked before the import'),
      }),
    );
    expect(local.server.store.get('ModeUnread')).toMatchObject({ managed: true, version: '2.0.0.0' });
  });

  it('tells a workflow without a credential how to use OIDC', async () => {
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: { ...local.connection(), 'app-id': SECRET_APP_ID, 'solution-file': 'x.zip' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain('id-token: write');
  });

  it('names both inputs when a client secret and a certificate are given', async () => {
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: { ...local.secretSignIn(), 'client-certificate': 'PEM', 'solution-file': 'x.zip' },
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message:
          "Input 'client-secret' and input 'client-certificate' are both set; sign in with one of them. Leave out input 'client-secret' to sign in with the certificate, or leave out input 'client-certificate' to use the secret.",
      }),
    );
    expectNothingSecretPrinted(run, [SECRET]);
  });

  it('names the certificate input whose text is not PEM, and says how to make it', async () => {
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.connection(),
        'app-id': SECRET_APP_ID,
        'client-certificate': 'MIIC-not-a-pem',
        'solution-file': 'x.zip',
      },
    });
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message:
          "Input 'client-certificate' does not hold both a certificate and its private key in PEM. Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then set input 'client-certificate' to the content of cert.pem.",
      }),
    );
    expectNothingSecretPrinted(run, ['MIIC-not-a-pem']);
  });

  it('signs in with a certificate whose key is encrypted, given client-certificate-password', async () => {
    writeSolution('Certified');
    const run = await importWithCertificate('Certified.zip', PASSWORD);
    expect(run.annotations).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(local.server.store.get('Certified')?.version).toBe('1.0.0.0');
    expectNothingSecretPrinted(run, [PASSWORD, ...pemLines(certificate.pem)]);
  });

  it("names both certificate inputs when client-certificate-password is not the key's password", async () => {
    writeSolution('Refused');
    const run = await importWithCertificate('Refused.zip', 'not-the-password');
    expectFailedWith(
      run,
      expect.objectContaining({
        level: 'error',
        message:
          "The private key in input 'client-certificate' cannot be decrypted with the password in input 'client-certificate-password'. Set input 'client-certificate-password' to the password the key was encrypted with.",
      }),
    );
    expect(local.server.store.get('Refused')).toBeUndefined();
    expectNothingSecretPrinted(run, ['not-the-password', ...pemLines(certificate.pem)]);
  });

  // Each option input reaches the import Dataverse runs: left out, as action.yml documents its
  // default; set, the other way. Nothing else looked at what the server was sent.
  it('sends each import option to Dataverse: its default when left out, the other value when set', async () => {
    writeSolution('OptionsLeftOut');
    const publishedBefore = local.server.dataverse.publishCount;
    const leftOut = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: { ...local.secretSignIn(), 'solution-file': 'OptionsLeftOut.zip' },
    });
    expect(leftOut.annotations).toEqual([]);
    expect(leftOut.exitCode).toBe(0);
    expect(local.server.dataverse.imports.at(-1)).toMatchObject({
      solutionName: 'OptionsLeftOut',
      asynchronous: false,
      stageAndUpgrade: false,
      overwriteUnmanagedCustomizations: false,
      publishWorkflows: true,
      convertToManaged: false,
      skipProductUpdateDependencies: false,
      holdingSolution: false,
    });
    expect(local.server.dataverse.publishCount).toBe(publishedBefore);
    expect(leftOut.summary).toContain('<h3>Imported OptionsLeftOut 1.0.0.0</h3>');
    expect(leftOut.summary).toContain(`Unmanaged, import job ${leftOut.outputs['import-job-id']}.`);

    writeFileSync(
      path.join(local.workspace, 'OptionsSet_managed.zip'),
      buildSolutionZip({ uniqueName: 'OptionsSet', version: '1.0.0.0', managed: true }),
    );
    const set = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-file': 'OptionsSet_managed.zip',
        'run-asynchronously': 'false',
        'force-overwrite': 'true',
        'activate-plugins': 'false',
        'skip-dependency-check': 'true',
        'import-as-holding': 'true',
        'convert-to-managed': 'true',
        'publish-changes': 'true',
      },
    });
    expect(set.annotations).toEqual([]);
    expect(set.exitCode).toBe(0);
    expect(local.server.dataverse.imports.at(-1)).toMatchObject({
      solutionName: 'OptionsSet',
      asynchronous: false,
      overwriteUnmanagedCustomizations: true,
      publishWorkflows: false,
      convertToManaged: true,
      skipProductUpdateDependencies: true,
      holdingSolution: true,
    });
    expect(local.server.dataverse.publishCount).toBe(publishedBefore + 1);
    expect(set.summary).toContain('<h3>Imported OptionsSet 1.0.0.0</h3>');
    expect(set.summary).toContain(`Managed, import job ${set.outputs['import-job-id']}.`);
  });

  describe('a deployment settings file', () => {
    /** Settings giving `schemaName` a value, and a zip of solution `name` whose variable fab_ApiHost has none. */
    const settingsAndZip = (name: string, schemaName: string) => {
      writeFileSync(
        path.join(local.workspace, `${name}.zip`),
        buildSolutionZip({ uniqueName: name, version: '1.0.0.1', environmentVariables: { fab_ApiHost: {} } }),
      );
      writeFileSync(
        path.join(local.workspace, `${name}.json`),
        `{\n  "EnvironmentVariables": [\n    { "SchemaName": "${schemaName}", "Value": "api.fabrikam.com" }\n  ]\n}\n`,
      );
    };
    const importWith = (name: string, inputs: Record<string, string>) =>
      runActionBundle('import-solution', {
        workspace: local.workspace,
        inputs: { ...local.secretSignIn(), 'solution-file': `${name}.zip`, ...inputs },
      });
    const sentTo = (name: string) =>
      local.server.dataverse.imports.filter((entry) => entry.solutionName === name).at(-1)
        ?.componentParameters;

    it('given alone is taken: use-deployment-settings-file need not be set (it was dropped without a word)', async () => {
      settingsAndZip('SettingsAlone', 'fab_ApiHost');
      const run = await importWith('SettingsAlone', { 'deployment-settings-file': 'SettingsAlone.json' });
      expect(run.exitCode).toBe(0);
      expect(run.annotations).toEqual([]);
      expect(run.stdout).toContain('With 1 component parameter from the deployment settings.');
      expect(sentTo('SettingsAlone')).toEqual([
        {
          '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue',
          schemaname: 'fab_ApiHost',
          value: 'api.fabrikam.com',
        },
      ]);
    });

    // Asked for the file and given none: refused, rather than importing without the values the
    // workflow meant to set.
    it('with use-deployment-settings-file: true and no file is refused before any import', async () => {
      const imports = local.server.dataverse.imports.length;
      const run = await importWith('SettingsMissing', { 'use-deployment-settings-file': 'true' });
      expectFailedWith(
        run,
        errorContaining(
          "Input 'deployment-settings-file' is required when use-deployment-settings-file is true.",
        ),
      );
      expect(local.server.dataverse.imports.length).toBe(imports);
    });

    it('with use-deployment-settings-file: false is left unread, with a warning saying so', async () => {
      settingsAndZip('SettingsOff', 'fab_ApiHost');
      const run = await importWith('SettingsOff', {
        'deployment-settings-file': 'SettingsOff.json',
        'use-deployment-settings-file': 'false',
      });
      expect(run.exitCode).toBe(0);
      expect(run.annotations).toEqual([
        expect.objectContaining({
          level: 'warning',
          message:
            "Input 'deployment-settings-file' (SettingsOff.json) is not read: use-deployment-settings-file is false, so no environment variable value or connection reference from it is set. Leave use-deployment-settings-file out (or set it to true) to take the file.",
        }),
        // And so the variable is left without a value.
        expect.objectContaining({
          level: 'warning',
          message: expect.stringMatching(/^The environment variable 'fab_ApiHost' /),
        }),
      ]);
      expect(sentTo('SettingsOff')).toEqual([]);
    });

    it('naming a variable the solution does not have fails at its line in the file, before the upload', async () => {
      settingsAndZip('SettingsTypo', 'fab_ApiHots');
      const run = await importWith('SettingsTypo', { 'deployment-settings-file': 'SettingsTypo.json' });
      expectFailedWith(
        run,
        expect.objectContaining({
          level: 'error',
          file: 'SettingsTypo.json',
          line: 3,
          message: expect.stringContaining(
            "EnvironmentVariables[0] names 'fab_ApiHots', which is no environment variable of SettingsTypo. Did you mean 'fab_ApiHost'?",
          ),
        }),
      );
      expect(sentTo('SettingsTypo')).toBeUndefined();
    });
  });

  /** import-solution of x.zip, signed in with the client secret, with the deployment settings file given. */
  const importWithSettingsFile = (settingsFile: string) =>
    runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: {
        ...local.secretSignIn(),
        'solution-file': 'x.zip',
        'use-deployment-settings-file': 'true',
        'deployment-settings-file': settingsFile,
      },
    });

  it('names a deployment settings file that does not exist and its input, in the text of the annotation', async () => {
    const run = await importWithSettingsFile('config/missing-settings.json');
    expectFailedWith(run, {
      level: 'error',
      message:
        "config/missing-settings.json: Input 'deployment-settings-file' names a file that does not exist. The path is relative to working-directory, itself relative to the workspace.",
    });
    expectNothingSecretPrinted(run, [SECRET]);
  });

  it('names the input of a deployment settings file that is a symbolic link that leads nowhere, or round in a loop', async () => {
    // The link was said in the CLI's words ("is a symbolic link that leads nowhere (to 'nowhere')."),
    // which dropped the input's name the message of a missing file gives.
    symlinkSync('nowhere', path.join(local.workspace, 'settings-link.json'));
    symlinkSync('loop.json', path.join(local.workspace, 'loop.json'));
    const hint = 'The path is relative to working-directory, itself relative to the workspace.';
    expectFailedWith(await importWithSettingsFile('settings-link.json'), {
      level: 'error',
      message: `settings-link.json: Input 'deployment-settings-file' names a symbolic link that leads nowhere (to 'nowhere'). ${hint}`,
    });
    expectFailedWith(await importWithSettingsFile('loop.json'), {
      level: 'error',
      message: `loop.json: Input 'deployment-settings-file' names a symbolic link that leads nowhere (to 'loop.json'). ${hint}`,
    });
  });

  it('says a deployment settings file that is a folder is one, of its input', async () => {
    mkdirSync(path.join(local.workspace, 'settings-folder'), { recursive: true });
    const run = await importWithSettingsFile('settings-folder');
    expectFailedWith(run, {
      level: 'error',
      message:
        "settings-folder: Input 'deployment-settings-file' names a folder, not a file. The path is relative to working-directory, itself relative to the workspace.",
    });
  });

  it('puts the error of a deployment settings file below a file on the file in the way', async () => {
    // It said "names a file that cannot be read (ENOTDIR)." of config.txt/settings.json; then words of
    // its own ("names settings.json inside this file, which is not a folder"); now the CLI's.
    writeFileSync(path.join(local.workspace, 'config.txt'), 'not a folder\n');
    const run = await importWithSettingsFile('config.txt/settings.json');
    expectFailedWith(run, {
      level: 'error',
      file: 'config.txt',
      message:
        "is a file, not a folder, so settings.json cannot be read inside it. Give 'deployment-settings-file' a path that runs through folders only, relative to working-directory (itself relative to the workspace).",
    });
    expectNothingSecretPrinted(run, [SECRET]);
  });

  it('says a deployment settings file with a name longer than the file system allows as such, of its input', async () => {
    // It said "names a file that cannot be read (ENAMETOOLONG).", with nothing to do about it.
    const long = `${'s'.repeat(300)}.json`;
    const run = await importWithSettingsFile(long);
    expectFailedWith(run, {
      level: 'error',
      message: `${long}: Input 'deployment-settings-file' cannot be read: its path is longer than the file system allows (ENAMETOOLONG). Give 'deployment-settings-file' a path with shorter names.`,
    });
    expectNothingSecretPrinted(run, [SECRET]);
  });

  it('puts the error of a deployment settings file below a link that leads nowhere on the link', async () => {
    // open says ENOENT there: it said "names a file that does not exist." of the whole path. A link
    // that leads nowhere is no file to annotate: it is named in the text, as a link (it was called
    // "a file", which sent users looking for one).
    symlinkSync('nowhere', path.join(local.workspace, 'config-link'));
    const run = await importWithSettingsFile('config-link/settings.json');
    expectFailedWith(run, {
      level: 'error',
      message:
        "config-link: is a symbolic link that leads nowhere (to 'nowhere'), so settings.json cannot be read inside it. Give 'deployment-settings-file' a path that runs through folders only, relative to working-directory (itself relative to the workspace).",
    });
  });

  it('puts the error of a solution file below a file on the file in the way', async () => {
    // It said "config.txt/x.zip: does not exist.", at a path that cannot exist.
    writeFileSync(path.join(local.workspace, 'config.txt'), 'not a folder\n');
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: { ...local.secretSignIn(), 'solution-file': 'config.txt/x.zip' },
    });
    expectFailedWith(run, {
      level: 'error',
      file: 'config.txt',
      message:
        'is a file, not a folder, so x.zip cannot be read inside it. Check the path of the solution zip to import.',
    });
    expectNothingSecretPrinted(run, [SECRET]);
  });

  it('says a solution file with a name longer than the file system allows as such', async () => {
    // It said "cannot be read (ENAMETOOLONG).", with nothing to do about it.
    const long = `${'a'.repeat(300)}.zip`;
    const run = await runActionBundle('import-solution', {
      workspace: local.workspace,
      inputs: { ...local.secretSignIn(), 'solution-file': long },
    });
    expectFailedWith(run, {
      level: 'error',
      message: `${long}: Input 'solution-file' cannot be read: its path is longer than the file system allows (ENAMETOOLONG). Give 'solution-file' a path with shorter names.`,
    });
    expectNothingSecretPrinted(run, [SECRET]);
  });

  (resolverAnswers ? it : it.skip)(
    'fails at once with one annotation when environment-url names a host that does not exist',
    async () => {
      writeSolution('Mistyped');
      const run = await runActionBundle('import-solution', {
        workspace: local.workspace,
        inputs: {
          ...local.secretSignIn(),
          'environment-url': MISTYPED_ENVIRONMENT,
          'solution-file': 'Mistyped.zip',
        },
        // A retried ENOTFOUND took about two minutes of backoff.
        timeoutMs: 10_000,
      });
      expectFailedWith(
        run,
        expect.objectContaining({
          level: 'error',
          message: expect.stringMatching(
            /^.+: could not reach https:\/\/contoso\.crm\.dynamics\.invalid: DNS has no host named contoso\.crm\.dynamics\.invalid \(ENOTFOUND\)\. Check environment-url for a typo/,
          ),
        }),
      );
      expect(run.stdout).not.toMatch(/retrying/);
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m);
      expectNothingSecretPrinted(run, [SECRET]);
    },
  );
});

/** Writes `name`.zip into the workspace: the solution `name`, version 1.0.0.0. */
function writeSolution(name: string): void {
  writeFileSync(
    path.join(local.workspace, `${name}.zip`),
    buildSolutionZip({ uniqueName: name, version: '1.0.0.0' }),
  );
}

/** import-solution of `solutionFile`, signed in with `certificate`, its key decrypted with `password`. */
function importWithCertificate(solutionFile: string, password: string) {
  return runActionBundle('import-solution', {
    workspace: local.workspace,
    inputs: {
      ...local.connection(),
      'app-id': CERTIFICATE_APP_ID,
      'client-certificate': certificate.pem,
      'client-certificate-password': password,
      'solution-file': solutionFile,
    },
  });
}

/** The lines of PEM text long enough to be its content rather than a marker. */
function pemLines(pem: string): string[] {
  return pem.split('\n').filter((line) => line.length > 40 && !line.startsWith('-----'));
}
