import { afterAll, describe, expect, it } from '@jest/globals';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import path from 'node:path';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// Usage mistakes that session 13's argument fuzzer found answered with "failed unexpectedly", exit
// code 1, an empty location or a message that did not say what to do.

const example = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const folders = temporaryFolders('cli-usage-');
afterAll(() => folders.cleanup());

async function run(argv: string[], cwd: string = folders.make(), env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo(cwd, env);
  const code = await runCli(argv, io);
  return { code, err: io.err(), out: io.out() };
}

describe('validate -o', () => {
  it('names the folder it cannot write the report to, exit 2', async () => {
    const cwd = folders.make();
    mkdirSync(path.join(cwd, 'reports'));
    const result = await run(['validate', example, '-o', 'reports'], cwd);
    expect(result.err).toBe(
      'reports: error: is a folder; the report cannot be written there. Give -o the path of the report file to write, e.g. report.sarif.\n',
    );
    expect(result.code).toBe(2);
  });

  // /dev/full answers every write with ENOSPC, as a full disk does: it failed the run as a bug.
  const full = existsSync('/dev/full') ? it : it.skip;
  full('says the disk is full at the report path, exit 1', async () => {
    const result = await run(['validate', example, '-o', '/dev/full']);
    expect(result.err).toMatch(
      /^\S*dev\/full: error: cannot be written: the disk is full \(ENOSPC, write\)\. Free some space and run it again\.\n$/,
    );
    expect(result.code).toBe(1);
  });

  it('says so when the path goes under a file', async () => {
    const cwd = folders.make();
    writeFileSync(path.join(cwd, 'notes'), '');
    const result = await run(['validate', example, '-o', 'notes/report.json'], cwd);
    // Located at the file in the way, which is what to move; it said "is under a file" at the report.
    expect(result.err).toBe(
      'notes: error: is a file, not a folder, so report.json cannot be made inside it. Give -o a path that runs through folders only, or move the file out of the way.\n',
    );
    expect(result.code).toBe(2);
  });
});

