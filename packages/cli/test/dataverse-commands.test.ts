import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { describeUserError, UsageError, UserError } from '@connector-alm/core';
import { startLocalServer, type LocalServer } from '@connector-alm/dataverse';
import { REPO_ROOT, resolverSaysNoSuchHost } from '@connector-alm/testing';
import { registerExportCommand } from '../src/commands/export.js';
import { registerImportCommand } from '../src/commands/import.js';
import type { CliIo } from '../src/io.js';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';
import { headingAnchors } from './heading-anchors.js';
import { buildSolutionZip, createTestCertificate, damagePemBlock } from '@connector-alm/dataverse/testing';

const APP_ID = '5f4e3d2c-1111-4222-8333-944455556666';
const SECRET = 'cli-secret+/=';
/** The app that signs in with a certificate whose key is encrypted with PASSWORD. */
const CERT_APP_ID = '5f4e3d2c-1111-4222-8333-944455557777';
const PASSWORD = 'c3rt~p4ss/w0rd';
const encrypted = createTestCertificate({ password: PASSWORD });
const plain = createTestCertificate();
const solution = buildSolutionZip({ uniqueName: 'CliSolution', version: '4.0.0.2' });
/** Installed in the environment before the tests: a managed solution, and one at a later version. */
const installedManaged = buildSolutionZip({ uniqueName: 'CliManaged', version: '2.0.0.0', managed: true });
const installedLater = buildSolutionZip({ uniqueName: 'CliLater', version: '3.0.0.0' });
/** The promote guide on the web, where the advice on a managed/unmanaged mismatch links to. */
const GUIDE =
  'https://github.com/connector-alm/connector-alm/blob/main/docs/getting-started/multiple-environments.md';
/** Never resolves (RFC 6761): a mistyped environment URL, which the local Entra ID still signs in for. */
const MISTYPED_ENVIRONMENT = 'https://contoso.crm.dynamics.invalid';
// Skipped, saying why, where no DNS resolver answers that .invalid names do not exist.
const resolverAnswers = await resolverSaysNoSuchHost();

let server: LocalServer;
let cwd: string;
beforeAll(async () => {
  server = await startLocalServer({
    apps: [
      { clientId: APP_ID, secret: SECRET },
      { clientId: CERT_APP_ID, certificates: [encrypted.certificatePem, plain.certificatePem] },
    ],
    solutions: [solution, installedManaged, installedLater],
    resources: [MISTYPED_ENVIRONMENT],
    // Export and import jobs are done at their first status read: how the commands are wired is this
    // test's subject, and the wait for a job the dataverse package's. The default 3 reads cost each
    // export or asynchronous import 3 s of sleep.
    asyncPolls: 1,
  });
  cwd = mkdtempSync(path.join(os.tmpdir(), 'cli-dataverse-'));
});
afterAll(async () => {
  await server.close();
  rmSync(cwd, { recursive: true, force: true });
});

/**
 * Runs the two commands in-process the way program.ts wires them, capturing output and the exit code;
 * `env` adds to the variables that sign in to the local server.
 */
async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ stdout: string; stderr: string; error?: Error }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const io: CliIo = {
    stdout,
    stderr,
    cwd,
    env: {
      DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
      AZURE_TENANT_ID: server.tenantId,
      AZURE_CLIENT_ID: APP_ID,
      CONNECTOR_ALM_CLIENT_SECRET: SECRET,
      ...env,
    },
  };
  const program = new Command('connector-alm').exitOverride();
  registerExportCommand(program, { io, setExit: () => {} });
  registerImportCommand(program, { io, setExit: () => {} });
  try {
    await program.parseAsync([...argv, '--authority-host', server.authorityHost], { from: 'user' });
    return { stdout: out, stderr: err };
  } catch (error) {
    return { stdout: out, stderr: err, error: error as Error };
  }
}

