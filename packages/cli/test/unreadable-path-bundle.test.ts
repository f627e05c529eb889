import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  cannotRunAsNobody,
  describeWith,
  REPO_ROOT,
  SOLUTION_FIXTURES,
  spawnAsNobody,
  temporaryFolders,
} from '@connector-alm/testing';

// A path the file system refuses to look at (a name longer than it allows, a folder the user may
// not enter or read) was told "does not exist.", "is not a zip archive or is truncated", or failed
// as a bug of ours. Each is said as what it is, at the path as given, exit code 2 as a missing path.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const LONG = 'a'.repeat(300);
const TOO_LONG =
  'its path is longer than the file system allows (ENAMETOOLONG). Give a path with shorter names.';
const folders = temporaryFolders('cli-unreadable-path-');
/** Sign-in options that pass (no request is sent before the file the test names is read). */
const CONNECTION = [
  '--environment-url',
  'https://contoso.crm.dynamics.com',
  '--tenant-id',
  '00000000-0000-0000-0000-000000000001',
  '--app-id',
  '00000000-0000-0000-0000-000000000002',
];
afterAll(() => folders.cleanup());

describe('a path with a name longer than the file system allows', () => {
  it.each<[string, string[], string]>([
    [
      'validate <path> (said "does not exist.")',
      ['validate', LONG],
      `${LONG}: error: cannot be read: ${TOO_LONG}`,
    ],
    [
      'validate --config (said "cannot be read (ENAMETOOLONG)" with a hint about permissions)',
      ['validate', '--config', `${LONG}.yml`, '.'],
      `${LONG}.yml: error: The configuration file cannot be read: ${TOO_LONG}`,
    ],
    [
      'unpack <zip> (said "is not a zip archive or is truncated", exit 1, and to export it again)',
      ['unpack', `${LONG}.zip`, 'out'],
      `${LONG}.zip: error: cannot be read: ${TOO_LONG}`,
    ],
    // These three said "cannot be read (ENAMETOOLONG)." with nothing to do about it.
    [
      'import --settings',
      ['import', 'x.zip', ...CONNECTION, '--settings', `${LONG}.json`],
      `${LONG}.json: error: The deployment settings file cannot be read: ${TOO_LONG}`,
    ],
    [
      'import --client-certificate',
      ['import', 'x.zip', ...CONNECTION, '--client-certificate', `${LONG}.pem`],
      `${LONG}.pem: error: The certificate file cannot be read: ${TOO_LONG}`,
    ],
    [
      'dev-server --client-certificate',
      ['dev-server', '--client-certificate', `${LONG}.pem`],
      `${LONG}.pem: error: The certificate file cannot be read: ${TOO_LONG}`,
    ],
  ])('%s', (_what, argv, message) => {
    const run = spawnSync(process.execPath, [CLI, ...argv], {
      cwd: folders.make(),
      encoding: 'utf8',
      env: { ...process.env, CONNECTOR_ALM_CLIENT_SECRET: 'not-used' },
    });
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.status).toBe(2);
  });
});

describe('a path that is a link round in a loop', () => {
  // The zip said "is not a zip archive or is truncated (ELOOP: …)", exit 1, and to export it again;
  // the settings "cannot be read (ELOOP).". The link is what to remove or point elsewhere.
  it.each<[string, string[], string]>([
    [
      'unpack <zip>',
      ['unpack', 'loop.zip', 'out'],
      "loop.zip: error: is a symbolic link that leads nowhere (to 'loop.zip'). Check the path of the zip file.",
    ],
    [
      'import --settings',
      ['import', 'x.zip', ...CONNECTION, '--settings', 'loop.zip'],
      "loop.zip: error: is a symbolic link that leads nowhere (to 'loop.zip'). Give the deployment settings file that pac solution create-settings wrote.",
    ],
  ])('%s', (_what, argv, message) => {
    const cwd = folders.make();
    symlinkSync('loop.zip', path.join(cwd, 'loop.zip'));
    const run = spawnSync(process.execPath, [CLI, ...argv], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CONNECTOR_ALM_CLIENT_SECRET: 'not-used' },
    });
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.status).toBe(2);
  });
});

const nobodyCannot = cannotRunAsNobody();
if (nobodyCannot) console.warn(`Skipping the tests of folders the user may not read: ${nobodyCannot}.`);