describe('validate -o that cannot be written', () => {
  // The write made reports/a and then failed (a name longer than the file system takes): both stayed
  // behind, empty. Folders made for a write that fails go, as those of pack's and unpack's do.
  it('leaves no folder it made behind, and says why, exit 2', async () => {
    const cwd = folders.make();
    const output = `reports/a/${'x'.repeat(256)}.json`;
    const result = await run(['validate', example, '-o', output, '--format', 'json'], cwd);
    expect(result.err).toBe(
      `${output}: error: has a name longer than the file system allows; the report cannot be written there. Give -o the path of the report file to write, e.g. report.sarif.\n`,
    );
    expect(result.code).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('validate --base', () => {
  it('outside a git clone says so and what to do, exit 2', async () => {
    // The connector is copied out of this repository's clone: the clone of the path is the one used.
    const cwd = folders.make();
    cpSync(example, path.join(cwd, 'Contoso Tasks'), { recursive: true });
    const result = await run(['validate', 'Contoso Tasks', '--base', 'main'], cwd);
    expect(result.err).toMatch(
      /^Contoso Tasks: error: is not inside a git work tree; comparing with a base ref needs one\. Run in a clone/,
    );
    expect(result.err).not.toMatch(/unexpectedly/);
    expect(result.code).toBe(2);
  });
});

describe('a missing input path exits 2, as docs/cli.md says, and says what to give', () => {
  const dataverse = [
    '--environment-url',
    'http://127.0.0.1:9',
    '--tenant-id',
    '11111111-2222-3333-4444-555555555555',
    '--app-id',
    'app',
  ];
  it.each([
    [
      'pack',
      ['pack', 'no-such-folder', 'out.zip'],
      /^\S*no-such-folder: error: does not exist\. Give the folder/,
    ],
    [
      'build-solution',
      [
        'build-solution',
        'no-such-folder',
        '--out',
        'x.zip',
        '--unique-name',
        'X',
        '--publisher',
        'p',
        '--prefix',
        'pp',
      ],
      /^\S*no-such-folder: error: does not exist\. Give a connector folder/,
    ],
    [
      'import',
      ['import', 'no-such.zip', ...dataverse],
      /^\S*no-such\.zip: error: does not exist\. Check the path of the solution zip to import\./,
    ],
    [
      'unpack',
      ['unpack', 'no-such.zip', 'out'],
      /^\S*no-such\.zip: error: does not exist\. Check the path of the zip file\./,
    ],
    [
      'package check',
      ['package', 'check', 'no-such.zip'],
      /^\S*no-such\.zip: error: does not exist\. Check the path/,
    ],
  ])('%s', async (_name, argv, message) => {
    const result = await run(argv, folders.make(), { CONNECTOR_ALM_CLIENT_SECRET: 'secret' });
    expect(result.err).toMatch(message);
    expect(result.code).toBe(2);
  });

  it('package check of a folder is located at that folder, not at its bare name, exit 2', async () => {
    const cwd = folders.make();
    mkdirSync(path.join(cwd, 'sub/package.zip'), { recursive: true });
    const result = await run(['package', 'check', 'sub/package.zip'], cwd);
    expect(result.err).toBe(
      // Its path from the working directory, as the command was given it, not the bare 'package.zip'.
      `${path.join('sub', 'package.zip')}: error: is a folder, not a zip archive. Give the zip file itself.\n`,
    );
    expect(result.code).toBe(2);
  });
});

describe('solution settings that are not valid name their option and exit 2', () => {
  const build = (...extra: string[]) => [
    'build-solution',
    example,
    '--out',
    'x.zip',
    '--unique-name',
    'Contoso',
    '--publisher',
    'contoso',
    '--prefix',
    'con',
    ...extra,
  ];
  it.each([
    [
      '--unique-name -3',
      build('--unique-name', '-3'),
      "error: --unique-name '-3' is not a solution unique name. Use letters, digits and underscores, starting with a letter or an underscore.\n",
    ],
    [
      "--publisher 'a b'",
      build('--publisher', 'a b'),
      "error: --publisher 'a b' is not a publisher unique name. Use letters, digits and underscores, starting with a letter or an underscore, as the publisher is named in the target environment.\n",
    ],
    [
      '--prefix mscrmx',
      build('--prefix', 'mscrmx'),
      "error: --prefix 'mscrmx' is not a customization prefix. Use 2 to 8 letters or digits, starting with a letter (not mscrm), as in the publisher of the target environment.\n",
    ],
    [
      '--solution-version y',
      build('--solution-version', 'y'),
      "error: --solution-version 'y' is not a solution version. Use two to four numbers separated by dots, e.g. 1.0.0.0.\n",
    ],
    // Number('') is 0: the empty value was reported as "got 0", with exit code 1; every option
    // refuses an empty value now (empty-options.test.ts).
    [
      "--option-value-prefix ''",
      build('--option-value-prefix', ''),
      'error: --option-value-prefix is empty.',
    ],
    [
      '--option-value-prefix -3',
      build('--option-value-prefix', '-3'),
      "error: --option-value-prefix '-3' is not an option value prefix. Use a whole number from 10000 to 99999: the publisher's option value prefix in the target environment.\n",
    ],
    [
      '--option-value-prefix 100000',
      build('--option-value-prefix', '100000'),
      "error: --option-value-prefix '100000' is not an option value prefix. Use a whole number",
    ],
    [
      'pack --solution-version 1.2.3.4.5',
      ['pack', path.join(REPO_ROOT, 'examples'), 'x.zip', '--solution-version', '1.2.3.4.5'],
      "error: --solution-version '1.2.3.4.5' is not a solution version. Use two to four numbers separated by dots, e.g. 1.0.0.0.\n",
    ],
    // Dataverse versions are System.Version, whose parts are Int32; the local server took it, and then
    // refused every later version as lower.
    [
      'pack --solution-version 1.0.4294967296.0',
      ['pack', path.join(REPO_ROOT, 'examples'), 'x.zip', '--solution-version', '1.0.4294967296.0'],
      "error: --solution-version '1.0.4294967296.0' has a part above 2147483647, the highest a Dataverse version holds (its parts are 32-bit numbers). Use parts of at most 2147483647",
    ],
    [
      'pack --solution-version 01.002',
      ['pack', path.join(REPO_ROOT, 'examples'), 'x.zip', '--solution-version', '01.002'],
      "error: --solution-version '01.002' has a part with a leading zero, which Dataverse reads as a number, so the environment names it otherwise. Write it as 1.2.\n",
    ],
    [
      'unpack --reset-version 1',
      ['unpack', 'missing.zip', 'src', '--reset-version', '1'],
      "error: --reset-version '1' is not a solution version. Use two to four numbers separated by dots, e.g. 1.0.0.0.\n",
    ],
  ])('%s', async (_name, argv, message) => {
    const result = await run(argv);
    expect(result.err.startsWith(message)).toBe(true);
    expect(result.code).toBe(2);
  });
});

describe('arguments and options of the other commands', () => {
  it.each([
    ['validate', ['validate', ''], 'paths'],
    ['pack', ['pack', path.join(REPO_ROOT, 'examples'), ''], 'solution.zip'],
    ['diff', ['diff', '', example], 'old'],
    ['package check', ['package', 'check', ''], 'package.zip'],
  ])('%s refuses an empty argument by its name, not at an empty location', async (_name, argv, name) => {
    const result = await run(argv);
    expect(result.err).toBe(
      `error: The argument <${name}> is empty. Give a value; an empty one often comes from a shell variable that is not set.\n`,
    );
    expect(result.code).toBe(2);
  });

  // `validate ' '` answered " : error: does not exist.", at a location that reads as nothing.
  it.each([
    ['validate', ['validate', ' '], 'paths'],
    ['validate, the second path', ['validate', example, '\t'], 'paths'],
    ['diff', ['diff', example, '  '], 'new'],
    ['pr', ['pr', ' '], 'connectors'],
  ])('%s refuses an argument of white space alone by its name', async (_name, argv, name) => {
    const result = await run(argv);
    expect(result.err).toBe(
      `error: The argument <${name}> holds only white space. Give a value; an empty one often comes from a shell variable that is not set.\n`,
    );
    expect(result.out).toBe('');
    expect(result.code).toBe(2);
  });

  // build-solution, export and validate take -o: from habit, a maker gives it to these too, and
  // "unknown option '-o'" did not say where the path goes.
  it.each([
    [
      ['package', 'build', '-o', 'my pkg.zip', '--intro', 'intro.md'],
      "unknown option '-o': package build takes the path it writes as its argument <out.zip>. Write it without -o: connector-alm package build 'my pkg.zip' --intro intro.md",
    ],
    [
      ['--debug', 'pack', 'src', '--output=out.zip'],
      "unknown option '--output': pack takes the path it writes as its argument <solution.zip>. Write it without --output: connector-alm --debug pack src out.zip",
    ],
    [
      ['unpack', 'contoso.zip', '--out', 'src'],
      "unknown option '--out': unpack takes the path it writes as its argument <folder>. Write it without --out: connector-alm unpack contoso.zip src",
    ],
    [
      ['extract-connectors', 'contoso.zip', '-o', 'custom-connectors'],
      "unknown option '-o': extract-connectors takes the path it writes as its argument <destination-root>. Write it without -o: connector-alm extract-connectors contoso.zip custom-connectors",
    ],
    // Each argument at its place: the line without the option alone ran `pack out.zip src`, which
    // packs a folder named out.zip into a zip named src.
    [
      ['pack', '-o', 'out.zip', 'src'],
      "unknown option '-o': pack takes the path it writes as its argument <solution.zip>. Write it without -o: connector-alm pack src out.zip",
    ],
    [
      ['unpack', '--package-type', 'both', '--output', 'src', 'contoso.zip'],
      "unknown option '--output': unpack takes the path it writes as its argument <folder>. Write it without --output: connector-alm unpack contoso.zip src --package-type both",
    ],
    [
      ['extract-connectors', '-o', 'custom-connectors'],
      "unknown option '-o': extract-connectors takes the path it writes as its argument <destination-root>. Write it without -o: connector-alm extract-connectors <source> custom-connectors",
    ],
    // No path after the option: the line marks where it goes rather than leave the argument out.
    [
      ['package', 'build', '--intro', 'intro.md', '-o'],
      "unknown option '-o': package build takes the path it writes as its argument <out.zip>. Write it without -o: connector-alm package build <out.zip> --intro intro.md",
    ],
    // The path attached to the short option, as short options take one: commander named the whole
    // word ("unknown option '-oout.zip'") and said nothing more.
    [
      ['pack', 'src', '-oout.zip'],
      "unknown option '-o': pack takes the path it writes as its argument <solution.zip>. Write it without -o: connector-alm pack src out.zip",
    ],
    [
      ['pack', '-o=out.zip', 'src'],
      "unknown option '-o': pack takes the path it writes as its argument <solution.zip>. Write it without -o: connector-alm pack src out.zip",
    ],
    // Attached but empty (`--output=$OUT` with OUT unset): the line said `pack src ''`, which is
    // refused for its empty argument.
    [
      ['pack', 'src', '--output='],
      "unknown option '--output': pack takes the path it writes as its argument <solution.zip>. Write it without --output: connector-alm pack src <solution.zip>",
    ],
    // Both: the line with the two paths would be refused as one argument too many.
    [
      ['package', 'build', 'pkg.zip', '--intro', 'intro.md', '-o', 'other.zip'],
      "unknown option '-o': package build takes the path it writes as its argument <out.zip>, given already: pkg.zip. Write it once, without -o: connector-alm package build pkg.zip --intro intro.md",
    ],
  ])('%j says the output is an argument, with the command line to run', async (argv, message) => {
    const result = await run(argv);
    expect(result.err).toBe(`error: ${message}\n`);
    expect(result.code).toBe(2);
  });

  it('leaves other unknown options to their usual message', async () => {
    const result = await run(['package', 'build', '--outfile', 'pkg.zip']);
    expect(result.err).toBe("error: unknown option '--outfile'\n(run with --help for usage)\n");
    expect(result.code).toBe(2);
  });

  // package build takes no connector folder: commander said only that it had one argument too many.
  it('says package build takes the connector in its solutions, given a connector folder', async () => {
    const result = await run(['package', 'build', 'pkg.zip', 'Contoso Tasks', '--intro', 'intro.md']);
    expect(result.err).toBe(
      "error: too many arguments for 'build'. Expected 1 argument but got 2.\npackage build takes the connector in its solutions, not as a folder: give --connector-solution (the solution holding only the connector: connector-alm build-solution makes one of a connector folder) and --flow-solution (a solution holding the connector and a sample flow, exported from your environment).\n(run with --help for usage)\n",
    );
    expect(result.code).toBe(2);
  });

  // Only one path: the maker meant to compare the folder with git, which validate --base does.
  it('says diff takes two paths, and how to compare a folder with git', async () => {
    const result = await run(['diff', 'Contoso Tasks']);
    expect(result.err).toBe(
      "error: missing required argument 'new'\ndiff compares two versions given as paths (a copy of the earlier folder, say). To compare a connector folder with its version in git, run connector-alm validate <folder> --base <ref> (e.g. --base origin/dev).\n(run with --help for usage)\n",
    );
    expect(result.code).toBe(2);
  });

  it('leaves too many arguments of other commands to the usual message', async () => {
    const result = await run(['pack', 'src', 'out.zip', 'more']);
    expect(result.err).toBe(
      "error: too many arguments for 'pack'. Expected 2 arguments but got 3.\n(run with --help for usage)\n",
    );
    expect(result.code).toBe(2);
  });

  /** An export that signs in with the certificate in cert.pem, to a port where nothing listens. */
  const EXPORT_WITH_CERTIFICATE = [
    'export',
    'Contoso',
    '--environment-url',
    'http://127.0.0.1:9',
    '--tenant-id',
    '11111111-2222-3333-4444-555555555555',
    '--app-id',
    'app',
    '--client-certificate',
    'cert.pem',
  ];

  it('says which variable holds the secret when a certificate is given too', async () => {
    const cwd = folders.make();
    // Not PEM either: the two credentials are refused before the content is looked at.
    writeFileSync(path.join(cwd, 'cert.pem'), 'not a certificate');
    const result = await run(EXPORT_WITH_CERTIFICATE, cwd, { CONNECTOR_ALM_CLIENT_SECRET: 'the-secret' });
    expect(result.err).toBe(
      'error: CONNECTOR_ALM_CLIENT_SECRET is set and --client-certificate is given; sign in with one of them. Unset CONNECTOR_ALM_CLIENT_SECRET to sign in with the certificate, or leave out --client-certificate to use the secret.\n',
    );
    expect(result.code).toBe(2);
  });

  it('locates a certificate file that is not PEM at the file, naming the option', async () => {
    const cwd = folders.make();
    writeFileSync(path.join(cwd, 'cert.pem'), 'MIIC not a certificate');
    const result = await run(EXPORT_WITH_CERTIFICATE, cwd);
    expect(result.err).toBe(
      'cert.pem: error: does not hold both a certificate and its private key in PEM, as --client-certificate needs. Convert a .pfx with: openssl pkcs12 -in cert.pfx -out cert.pem -nodes, then give --client-certificate cert.pem.\n',
    );
    expect(result.code).toBe(2);
  });

  // --cloud was checked after parsing, so --help and docs/cli.md did not list its values as choices.
  it('lists the clouds as choices, refuses another as every choice option does, and takes any case', async () => {
    const unknown = await run(['export', 'Contoso', '--cloud', 'Mars']);
    expect(unknown.err).toBe(
      "error: option '--cloud <cloud>' argument 'Mars' is invalid. Allowed choices are Public, UsGov, UsGovHigh, UsGovDod, China.\n(run with --help for usage)\n",
    );
    expect(unknown.code).toBe(2);
    // Past parsing: the next thing missing is the environment.
    const lowerCase = await run(['import', 'x.zip', '--cloud', 'usgov']);
    expect(lowerCase.err).toBe('error: Give --environment-url (or set DATAVERSE_ENVIRONMENT_URL).\n');
    // An empty value is refused as such, as for every option.
    const empty = await run(['import', 'x.zip', '--cloud', '']);
    expect(empty.err).toMatch(/^error: --cloud is empty\. /);
    expect(empty.code).toBe(2);
    const help = await run(['export', '--help']);
    expect(help.out.replace(/\s+/g, ' ')).toContain(
      `--cloud <cloud> the environment's cloud, in any case (choices: "Public", "UsGov", "UsGovHigh", "UsGovDod", "China", default: "Public")`,
    );
  });

  it('dev-server names the port option whose value is not a port', async () => {
    const result = await run(['dev-server', '--dataverse-port', '70000']);
    expect(result.err).toMatch(
      /^error: option '--dataverse-port <port>' argument '70000' is invalid\. Use a port number from 1 to 65535, or 0 for any free port\.\n/,
    );
    expect(result.code).toBe(2);
  });
});

describe('validate --config', () => {
  it('naming a folder says so and names the file to give', async () => {
    const cwd = folders.make();
    mkdirSync(path.join(cwd, 'settings'));
    const result = await run(['validate', example, '--config', 'settings'], cwd);
    expect(result.err).toBe(
      `settings: error: is a folder, not a configuration file. Give the file itself, e.g. ${path.join('settings', '.connector-alm.yml')}.\n`,
    );
    expect(result.code).toBe(2);
  });
});

describe('pr', () => {
  it('refuses a token with a space as a usage error, before any request, and does not print it', async () => {
    const result = await run(['pr', example, '--token', 'ghp_one two', '--api-url', 'http://127.0.0.1:9']);
    expect(result.err).toBe(
      'warning: --token shows the token to other users of this machine (in the process list) and keeps it in your shell history: set GITHUB_TOKEN or GH_TOKEN instead. With the GitHub CLI signed in as the fork owner: GITHUB_TOKEN=$(gh auth token) connector-alm pr … in bash or zsh; $env:GITHUB_TOKEN = gh auth token; connector-alm pr … in PowerShell.\n' +
        'error: The GitHub token holds a space, a line break or another control character. Pass the token alone, on one line (check the secret or the file it comes from).\n',
    );
    expect(result.code).toBe(2);
  });
});

describe('diff', () => {
  it('refuses a folder without connector files instead of reporting every operation removed', async () => {
    const cwd = folders.make();
    mkdirSync(path.join(cwd, 'empty'));
    const result = await run(['diff', example, 'empty'], cwd);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'empty: error: is not a connector folder. Give a connector folder (it holds apiDefinition.swagger.json and apiProperties.json) or its apiDefinition.swagger.json.\n',
    );
    expect(result.code).toBe(2);
  });

  it('refuses a text file, which it compared as a swagger that cannot be read (exit 0, with changes)', async () => {
    const cwd = folders.make();
    writeFileSync(path.join(cwd, 'notes.txt'), 'GetTask takes a filter now.\n');
    const result = await run(['diff', 'notes.txt', example], cwd);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'notes.txt: error: is not an API definition: it holds no JSON object, and its name does not end in .json. Give each version as a connector folder or as an API definition file (its apiDefinition.swagger.json or apiProperties.json). A .json file is compared even when its JSON is broken.\n',
    );
    expect(result.code).toBe(2);
  });
});

describe('build-solution --out', () => {
  it('must end in .zip, as pack requires, and an existing file of another kind is left alone', async () => {
    const cwd = folders.make();
    writeFileSync(path.join(cwd, 'notes.json'), '{}');
    const result = await run(
      [
        'build-solution',
        example,
        '--out',
        'notes.json',
        '--unique-name',
        'C',
        '--publisher',
        'c',
        '--prefix',
        'con',
      ],
      cwd,
    );
    expect(result.err).toBe(
      'notes.json: error: must end in .zip. Give --out the solution zip to write; Dataverse imports a solution only from a .zip file.\n',
    );
    expect(result.code).toBe(2);
    expect(readFileSync(path.join(cwd, 'notes.json'), 'utf8')).toBe('{}');
  });
});

describe('validate of a path whose connector folders the configuration ignores', () => {
  // The folders are there and leaving them out was asked: not "holds no connector folder" (it said so,
  // exit 2, when every folder given was ignored, though not when one of several was).
  it('validates nothing and passes, alone or beside a validated connector', async () => {
    const cwd = folders.make();
    cpSync(example, path.join(cwd, 'certified-connectors/Legacy Tasks'), { recursive: true });
    cpSync(example, path.join(cwd, 'certified-connectors/Contoso Tasks'), { recursive: true });
    writeFileSync(path.join(cwd, '.connector-alm.yml'), 'ignore:\n  - certified-connectors/Legacy*\n');
    const alone = await run(['validate', 'certified-connectors/Legacy Tasks', '--format', 'json'], cwd);
    // Said, not an error: the folder asked for and the pattern that skips it (validate-ignored.test.ts).
    const note =
      "note: certified-connectors/Legacy Tasks is not validated: the ignore pattern 'certified-connectors/Legacy*' (.connector-alm.yml:2) skips it.\n";
    expect(alone.err).toBe(note);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.out).connectors).toEqual([]);
    const beside = await run(
      ['validate', 'certified-connectors/Legacy Tasks', 'certified-connectors/Contoso Tasks'],
      cwd,
    );
    expect(beside.err).toBe(note);
    expect(beside.code).toBe(0);
  });
});