describe('connector-alm export and import against the local server', () => {
  it('exports to <name>.zip and prints the result as JSON', async () => {
    const result = await run(['export', 'CliSolution', '--format', 'json']);
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.stdout)).toMatchObject({
      solutionName: 'CliSolution',
      version: '4.0.0.2',
      changed: true,
    });
    expect(Buffer.from(readFileSync(path.join(cwd, 'CliSolution.zip'))).equals(Buffer.from(solution))).toBe(
      true,
    );
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('says where it wrote the zip from the working directory, however -o was given', async () => {
    // It said "Wrote /home/runner/work/repo/repo/solutions/CliSolution.zip", the path it resolved.
    for (const out of [path.join(cwd, 'solutions/CliSolution.zip'), 'solutions/CliSolution.zip']) {
      const result = await run(['export', 'CliSolution', '-o', out]);
      expect(result.error).toBeUndefined();
      expect(result.stdout).toContain(`Wrote ${path.join('solutions', 'CliSolution.zip')} (`);
      expect(result.stdout).not.toContain(cwd);
    }
  });

  it('names the zip in --format json as in text, from the working directory', async () => {
    // docs/cli.md: the commands name what they wrote the same way in text and JSON; the JSON had
    // the path it resolved ("/home/runner/work/repo/repo/solutions/CliSolution.zip").
    const out = path.join(cwd, 'solutions/CliSolution.zip');
    const result = await run(['export', 'CliSolution', '-o', out, '--format', 'json']);
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.stdout)).toMatchObject({ file: path.join('solutions', 'CliSolution.zip') });
  });

  it('prints each request with CONNECTOR_ALM_DEBUG=1, and none when it is 0, false or empty', async () => {
    // docs/cli.md: CONNECTOR_ALM_DEBUG=1 turns --debug on where the command line is fixed. Any value
    // did, so a job that wrote CONNECTOR_ALM_DEBUG=0 to turn it off logged every request.
    // On stderr, as warnings are: stdout holds progress (and the JSON result with --format json).
    const debugLines = (output: { stderr: string }): string[] =>
      output.stderr.split('\n').filter((line) => line.startsWith('debug: '));
    expect(debugLines(await run(['export', 'CliSolution'], { CONNECTOR_ALM_DEBUG: '1' }))).not.toEqual([]);
    for (const off of ['0', 'false', 'FALSE', ''])
      expect(debugLines(await run(['export', 'CliSolution'], { CONNECTOR_ALM_DEBUG: off }))).toEqual([]);
  });

  it('refuses an -o that is not a .zip before anything is sent, as pack does, so that no file of the user is overwritten', async () => {
    writeFileSync(path.join(cwd, 'README.md'), '# my notes\n');
    const requests = server.requests.length;
    const result = await run(['export', 'CliSolution', '-o', 'README.md']);
    expect(result.error).toBeInstanceOf(UsageError);
    expect(describeUserError(result.error as UsageError)).toBe(
      'README.md: must end in .zip. Give -o the path of the zip file to write, or a folder to write CliSolution.zip in (ending in /); Dataverse imports a solution only from a .zip file.',
    );
    expect(server.requests.length).toBe(requests);
    expect(readFileSync(path.join(cwd, 'README.md'), 'utf8')).toBe('# my notes\n');
  });

  // The walkthrough of session 31: `export ContosoConnectors -o out/` was refused as "must end in
  // .zip", and `export contosoconnectors` logged and named the zip with the name as typed.
  it.each([
    ['a path ending in /', 'new-folder/', 'new-folder'],
    ['a folder that exists', 'existing-folder', 'existing-folder'],
  ])('-o %s writes <UniqueName>.zip inside it, as cp would', async (_case, out, folder) => {
    mkdirSync(path.join(cwd, 'existing-folder'), { recursive: true });
    const result = await run(['export', 'CliSolution', '-o', out]);
    expect(result.error).toBeUndefined();
    expect(readdirSync(path.join(cwd, folder))).toEqual(['CliSolution.zip']);
    expect(result.stdout).toContain(`Wrote ${path.join(folder, 'CliSolution.zip')} (`);
  });

  it('names the solution, and the zip by default, as Dataverse spells its unique name, whatever case was typed', async () => {
    const folder = path.join(cwd, 'typed-in-lower-case');
    mkdirSync(folder, { recursive: true });
    const io = memoryIo(folder, {
      DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
      AZURE_TENANT_ID: server.tenantId,
      AZURE_CLIENT_ID: APP_ID,
      CONNECTOR_ALM_CLIENT_SECRET: SECRET,
      AZURE_AUTHORITY_HOST: server.authorityHost,
    });
    expect(await runCli(['export', 'clisolution'], io)).toBe(0);
    expect(readdirSync(folder)).toEqual(['CliSolution.zip']);
    expect(io.out()).toContain('Export unmanaged solution CliSolution 4.0.0.2\n');
    expect(io.out()).toContain('Wrote CliSolution.zip (');
    expect(io.out()).not.toContain('clisolution');
  });

  it('names the unique name of the solution whose display name was given', async () => {
    server.store.put(
      buildSolutionZip({ uniqueName: 'CliShown', displayName: 'CLI Shown Solution', version: '1.0.0.0' }),
      false,
    );
    const result = await run(['export', 'CLI Shown Solution']);
    expect(result.error).toBeInstanceOf(UserError);
    expect(describeUserError(result.error as UserError)).toBe(
      `Solution 'CLI Shown Solution' does not exist in ${server.environmentUrl}. <solution-name> is the unique name (Solutions > the solution > Name column), not the display name: did you mean CliShown?`,
    );
  });

  it('imports the exported zip back and reports it', async () => {
    const result = await run(['import', 'CliSolution.zip', '--async', '--format', 'json']);
    expect(result.error).toBeUndefined();
    expect(JSON.parse(result.stdout)).toMatchObject({
      result: 'imported',
      solutionName: 'CliSolution',
      asynchronous: true,
    });
    expect(server.dataverse.imports.at(-1)).toMatchObject({
      solutionName: 'CliSolution',
      asynchronous: true,
    });
  });

  it('names a solution zip it cannot read once, and a bad deployment settings file once', async () => {
    const missing = path.join(cwd, 'missing.zip');
    const unreadable = await run(['import', missing]);
    expect(unreadable.error).toBeInstanceOf(UserError);
    const text = describeUserError(unreadable.error as UserError);
    // The location comes first; the message does not say it again (Node's own words would).
    expect(text).toBe(`${missing}: does not exist. Check the path of the solution zip to import.`);
    writeFileSync(path.join(cwd, 'settings.json'), '{ "EnvironmentVariables": [');
    const settings = await run(['import', 'CliSolution.zip', '--settings', 'settings.json']);
    const settingsText = describeUserError(settings.error as UserError);
    expect(settingsText).toBe(
      `${path.join(cwd, 'settings.json')}:1:28: invalid JSON: the file ends with 2 brackets open: it looks cut off ` +
        '(an interrupted save or copy); restore its end. ' +
        'Fix the JSON, or write the file again with pac solution create-settings.',
    );
    expect(settingsText.split('settings.json')).toHaveLength(2);
  });

  // A typo like the walk report's (cat_HitlHostURL for cat_HitlHostUrl) was sent, and the import said nothing.
  it('refuses a settings entry that names no variable of the solution, at its line, before anything is sent', async () => {
    writeFileSync(
      path.join(cwd, 'Hil.zip'),
      buildSolutionZip({
        uniqueName: 'Hil',
        version: '1.0.0.9',
        environmentVariables: { cat_HitlHostUrl: {} },
      }),
    );
    writeFileSync(
      path.join(cwd, 'settings-typo.json'),
      '{\n  "EnvironmentVariables": [{ "SchemaName": "cat_HitlHostUri", "Value": "https://hitl" }]\n}\n',
    );
    const imports = server.dataverse.imports.length;
    const result = await run(['import', 'Hil.zip', '--settings', 'settings-typo.json']);
    expect(result.error).toBeInstanceOf(UserError);
    expect(describeUserError(result.error as UserError)).toBe(
      `${path.join(cwd, 'settings-typo.json')}:2:44: EnvironmentVariables[0] names 'cat_HitlHostUri', which is no environment variable of Hil. Did you mean 'cat_HitlHostUrl'? ` +
        'The environment variables of Hil: cat_HitlHostUrl. Write each SchemaName exactly as the solution has it, case included (pac solution create-settings writes them from the solution zip), and remove an entry of another solution.',
    );
    expect(server.dataverse.imports.length).toBe(imports);
  });

  // The warning named the file by the absolute path the command read it by, where the error above
  // names it from the working directory, as every path the CLI prints.
  it('warns of a settings name in other letter case at the file as given, from the working directory', async () => {
    writeFileSync(
      path.join(cwd, 'HilCase.zip'),
      buildSolutionZip({
        uniqueName: 'HilCase',
        version: '1.0.0.9',
        environmentVariables: { cat_HitlHostUrl: {} },
      }),
    );
    mkdirSync(path.join(cwd, 'deployment'), { recursive: true });
    writeFileSync(
      path.join(cwd, 'deployment', 'test.json'),
      '{\n  "EnvironmentVariables": [{ "SchemaName": "cat_hitlhosturl", "Value": "https://hitl" }]\n}\n',
    );
    const result = await run(['import', 'HilCase.zip', '--settings', path.join('deployment', 'test.json')]);
    expect(result.error).toBeUndefined();
    expect(`${result.stdout}${result.stderr}`).toContain(
      `warning: ${path.join('deployment', 'test.json')}:2:44: EnvironmentVariables[0] names 'cat_hitlhosturl', which HilCase writes 'cat_HitlHostUrl'`,
    );
  });

  it.each([
    [
      'a folder',
      'folder.zip',
      'folder.zip',
      'is a folder; the exported zip cannot be written there. Give the path of the zip file to write, ending in .zip.',
    ],
    // It said "cannot be written: EEXIST: file already exists, mkdir '…/notes' (EEXIST, mkdir …/notes).",
    // then "exists and is not a folder." of notes, which the output was not.
    [
      'a path below a file',
      'notes/CliSolution.zip',
      'notes',
      'is a file, not a folder, so CliSolution.zip cannot be made inside it. Give a path that runs through folders only, or move the file out of the way.',
    ],
  ])(
    'export -o %s is a usage error (exit code 2), located at the path in the way',
    async (_case, out, location, message) => {
      mkdirSync(path.join(cwd, 'folder.zip'), { recursive: true });
      writeFileSync(path.join(cwd, 'notes'), 'a file\n');
      const result = await run(['export', 'CliSolution', '-o', out]);
      expect(result.error).toBeInstanceOf(UsageError);
      expect(describeUserError(result.error as UsageError)).toBe(`${path.join(cwd, location)}: ${message}`);
    },
  );

  it('fails with a usage error naming CONNECTOR_ALM_CLIENT_SECRET when no credential is available', async () => {
    const stdout = new PassThrough();
    const io: CliIo = {
      stdout,
      stderr: new PassThrough(),
      cwd,
      env: {
        DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
        AZURE_TENANT_ID: server.tenantId,
        AZURE_CLIENT_ID: APP_ID,
      },
    };
    const program = new Command('connector-alm').exitOverride();
    registerExportCommand(program, { io, setExit: () => {} });
    const error: unknown = await program.parseAsync(['export', 'CliSolution'], { from: 'user' }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UsageError);
    // docs/cli.md and --help say where the secret goes; the error says the same, not an action's inputs.
    expect((error as UsageError).message).toBe(
      'No credential for Entra ID: set CONNECTOR_ALM_CLIENT_SECRET to a client secret of the app registration, or give --client-certificate a file holding a certificate of the app registration and its private key, in PEM.',
    );
  });
});

