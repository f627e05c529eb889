import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { isWithin } from '@connector-alm/core';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// Paths that name the wrong thing, as a maker walking from a solution to a pull request gives them
// (session 31's walkthrough): a solution where connector folders go, a Windows path on Linux, a
// misspelt base ref or connector folder. Each is refused (exit 2) with what to give instead.

const example = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const folders = temporaryFolders('cli-paths-given-');
afterAll(() => folders.cleanup());

async function run(cwd: string, argv: string[]) {
  const io = memoryIo(cwd, {});
  const code = await runCli(argv, io);
  return { code, err: io.err(), out: io.out() };
}

/** A working folder with the example connector in custom-connectors/, a solution zip built from it, and it unpacked. */
let cwd: string;
beforeAll(async () => {
  cwd = folders.make();
  cpSync(example, path.join(cwd, 'custom-connectors', 'Contoso Tasks'), { recursive: true });
  const build = await run(cwd, [
    'build-solution',
    'custom-connectors/Contoso Tasks',
    '--out',
    'Contoso.zip',
    '--unique-name',
    'Contoso',
    '--publisher',
    'Contoso',
    '--prefix',
    'contoso',
  ]);
  expect(build.code).toBe(0);
  mkdirSync(path.join(cwd, 'solutions'));
  expect((await run(cwd, ['unpack', 'Contoso.zip', 'solutions/Contoso'])).code).toBe(0);
});

/** The JSON file of the connector in the unpacked solution, relative to cwd. */
function unpackedConnectorJson(): string {
  const names = readdirSync(path.join(cwd, 'solutions', 'Contoso', 'Connectors'));
  const json = names.find((name) => name.endsWith('_openapidefinition.json'));
  expect(json).toBeDefined();
  return path.join('solutions', 'Contoso', 'Connectors', json!);
}

const EXTRACT = (source: string, then: string) =>
  `A solution's connectors are read in the PowerPlatformConnectors layout: extract them into connector folders first (connector-alm extract-connectors ${source} <destination-root>, e.g. into custom-connectors), then ${then}.`;

describe('diff of solutions', () => {
  it('refuses two solution zips, exit 2, and says to extract their connectors first', async () => {
    cpSync(path.join(cwd, 'Contoso.zip'), path.join(cwd, 'Contoso 2.zip'));
    const result = await run(cwd, ['diff', 'Contoso.zip', 'Contoso 2.zip']);
    // The zips were compared as broken JSON: CHG-JSON-SYNTAX "breaking" changes, exit 1.
    expect(result).toEqual({
      code: 2,
      out: '',
      err: `Contoso.zip: error: is a zip (a solution?), not a connector folder or an API definition. ${EXTRACT('Contoso.zip', 'do the same with the other version, and diff the two folders of the connector')}\n`,
    });
  });

  it('refuses an unpacked solution folder, exit 2', async () => {
    const result = await run(cwd, ['diff', 'solutions/Contoso', 'custom-connectors/Contoso Tasks']);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `solutions/Contoso: error: is an unpacked solution, not a connector folder or an API definition. ${EXTRACT('solutions/Contoso', 'do the same with the other version, and diff the two folders of the connector')}\n`,
    );
  });

  it('refuses a binary file even when it is named .json, exit 2', async () => {
    writeFileSync(path.join(cwd, 'utf16.json'), Buffer.from('{"swagger": "2.0"}', 'utf16le'));
    const result = await run(cwd, ['diff', 'utf16.json', 'custom-connectors/Contoso Tasks']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^utf16\.json: error: is not an API definition: it is saved as UTF-16 \(little-endian\): save it as UTF-8\. Give each version/,
    );
  });
});