describe('a path the command cannot work on at all exits 2, with the message it had', () => {
  const connector = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
  const build = ['--unique-name', 'X', '--publisher', 'p', '--prefix', 'pp'];
  const intro = ['--intro', 'intro.md', '--connector-solution', 'c.zip', '--flow-solution', 'f.zip'];
  const connection = {
    DATAVERSE_ENVIRONMENT_URL: 'https://contoso.crm.dynamics.com',
    AZURE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    AZURE_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
    CONNECTOR_ALM_CLIENT_SECRET: 'not-used',
  };
  /** A legacy flow package: a zip, but with no solution in it. */
  const flowPackage = zipSync({
    'manifest.json': strToU8('{}'),
    'Microsoft.Flow/flows/manifest.json': strToU8('{}'),
  });
  const notASolution =
    'is not a Dataverse solution: it has no solution.xml and customizations.xml at its root. It is a legacy Power Automate flow package (Export > Package (.zip)); export the flow inside a solution instead.';
  const noUnpackedSolution =
    'is neither a solution zip nor an unpacked solution folder (no Other/Solution.xml). Give the folder that unpack wrote (the one holding Other/).';
  const underFile = (below: string) =>
    `is a file, not a folder, so ${below} cannot be made inside it. Give a path that runs through folders only, or move the file out of the way.`;
  /** An input below a file: located at the file, as an output below one is. */
  const readUnderFile = (below: string, hint: string) =>
    `is a file, not a folder, so ${below} cannot be read inside it. ${hint}`;
  /** An input below a link that leads nowhere: a link, named with its target, not "a file". */
  const readUnderDanglingLink = (below: string, hint: string) =>
    `is a symbolic link that leads nowhere (to 'nowhere'), so ${below} cannot be read inside it. ${hint}`;
  const connectorHint =
    'Give a connector folder: the one that holds apiDefinition.swagger.json and apiProperties.json.';
  const fileNotFolder =
    'exists and is not a folder. Give the path of a folder, or move the file out of the way.';

  // [command: the path case (the exit code it had), argv, location (relative to the working folder), message]
  it.each<[string, string[], string, string]>([
    [
      'unpack: a zip that is a folder (1)',
      ['unpack', 'dir.zip', 'out'],
      'dir.zip',
      'is a folder, not a zip archive. Give the zip file itself.',
    ],
    [
      'unpack: a zip below a file (1, said "is not a zip archive or is truncated (ENOTDIR …)"; then "does not exist" at the zip)',
      ['unpack', 'file.txt/x.zip', 'out'],
      'file.txt',
      readUnderFile('x.zip', 'Check the path of the zip file.'),
    ],
    [
      'unpack: a zip below two folders below a file (2, "does not exist" at the zip)',
      ['unpack', 'file.txt/a/b/x.zip', 'out'],
      'file.txt',
      readUnderFile(path.join('a', 'b', 'x.zip'), 'Check the path of the zip file.'),
    ],
    [
      'unpack: a zip that does not exist, below folders only (2)',
      ['unpack', 'empty/x.zip', 'out'],
      'empty/x.zip',
      'does not exist. Check the path of the zip file.',
    ],
    ['unpack: a zip with no solution in it (1)', ['unpack', 'flow.zip', 'out'], 'flow.zip', notASolution],
    ['unpack: a target that is a file (1)', ['unpack', 'flow.zip', 'file.txt'], 'file.txt', fileNotFolder],
    [
      'unpack: a target below a file (1)',
      ['unpack', 'flow.zip', 'file.txt/out'],
      'file.txt',
      underFile('out'),
    ],
    [
      'pack: a folder that is a file (1)',
      ['pack', 'file.txt', 'out.zip'],
      'file.txt',
      'is not a folder. Give the folder that unpack wrote (the one holding Other/).',
    ],
    [
      'pack: a folder below a file (2, "does not exist" at the folder)',
      ['pack', 'file.txt/solution', 'out.zip'],
      'file.txt',
      readUnderFile('solution', 'Give the folder that unpack wrote (the one holding Other/).'),
    ],
    [
      'pack: a folder that holds no unpacked solution (1)',
      ['pack', 'empty', 'out.zip'],
      'empty',
      'is not an unpacked solution: it has no Other/Solution.xml and Other/Customizations.xml. Give the folder that unpack wrote (the one holding Other/).',
    ],
    [
      'extract-connectors: a zip with no solution in it (1)',
      ['extract-connectors', 'flow.zip', 'out'],
      'flow.zip',
      notASolution,
    ],
    [
      'extract-connectors: a solution below a file (2, "does not exist" at the solution)',
      ['extract-connectors', 'file.txt/x.zip', 'out'],
      'file.txt',
      readUnderFile('x.zip', 'Give a solution zip, or the folder that unpack wrote.'),
    ],
    [
      'extract-connectors: a folder that holds no unpacked solution (1)',
      ['extract-connectors', 'empty', 'out'],
      'empty',
      noUnpackedSolution,
    ],
    [
      'extract-connectors: a destination that is a file (1)',
      ['extract-connectors', 'flow.zip', 'file.txt'],
      'file.txt',
      fileNotFolder,
    ],
    [
      'extract-connectors: a destination below a file (1)',
      ['extract-connectors', 'flow.zip', 'file.txt/out'],
      'file.txt',
      underFile('out'),
    ],
    [
      'build-solution: a connector folder below a file (1, said "is not a folder."; then "does not exist" at the folder)',
      ['build-solution', 'file.txt/connector', '--out', 'out.zip', ...build],
      'file.txt',
      readUnderFile('connector', connectorHint),
    ],
    [
      'build-solution: a connector folder that does not exist, below folders only (2)',
      ['build-solution', 'empty/connector', '--out', 'out.zip', ...build],
      'empty/connector',
      `does not exist. ${connectorHint}`,
    ],
    [
      'build-solution: a connector folder with no connector files (1)',
      ['build-solution', 'empty', '--out', 'out.zip', ...build],
      'empty',
      `has no apiDefinition.swagger.json; it is not a connector folder. ${connectorHint}`,
    ],
    [
      'build-solution: --out a folder (1)',
      ['build-solution', connector, '--out', 'dir.zip', ...build],
      'dir.zip',
      'is a folder; a zip cannot be written there. Give the path of the zip file to write, ending in .zip.',
    ],
    [
      'build-solution: --out below a file (1, "failed unexpectedly: ENOTDIR"; then "exists and is not a folder.")',
      ['build-solution', connector, '--out', 'file.txt/out.zip', ...build],
      'file.txt',
      underFile('out.zip'),
    ],
    [
      'build-solution: --existing a folder that holds no unpacked solution (1)',
      ['build-solution', connector, '--out', 'out.zip', ...build, '--existing', 'empty'],
      'empty',
      noUnpackedSolution,
    ],
    [
      'build-solution: --existing a zip with no solution in it (1)',
      ['build-solution', connector, '--out', 'out.zip', ...build, '--existing', 'flow.zip'],
      'flow.zip',
      notASolution,
    ],
    [
      'package build: a package that is a folder (1)',
      ['package', 'build', 'dir.zip', ...intro],
      'dir.zip',
      'is a folder; the package cannot be written there. Give the path of the package zip to write.',
    ],
    [
      'package build: a package below a file (1, "failed unexpectedly: ENOTDIR"; then "exists and is not a folder.")',
      ['package', 'build', 'file.txt/package.zip', ...intro],
      'file.txt',
      underFile('package.zip'),
    ],
    [
      'package build: an intro below a file (2, "does not exist" at the intro)',
      [
        'package',
        'build',
        'package.zip',
        '--intro',
        'file.txt/intro.md',
        '--connector-solution',
        'c.zip',
        '--flow-solution',
        'f.zip',
      ],
      'file.txt',
      readUnderFile('intro.md', 'Give the intro.md and the solution zips exported from Dataverse.'),
    ],
    [
      'package check: a package below a file (1, said "is not a zip archive or is truncated (ENOTDIR …)"; then "does not exist" at the zip)',
      ['package', 'check', 'file.txt/package.zip'],
      'file.txt',
      readUnderFile('package.zip', 'Check the path of the zip file.'),
    ],
    [
      'import: a zip below a file (1, said "cannot be read (ENOTDIR)."; then "does not exist" at the zip)',
      ['import', 'file.txt/x.zip'],
      'file.txt',
      readUnderFile('x.zip', 'Check the path of the solution zip to import.'),
    ],
    [
      'import: a zip that does not exist, below folders only (2)',
      ['import', 'empty/x.zip'],
      'empty/x.zip',
      'does not exist. Check the path of the solution zip to import.',
    ],
    ['import: a zip with no solution in it (1)', ['import', 'flow.zip'], 'flow.zip', notASolution],
    [
      'import: --settings below a file (2, said "cannot be read (ENOTDIR).")',
      ['import', 'flow.zip', '--settings', 'file.txt/settings.json'],
      'file.txt',
      'is a file, not a folder, so settings.json cannot be read inside it. Give the deployment settings file that pac solution create-settings wrote.',
    ],
    [
      'import: --client-certificate below a file (2, said "The certificate file cannot be read (ENOTDIR).")',
      ['import', 'flow.zip', '--client-certificate', 'file.txt/certificate.pem'],
      'file.txt',
      'is a file, not a folder, so certificate.pem cannot be read inside it. Give --client-certificate the PEM file that holds the certificate and its private key.',
    ],
    // Below a link that leads nowhere: open says ENOENT, which these readers told as "does not exist"
    // at the whole path, unlike every reader that goes through missingPathError (the zip above).
    [
      'import: --client-certificate below a link that leads nowhere (2, "does not exist" at the certificate)',
      ['import', 'flow.zip', '--client-certificate', 'dangling/certificate.pem'],
      'dangling',
      readUnderDanglingLink(
        'certificate.pem',
        'Give --client-certificate the PEM file that holds the certificate and its private key.',
      ),
    ],
    [
      'import: --settings below a link that leads nowhere (2, "does not exist" at the settings)',
      ['import', 'flow.zip', '--settings', 'dangling/settings.json'],
      'dangling',
      readUnderDanglingLink(
        'settings.json',
        'Give the deployment settings file that pac solution create-settings wrote.',
      ),
    ],
    [
      'dev-server: --client-certificate below a link that leads nowhere (2, "does not exist" at the certificate)',
      ['dev-server', '--client-certificate', 'dangling/cert.pem'],
      'dangling',
      readUnderDanglingLink(
        'cert.pem',
        'Give --client-certificate the PEM file that export and import sign in with (a .pfx converts with openssl pkcs12 -in cert.pfx -out cert.pem -nodes).',
      ),
    ],
    [
      'validate: --config below a link that leads nowhere (2, "does not exist" at the configuration file)',
      ['validate', connector, '--config', 'dangling/.connector-alm.yml'],
      'dangling',
      readUnderDanglingLink(
        '.connector-alm.yml',
        'Check the path, or leave it out to use .connector-alm.yml, .connector-alm.yaml, .connector-alm.json from the repository.',
      ),
    ],
    [
      'dev-server: --solutions a file (1, "failed unexpectedly: EEXIST"; then "exists and is not a folder", not naming the option)',
      ['dev-server', '--solutions', 'file.txt'],
      'file.txt',
      'The --solutions path is a file, not a folder. Give the folder that holds the solution zips to serve, this file among them if it is one, or leave --solutions out to keep the solutions in memory.',
    ],
    [
      'dev-server: --solutions below a file (1, "failed unexpectedly: ENOTDIR"; then "cannot be made": the folder is no longer made; then "make it first", which the file in the way prevents)',
      ['dev-server', '--solutions', 'file.txt/solutions'],
      'file.txt',
      readUnderFile(
        'solutions',
        'Give --solutions a folder whose path runs through folders only, or move the file out of the way, or leave --solutions out to keep the solutions in memory.',
      ),
    ],
    [
      'validate: a connector folder below a file (2, "does not exist" at the folder)',
      ['validate', 'file.txt/connector'],
      'file.txt',
      readUnderFile('connector', 'Give a connector folder, or a folder that holds connector folders.'),
    ],
    [
      'validate: --config below a file (2, said "The configuration file cannot be read (ENOTDIR).")',
      ['validate', connector, '--config', 'file.txt/.connector-alm.yml'],
      'file.txt',
      readUnderFile(
        '.connector-alm.yml',
        'Check the path, or leave it out to use .connector-alm.yml, .connector-alm.yaml, .connector-alm.json from the repository.',
      ),
    ],
    [
      'diff: a connector below a file (2, "does not exist" at the connector)',
      ['diff', 'file.txt/connector', connector],
      'file.txt',
      readUnderFile('connector', 'Give a connector folder or its apiDefinition.swagger.json.'),
    ],
    [
      'validate: a folder with no connector beside one with a connector (0)',
      ['validate', connector, 'empty'],
      'empty',
      'holds no connector folder. A connector folder holds apiDefinition.swagger.json and apiProperties.json.',
    ],
  ])('%s', async (_case, argv, location, message) => {
    const cwd = folders.make();
    writeFileSync(path.join(cwd, 'file.txt'), 'not a folder\n');
    writeFileSync(path.join(cwd, 'flow.zip'), flowPackage);
    writeFileSync(path.join(cwd, 'intro.md'), '# Contoso\n');
    writeFileSync(path.join(cwd, 'c.zip'), flowPackage);
    writeFileSync(path.join(cwd, 'f.zip'), flowPackage);
    mkdirSync(path.join(cwd, 'dir.zip'));
    mkdirSync(path.join(cwd, 'empty'));
    symlinkSync('nowhere', path.join(cwd, 'dangling'));
    const result = await run(argv, cwd, connection);
    // Located as the command names the path: as given, or absolute.
    expect(result.err.replace(`${cwd}${path.sep}`, '')).toBe(`${location}: error: ${message}\n`);
    expect(result.code).toBe(2);
  });
});