// The walkthrough of session 31: a maker who exported the Azure Identity variables, AZURE_CLIENT_SECRET
// among them, was told "No credential for Entra ID: set CONNECTOR_ALM_CLIENT_SECRET", and
// --client-secret got commander's "unknown option".
describe('the client secret: from CONNECTOR_ALM_CLIENT_SECRET, else AZURE_CLIENT_SECRET, never the command line', () => {
  const signIn = (secrets: NodeJS.ProcessEnv) => ({
    DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
    AZURE_TENANT_ID: server.tenantId,
    AZURE_CLIENT_ID: APP_ID,
    AZURE_AUTHORITY_HOST: server.authorityHost,
    ...secrets,
  });
  const cli = async (argv: string[], env: NodeJS.ProcessEnv) => {
    const io = memoryIo(cwd, env);
    const code = await runCli(argv, io);
    return { code, out: io.out(), err: io.err() };
  };

  it('signs in with AZURE_CLIENT_SECRET, as the Azure Identity SDKs do', async () => {
    const result = await cli(
      ['export', 'CliSolution', '-o', 'azure-secret.zip'],
      signIn({ AZURE_CLIENT_SECRET: SECRET }),
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(existsSync(path.join(cwd, 'azure-secret.zip'))).toBe(true);
    expect(result.out).not.toContain(SECRET);
  });

  it('takes CONNECTOR_ALM_CLIENT_SECRET when both are set, and names it when it is wrong', async () => {
    const both = { CONNECTOR_ALM_CLIENT_SECRET: SECRET, AZURE_CLIENT_SECRET: 'another-apps-secret' };
    expect(await cli(['export', 'CliSolution', '-o', 'both.zip'], signIn(both))).toMatchObject({
      code: 0,
      err: '',
    });
    const wrong = await cli(
      ['export', 'CliSolution', '-o', 'wrong.zip'],
      signIn({ CONNECTOR_ALM_CLIENT_SECRET: 'wrong-secret', AZURE_CLIENT_SECRET: SECRET }),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/AADSTS7000215/);
  });

  it('leaves AZURE_CLIENT_SECRET to its own app: with --app-id of another, no credential, saying why', async () => {
    const other = '0c0c0c0c-1111-4222-8333-944455558888';
    const result = await cli(
      ['export', 'CliSolution', '--app-id', other],
      signIn({ AZURE_CLIENT_SECRET: SECRET }),
    );
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `error: No credential for Entra ID: set CONNECTOR_ALM_CLIENT_SECRET to a client secret of the app registration, or give --client-certificate a file holding a certificate of the app registration and its private key, in PEM. AZURE_CLIENT_SECRET is set, but not used: it goes with AZURE_CLIENT_ID (${APP_ID}), and --app-id names another app (${other}). Set CONNECTOR_ALM_CLIENT_SECRET to a client secret of ${other}, or leave out --app-id. Or sign in with GitHub OIDC federation (no stored secret): give the job "permissions: id-token: write" and add a federated credential to the app registration.\n`,
    );
    expect(result.out + result.err).not.toContain(SECRET);
  });

  it('signs in with --client-certificate while AZURE_CLIENT_SECRET is set for other tools', async () => {
    mkdirSync(path.join(cwd, 'certs'), { recursive: true });
    writeFileSync(path.join(cwd, 'certs/plain.pem'), plain.pem);
    const env = { ...signIn({ AZURE_CLIENT_SECRET: 'for-the-az-cli' }), AZURE_CLIENT_ID: CERT_APP_ID };
    const argv = [
      'export',
      'CliSolution',
      '-o',
      'cert-and-azure.zip',
      '--client-certificate',
      'certs/plain.pem',
    ];
    expect(await cli(argv, env)).toMatchObject({ code: 0, err: '' });
  });

  it.each([
    [['export', 'CliSolution', '--client-secret', 'typed-secret']],
    [['import', 'CliSolution.zip', '--client-secret=typed-secret']],
    [['export', 'CliSolution', '--client-secret']],
    [['export', 'CliSolution', '--client-secret', '']],
  ])('%j: refused before anything is sent, saying where the secret goes (exit code 2)', async (argv) => {
    const requests = server.requests.length;
    const result = await cli(argv, signIn({ CONNECTOR_ALM_CLIENT_SECRET: SECRET }));
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toBe(
      'error: --client-secret is not taken: a secret on the command line shows to other users of this machine (in the process list) and stays in your shell history, so the client secret is read from the environment only. Set CONNECTOR_ALM_CLIENT_SECRET (or AZURE_CLIENT_SECRET) instead, e.g. read -rs CONNECTOR_ALM_CLIENT_SECRET && export CONNECTOR_ALM_CLIENT_SECRET; or sign in with --client-certificate. If you typed the secret, remove it from your shell history.\n',
    );
    expect(server.requests.length).toBe(requests);
  });

  it('lists no --client-secret in --help', async () => {
    const help = await cli(['export', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).not.toContain('--client-secret');
  });
});

describe('a certificate file: a key that cannot be read is located at the file, naming the option and the password variable', () => {
  /** Runs export with --client-certificate certs/app.pem holding `pem`, and the password if given. */
  async function exportWithCertificate(pem: string, password?: string) {
    mkdirSync(path.join(cwd, 'certs'), { recursive: true });
    writeFileSync(path.join(cwd, 'certs/app.pem'), pem);
    const io = memoryIo(cwd, {
      DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
      AZURE_TENANT_ID: server.tenantId,
      AZURE_CLIENT_ID: CERT_APP_ID,
      ...(password === undefined ? {} : { CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD: password }),
    });
    const argv = ['export', 'CliSolution', '-o', 'cert-export.zip', '--client-certificate', 'certs/app.pem'];
    const code = await runCli([...argv, '--authority-host', server.authorityHost], io);
    const printed = io.out() + io.err();
    // Neither the password nor any line of the PEM is printed.
    expect(printed).not.toContain(PASSWORD);
    for (const line of pem.split('\n').filter((text) => text.length > 40))
      expect(printed).not.toContain(line);
    return { code, err: io.err() };
  }

  it('signs in with the encrypted key and its password from CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD', async () => {
    const result = await exportWithCertificate(encrypted.pem, PASSWORD);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(path.join(cwd, 'cert-export.zip'))).toBe(true);
  });

  it.each([
    [
      'a wrong password',
      () => exportWithCertificate(encrypted.pem, 'not-the-password'),
      'the private key given to --client-certificate cannot be decrypted with the password in CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD. ' +
        'Set CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD to the password the key was encrypted with.',
    ],
    [
      'no password',
      () => exportWithCertificate(encrypted.pem),
      'the private key given to --client-certificate is encrypted, and CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD is not set. ' +
        'Set CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD to its password.',
    ],
    [
      'a damaged key',
      () => exportWithCertificate(damagePemBlock(plain.pem, 'PRIVATE KEY')),
      'the private key given to --client-certificate cannot be read: it is not a valid private key. ' +
        'Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then give --client-certificate cert.pem.',
    ],
    [
      'a damaged certificate',
      () => exportWithCertificate(damagePemBlock(plain.pem, 'CERTIFICATE')),
      'the certificate given to --client-certificate cannot be read: it is not a valid X.509 certificate. ' +
        'Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then give --client-certificate cert.pem.',
    ],
  ])('%s: one line at the file, exit code 2', async (_case, exportIt, message) => {
    const result = await exportIt();
    expect(result.err).toBe(`certs/app.pem: error: ${message}\n`);
    expect(result.code).toBe(2);
  });
});

