import { afterAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// An option given '' (or white space alone), mostly a shell variable that is not set, was read as
// "not given": `-o ''` wrote the report to stdout, `pr --api-url ''` went to https://api.github.com
// with the token, `--authority-host ''` to the public cloud's login host.

const example = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const folders = temporaryFolders('cli-empty-');
afterAll(() => folders.cleanup());

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo(folders.make(), env);
  const code = await runCli(argv, io);
  return { code, err: io.err(), out: io.out() };
}

const HINT = 'Give a value; an empty one often comes from a shell variable that is not set.';
const dataverse = [
  '--environment-url',
  'http://127.0.0.1:9',
  '--tenant-id',
  '11111111-2222-3333-4444-555555555555',
];

describe('an option given an empty value is refused by its name, exit 2, nothing written', () => {
  it.each([
    ["validate -o ''", ['validate', example, '-o', ''], '--output is empty.'],
    [
      "pr --api-url ''",
      ['pr', 'no-such-connector', '--token', 'ghp_x', '--api-url', ''],
      '--api-url is empty.',
    ],
    [
      "export --authority-host ''",
      ['export', 'Contoso', ...dataverse, '--app-id', 'app', '--authority-host', ''],
      '--authority-host is empty.',
    ],
    [
      "import --app-id ' '",
      ['import', 'x.zip', ...dataverse, '--app-id', ' '],
      '--app-id holds only white space.',
    ],
    [
      "pr --label a --label ''",
      [
        'pr',
        'no-such-connector',
        '--token',
        'ghp_x',
        '--api-url',
        'http://127.0.0.1:9',
        '--label',
        'a',
        '--label',
        '',
      ],
      '--label is empty.',
    ],
    [
      "package build --intro ''",
      [
        'package',
        'build',
        'out.zip',
        '--intro',
        '',
        '--connector-solution',
        'c.zip',
        '--flow-solution',
        'f.zip',
      ],
      '--intro is empty.',
    ],
  ])('%s', async (_name, argv, message) => {
    const result = await run(argv, { CONNECTOR_ALM_CLIENT_SECRET: 'secret' });
    expect(result.err).toBe(`error: ${message} ${HINT}\n`);
    expect(result.out).toBe('');
    expect(result.code).toBe(2);
  });
});

/** The lines of a help section ("Options", "Commands"), each entry with its wrapped lines joined. */
function helpEntries(help: string, title: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(`${title}:`);
  if (start < 0) return [];
  const entries: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    if (/^ {2}\S/.test(line)) entries.push(line.trim());
    else entries[entries.length - 1] += ` ${line.trim()}`;
  }
  return entries;
}

interface Leaf {
  path: string[];
  /** A placeholder for each required argument. */
  args: string[];
  /** Every argument, as the usage line names it ("paths" of "[paths...]"). */
  argumentNames: string[];
  options: { long: string; choices: boolean }[];
}

/** Every command that runs an action, read from the help, as a user would find them. */
async function leafCommands(parent: string[] = []): Promise<Leaf[]> {
  const help = (await run([...parent, '--help'])).out;
  const commands = helpEntries(help, 'Commands')
    .map((entry) => entry.split(' ')[0]!)
    .filter((name) => name !== 'help');
  if (commands.length > 0)
    return (await Promise.all(commands.map((name) => leafCommands([...parent, name])))).flat();
  const usage = /^Usage: connector-alm (.*)$/m.exec(help)![1]!;
  const options = helpEntries(help, 'Options')
    .map((entry) => ({ match: /^(?:-\w, )?(--[\w-]+) [<[]/.exec(entry), entry }))
    .filter(({ match }) => match !== null)
    .map(({ match, entry }) => ({ long: match![1]!, choices: entry.includes('(choices:') }));
  const argumentNames = [...usage.matchAll(/[<[]([^>\]]+?)(?:\.\.\.)?[>\]]/g)]
    .map((match) => match[1]!)
    .filter((name) => name !== 'options');
  return [{ path: parent, args: (usage.match(/<[^>]+>/g) ?? []).map(() => '1'), argumentNames, options }];
}