describe('validate and pr of a solution', () => {
  it('validate of a solution zip says to extract its connectors, exit 2', async () => {
    const result = await run(cwd, ['validate', 'Contoso.zip']);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: `Contoso.zip: error: is a zip (a solution?), not a connector folder or a file of one. ${EXTRACT('Contoso.zip', 'give those folders')}\n`,
    });
  });

  it('validate of an unpacked solution names the command with the folder quoted for the shell', async () => {
    cpSync(path.join(cwd, 'solutions', 'Contoso'), path.join(cwd, 'solutions', 'Contoso Copy'), {
      recursive: true,
    });
    const result = await run(cwd, ['validate', 'solutions/Contoso Copy']);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `solutions/Contoso Copy: error: is an unpacked solution, not a connector folder or a file of one. ${EXTRACT("'solutions/Contoso Copy'", 'give those folders')}\n`,
    );
  });

  it('validate of a file of an unpacked solution names the unpacked solution to extract', async () => {
    const file = unpackedConnectorJson();
    const result = await run(cwd, ['validate', file]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `${file}: error: is a file of the unpacked solution 'solutions/Contoso', not a connector folder or a file of one. ${EXTRACT('solutions/Contoso', 'give those folders')}\n`,
    );
  });

  it('pr of a solution zip or unpacked solution says so before asking for a token', async () => {
    for (const given of ['Contoso.zip', 'solutions/Contoso']) {
      const result = await run(cwd, ['pr', given]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`${given}: error: is `);
      expect(result.err).toContain(EXTRACT(given, "give the connector's folder"));
      expect(result.err).not.toMatch(/token/i);
    }
  });

  it('pr of a folder inside an unpacked solution (its Connectors) names the solution to extract', async () => {
    for (const given of ['solutions/Contoso/Connectors', 'solutions/Contoso/Other']) {
      const result = await run(cwd, ['pr', given]);
      expect(result).toEqual({
        code: 2,
        out: '',
        err: `${given}: error: is a folder of the unpacked solution 'solutions/Contoso', not a connector folder. ${EXTRACT('solutions/Contoso', "give the connector's folder")}\n`,
      });
    }
  });
});

describe('pr of a folder that is not there', () => {
  it('says what pr takes, in its own words, and the folder beside it that was meant', async () => {
    const result = await run(cwd, ['pr', 'custom-connectors/Contoso']);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: "custom-connectors/Contoso: error: does not exist. Did you mean 'custom-connectors/Contoso Tasks'? Give one folder holding apiDefinition.swagger.json and apiProperties.json; one connector goes in each pull request.\n",
    });
  });

  // Only pr offered the folder (a slip of the hand here: another case names the folder itself on
  // Windows and macOS, whose file systems ignore case).
  it('validate and diff offer the folder beside it too, in their own words', async () => {
    const meant = path.join('custom-connectors', 'Contoso Tasks');
    expect(await run(cwd, ['validate', 'custom-connectors/Contoso Taks'])).toEqual({
      code: 2,
      out: '',
      err: `custom-connectors/Contoso Taks: error: does not exist. Did you mean '${meant}'? Give a connector folder, or a folder that holds connector folders.\n`,
    });
    expect(
      await run(cwd, ['diff', 'custom-connectors/Contoso Taks', 'custom-connectors/Contoso Tasks']),
    ).toEqual({
      code: 2,
      out: '',
      err: `custom-connectors/Contoso Taks: error: does not exist. Did you mean '${meant}'? Give a connector folder or its apiDefinition.swagger.json.\n`,
    });
  });

  it('offers no folder when none is close', async () => {
    const result = await run(cwd, ['pr', 'custom-connectors/Fabrikam Orders']);
    expect(result.err).toBe(
      'custom-connectors/Fabrikam Orders: error: does not exist. Give one folder holding apiDefinition.swagger.json and apiProperties.json; one connector goes in each pull request.\n',
    );
  });
});