// dev-server's banner exported the environment URL, tenant and app, but the login host had to be typed
// on every command: without it, export signed in at login.microsoftonline.com with the dev app.
describe('AZURE_AUTHORITY_HOST: the login host when --authority-host is not given', () => {
  const env = (authorityHost: string) => ({
    DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
    AZURE_TENANT_ID: server.tenantId,
    AZURE_CLIENT_ID: APP_ID,
    CONNECTOR_ALM_CLIENT_SECRET: SECRET,
    AZURE_AUTHORITY_HOST: authorityHost,
  });
  /** A loopback URL where nothing listens now, as a dev-server that was stopped leaves its variable. */
  async function stoppedServer(): Promise<string> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return `http://127.0.0.1:${port}`;
  }

  it('signs in there', async () => {
    const io = memoryIo(cwd, env(server.authorityHost));
    expect(await runCli(['export', 'CliSolution', '-o', 'from-variable.zip'], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(existsSync(path.join(cwd, 'from-variable.zip'))).toBe(true);
  });

  it('gives way to --authority-host', async () => {
    const io = memoryIo(cwd, env(await stoppedServer()));
    const argv = ['export', 'CliSolution', '-o', 'from-option.zip', '--authority-host', server.authorityHost];
    expect(await runCli(argv, io)).toBe(0);
    expect(io.err()).toBe('');
  });

  it('is what the advice names when it gave the login host', async () => {
    const stopped = await stoppedServer();
    const io = memoryIo(cwd, env(stopped));
    expect(await runCli(['export', 'CliSolution', '-o', 'nowhere.zip'], io)).toBe(1);
    expect(io.err()).toBe(
      `error: Could not reach the Entra ID token endpoint at ${stopped}: ${stopped.slice('http://'.length)} refused the connection (nothing listens there). If it is the local server, start it (connector-alm dev-server) and use the port it prints; else check AZURE_AUTHORITY_HOST.\n`,
    );
    expect(io.out() + io.err()).not.toContain(SECRET);
  });
});

describe('a mistyped host: one line at once, exit code 1, no stack trace', () => {
  const env = () => ({
    DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
    AZURE_TENANT_ID: server.tenantId,
    AZURE_CLIENT_ID: APP_ID,
    CONNECTOR_ALM_CLIENT_SECRET: SECRET,
  });

  // Real time: a retried ENOTFOUND took about two minutes of backoff; the limit says "at once".
  (resolverAnswers ? it : it.skip)(
    '--authority-host names a host that does not exist',
    async () => {
      const io = memoryIo(cwd, env());
      const code = await runCli(
        ['export', 'CliSolution', '--authority-host', 'https://login.contoso.invalid'],
        io,
      );
      expect(code).toBe(1);
      expect(io.err()).toBe(
        'error: Could not reach the Entra ID token endpoint at https://login.contoso.invalid: DNS has no host named login.contoso.invalid (ENOTFOUND). Check --authority-host for a typo, or --cloud when --authority-host is empty: it chooses the login host.\n',
      );
      expect(io.out()).not.toMatch(/retrying/);
      expect(io.out() + io.err()).not.toContain(SECRET);
    },
    10_000,
  );

  (resolverAnswers ? it : it.skip)(
    '--environment-url names a host that does not exist',
    async () => {
      const io = memoryIo(cwd, env());
      const code = await runCli(
        [
          'export',
          'CliSolution',
          '--environment-url',
          `${MISTYPED_ENVIRONMENT}/main.aspx?appid=1`,
          '--authority-host',
          server.authorityHost,
        ],
        io,
      );
      expect(code).toBe(1);
      const lines = io.err().split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^error: .*: could not reach https:\/\/contoso\.crm\.dynamics\.invalid: DNS has no host named contoso\.crm\.dynamics\.invalid \(ENOTFOUND\)\. Check --environment-url /,
      );
      expect(io.err()).not.toContain('appid');
      expect(io.out() + io.err()).not.toContain(SECRET);
    },
    10_000,
  );
});