/** Options whose empty value means what leaving them out means (open-pull-request.test.ts runs it). */
const EMPTY_MEANS_NONE = ['pr --body'];

describe('every option that takes a value', () => {
  it('refuses an empty one naming the option, in every command, with exit 2 and nothing on stdout', async () => {
    const leaves = await leafCommands();
    // The sweep must reach the commands it is meant to cover.
    expect(leaves.map((leaf) => leaf.path.join(' '))).toEqual(
      expect.arrayContaining(['validate', 'pr', 'export', 'import', 'package build', 'dev-server']),
    );
    const options = leaves.flatMap((leaf) =>
      leaf.options.map((option) => `${leaf.path.join(' ')} ${option.long}`),
    );
    expect(options).toEqual(
      expect.arrayContaining([
        'validate --output',
        'pr --api-url',
        'export --authority-host',
        'dev-server --solutions',
      ]),
    );
    const failures: string[] = [];
    for (const leaf of leaves) {
      for (const tested of leaf.options) {
        if (EMPTY_MEANS_NONE.includes(`${leaf.path.join(' ')} ${tested.long}`)) continue;
        // The other options get a value that parses, so only the tested one can be refused.
        const others = leaf.options
          .filter((option) => option !== tested && !option.choices)
          .flatMap((option) => [option.long, '1']);
        const argv = [...leaf.path, ...leaf.args, ...others, tested.long, ''];
        // No token, no server: a command that went ahead anyway would fail offline.
        const result = await run(argv, { GITHUB_API_URL: 'http://127.0.0.1:9' });
        const firstLine = result.err.split('\n')[0]!;
        const names = new RegExp(`^error: .*${tested.long}(?![\\w-])`);
        if (result.code !== 2 || result.out !== '' || !names.test(firstLine))
          failures.push(`${argv.join(' ')}: exit ${result.code}, ${firstLine}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('every argument', () => {
  // `validate ' '` looked for a file named " " and answered " : error: does not exist.", at a
  // location that reads as nothing.
  it('refuses one of white space alone naming the argument, in every command, with exit 2', async () => {
    const leaves = await leafCommands();
    const argumentsSeen = leaves.flatMap((leaf) =>
      leaf.argumentNames.map((name) => `${leaf.path.join(' ')} <${name}>`),
    );
    expect(argumentsSeen).toEqual(
      expect.arrayContaining(['validate <paths>', 'diff <new>', 'package build <out.zip>']),
    );
    const failures: string[] = [];
    for (const leaf of leaves) {
      for (const [index, name] of leaf.argumentNames.entries()) {
        const args = leaf.argumentNames.map((_, i) => (i === index ? ' \t' : '1'));
        // Every option gets a value that parses, so a required one cannot answer first.
        const options = leaf.options
          .filter((option) => !option.choices)
          .flatMap((option) => [option.long, '1']);
        const argv = [...leaf.path, ...args, ...options];
        const result = await run(argv, { GITHUB_API_URL: 'http://127.0.0.1:9' });
        const expected = `error: The argument <${name}> holds only white space. ${HINT}\n`;
        if (result.code !== 2 || result.out !== '' || result.err !== expected)
          failures.push(`${argv.join(' ')}: exit ${result.code}, ${result.err.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the environment variables the options fall back on', () => {
  const importArgs = ['import', 'x.zip', ...dataverse];

  it('count as not set when empty, as CI systems set a secret that is missing', async () => {
    const result = await run(importArgs, { AZURE_CLIENT_ID: '', CONNECTOR_ALM_CLIENT_SECRET: 'secret' });
    expect(result.err).toBe('error: Give --app-id (or set AZURE_CLIENT_ID).\n');
    expect(result.code).toBe(2);
  });

  it('say what to give when the app ID is white space alone', async () => {
    const result = await run(importArgs, { AZURE_CLIENT_ID: ' ', CONNECTOR_ALM_CLIENT_SECRET: 'secret' });
    expect(result.err).toBe(
      'error: The app ID (client ID) is empty. Use the Application (client) ID from the app registration overview.\n',
    );
    expect(result.code).toBe(2);
  });
});