(process.platform === 'win32' ? describe.skip : describe)('paths written with \\ on Linux and macOS', () => {
  const system = process.platform === 'darwin' ? 'macOS' : 'Linux';
  /** A path of cwd as a package function's message names it: from the process's working directory when it lies there. */
  const shown = (relative: string): string => {
    const absolute = path.join(cwd, relative);
    return isWithin(process.cwd(), absolute) ? path.relative(process.cwd(), absolute) : absolute;
  };

  it('validate of a path whose / version exists offers that version, exit 2', async () => {
    const result = await run(cwd, ['validate', 'custom-connectors\\Contoso Tasks']);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: `custom-connectors\\Contoso Tasks: error: does not exist: it separates folders with \\, which ${system} reads as part of a name. Did you mean 'custom-connectors/Contoso Tasks'? Paths separate folders with /, which Windows takes too.\n`,
    });
  });

  it('pr of such a path offers the / version too, not a sibling folder', async () => {
    const result = await run(cwd, ['pr', 'custom-connectors\\Contoso Tasks']);
    expect(result.code).toBe(2);
    expect(result.err).toContain("Did you mean 'custom-connectors/Contoso Tasks'?");
  });

  it('unpack into such a path is refused before anything is written, exit 2', async () => {
    const result = await run(cwd, ['unpack', 'Contoso.zip', 'solutions\\Contoso2']);
    expect(result).toEqual({
      code: 2,
      out: '',
      // unpack is given the folder the CLI resolved: the / version is named from the working directory
      // when it lies there (as the location is named), absolutely here, as the test's lies elsewhere.
      err: `solutions\\Contoso2: error: separates folders with \\, which ${system} reads as part of a name: it would make one name holding the \\. Did you mean '${shown('solutions/Contoso2')}'? Paths separate folders with /, which Windows takes too.\n`,
    });
    // It made a folder literally named `solutions\Contoso2`.
    expect(existsSync(path.join(cwd, 'solutions\\Contoso2'))).toBe(false);
  });

  it('a report path (-o) and a zip to write (build-solution --out) are refused alike', async () => {
    const report = await run(cwd, ['validate', 'custom-connectors', '-o', 'reports\\out.sarif']);
    expect(report.code).toBe(2);
    expect(report.err).toContain("Did you mean 'reports/out.sarif'?");
    const zip = await run(cwd, [
      'build-solution',
      'custom-connectors/Contoso Tasks',
      '--out',
      'out\\Contoso.zip',
      '--existing',
      'Contoso.zip',
    ]);
    expect(zip.code).toBe(2);
    expect(zip.err).toContain(`Did you mean '${shown('out/Contoso.zip')}'?`);
    expect(readdirSync(cwd).filter((name) => name.includes('\\'))).toEqual([]);
  });

  it("a folder that exists with a \\ in its name is the user's own, and is read and written as given", async () => {
    const own = path.join(cwd, 'own');
    mkdirSync(own);
    cpSync(example, path.join(own, 'a\\b'), { recursive: true });
    const read = await run(own, ['validate', 'a\\b', '--fail-on', 'never']);
    expect(read.code).toBe(0);
    expect(read.err).not.toMatch(/error/);
    const written = await run(own, ['validate', 'a\\b', '-o', 'a\\b/report.json', '--fail-on', 'never']);
    expect(written.code).toBe(0);
    expect(written.err).not.toMatch(/error/);
    expect(existsSync(path.join(own, 'a\\b', 'report.json'))).toBe(true);
  });
});

describe('validate --base with a misspelt ref', () => {
  it('offers the branch meant, exit 2', async () => {
    const repo = folders.make();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
    git('init', '-q', '-b', 'main');
    cpSync(example, path.join(repo, 'Contoso Tasks'), { recursive: true });
    git('add', '.');
    git('commit', '-q', '-m', 'connector');
    git('tag', 'v1.0');
    const result = await run(repo, ['validate', 'Contoso Tasks', '--base', 'mian']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^error: The git ref "mian" does not name a commit in this repository\. Did you mean 'main'\? /,
    );
    const tag = await run(repo, ['validate', 'Contoso Tasks', '--base', 'v1.1']);
    expect(tag.err).toMatch(/Did you mean 'v1\.0'\?/);
    // A commit id or an expression names no branch: nothing is offered.
    const expression = await run(repo, ['validate', 'Contoso Tasks', '--base', 'main~5']);
    expect(expression.code).toBe(2);
    expect(expression.err).not.toMatch(/Did you mean/);
  });
});

describe('validate and pr of a path that is neither a folder nor a file', () => {
  // A named pipe or a device failed the run as a bug: "failed unexpectedly: ENOTDIR … scandir".
  it('refuses a named pipe, exit 2, located at it and saying what to give', async () => {
    const pipe = path.join(cwd, 'pipe');
    execFileSync('mkfifo', [pipe]);
    for (const command of ['validate', 'pr']) {
      const result = await run(cwd, [command, 'pipe']);
      expect(result).toEqual({
        code: 2,
        out: '',
        err: 'pipe: error: is not a folder or a file: it is a named pipe. Give a connector folder, or a folder that holds connector folders.\n',
      });
    }
  });

  it('refuses a device, exit 2', async () => {
    const result = await run(cwd, ['validate', '/dev/null']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/\/dev\/null: error: is not a folder or a file: it is a device\. /);
  });
});