describe('an export whose start was not confirmed: one line, exit code 1, no stack trace, no second job', () => {
  it('the connection broke after Dataverse started the export job', async () => {
    const before = server.dataverse.jobsStarted('export');
    server.faults.inject(
      { kind: 'drop-connection', afterProcessing: true },
      { operation: 'ExportSolutionAsync' },
    );
    const io = memoryIo(cwd, {
      DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
      AZURE_TENANT_ID: server.tenantId,
      AZURE_CLIENT_ID: APP_ID,
      CONNECTOR_ALM_CLIENT_SECRET: SECRET,
    });
    const code = await runCli(['export', 'CliSolution', '--authority-host', server.authorityHost], io);
    expect(code).toBe(1);
    expect(server.dataverse.jobsStarted('export') - before).toBe(1);
    const lines = io.err().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: Export of solution 'CliSolution': an export job may have started in http:\/\/127\.0\.0\.1:\d+ at about \d{4}-\d\d-\d\d \d\d:\d\d UTC, but its start was not confirmed: the connection broke \([\w ]+\)\. It was not started again, so as not to run two exports at once\. Look for it in the solution's history \(Power Apps > Solutions > CliSolution > See history\) or in the environment's system jobs; once it has ended, it is safe to run the command again\.$/,
    );
    expect(io.out() + io.err()).not.toMatch(/^\s+at /m);
    expect(io.out()).not.toMatch(/retrying/);
    expect(io.out() + io.err()).not.toContain(SECRET);
  });
});