(nobodyCannot ? describe.skip : describe)('validate, as a user who may not read a folder', () => {
  const DENIED =
    'cannot be read: permission denied (EACCES). Check that the user who runs connector-alm may read it and enter each folder on the way to it.';

  it.each<[string, string, string]>([
    ['a path inside a folder it may not enter (said "does not exist.")', 'closed/inner', 'closed/inner'],
    ['a folder it may not read (failed as a bug: "EACCES … scandir")', 'closed', 'closed'],
    [
      'a folder below the path given that it may not read (failed as a bug)',
      'open',
      path.join('open', 'closed'),
    ],
  ])('%s', (_what, given, refused) => {
    const cwd = folders.make();
    chmodSync(cwd, 0o755);
    mkdirSync(path.join(cwd, 'closed', 'inner'), { recursive: true });
    mkdirSync(path.join(cwd, 'open', 'closed'), { recursive: true });
    chmodSync(path.join(cwd, 'closed'), 0o700);
    chmodSync(path.join(cwd, 'open', 'closed'), 0o700);
    const run = spawnAsNobody(process.execPath, [CLI, 'validate', given], { cwd });
    expect(run.stderr).toBe(`${refused}: error: ${DENIED}\n`);
    expect(run.status).toBe(2);
  });
});

// GEN-UNREADABLE said "apiProperties.json could not be read (EACCES)." with nothing to do about it,
// where unpack said of its zip what the permission is and what to check.
(nobodyCannot ? describe.skip : describe)('validate, as a user who may not read a connector file', () => {
  it('says so in the words of the other commands, on the finding of the file', () => {
    const cwd = folders.make();
    chmodSync(cwd, 0o755);
    const connector = path.join(cwd, 'certified-connectors', 'Contoso Tasks');
    cpSync(path.join(REPO_ROOT, 'examples', 'certified-connectors', 'Contoso Tasks'), connector, {
      recursive: true,
    });
    chmodSync(path.join(connector, 'apiProperties.json'), 0o000);
    const run = spawnAsNobody(process.execPath, [CLI, 'validate', 'certified-connectors'], { cwd });
    expect(run.stdout).toContain(
      `${path.join('certified-connectors', 'Contoso Tasks', 'apiProperties.json')}:1:1 error GEN-UNREADABLE apiProperties.json cannot be read: permission denied (EACCES). Check that the user who runs connector-alm may read it and enter each folder on the way to it.\n`,
    );
    expect(run.status).toBe(1);
  });
});

// pack read a file of the folder that the user may not read as a bug of ours ("failed unexpectedly:
// EACCES"): a part copied as it is (read only as the zip is written), or a connector's JSON (read
// first, to check it). Said as unpack and validate say it, the earlier zip left as it was.
(nobodyCannot ? describe.skip : describeWith(SOLUTION_FIXTURES, 'real solution export'))(
  'pack, as a user who may not read a file of the folder',
  () => {
    const CONNECTOR = 'ppchal_azureopenaiservice';
    it.each([`Connectors/${CONNECTOR}_iconblob.Png`, `Connectors/${CONNECTOR}_connectionparameters.json`])(
      '%s',
      (file) => {
        const cwd = folders.make();
        const zip = path.join(
          SOLUTION_FIXTURES,
          'AzureOpenAIServiceCustomConnector/AzureOpenAIServiceCustomConnector_1_0_0_1_managed.zip',
        );
        const unpacked = spawnSync(process.execPath, [CLI, 'unpack', zip, 'src'], { cwd, encoding: 'utf8' });
        expect(unpacked.status).toBe(0);
        writeFileSync(path.join(cwd, 'out.zip'), 'earlier release');
        spawnSync('chmod', ['-R', 'a+rwX', cwd]);
        chmodSync(path.join(cwd, 'src', file), 0o000);
        const run = spawnAsNobody(process.execPath, [CLI, 'pack', 'src', 'out.zip'], { cwd });
        expect(run.stderr).toBe(
          `${path.join('src', file)}: error: cannot be read: permission denied (EACCES). Check that the user who runs connector-alm may read it and enter each folder on the way to it.\n`,
        );
        expect(run.status).toBe(2);
        expect(readFileSync(path.join(cwd, 'out.zip'), 'utf8')).toBe('earlier release');
      },
    );
  },
);