describe('a value an option with choices does not take', () => {
  // The actions' inputs and the configuration file offered the value meant; the CLI listed the choices only.
  it.each([
    ['validate --fail-on warnings', "'--fail-on <level>' argument 'warnings'", 'warning'],
    ['validate --fail-on none', "'--fail-on <level>' argument 'none'", 'never'],
    [
      'validate --profile independent',
      "'--profile <profile>' argument 'independent'",
      'independent-publisher',
    ],
    ['diff --fail-on off', "'--fail-on <what>' argument 'off'", 'never'],
    ['rules --format jsn', "'--format <format>' argument 'jsn'", 'json'],
  ])('%s says which choice it meant, exit 2', async (given, said, meant) => {
    const [command, ...options] = given.split(' ');
    const paths = command === 'validate' ? [example] : command === 'diff' ? [example, example] : [];
    const result = await run([command!, ...paths, ...options]);
    expect(result.err).toMatch(
      new RegExp(
        `^error: option ${escaped(said)} is invalid\\. Allowed choices are [^\\n]+\\. Did you mean '${escaped(meant)}'\\?\\n\\(run with --help for usage\\)\\n$`,
      ),
    );
    expect(result.code).toBe(2);
  });

  it('offers nothing for a value close to no choice', async () => {
    const result = await run(['validate', example, '--format', 'yaml']);
    expect(result.err).toBe(
      "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json, sarif.\n(run with --help for usage)\n",
    );
  });

  // 'off' stands for never, which --format does not take: offering a value the option refuses too
  // would send the user round in a circle.
  it('offers no word of the same sense that the option does not take', async () => {
    const result = await run(['validate', example, '--format', 'off']);
    expect(result.err).toBe(
      "error: option '--format <format>' argument 'off' is invalid. Allowed choices are text, json, sarif.\n(run with --help for usage)\n",
    );
    expect(result.code).toBe(2);
  });
});

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