describe('an import whose answer was lost: found by its import job, imported once, exit code 0', () => {
  it('the connection broke after Dataverse imported the solution', async () => {
    const jobsBefore = server.dataverse.importJobsStarted();
    server.faults.inject({ kind: 'drop-connection', afterProcessing: true }, { operation: 'ImportSolution' });
    const io = memoryIo(cwd, {
      DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
      AZURE_TENANT_ID: server.tenantId,
      AZURE_CLIENT_ID: APP_ID,
      CONNECTOR_ALM_CLIENT_SECRET: SECRET,
    });
    writeFileSync(
      path.join(cwd, 'Lost.zip'),
      buildSolutionZip({ uniqueName: 'CliLost', version: '1.2.0.0' }),
    );
    const code = await runCli(
      ['import', 'Lost.zip', '--no-async', '--format', 'json', '--authority-host', server.authorityHost],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(io.out()) as { result: string; importJobId: string };
    expect(result).toMatchObject({ result: 'imported', solutionName: 'CliLost', version: '1.2.0.0' });
    expect(server.dataverse.importJobsStarted() - jobsBefore).toBe(1);
    expect(server.store.get('CliLost')?.version).toBe('1.2.0.0');
    expect(io.err()).toMatch(
      new RegExp(
        `^warning: The answer to the import request was lost \\(the connection broke \\([\\w ]+\\)\\), but import job ${result.importJobId} exists: the import started, and this run waits for it\\.$`,
        'm',
      ),
    );
    expect(io.err()).not.toMatch(/^error: /m);
    expect(io.out() + io.err()).not.toContain(SECRET);
  });
});

describe('an import in the other mode than the installed solution stops before the upload, saying what to do', () => {
  const env = () => ({
    DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
    AZURE_TENANT_ID: server.tenantId,
    AZURE_CLIENT_ID: APP_ID,
    CONNECTOR_ALM_CLIENT_SECRET: SECRET,
  });

  it.each([true, false])(
    'an unmanaged zip over the installed managed solution (asynchronous: %s)',
    async (asynchronous) => {
      writeFileSync(
        path.join(cwd, 'Unmanaged.zip'),
        buildSolutionZip({ uniqueName: 'CliManaged', version: '2.1.0.0' }),
      );
      const started = server.dataverse.importJobsStarted();
      const io = memoryIo(cwd, env());
      const code = await runCli(
        [
          'import',
          'Unmanaged.zip',
          asynchronous ? '--async' : '--no-async',
          '--authority-host',
          server.authorityHost,
        ],
        io,
      );
      expect(code).toBe(1);
      // One line, located at the zip, in the CLI's words, with the guide's section.
      expect(io.err()).toBe(
        `Unmanaged.zip: error: is an unmanaged solution, but ${new URL(server.environmentUrl).origin} has CliManaged 2.0.0.0 installed as a managed solution. Dataverse updates a solution only in the mode it was installed in, so nothing was imported. Import a managed zip instead: one exported managed from the source environment (export --managed), or packed (pack --package-type managed) from a folder unpacked from a managed export or from both; an unmanaged export alone cannot give one. Or, to make the solution unmanaged there, delete the managed solution from the environment first: that deletes its components and their data. See ${GUIDE}#moving-an-environment-between-unmanaged-and-managed\n`,
      );
      expect(server.dataverse.importJobsStarted()).toBe(started);
      expect(server.store.get('CliManaged')).toMatchObject({ managed: true, version: '2.0.0.0' });
    },
  );

  it('a managed zip over the installed unmanaged solution: the advice names the unmanaged export, which a folder unpacked from the managed one cannot give', async () => {
    server.store.put(buildSolutionZip({ uniqueName: 'CliUnmanaged', version: '1.0.0.0' }), false);
    // The managed export a repository that keeps only that one unpacks, and packs.
    writeFileSync(
      path.join(cwd, 'CliUnmanaged_managed.zip'),
      buildSolutionZip({ uniqueName: 'CliUnmanaged', version: '1.1.0.0', managed: true }),
    );
    const signIn = ['--authority-host', server.authorityHost];
    const cli = async (argv: string[]) => {
      const io = memoryIo(cwd, env());
      return { code: await runCli(argv, io), err: io.err() };
    };
    expect(await cli(['import', 'CliUnmanaged_managed.zip', ...signIn])).toEqual({
      code: 1,
      err: `CliUnmanaged_managed.zip: error: is a managed solution, but ${new URL(server.environmentUrl).origin} has CliUnmanaged 1.0.0.0 installed as an unmanaged solution. Dataverse updates a solution only in the mode it was installed in, so nothing was imported. Import an unmanaged zip instead: one exported unmanaged from the source environment (export without --managed), or packed (pack --package-type unmanaged) from a folder unpacked from an unmanaged export or from both; a managed export alone cannot give one. Or, to make the solution managed there, delete the solution from the environment first (its components stay in the environment). See ${GUIDE}#moving-an-environment-between-unmanaged-and-managed\n`,
    });
    // Why the advice is not "pack --package-type unmanaged" alone: the managed export's folder is refused.
    expect((await cli(['unpack', 'CliUnmanaged_managed.zip', 'managed-src'])).code).toBe(0);
    const packed = await cli(['pack', 'managed-src', 'CliUnmanaged.zip', '--package-type', 'unmanaged']);
    expect(packed.code).toBe(1);
    expect(packed.err).toContain('is managed (<Managed>1</Managed>); it cannot be packed as unmanaged.');
    // What it says instead: the unmanaged export (here from the environment itself) imports.
    expect((await cli(['export', 'CliUnmanaged', '-o', 'CliUnmanaged.zip', ...signIn])).code).toBe(0);
    expect(await cli(['import', 'CliUnmanaged.zip', ...signIn])).toEqual({ code: 0, err: '' });
    expect(server.store.get('CliUnmanaged')).toMatchObject({ managed: false, version: '1.0.0.0' });
  });

  it("the guide's section that the advice links to exists", () => {
    const guide = readFileSync(path.join(REPO_ROOT, 'docs/getting-started/multiple-environments.md'), 'utf8');
    expect(headingAnchors(guide)).toContain('moving-an-environment-between-unmanaged-and-managed');
  });
});

describe('an import Dataverse refuses is reported as refused, and leaves the installed solution as it was', () => {
  it.each([true, false])(
    'an import of a lower version than the installed one (asynchronous: %s)',
    async (asynchronous) => {
      writeFileSync(
        path.join(cwd, 'Older.zip'),
        buildSolutionZip({ uniqueName: 'CliLater', version: '2.9.0.0' }),
      );
      const result = await run(['import', 'Older.zip', asynchronous ? '--async' : '--no-async']);
      expect(result.error).toBeInstanceOf(UserError);
      const text = describeUserError(result.error as UserError);
      expect(text).toContain(
        'The import solution must have a higher version than the existing solution it is upgrading.',
      );
      expect(text).toContain('0x80048541');
      // In the CLI's words, not the actions' (skip-lower-version: true).
      expect(text).toContain(
        'Give the solution a higher version than the environment has (pack --solution-version, or build-solution --solution-version for a zip it built), or skip the import when the environment has this version or a later one (--skip-lower-version).',
      );
      expect(server.store.get('CliLater')?.version).toBe('3.0.0.0');
    },
  );
});

describe('import --stage-and-upgrade', () => {
  const env = () => ({
    DATAVERSE_ENVIRONMENT_URL: server.environmentUrl,
    AZURE_TENANT_ID: server.tenantId,
    AZURE_CLIENT_ID: APP_ID,
    CONNECTOR_ALM_CLIENT_SECRET: SECRET,
  });
  const cli = async (argv: string[]) => {
    const io = memoryIo(cwd, env());
    const code = await runCli([...argv, '--authority-host', server.authorityHost], io);
    return { code, io };
  };

  it('upgrades the installed managed solution: the connector the new version lacks leaves the environment', async () => {
    server.store.put(
      buildSolutionZip({
        uniqueName: 'CliUpgrade',
        version: '1.0.0.0',
        managed: true,
        connectors: ['a', 'b'],
      }),
      false,
    );
    writeFileSync(
      path.join(cwd, 'CliUpgrade.zip'),
      buildSolutionZip({ uniqueName: 'CliUpgrade', version: '1.1.0.0', managed: true, connectors: ['a'] }),
    );
    const { code, io } = await cli(['import', 'CliUpgrade.zip', '--stage-and-upgrade']);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toContain('Imported and upgraded CliUpgrade 1.1.0.0');
    expect(server.store.get('CliUpgrade')).toMatchObject({ version: '1.1.0.0', components: ['372:a'] });
    expect(server.dataverse.imports.at(-1)).toMatchObject({
      solutionName: 'CliUpgrade',
      stageAndUpgrade: true,
    });
  });

  it('refuses it with --holding, and with an unmanaged zip, before the upload', async () => {
    writeFileSync(
      path.join(cwd, 'CliPlain.zip'),
      buildSolutionZip({ uniqueName: 'CliPlain', version: '1.0.0.0' }),
    );
    const started = server.dataverse.importJobsStarted();
    const both = await cli(['import', 'CliPlain.zip', '--stage-and-upgrade', '--holding']);
    expect(both.code).toBe(2);
    expect(both.io.err()).toContain(
      '--stage-and-upgrade and --holding cannot be used together: the upgrade imports the holding solution itself and applies it in the same job.',
    );
    const unmanaged = await cli(['import', 'CliPlain.zip', '--stage-and-upgrade']);
    expect(unmanaged.code).toBe(1);
    expect(unmanaged.io.err()).toContain(
      'CliPlain.zip: error: is an unmanaged solution (CliPlain), and Dataverse upgrades managed solutions only, so nothing was imported. Import the managed zip (pack --package-type managed) with --stage-and-upgrade, or import this one without --stage-and-upgrade.',
    );
    expect(server.dataverse.importJobsStarted()).toBe(started);
    expect(server.store.get('CliPlain')).toBeUndefined();
  });
});
