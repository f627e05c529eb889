import { describe, expect, it } from '@jest/globals';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readSolutionConnectors, ZipReader } from '@connector-alm/solution';
import {
  runGit,
  temporaryFolder,
  unwritableFolder,
  withShiftJisWebResource,
  writeRawZip,
} from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures/solutions',
);
const HIL = path.join(FIXTURES, 'customHIL/customHIL_1_0_0_3.zip');
const fixtures = existsSync(FIXTURES);
if (!fixtures)
  console.warn(
    `Skipping the solution command tests: ${FIXTURES} is absent (it sits beside the project in ../shared).`,
  );

function workdir(): string {
  return temporaryFolder('cli-solution-');
}

const git = (cwd: string, ...args: string[]): string => runGit(cwd, args);

/** `cwd` made a git repository whose one commit holds everything in it, as a clone of a snapshot. */
function commitAll(cwd: string): void {
  git(cwd, 'init', '-q');
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', 'snapshot');
}

/** Runs the CLI in-process, as program.ts does: its exit codes and the error lines it prints. */
async function run(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

// The help said the files the solution does not have were deleted "whoever made them (a README.md too)",
// while unpack keeps every file that is not part of a solution (see the --overwrite tests below).
it('says in unpack --help which files --stale never deletes', async () => {
  const help = await run(workdir(), ['unpack', '--help']);
  expect(help.code).toBe(0);
  // Help wraps its lines to the terminal's width: compared as one line.
  expect(help.out.replace(/\s+/g, ' ')).toContain(
    `--stale <policy> delete or keep the files in the folder that the solution no longer has; files that are not part of a solution are kept either way: at the folder root (README.md, …), editors' and git's leftovers (name~, .orig, …) and repository files (.git*, .DS_Store, …) (choices: "delete", "keep", default: "delete")`,
  );
});

/** The options of the two build-solution runs below: a new solution, Contoso's, into out.zip. */
const BUILD_CONTOSO = [
  '--out',
  'out.zip',
  '--unique-name',
  'Contoso',
  '--publisher',
  'Contoso',
  '--prefix',
  'contoso',
];

// Given several folders it could not build, build-solution named the first only, so a maker fixed
// one folder per run; it names each, in the order given, and exits with the worse code.
it('build-solution names every connector folder it cannot build, writes nothing, exit code 2', async () => {
  const cwd = workdir();
  const connector = (
    name: string,
    swagger: string = JSON.stringify({ swagger: '2.0', info: { title: name } }),
  ): void => {
    mkdirSync(path.join(cwd, name));
    writeFileSync(path.join(cwd, name, 'apiDefinition.swagger.json'), swagger);
    writeFileSync(path.join(cwd, name, 'apiProperties.json'), '{"properties": {}}');
  };
  connector('Good');
  connector('Broken', '{"swagger": "2.0",\n  "info": }');
  connector('Fine');
  mkdirSync(path.join(cwd, 'Notes'));
  const built = await run(cwd, ['build-solution', 'Good', 'Broken', 'Fine', 'Notes', ...BUILD_CONTOSO]);
  expect(built).toMatchObject({ code: 2, out: '' });
  const lines = built.err.split('\n');
  expect(lines).toEqual([
    expect.stringMatching(/^Broken\/apiDefinition\.swagger\.json:2:11: error: invalid JSON/),
    'Notes: error: has no apiDefinition.swagger.json; it is not a connector folder. Give a connector folder: the one that holds apiDefinition.swagger.json and apiProperties.json.',
    '',
  ]);
  expect(readdirSync(cwd).sort()).toEqual(['Broken', 'Fine', 'Good', 'Notes']);
  // Without the usage error, the content error's exit code: 1.
  const content = await run(cwd, ['build-solution', 'Good', 'Broken', ...BUILD_CONTOSO]);
  expect(content).toMatchObject({ code: 1, out: '', err: `${lines[0]}\n` });
  expect(existsSync(path.join(cwd, 'out.zip'))).toBe(false);
});

// Of upstream PowerPlatformConnectors, build-solution refused folders whose swagger is misnamed as
// "not a connector folder" (exit code 2), and a file saved as Windows-1252 at a byte offset.
it('build-solution names a misnamed swagger and locates a byte that is not UTF-8, exit code 1', async () => {
  const cwd = workdir();
  for (const name of ['Influenza', 'Ansi']) mkdirSync(path.join(cwd, name));
  const swagger = JSON.stringify({ swagger: '2.0', info: { title: 'Influenza' } });
  writeFileSync(path.join(cwd, 'Influenza/apiDefination.swagger.json'), swagger);
  writeFileSync(path.join(cwd, 'Influenza/apiProperties.json'), '{"properties": {}}');
  writeFileSync(path.join(cwd, 'Ansi/apiDefinition.swagger.json'), swagger.replace('Influenza', 'Ansi'));
  writeFileSync(
    path.join(cwd, 'Ansi/apiProperties.json'),
    Buffer.from('{"properties": {\n"x": "café"}}', 'latin1'),
  );
  const built = await run(cwd, ['build-solution', 'Influenza', 'Ansi', ...BUILD_CONTOSO]);
  expect(built).toEqual({
    code: 1,
    out: '',
    err:
      "Influenza: error: has no apiDefinition.swagger.json, but has 'apiDefination.swagger.json'. Rename it to apiDefinition.swagger.json.\n" +
      "Ansi/apiProperties.json:2:10: error: is not valid UTF-8 (byte 0xE9, 'é' in Windows-1252). Save the file as UTF-8.\n",
  });
  expect(readdirSync(cwd).sort()).toEqual(['Ansi', 'Influenza']);
});

// A folder given twice (once absolute, as scripts give paths) was told "as /tmp/…/Contoso does", where
// every other path of build-solution's messages is named from the working directory.
it('build-solution names the folder that already defines a connector from the working directory', async () => {
  const cwd = workdir();
  mkdirSync(path.join(cwd, 'connectors/Contoso'), { recursive: true });
  const swagger = JSON.stringify({ swagger: '2.0', info: { title: 'Contoso' } });
  writeFileSync(path.join(cwd, 'connectors/Contoso/apiDefinition.swagger.json'), swagger);
  writeFileSync(path.join(cwd, 'connectors/Contoso/apiProperties.json'), '{"properties": {}}');
  const again = path.join(cwd, 'connectors', '.', 'Contoso');
  const built = await run(path.join(cwd, 'connectors'), [
    'build-solution',
    again,
    'Contoso/',
    ...BUILD_CONTOSO,
  ]);
  expect(built).toEqual({
    code: 1,
    out: '',
    err: "Contoso: error: defines the connector 'Contoso' (contoso_contoso), as Contoso does. Give each connector folder once.\n",
  });
});

// A title of 230 characters gave part names no file system holds: the build failed while writing,
// naming its staging folder's absolute path and advising to "zip the files again".
it('build-solution says a title too long for the file names of its parts, at the title, and writes nothing', async () => {
  const cwd = workdir();
  mkdirSync(path.join(cwd, 'Long'));
  const swagger = JSON.stringify({ swagger: '2.0', info: { title: `Contoso ${'x'.repeat(230)}` } });
  writeFileSync(path.join(cwd, 'Long/apiDefinition.swagger.json'), swagger);
  writeFileSync(path.join(cwd, 'Long/apiProperties.json'), '{"properties": {}}');
  const built = await run(cwd, ['build-solution', 'Long', ...BUILD_CONTOSO]);
  expect(built).toEqual({
    code: 1,
    out: '',
    err: `${path.join('Long', 'apiDefinition.swagger.json')}: error: has an info.title too long to build: the connector's name, made from it, gives its solution parts file names of up to 277 bytes, longer than the 255 bytes that Linux and macOS file systems hold. Give the connector a shorter title.\n`,
  });
  expect(readdirSync(cwd)).toEqual(['Long']);
});

// A definition longer than a solution keeps was built without a word, and the import failed later.
it('build-solution warns, exit code 0, of a definition too long for a solution, measured without white space', async () => {
  const cwd = workdir();
  const connector = (name: string, description: string, padding: number): void => {
    mkdirSync(path.join(cwd, name));
    const swagger = JSON.stringify({ swagger: '2.0', info: { title: name, description } });
    writeFileSync(path.join(cwd, name, 'apiDefinition.swagger.json'), swagger + ' '.repeat(padding));
    writeFileSync(path.join(cwd, name, 'apiProperties.json'), '{"properties": {}}');
  };
  // Exactly 500,000 characters once minified, 800,000 as written: the solution stores it whole.
  connector('Padded', 'x'.repeat(500_000 - 60), 300_000);
  connector('Long', 'x'.repeat(500_001), 0);
  const built = await run(cwd, ['build-solution', 'Padded', 'Long', ...BUILD_CONTOSO]);
  expect(built.code).toBe(0);
  expect(built.out).toMatch(/^Built Contoso 1\.0\.0\.0 into out\.zip with Padded .*, Long /);
  expect(built.err).toBe(
    'warning: Long: apiDefinition.swagger.json has 500,059 characters even without white space, and a solution keeps at most 500,000 of a connector definition, so importing the solution may fail. Remove unused definitions and operations, or split the connector.\n',
  );
  const json = await run(cwd, ['build-solution', 'Padded', 'Long', ...BUILD_CONTOSO, '--format', 'json']);
  expect(JSON.parse(json.out).connectors.map((c: { warnings: string[] }) => c.warnings.length)).toEqual([
    0, 1,
  ]);
  expect(json.err).toBe('');
});

/** pack's warning of customHIL's variable cat_HitlHostUrl, which has no default value and no current value. */
const HIL_VARIABLE_WARNING =
  "warning: The environment variable 'cat_HitlHostUrl' of customHIL has no value in the zip (no default value, no current value): give it one when importing (import --settings <file>, under EnvironmentVariables), or the connector has none where the environment has none of its own.\n";

(fixtures ? describe : describe.skip)('solution commands', () => {
  it('unpack, pack and unpack again give the same folder', async () => {
    const cwd = workdir();
    const first = await run(cwd, ['unpack', HIL, 'src', '--reset-version']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toBe(
      // Seven parts, and Other/LineEndings.xml for the one with CRLF line endings.
      'Unpacked customHIL 0.0.0.0 (unmanaged) into src: 9 written, 0 unchanged, 0 deleted; connectors: cat_human-2din-2dthe-2dloop.\n',
    );
    const packed = await run(cwd, ['pack', 'src', 'out/customHIL.zip', '--solution-version', '1.0.0.4']);
    expect(packed.out).toBe(
      'Packed customHIL 1.0.0.4 (unmanaged) into out/customHIL.zip: 8 entries, 1 connector.\n',
    );
    // Its variable has no default value and no current value: the import must give it one (it said nothing).
    expect(packed.err).toBe(HIL_VARIABLE_WARNING);
    const again = await run(cwd, [
      'unpack',
      'out/customHIL.zip',
      'src',
      '--overwrite',
      '--reset-version',
      '--format',
      'json',
    ]);
    expect(JSON.parse(again.out)).toMatchObject({
      written: [],
      deleted: [],
      uniqueName: 'customHIL',
      managed: false,
      packageType: 'unmanaged',
    });
  });

  it('says which zip it cannot write in a read-only folder, exit code 1, not a bug', async () => {
    const readOnly = unwritableFolder();
    if (!readOnly) return;
    try {
      const dir = workdir();
      expect((await run(dir, ['unpack', HIL, 'src'])).code).toBe(0);
      const zip = path.join(readOnly.folder, 'out.zip');
      const result = await run(dir, ['pack', 'src', zip]);
      expect(result.code).toBe(1);
      // Named as reached from the working directory, beside which the read-only folder lies.
      const shown = path.relative(dir, zip).replace(/[.\\]/g, '\\$&');
      expect(result.err).toMatch(new RegExp(`^${shown}: error: cannot be written: permission denied \\(E`));
      expect(result.err).toContain('Choose a folder you can write to, or change its permissions.');
      expect(result.err).not.toMatch(/unexpectedly|bug|\n\s+at /);
    } finally {
      readOnly.cleanup();
    }
  });

  it('names the files of its errors from the working directory, as validate does, however the paths were given', async () => {
    // A CI step given $GITHUB_WORKSPACE/solutions/x printed /home/runner/work/repo/repo/solutions/x/...,
    // where validate's step beside it printed solutions/x/...
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'solutions/x']);
    writeFileSync(
      path.join(cwd, 'solutions/x/Other/Customizations.xml'),
      '<ImportExportXml>\n  <Entities>\n',
    );
    const customizations = path.join('solutions', 'x', 'Other', 'Customizations.xml');
    for (const given of [path.join(cwd, 'solutions/x'), 'solutions/x']) {
      const result = await run(cwd, ['pack', given, path.join(cwd, 'out.zip')]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(
        new RegExp(`^${customizations.replace(/[.\\]/g, '\\$&')}:3:\\d+: error: invalid XML`),
      );
    }
    // A path the message names besides the located one is named by the name the user knows it by.
    const other = path.join(FIXTURES, 'InstagramBasicDisplay/InstagramBasicDisplay.zip');
    const another = await run(cwd, ['unpack', other, path.join(cwd, 'solutions/x'), '--overwrite']);
    expect(another.err).toBe(
      `${path.join('solutions', 'x')}: error: holds the unpacked solution customHIL; InstagramBasicDisplay.zip is InstagramFeed. Unpack InstagramFeed into a folder of its own; to replace customHIL there, delete the folder first.\n`,
    );
    // A path beside the working directory is reached with '..', as validate reaches it.
    const beside = path.join(workdir(), 'beside.zip');
    writeFileSync(beside, 'not a zip');
    const notAZip = await run(cwd, ['unpack', beside, 'src']);
    expect(notAZip.code).toBe(1);
    expect(notAZip.err).toMatch(
      new RegExp(
        `^\\.\\.[/\\\\]${path.basename(path.dirname(beside))}[/\\\\]beside\\.zip: error: is not a zip archive`,
      ),
    );
  });

  it('says what it wrote by paths from the working directory, as pack does, however they were given', async () => {
    const cwd = workdir();
    const at = (file: string): string => path.join(cwd, file);
    const unpacked = await run(cwd, ['unpack', HIL, at('solutions/hil')]);
    expect(unpacked.out).toMatch(/^Unpacked customHIL 1\.0\.0\.3 \(unmanaged\) into solutions.hil: /);
    const json = await run(cwd, ['unpack', HIL, at('solutions/hil'), '--overwrite', '--format', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({ folder: path.join('solutions', 'hil') });
    const extracted = await run(cwd, ['extract-connectors', at('solutions/hil'), at('connectors')]);
    expect(extracted.out).toMatch(/→ connectors.Human-in-the-Loop: created apiDefinition/);
    const built = await run(cwd, [
      'build-solution',
      at('connectors/Human-in-the-Loop'),
      ...['--out', at('out/hil.zip'), '--unique-name', 'HIL', '--publisher', 'CAT', '--prefix', 'cat'],
      ...['--existing', at('solutions/hil')],
    ]);
    expect(built.out).toBe(
      `Built HIL 1.0.0.4 into ${path.join('out', 'hil.zip')} with Human-in-the-Loop (cat_human-2din-2dthe-2dloop, as in the existing solution), and the environment variable cat_HitlHostUrl of the existing solution.\n`,
    );
    for (const result of [unpacked, json, extracted, built]) expect(result.out).not.toContain(cwd);
  });

  it("unpack --overwrite keeps the maker's files that pack leaves out, says how many, and pack names each", async () => {
    // Deleted as stale before, without a word: a readme at the root and a merge's .orig.
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    const makers = ['README.md', 'Workflows/Flow.json.orig', '.github/workflows/unpack.yml'];
    for (const file of makers) {
      mkdirSync(path.dirname(path.join(cwd, 'src', file)), { recursive: true });
      writeFileSync(path.join(cwd, 'src', file), 'mine\n');
    }
    const again = await run(cwd, ['unpack', HIL, 'src', '--overwrite']);
    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out).toBe(
      'Unpacked customHIL 1.0.0.3 (unmanaged) into src: 0 written, 9 unchanged, 0 deleted; kept 2 files that are not part of the solution; connectors: cat_human-2din-2dthe-2dloop.\n',
    );
    for (const file of makers) expect(readFileSync(path.join(cwd, 'src', file), 'utf8')).toBe('mine\n');
    const json = await run(cwd, ['unpack', HIL, 'src', '--overwrite', '--format', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({
      deleted: [],
      kept: ['README.md', 'Workflows/Flow.json.orig'],
    });
    const packed = await run(cwd, ['pack', 'src', 'out.zip']);
    expect(packed.code).toBe(0);
    // The two kept files, left out of the zip; the other warning is of customHIL's variable without a value.
    expect(
      packed.err.split('\n').filter((line) => line.includes(': left out of the solution zip:')),
    ).toHaveLength(2);
  });

  it("unpack --overwrite refuses, exit code 1, to delete a maker's file where the solution needs a folder", async () => {
    // Deleted before, and listed among the stale files: a note named as the export's Connectors/.
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    rmSync(path.join(cwd, 'src/Connectors'), { recursive: true });
    writeFileSync(path.join(cwd, 'src/Connectors'), 'which connectors we use\n');
    const again = await run(cwd, ['unpack', HIL, 'src', '--overwrite', '--format', 'json']);
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.err).toBe(
      `${path.join('src', 'Connectors')}: error: is a file that is not part of the solution, which unpack keeps; the solution needs it as a folder (for Connectors/cat_human-2din-2dthe-2dloop.xml and 4 more). Move or rename it, then unpack again.\n`,
    );
    expect(readFileSync(path.join(cwd, 'src/Connectors'), 'utf8')).toBe('which connectors we use\n');
  });

  it('refuses to unpack into a folder with content without --overwrite, exit code 1', async () => {
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    const second = await run(cwd, ['unpack', HIL, 'src']);
    expect(second.code).toBe(1);
    // In the CLI's words, not the action's (overwrite: true).
    expect(second.err).toMatch(/already holds 9 files\. Update it in place \(--overwrite\)\.\n$/);
  });

  it('says "not a solution" for a flow package, exit code 2 (a zip with no solution in it), no stack trace', async () => {
    const cwd = workdir();
    const result = await run(cwd, [
      'unpack',
      path.join(FIXTURES, 'not-a-solution/PatternTry-Catch-Finally.zip'),
      'src',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('is not a Dataverse solution');
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(cwd, 'src'))).toBe(false);
  });

  it('names an output path of the wrong type, exit code 2, instead of failing unexpectedly', async () => {
    const cwd = workdir();
    writeFileSync(path.join(cwd, 'ok.zip'), readFileSync(HIL));
    writeFileSync(path.join(cwd, 'some-file'), 'mine');
    await run(cwd, ['unpack', 'ok.zip', 'folder']);
    mkdirSync(path.join(cwd, 'existing-dir.zip'));
    const cases: Array<[string[], string]> = [
      [['unpack', 'ok.zip', 'ok.zip', '--overwrite'], 'ok.zip: error: exists and is not a folder.'],
      [['pack', 'folder', 'existing-dir.zip'], 'existing-dir.zip: error: is a folder;'],
      [['extract-connectors', 'ok.zip', 'some-file'], 'some-file: error: exists and is not a folder.'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(cwd, argv);
      expect([argv, result.code, result.err.startsWith(message)]).toEqual([argv, 2, true]);
    }
  });

  it('refuses an output inside its input, exit code 2, naming the path to move, and changes nothing', async () => {
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    const before = readdirSync(path.join(cwd, 'src'), { recursive: true }).sort();
    // Each was done without a word: unpack deleted its own zip as stale (now it would stay there, to
    // be committed and warned of by every pack), and the next pack put the zip or the connector
    // folders into the solution.
    const cases: Array<[string[], string]> = [
      [
        ['unpack', 'src/customHIL.zip', 'src', '--overwrite'],
        `${path.join('src', 'customHIL.zip')}: error: lies inside the folder to unpack it into: unpack would keep it there, where pack leaves it out of the solution with a warning each time. Keep the zip outside that folder (e.g. beside it), or unpack into another folder.\n`,
      ],
      [
        ['pack', 'src', 'src/out/customHIL.zip'],
        `${path.join('src', 'out', 'customHIL.zip')}: error: lies inside the folder to pack: the next pack would put it into the solution. Write the zip outside that folder (e.g. beside it).\n`,
      ],
      [
        ['extract-connectors', 'src', path.join(cwd, 'src/connectors')],
        `${path.join('src', 'connectors')}: error: lies inside the unpacked solution to extract from: pack would put the connector folders into the solution, or leave them out of it with a warning. Give a folder outside it (e.g. beside it).\n`,
      ],
    ];
    writeFileSync(path.join(cwd, 'src/customHIL.zip'), readFileSync(HIL));
    for (const [argv, message] of cases) {
      const result = await run(cwd, argv);
      expect([argv, result.code, result.err]).toEqual([argv, 2, message]);
    }
    rmSync(path.join(cwd, 'src/customHIL.zip'));
    expect(readdirSync(path.join(cwd, 'src'), { recursive: true }).sort()).toEqual(before);
  });

  // By path text only, a link to the folder got past each of these refusals.
  it('refuses an output inside its input through a symbolic link, as given directly', async () => {
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    symlinkSync('src', path.join(cwd, 'link'));
    writeFileSync(path.join(cwd, 'src/customHIL.zip'), readFileSync(HIL));
    const before = readdirSync(path.join(cwd, 'src'), { recursive: true }).sort();
    const cases: Array<[string[], string]> = [
      [
        ['pack', 'link', 'src/in.zip'],
        `${path.join('src', 'in.zip')}: error: lies inside the folder to pack:`,
      ],
      [
        ['pack', 'src', 'link/in.zip'],
        `${path.join('link', 'in.zip')}: error: lies inside the folder to pack:`,
      ],
      [
        ['unpack', 'link/customHIL.zip', 'src', '--overwrite'],
        `${path.join('link', 'customHIL.zip')}: error: lies inside the folder to unpack it into:`,
      ],
      [
        ['extract-connectors', 'link', 'src/connectors'],
        `${path.join('src', 'connectors')}: error: lies inside the unpacked solution to extract from:`,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await run(cwd, argv);
      expect([argv, result.code, result.err.startsWith(message)]).toEqual([argv, 2, true]);
    }
    expect(readdirSync(path.join(cwd, 'src'), { recursive: true }).sort()).toEqual(before);
  });

  // Refused only when the unpacked solution was the source: from its zip, the connector folders went
  // into the folder, and the next pack shipped them in the solution.
  it('refuses to extract connectors into an unpacked solution, or a folder inside one, whatever the source', async () => {
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    const before = readdirSync(path.join(cwd, 'src'), { recursive: true }).sort();
    const cases: Array<[string[], string]> = [
      [
        ['extract-connectors', HIL, 'src'],
        `src: error: is an unpacked solution (it holds Other/Solution.xml): pack would put the connector folders into the solution, or leave them out of it with a warning. Give a folder outside it (e.g. beside it).\n`,
      ],
      [
        ['extract-connectors', HIL, 'src/Connectors/new'],
        `${path.join('src', 'Connectors', 'new')}: error: lies inside the unpacked solution at ${path.join('..', '..')} (it holds Other/Solution.xml): pack would put the connector folders into the solution, or leave them out of it with a warning. Give a folder outside it (e.g. beside it).\n`,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await run(cwd, argv);
      expect([argv, result.code, result.err]).toEqual([argv, 2, message]);
    }
    expect(readdirSync(path.join(cwd, 'src'), { recursive: true }).sort()).toEqual(before);
    // Beside it, as the hint says, it extracts.
    expect((await run(cwd, ['extract-connectors', HIL, 'connectors'])).code).toBe(0);
  });

  it("refuses a solution zip that has a file twice, once as './', exit code 1, naming both and what to do", async () => {
    const cwd = workdir();
    const entries = unzipSync(readFileSync(HIL));
    writeFileSync(
      path.join(cwd, 'twice.zip'),
      zipSync({ ...entries, './customizations.xml': entries['customizations.xml']! }),
    );
    const result = await run(cwd, ['unpack', 'twice.zip', 'src']);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(
      `twice.zip: error: entry './customizations.xml' has the same name as 'customizations.xml' once empty and '.' folder names are left out, as zip tools write them. Zip tools keep one or the other; zip the files again so that each appears once.\n`,
    );
    expect(existsSync(path.join(cwd, 'src'))).toBe(false);
  });

  it('refuses to pack a connector that Solution.xml lists but whose files were deleted, exit code 1, saying what to do', async () => {
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    for (const file of readdirSync(path.join(cwd, 'src/Connectors')))
      rmSync(path.join(cwd, 'src/Connectors', file));
    const result = await run(cwd, ['pack', 'src', 'out.zip']);
    const solutionXml = path.join('src', 'Other', 'Solution.xml');
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(
      `${solutionXml}: error: lists connector cat_human-2din-2dthe-2dloop (<RootComponent type="372">) but Connectors/cat_human-2din-2dthe-2dloop.xml is missing. Restore Connectors/cat_human-2din-2dthe-2dloop.xml and its side files (e.g. from git), or, to drop the connector from the solution, remove its <RootComponent type="372"> from Other/Solution.xml.\n`,
    );
    expect(existsSync(path.join(cwd, 'out.zip'))).toBe(false);
  });

  it('names the one part an unpacked solution lacks, exit code 1, and says how to get it back', async () => {
    // It said the folder had neither Other/Solution.xml nor Other/Customizations.xml, and was no
    // unpacked solution at all (exit 2), of a folder that unpack wrote and that lost one file.
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    const cases = [
      ['Solution.xml', 'Customizations.xml', "the solution's manifest"],
      ['Customizations.xml', 'Solution.xml', "the solution's components"],
    ];
    for (const [lost, kept, what] of cases) {
      const file = path.join(cwd, 'src/Other', lost!);
      const content = readFileSync(file);
      rmSync(file);
      const result = await run(cwd, ['pack', 'src', 'out.zip']);
      expect(result).toMatchObject({ code: 1, out: '' });
      expect(result.err).toBe(
        `src: error: has Other/${kept} but no Other/${lost}, ${what}. Restore Other/${lost} (e.g. from git), or unpack the solution again.\n`,
      );
      writeFileSync(file, content);
    }
    expect(existsSync(path.join(cwd, 'out.zip'))).toBe(false);
    // extract-connectors, which reads the manifest alone, says the same of a folder that lost it.
    rmSync(path.join(cwd, 'src/Other/Solution.xml'));
    const extracted = await run(cwd, ['extract-connectors', 'src', 'connectors']);
    expect(extracted).toMatchObject({ code: 1, out: '' });
    expect(extracted.err).toMatch(
      /^src: error: has Other\/Customizations\.xml but no Other\/Solution\.xml, /,
    );
  });

  it('refuses to pack a folder with tables and roles split out as pac solution unpack writes them, exit code 1, saying what to do', async () => {
    // They went into the zip as entries Dataverse ignores, beside the empty <Entities /> and <Roles />.
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    for (const [file, content] of [
      ['Entities/contoso_task/Entity.xml', '<Entity><Name>contoso_task</Name></Entity>'],
      ['Roles/Task Manager.xml', '<Role name="Task Manager" />'],
    ]) {
      mkdirSync(path.dirname(path.join(cwd, 'src', file!)), { recursive: true });
      writeFileSync(path.join(cwd, 'src', file!), content!);
    }
    const result = await run(cwd, ['pack', 'src', 'out.zip']);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(
      `${path.join('src', 'Entities', 'contoso_task', 'Entity.xml')}: error: holds a table (entity), or its forms, views or ribbon, in a file of its own as pac solution unpack (SolutionPackager) splits it out of the customizations. ` +
        "Pack would not put it into the solution: this tool keeps components inline in Other/Customizations.xml and does not merge pac's split files back into it, so the imported solution would lack them. " +
        'The folder has 2 such files, e.g. Roles/Task Manager.xml. ' +
        'Unpack the solution zip with connector-alm unpack instead of pac (it keeps these components in Other/Customizations.xml) and pack that folder, or pack this folder with pac solution pack.\n',
    );
    expect(existsSync(path.join(cwd, 'out.zip'))).toBe(false);
  });

  it('names a malformed part once, with its line once', async () => {
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    const customizations = path.join(cwd, 'src/Other/Customizations.xml');
    writeFileSync(customizations, '<ImportExportXml>\n  <Entities>\n</ImportExportXml>\n');
    const result = await run(cwd, ['pack', 'src', 'out.zip']);
    expect(result.code).toBe(1);
    // Location first, file:line:column, and only there.
    expect(result.err).toMatch(
      new RegExp(
        `^${path.relative(cwd, customizations).replace(/[.\\]/g, '\\$&')}:3:\\d+: error: invalid XML: `,
      ),
    );
    expect(result.err.split('Customizations.xml')).toHaveLength(2);
    expect(result.err).not.toMatch(/line \d/);
  });

  it('names a zip entry once, by the zip and the entry', async () => {
    const cwd = workdir();
    const entries = unzipSync(readFileSync(HIL));
    writeFileSync(path.join(cwd, 'bad.zip'), zipSync({ ...entries, 'solution.xml': strToU8('<a>') }));
    const result = await run(cwd, ['unpack', 'bad.zip', 'src']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^bad\.zip[/\\]solution\.xml:1:3: error: invalid XML/);
    expect(result.err.split('bad.zip')).toHaveLength(2);
  });

  it('unpacks names in the code page --zip-name-encoding gives, and says to give it', async () => {
    const cwd = workdir();
    await writeRawZip(path.join(cwd, 'sjis.zip'), withShiftJisWebResource(readFileSync(HIL)));
    const refused = await run(cwd, ['unpack', 'sjis.zip', 'src']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('made the zip: --zip-name-encoding shift_jis (Japanese, cp932)');
    expect((await run(cwd, ['unpack', 'sjis.zip', 'src', '--zip-name-encoding', 'cp932'])).code).toBe(0);
    expect(readdirSync(path.join(cwd, 'src/WebResources'))).toEqual(['表.js']);
    const unknown = await run(cwd, ['unpack', 'sjis.zip', 'other', '--zip-name-encoding', 'klingon']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("'klingon' is not an encoding for zip entry names");
  });

  it('extracts the connectors of a zip with names in the code page --zip-name-encoding gives, and says to give it', async () => {
    const cwd = workdir();
    await writeRawZip(path.join(cwd, 'sjis.zip'), withShiftJisWebResource(readFileSync(HIL)));
    const refused = await run(cwd, ['extract-connectors', 'sjis.zip', 'custom-connectors']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('made the zip: --zip-name-encoding shift_jis (Japanese, cp932)');
    const extracted = await run(cwd, [
      'extract-connectors',
      'sjis.zip',
      'custom-connectors',
      '--zip-name-encoding',
      'cp932',
    ]);
    expect(extracted).toMatchObject({ code: 0, err: '' });
    expect(readdirSync(path.join(cwd, 'custom-connectors'))).toEqual(['Human-in-the-Loop']);
    const unknown = await run(cwd, [
      'extract-connectors',
      'sjis.zip',
      'other',
      '--zip-name-encoding',
      'klingon',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("'klingon' is not an encoding for zip entry names");
    expect(existsSync(path.join(cwd, 'other'))).toBe(false);
  });

  it('gives exit code 2 for a bad option value', async () => {
    const result = await run(workdir(), ['unpack', HIL, 'src', '--max-size', 'lots']);
    expect(result.code).toBe(2);
    expect(result.err).toContain("--max-size must be a positive number of megabytes; got 'lots'.");
  });

  it('prints names from a solution with their control characters shown, not obeyed by the terminal', async () => {
    const cwd = workdir();
    expect((await run(cwd, ['unpack', HIL, 'solution'])).code).toBe(0);
    const [xml] = readdirSync(path.join(cwd, 'solution/Connectors')).filter((file) => file.endsWith('.xml'));
    const file = path.join(cwd, 'solution/Connectors', xml!);
    // A carriage return to write over the line, CSI 2J (clear the screen) in its C1 form, and a
    // right-to-left override, as a maker's connector name in an export.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /<displayname>[^<]*</,
        '<displayname>Human-in-the-Loop&#13;All good&#x9B;2J &#x202E;pool<',
      ),
    );
    const extracted = await run(cwd, ['extract-connectors', 'solution', 'custom-connectors']);
    expect(extracted.code).toBe(0);
    expect(extracted.out).not.toMatch(/[\r\u0080-\u009f\u202e]/);
    expect(extracted.out).toMatch(/^Human-in-the-Loop\\rAll good\\x9b2J \\u202epool \(cat_human/);
  });

  it('extracts the connectors and builds them back into a solution', async () => {
    const cwd = workdir();
    const extracted = await run(cwd, ['extract-connectors', HIL, 'custom-connectors']);
    expect(extracted.out).toBe(
      'Human-in-the-Loop (cat_human-2din-2dthe-2dloop) → custom-connectors/Human-in-the-Loop: created apiDefinition.swagger.json, apiProperties.json, icon.png, readme.md.\n',
    );
    expect(readdirSync(path.join(cwd, 'custom-connectors/Human-in-the-Loop')).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'icon.png',
      'readme.md',
    ]);
    const built = await run(cwd, [
      'build-solution',
      'custom-connectors/Human-in-the-Loop',
      '--out',
      'hil.zip',
      '--unique-name',
      'HIL',
      '--publisher',
      'CAT',
      '--prefix',
      'cat',
      '--format',
      'json',
    ]);
    expect(built.code).toBe(0);
    // The solution as the text line and pack --format json name it: unique name and version too.
    expect(JSON.parse(built.out)).toMatchObject({
      zip: 'hil.zip',
      uniqueName: 'HIL',
      version: '1.0.0.0',
      connectors: [
        {
          folder: 'custom-connectors/Human-in-the-Loop',
          displayName: 'Human-in-the-Loop',
          name: 'cat_human-2din-2dthe-2dloop',
        },
      ],
    });
    expect(readFileSync(path.join(cwd, 'hil.zip')).subarray(0, 2).toString()).toBe('PK');
  });

  // A new user re-ran extraction over the folder whose readme they had edited, and read
  // "3 unchanged." of a folder of four files: their readme was kept, and nothing said so.
  it("names the maker's readme it kept, in text and JSON", async () => {
    const cwd = workdir();
    expect((await run(cwd, ['extract-connectors', HIL, 'conn'])).code).toBe(0);
    const readme = path.join(cwd, 'conn/Human-in-the-Loop/readme.md');
    writeFileSync(readme, `${readFileSync(readme, 'utf8')}\nMine.\n`);
    const again = await run(cwd, ['extract-connectors', HIL, 'conn']);
    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out).toBe(
      'Human-in-the-Loop (cat_human-2din-2dthe-2dloop) → conn/Human-in-the-Loop: 3 unchanged; readme.md kept: yours.\n',
    );
    const json = await run(cwd, ['extract-connectors', HIL, 'conn', '--format', 'json']);
    expect(JSON.parse(json.out).connectors[0]).toMatchObject({
      unchanged: ['apiDefinition.swagger.json', 'apiProperties.json', 'icon.png'],
      kept: ['readme.md'],
    });
    expect(readFileSync(readme, 'utf8')).toMatch(/\nMine\.\n$/);
  });

  describe('extract-connectors --previous-source', () => {
    /**
     * A repository after one snapshot (the solution unpacked in `previous`, its connector extracted,
     * and a folder made by hand beside it), and the solution as exported again with its connector
     * renamed in the environment, unpacked in `solution`.
     */
    async function renamedSinceTheLastSnapshot(): Promise<string> {
      const cwd = workdir();
      expect((await run(cwd, ['unpack', HIL, 'previous'])).code).toBe(0);
      expect((await run(cwd, ['extract-connectors', 'previous', 'custom-connectors'])).code).toBe(0);
      mkdirSync(path.join(cwd, 'custom-connectors/Hand Made'));
      writeFileSync(path.join(cwd, 'custom-connectors/Hand Made/readme.md'), '# Mine\n');
      expect((await run(cwd, ['unpack', HIL, 'solution'])).code).toBe(0);
      const connectors = path.join(cwd, 'solution/Connectors');
      const [xml] = readdirSync(connectors).filter((file) => file.endsWith('.xml'));
      const file = path.join(connectors, xml!);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('<displayname>Human-in-the-Loop<');
      writeFileSync(file, text.replace('<displayname>Human-in-the-Loop<', '<displayname>Human Review<'));
      return cwd;
    }
    const folders = (cwd: string) => readdirSync(path.join(cwd, 'custom-connectors')).sort();
    /** extract-connectors of the renamed connector's solution, told the last snapshot. */
    const extractSinceTheLastSnapshot = [
      'extract-connectors',
      'solution',
      'custom-connectors',
      '--previous-source',
      'previous',
    ];
    /**
     * Runs extractSinceTheLastSnapshot in `cwd`: exit code 0, nothing on stderr, and on stdout the one
     * line `written` of the connector, which says that its folder moved.
     */
    async function expectExtractedSaying(cwd: string, written: string): Promise<void> {
      const extracted = await run(cwd, extractSinceTheLastSnapshot);
      expect(extracted).toMatchObject({ code: 0, err: '' });
      expect(extracted.out).toBe(`${written}\n`);
    }

    it('removes the folder of a connector renamed since the last snapshot, says so, and keeps the others', async () => {
      const cwd = await renamedSinceTheLastSnapshot();
      await expectExtractedSaying(
        cwd,
        'Human Review (cat_human-2din-2dthe-2dloop) → custom-connectors/Human Review: created apiDefinition.swagger.json, apiProperties.json, icon.png, readme.md; moved from custom-connectors/Human-in-the-Loop (the connector was renamed).',
      );
      expect(folders(cwd)).toEqual(['Hand Made', 'Human Review']);
    });

    it("keeps the maker's files of a renamed connector in its new folder, not the editors' and Finder's leftovers, and says so once", async () => {
      const cwd = await renamedSinceTheLastSnapshot();
      const old = path.join(cwd, 'custom-connectors/Human-in-the-Loop');
      const readme = '# Human-in-the-Loop\n\nHow our team approves requests.\n';
      writeFileSync(path.join(old, 'readme.md'), readme);
      writeFileSync(path.join(old, 'notes.md'), '# Notes\n');
      mkdirSync(path.join(old, 'images'));
      for (const file of [
        'images/approve.png',
        'images/reject.png',
        'images/.DS_Store',
        '.DS_Store',
        'notes.md~',
      ])
        writeFileSync(path.join(old, file), 'x');
      await expectExtractedSaying(
        cwd,
        'Human Review (cat_human-2din-2dthe-2dloop) → custom-connectors/Human Review: created apiDefinition.swagger.json, apiProperties.json, icon.png, images/ (2 files), notes.md, readme.md; moved from custom-connectors/Human-in-the-Loop (the connector was renamed), carrying readme.md, images/ (2 files), notes.md; 3 leftovers of editors and file managers not carried (.DS_Store, notes.md~).',
      );
      expect(readFileSync(path.join(cwd, 'custom-connectors/Human Review/readme.md'), 'utf8')).toBe(readme);
      expect(readdirSync(path.join(cwd, 'custom-connectors/Human Review')).sort()).toEqual([
        'apiDefinition.swagger.json',
        'apiProperties.json',
        'icon.png',
        'images',
        'notes.md',
        'readme.md',
      ]);
      expect(folders(cwd)).toEqual(['Hand Made', 'Human Review']);
    });

    it('without it, the folder of the old name stays behind', async () => {
      const cwd = await renamedSinceTheLastSnapshot();
      expect((await run(cwd, ['extract-connectors', 'solution', 'custom-connectors'])).code).toBe(0);
      expect(folders(cwd)).toEqual(['Hand Made', 'Human Review', 'Human-in-the-Loop']);
    });

    it('lists the removed folders in --format json, and the leftovers not carried by name', async () => {
      const cwd = await renamedSinceTheLastSnapshot();
      writeFileSync(path.join(cwd, 'custom-connectors/Human-in-the-Loop/.DS_Store'), 'x');
      const extracted = await run(cwd, [...extractSinceTheLastSnapshot, '--format', 'json']);
      expect(extracted).toMatchObject({ code: 0, err: '' });
      const report = JSON.parse(extracted.out);
      expect(report.removed).toEqual(['custom-connectors/Human-in-the-Loop']);
      expect(report.connectors.map((c: { folder: string }) => c.folder)).toEqual([
        'custom-connectors/Human Review',
      ]);
      // The old readme was the template, never edited: the new folder has its own.
      expect(report.connectors[0].renamedFrom).toEqual({
        folder: 'custom-connectors/Human-in-the-Loop',
        kept: [],
        leftBehind: ['.DS_Store'],
      });
      // Without --previous-source the list is there, empty: one shape for scripts to read.
      const again = await run(cwd, [
        'extract-connectors',
        'solution',
        'custom-connectors',
        '--format',
        'json',
      ]);
      expect(JSON.parse(again.out).removed).toEqual([]);
    });

    // A committed edit, as in the snapshot workflow's checkout: git has it, so it is replaced.
    it("names the file it replaced over the maker's committed edit, and warns of the edit, in text and JSON", async () => {
      const cwd = workdir();
      expect((await run(cwd, ['unpack', HIL, 'previous'])).code).toBe(0);
      expect((await run(cwd, ['extract-connectors', 'previous', 'custom-connectors'])).code).toBe(0);
      const swagger = path.join(cwd, 'custom-connectors/Human-in-the-Loop/apiDefinition.swagger.json');
      writeFileSync(
        swagger,
        readFileSync(swagger, 'utf8').replace('"swagger": "2.0",', '"swagger": "2.0", "x-edited": true,'),
      );
      commitAll(cwd);
      const again = ['extract-connectors', HIL, 'custom-connectors', '--previous-source', 'previous'];
      const extracted = await run(cwd, again);
      expect(extracted.code).toBe(0);
      expect(extracted.out).toBe(
        'Human-in-the-Loop (cat_human-2din-2dthe-2dloop) → custom-connectors/Human-in-the-Loop: updated apiDefinition.swagger.json; 2 unchanged; readme.md kept: still the template, TODOs to fill in.\n',
      );
      expect(extracted.err).toMatch(
        /^warning: custom-connectors\/Human-in-the-Loop: apiDefinition\.swagger\.json was edited in this folder since the last extraction \(it is not what --previous-source gives\): the solution's version replaced the edit\..*\n$/,
      );
      writeFileSync(
        swagger,
        readFileSync(swagger, 'utf8').replace('"swagger": "2.0",', '"swagger": "2.0", "x-edited": true,'),
      );
      // The committed edit again: the working copy is what HEAD has.
      expect(git(cwd, 'status', '--porcelain')).toBe('');
      const json = await run(cwd, [...again, '--format', 'json']);
      expect(JSON.parse(json.out).connectors[0]).toMatchObject({
        created: [],
        updated: ['apiDefinition.swagger.json'],
        unchanged: ['apiProperties.json', 'icon.png'],
        warnings: [expect.stringMatching(/^apiDefinition\.swagger\.json was edited/)],
      });
    });

    // The walkthrough's loss: the edit was replaced, and the warning said git diff showed it.
    it('leaves an uncommitted edit as it is, says what to do and exits 1; committed, it is replaced', async () => {
      const cwd = workdir();
      expect((await run(cwd, ['unpack', HIL, 'previous'])).code).toBe(0);
      expect((await run(cwd, ['extract-connectors', 'previous', 'custom-connectors'])).code).toBe(0);
      commitAll(cwd);
      const folder = 'custom-connectors/Human-in-the-Loop';
      const swagger = path.join(cwd, folder, 'apiDefinition.swagger.json');
      writeFileSync(
        swagger,
        readFileSync(swagger, 'utf8').replace('"swagger": "2.0",', '"swagger": "2.0", "x-edited": true,'),
      );
      const edited = readFileSync(swagger, 'utf8');
      const again = ['extract-connectors', HIL, 'custom-connectors', '--previous-source', 'previous'];
      const kept = await run(cwd, again);
      expect(kept.code).toBe(1);
      expect(kept.out).toBe(
        'Human-in-the-Loop (cat_human-2din-2dthe-2dloop) → custom-connectors/Human-in-the-Loop: 2 unchanged; apiDefinition.swagger.json not replaced: edit not committed; readme.md kept: still the template, TODOs to fill in.\n',
      );
      expect(kept.err).toBe(
        `error: ${folder}: apiDefinition.swagger.json was edited in this folder since the last extraction (it is not what --previous-source gives), ` +
          `and the change is not committed: it was left as it is, not replaced by the solution's version. Commit it and run again ` +
          `(the solution's version then replaces it, and git diff shows what changed), or discard it (git restore) and run again. ` +
          `To keep the edit, make it in the maker portal (or build the solution from this folder and import it) too.\n`,
      );
      expect(readFileSync(swagger, 'utf8')).toBe(edited);
      expect(git(cwd, 'diff', '--stat')).toContain('apiDefinition.swagger.json');
      const json = await run(cwd, [...again, '--format', 'json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.out).connectors[0]).toMatchObject({
        updated: [],
        notReplaced: [
          { file: 'apiDefinition.swagger.json', message: expect.stringMatching(/not committed/) },
        ],
      });

      git(cwd, 'commit', '-qam', 'the edit');
      const replaced = await run(cwd, again);
      expect(replaced.code).toBe(0);
      expect(replaced.err).toContain("the solution's version replaced the edit. git diff shows it;");
      expect(git(cwd, 'diff')).toContain('-  "swagger": "2.0", "x-edited": true,');
    });

    // Removing the folder of a connector that left deleted it whole, an uncommitted readme with it.
    it('keeps the folder of a connector that left when it holds an uncommitted edit, says what to do and exits 1', async () => {
      const cwd = workdir();
      expect((await run(cwd, ['unpack', HIL, 'previous'])).code).toBe(0);
      expect((await run(cwd, ['extract-connectors', 'previous', 'custom-connectors'])).code).toBe(0);
      commitAll(cwd);
      const readme = path.join(cwd, 'custom-connectors/Human-in-the-Loop/readme.md');
      writeFileSync(readme, '# Human-in-the-Loop\n\nHow our team approves requests.\n');
      // The solution since has another connector, and not this one.
      const aoai = path.join(
        FIXTURES,
        'AzureOpenAIServiceCustomConnector/AzureOpenAIServiceCustomConnector_1_0_0_1_managed.zip',
      );
      const again = ['extract-connectors', aoai, 'custom-connectors', '--previous-source', 'previous'];
      const kept = await run(cwd, again);
      expect(kept.code).toBe(1);
      expect(kept.out).toBe(
        'AzureOpenAIService (ppchal_azureopenaiservice) → custom-connectors/AzureOpenAIService: created apiDefinition.swagger.json, apiProperties.json, icon.png, readme.md, script.csx.\n',
      );
      expect(kept.err).toBe(
        `error: custom-connectors/Human-in-the-Loop: not removed: connector 'cat_human-2din-2dthe-2dloop' ("Human-in-the-Loop") left the solution, ` +
          `but removing this folder would lose what neither --previous-source nor git has: readme.md: the change is not committed. ` +
          `Nothing in it was deleted. Commit it and run again (the folder is then removed, and git keeps what it held), ` +
          `or delete the folder yourself if you do not need it.\n`,
      );
      expect(readdirSync(path.join(cwd, 'custom-connectors/Human-in-the-Loop')).sort()).toEqual([
        'apiDefinition.swagger.json',
        'apiProperties.json',
        'icon.png',
        'readme.md',
      ]);
      const json = await run(cwd, [...again, '--format', 'json']);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.out);
      expect([report.removed, report.notRemoved]).toEqual([
        [],
        [
          {
            folder: 'custom-connectors/Human-in-the-Loop',
            files: ['readme.md'],
            message: expect.stringMatching(/^not removed: connector 'cat_human-2din-2dthe-2dloop'/),
          },
        ],
      ]);

      git(cwd, 'commit', '-qam', 'the readme');
      const removed = await run(cwd, again);
      expect(removed).toMatchObject({ code: 0, err: '' });
      expect(removed.out).toContain(
        `custom-connectors/Human-in-the-Loop removed: its connector is no longer in ${aoai}.\n`,
      );
      expect(existsSync(path.join(cwd, 'custom-connectors/Human-in-the-Loop'))).toBe(false);
    });

    it('warns and removes nothing when the previous solution cannot be read, and still writes the connectors', async () => {
      const cwd = await renamedSinceTheLastSnapshot();
      const extracted = await run(cwd, [
        'extract-connectors',
        'solution',
        'custom-connectors',
        '--previous-source',
        'custom-connectors/Hand Made',
      ]);
      expect(extracted.code).toBe(0);
      expect(extracted.err).toMatch(
        /^warning: --previous-source custom-connectors\/Hand Made could not be read: .*is neither a solution zip nor an unpacked solution folder.* No connector folder was removed\.\n$/,
      );
      expect(extracted.out).toBe(
        'Human Review (cat_human-2din-2dthe-2dloop) → custom-connectors/Human Review: created apiDefinition.swagger.json, apiProperties.json, icon.png, readme.md.\n',
      );
      expect(folders(cwd)).toEqual(['Hand Made', 'Human Review', 'Human-in-the-Loop']);
    });
  });

  it('builds extracted connectors back with their Dataverse identity when given the existing solution', async () => {
    const cwd = workdir();
    await run(cwd, ['extract-connectors', HIL, 'custom-connectors']);
    const args = ['--out', 'hil.zip', '--unique-name', 'HIL', '--publisher', 'CAT', '--prefix', 'cat'];
    const built = await run(cwd, [
      'build-solution',
      'custom-connectors/Human-in-the-Loop',
      ...args,
      '--existing',
      HIL,
    ]);
    expect(built).toMatchObject({ code: 0, err: '' });
    expect(built.out).toBe(
      'Built HIL 1.0.0.4 into hil.zip with Human-in-the-Loop (cat_human-2din-2dthe-2dloop, as in the existing solution), and the environment variable cat_HitlHostUrl of the existing solution.\n',
    );
    const [original] = await readSolutionConnectors(HIL);
    const [rebuilt] = await readSolutionConnectors(path.join(cwd, 'hil.zip'));
    expect(rebuilt!.connectorId).toBe(original!.connectorId);

    const missing = await run(cwd, [
      'build-solution',
      'custom-connectors/Human-in-the-Loop',
      ...args,
      '--existing',
      'nowhere.zip',
    ]);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toMatch(
      /^\S*nowhere\.zip: error: does not exist\. Give a solution zip, or the folder that unpack wrote\.\n$/,
    );
  });

  describe('build-solution --existing', () => {
    /** The connector extracted from customHIL 1.0.0.3, in a fresh working directory. */
    async function extracted(): Promise<string> {
      const cwd = workdir();
      expect((await run(cwd, ['extract-connectors', HIL, 'custom-connectors'])).code).toBe(0);
      return cwd;
    }
    const build = ['build-solution', 'custom-connectors/Human-in-the-Loop', '--out', 'hil.zip'];
    const manifestOf = (zip: string): string => strFromU8(unzipSync(readFileSync(zip))['solution.xml']!);

    it("takes the solution's unique name, display name and publisher, and the version after its own", async () => {
      const cwd = await extracted();
      const built = await run(cwd, [...build, '--existing', HIL]);
      expect(built).toMatchObject({ code: 0, err: '' });
      expect(built.out).toBe(
        'Built customHIL 1.0.0.4 into hil.zip with Human-in-the-Loop (cat_human-2din-2dthe-2dloop, as in the existing solution), and the environment variable cat_HitlHostUrl of the existing solution.\n',
      );
      const manifest = manifestOf(path.join(cwd, 'hil.zip'));
      expect(manifest).toContain('<UniqueName>customHIL</UniqueName>');
      expect(manifest).toContain('<LocalizedName description="custom HIL" languagecode="1033"');
      expect(manifest).toContain('<Version>1.0.0.4</Version>');
      expect(manifest).toMatch(
        /<Publisher>\s*<UniqueName>CAT<\/UniqueName>\s*<LocalizedNames>\s*<LocalizedName description="CAT"/,
      );
      expect(manifest).toContain('<CustomizationPrefix>cat</CustomizationPrefix>');
      expect(manifest).toContain('<CustomizationOptionValuePrefix>76486</CustomizationOptionValuePrefix>');
      const json = await run(cwd, [...build, '--existing', HIL, '--format', 'json']);
      expect(JSON.parse(json.out)).toMatchObject({ uniqueName: 'customHIL', version: '1.0.0.4' });
    });

    it('lets the options given win over the existing solution', async () => {
      const cwd = await extracted();
      const built = await run(cwd, [
        ...build,
        '--existing',
        HIL,
        '--unique-name',
        'HIL',
        '--solution-version',
        '2.0',
      ]);
      expect(built).toMatchObject({ code: 0, err: '' });
      expect(built.out).toMatch(/^Built HIL 2\.0 into hil\.zip/);
    });

    it("asks for the prefix of another publisher than the existing solution's, exit code 2", async () => {
      const cwd = await extracted();
      const other = await run(cwd, [...build, '--existing', HIL, '--publisher', 'Contoso']);
      expect(other).toMatchObject({ code: 2, out: '' });
      expect(other.err).toMatch(/^error: --prefix is missing\./);
      // Said of the publisher given, with the existing solution's own, and no --existing to add.
      expect(other.err).toBe(
        `error: --prefix is missing. Give the customization prefix of Contoso (${path.relative(cwd, HIL)} gives only that of its own publisher, CAT): connector-alm build-solution custom-connectors/Human-in-the-Loop --out hil.zip --publisher Contoso --prefix <prefix> --existing ${HIL}.\n`,
      );
      const built = await run(cwd, [
        ...build,
        '--existing',
        HIL,
        '--publisher',
        'Contoso',
        '--prefix',
        'contoso',
      ]);
      expect(built.code).toBe(0);
      const manifest = manifestOf(path.join(cwd, 'hil.zip'));
      expect(manifest).toContain('<CustomizationPrefix>contoso</CustomizationPrefix>');
      expect(manifest).not.toContain('76486');
    });

    // A new user's build gave a solution without the environment variable the connector's host is,
    // and no warning ("warnings": []): imported into a fresh environment, the host pointed at nothing.
    it('carries the environment variable the connector refers to, and warns of it without --existing', async () => {
      const cwd = await extracted();
      const carried = await run(cwd, [...build, '--existing', HIL, '--format', 'json']);
      expect(carried).toMatchObject({ code: 0, err: '' });
      expect(JSON.parse(carried.out).connectors[0]).toMatchObject({
        warnings: [],
        environmentVariables: [{ schemaName: 'cat_HitlHostUrl', carried: true }],
      });
      const entries = unzipSync(readFileSync(path.join(cwd, 'hil.zip')));
      expect(
        strFromU8(
          entries['environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml']!,
        ),
      ).toContain('<environmentvariabledefinition schemaname="cat_HitlHostUrl">');
      expect(manifestOf(path.join(cwd, 'hil.zip'))).toContain(
        '<RootComponent type="380" schemaName="cat_HitlHostUrl" behavior="0" />',
      );

      const plain = [...build, '--unique-name', 'HIL', '--publisher', 'CAT', '--prefix', 'cat'];
      const warned = await run(cwd, plain);
      expect(warned.code).toBe(0);
      expect(warned.out).toBe(
        'Built HIL 1.0.0.0 into hil.zip with Human-in-the-Loop (cat_human-2din-2dthe-2dloop).\n',
      );
      expect(warned.err).toBe(
        'warning: custom-connectors/Human-in-the-Loop: The connector refers to the environment variable cat_HitlHostUrl, which the built solution does not define: imported into an environment that lacks it, the connector points at a variable that does not exist. Give --existing the solution the connector came from, if it holds the variable (the definition is carried into the build); else add the variable to that solution in the maker portal (Add existing > More > Environment variable) and export it again, or import a solution that holds it first.\n',
      );
      const json = await run(cwd, [...plain, '--format', 'json']);
      expect(JSON.parse(json.out).connectors[0]).toMatchObject({
        warnings: [
          expect.stringMatching(/^The connector refers to the environment variable cat_HitlHostUrl, /),
        ],
        environmentVariables: [{ schemaName: 'cat_HitlHostUrl', carried: false }],
      });
      expect(Object.keys(unzipSync(readFileSync(path.join(cwd, 'hil.zip'))))).not.toContain(
        'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml',
      );
    });

    // The source environment's current value went into the built solution, and its warnings named
    // --existing as given (an absolute path) where every other message names it from the working directory.
    it("leaves the source environment's current value behind, and says to give one at import", async () => {
      const cwd = await extracted();
      expect((await run(cwd, ['unpack', HIL, 'solutions/hil'])).code).toBe(0);
      const values = 'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariablevalues.json';
      writeFileSync(
        path.join(cwd, 'solutions/hil', values),
        '{"environmentvariablevalues":{"environmentvariablevalue":{"iscustomizable":"1","value":"https://hitl-dev.contoso.com"}}}',
      );
      const built = await run(cwd, [...build, '--existing', path.join(cwd, 'solutions/hil')]);
      expect(built.code).toBe(0);
      expect(built.out).toBe(
        'Built customHIL 1.0.0.4 into hil.zip with Human-in-the-Loop (cat_human-2din-2dthe-2dloop, as in the existing solution), and the environment variable cat_HitlHostUrl of the existing solution.\n',
      );
      expect(built.err).toBe(
        `warning: custom-connectors/Human-in-the-Loop: The environment variable cat_HitlHostUrl has a current value in ${path.join('solutions', 'hil')} and no default value: the built solution carries its definition but not that value, which is the source environment's (an environment gets its own at import), so an environment without a value of its own leaves the connector without one. Give the value when importing: import --settings, under EnvironmentVariables; or give the variable a default value in the maker portal and export the solution again.\n`,
      );
      const entries = unzipSync(readFileSync(path.join(cwd, 'hil.zip')));
      expect(Object.keys(entries)).toContain(
        'environmentvariabledefinitions/cat_HitlHostUrl/environmentvariabledefinition.xml',
      );
      expect(Object.keys(entries)).not.toContain(values);
    });

    // extract-connectors read the environment variables that only build-solution --existing needs, and
    // failed on an Other/LineEndings.xml it has no use for; before, it extracted the connector.
    it('extract-connectors reads no environment variables, nor the LineEndings.xml they need', async () => {
      const cwd = workdir();
      expect((await run(cwd, ['unpack', HIL, 'up'])).code).toBe(0);
      writeFileSync(path.join(cwd, 'up/Other/LineEndings.xml'), '<Foo/>\n');
      const extractedAgain = await run(cwd, ['extract-connectors', 'up', 'out']);
      expect(extractedAgain).toMatchObject({ code: 0, err: '' });
      expect(existsSync(path.join(cwd, 'out/Human-in-the-Loop/apiDefinition.swagger.json'))).toBe(true);
      // build-solution --existing needs them: the same file is its located error.
      const refused = await run(cwd, [
        'build-solution',
        'out/Human-in-the-Loop',
        ...['--out', 'hil.zip', '--existing', 'up'],
      ]);
      expect(refused.code).toBe(1);
      const located = `${path.join('up', 'Other', 'LineEndings.xml')}: error: has a <Foo> root; expected <LineEndings>.`;
      expect(refused.err.slice(0, located.length)).toBe(located);
    });

    it('refuses a version lower than the existing one, exit code 2, and warns of the same one', async () => {
      const cwd = await extracted();
      const lower = await run(cwd, [...build, '--existing', HIL, '--solution-version', '1.0.0.2']);
      expect(lower).toMatchObject({ code: 2, out: '' });
      expect(lower.err).toMatch(
        /^error: --solution-version '1\.0\.0\.2' is lower than 1\.0\.0\.3, the version of \S*customHIL_1_0_0_3\.zip: Dataverse refuses to import it over that version\. /,
      );
      expect(existsSync(path.join(cwd, 'hil.zip'))).toBe(false);
      const same = await run(cwd, [...build, '--existing', HIL, '--solution-version', '1.0.0.3']);
      expect(same.code).toBe(0);
      expect(same.err).toMatch(
        /^warning: --solution-version 1\.0\.0\.3 is the version of \S*customHIL_1_0_0_3\.zip already: import --skip-lower-version skips it \(an import without it updates the solution\)\. Give a higher version \(1\.0\.0\.4\)/,
      );
    });

    /** customHIL 1.0.0.3 with its solution.xml at `version`, as old.zip in `cwd`. */
    function existingAt(cwd: string, version: string): string {
      const entries = unzipSync(readFileSync(HIL));
      const manifest = strFromU8(entries['solution.xml']!);
      expect(manifest).toContain('<Version>1.0.0.3</Version>');
      entries['solution.xml'] = strToU8(manifest.replace('<Version>1.0.0.3<', `<Version>${version}<`));
      writeFileSync(path.join(cwd, 'old.zip'), zipSync(entries));
      return 'old.zip';
    }

    it('reads an existing version with leading zeros as Dataverse does, numbers the build after it, and compares with it', async () => {
      // A zip packed with `--solution-version $(date +%Y.%m.%d).3`, as the version check took before
      // it refused leading zeros in a version given: the environment has it as 2026.1.15.3.
      const cwd = await extracted();
      const old = existingAt(cwd, '2026.01.15.3');
      const built = await run(cwd, [...build, '--existing', old]);
      expect(built).toMatchObject({ code: 0, err: '' });
      expect(built.out).toMatch(/^Built customHIL 2026\.1\.15\.4 into hil\.zip /);
      expect(manifestOf(path.join(cwd, 'hil.zip'))).toContain('<Version>2026.1.15.4</Version>');
      const lower = await run(cwd, [...build, '--existing', old, '--solution-version', '1.0.0.1']);
      expect(lower).toMatchObject({ code: 2, out: '' });
      expect(lower.err).toMatch(
        /^error: --solution-version '1\.0\.0\.1' is lower than 2026\.1\.15\.3, the version of old\.zip: Dataverse refuses to import it over that version\. Give a higher version \(2026\.1\.15\.4\)/,
      );
      const same = await run(cwd, [...build, '--existing', old, '--solution-version', '2026.1.15.3']);
      expect(same.code).toBe(0);
      expect(same.err).toMatch(
        /^warning: --solution-version 2026\.1\.15\.3 is the version of old\.zip already: /,
      );
      // A version given is still held to the written form.
      const given = await run(cwd, [...build, '--existing', old, '--solution-version', '2026.01.15.4']);
      expect(given).toMatchObject({ code: 2, out: '' });
      expect(given.err).toMatch(
        /^error: --solution-version '2026\.01\.15\.4' has a part with a leading zero/,
      );
    });

    it('numbers the build after an existing version whose last part is at the limit by carrying, and refuses to build after the highest', async () => {
      // It built 1.0.0.2147483648, a version Dataverse cannot hold, which pack refuses when given.
      const cwd = await extracted();
      const carried = await run(cwd, [...build, '--existing', existingAt(cwd, '1.0.0.2147483647')]);
      expect(carried).toMatchObject({ code: 0, err: '' });
      expect(manifestOf(path.join(cwd, 'hil.zip'))).toContain('<Version>1.0.1.0</Version>');
      rmSync(path.join(cwd, 'hil.zip'));
      const highest = '2147483647.2147483647.2147483647.2147483647';
      const refused = await run(cwd, [...build, '--existing', existingAt(cwd, highest)]);
      expect(refused).toMatchObject({
        code: 1,
        out: '',
        err:
          `old.zip: error: has version ${highest}, and no version is higher than ${highest}: each of its parts is 2147483647, the highest a Dataverse version holds. ` +
          'An environment that has this solution takes no later build of it: build a solution of another unique name, without --existing.\n',
      });
      expect(existsSync(path.join(cwd, 'hil.zip'))).toBe(false);
      // Given the same version, it is built, with a warning that says no build can follow it.
      const same = await run(cwd, [...build, '--existing', 'old.zip', '--solution-version', highest]);
      expect(same.code).toBe(0);
      expect(same.err).toContain(`No build can follow it: no version is higher than ${highest}`);
    });

    it('refuses an existing solution whose version Dataverse cannot hold, at its line, with --solution-version too, exit code 1', async () => {
      // It fell back to 1.0.0.0 without a word, and compared nothing with the version given. No
      // environment has such a version: the zip is refused where every command reads a manifest.
      const cwd = await extracted();
      const old = existingAt(cwd, '1.0.4294967296.0');
      const refusal =
        'old.zip/solution.xml:8: error: has <Version>1.0.4294967296.0</Version>, which is no solution version. ' +
        'A version is two to four numbers of at most 2147483647, separated by dots (1.0.0.3): fix it in the file, or export the solution again.\n';
      for (const extra of [[], ['--solution-version', '2.0.0.0']]) {
        const refused = await run(cwd, [...build, '--existing', old, ...extra]);
        expect(refused).toMatchObject({ code: 1, out: '', err: refusal });
        expect(existsSync(path.join(cwd, 'hil.zip'))).toBe(false);
      }
    });
  });

  it('build-solution given the folder that holds the connector folders names them, exit code 2', async () => {
    // The folder extract-connectors wrote into, given instead of the connector folder in it: the
    // error said only that it was not a connector folder.
    const cwd = workdir();
    await run(cwd, ['extract-connectors', HIL, 'custom-connectors']);
    mkdirSync(path.join(cwd, 'empty'));
    const build = ['--out', 'hil.zip', '--unique-name', 'HIL', '--publisher', 'CAT', '--prefix', 'cat'];
    const parent = await run(cwd, ['build-solution', 'custom-connectors', ...build]);
    expect(parent).toMatchObject({ code: 2, out: '' });
    expect(parent.err).toBe(
      'custom-connectors: error: has no apiDefinition.swagger.json; it is not a connector folder. It holds the connector folder Human-in-the-Loop: give that folder.\n',
    );
    mkdirSync(path.join(cwd, 'custom-connectors/Contoso'));
    writeFileSync(path.join(cwd, 'custom-connectors/Contoso/apiDefinition.swagger.json'), '{}');
    expect((await run(cwd, ['build-solution', 'custom-connectors', ...build])).err).toMatch(
      /It holds 2 connector folders \(Contoso, Human-in-the-Loop\): give those to build into the solution\.\n$/,
    );
    const empty = await run(cwd, ['build-solution', 'empty', ...build]);
    expect(empty.err).toBe(
      'empty: error: has no apiDefinition.swagger.json; it is not a connector folder. Give a connector folder: the one that holds apiDefinition.swagger.json and apiProperties.json.\n',
    );
    expect(existsSync(path.join(cwd, 'hil.zip'))).toBe(false);
  });

  it('build-solution says a connector folder lacks its swagger with exit code 1, as validate and pr do', async () => {
    // A folder with apiProperties.json, or right in a top folder, is a connector folder with a part
    // missing: the content fails, not the path. It was "not a connector folder", exit code 2.
    const cwd = workdir();
    mkdirSync(path.join(cwd, 'custom-connectors/Contoso'), { recursive: true });
    writeFileSync(path.join(cwd, 'custom-connectors/Contoso/apiProperties.json'), '{"properties": {}}');
    mkdirSync(path.join(cwd, 'certified-connectors/Empty'), { recursive: true });
    const build = ['--out', 'out.zip', '--unique-name', 'C', '--publisher', 'CAT', '--prefix', 'cat'];
    for (const folder of ['custom-connectors/Contoso', 'certified-connectors/Empty']) {
      const built = await run(cwd, ['build-solution', folder, ...build]);
      expect(built).toMatchObject({ code: 1, out: '' });
      expect(built.err).toBe(
        `${folder}: error: has no apiDefinition.swagger.json, which a connector folder needs. Add the connector's OpenAPI definition under that name, or extract the connector again (extract-connectors writes it).\n`,
      );
      expect((await run(cwd, ['validate', folder])).code).toBe(1);
    }
    expect(existsSync(path.join(cwd, 'out.zip'))).toBe(false);
  });

  it('extract-connectors names the connector folder in a warning, as the action and pack do', async () => {
    // It said "warning: The icon of 'x' is not a PNG …", with no path to the folder it concerned.
    const cwd = workdir();
    expect((await run(cwd, ['unpack', HIL, 'solution'])).code).toBe(0);
    writeFileSync(path.join(cwd, 'solution/Connectors/cat_human-2din-2dthe-2dloop_iconblob.Png'), 'GIF89a');
    const extracted = await run(cwd, ['extract-connectors', 'solution', 'custom-connectors']);
    expect(extracted.code).toBe(0);
    expect(extracted.err).toBe(
      `warning: ${path.join('custom-connectors', 'Human-in-the-Loop')}: The icon of 'cat_human-2din-2dthe-2dloop' is not a PNG (.Png); icon.png was not written.\n`,
    );
  });

  it('build-solution names the swagger written in YAML that it does not read, exit code 1 as validate', async () => {
    // It said "add the connector's OpenAPI definition" beside the one written in YAML, and of a
    // folder with apiDefinition.swagger.yaml alone "it is not a connector folder" (exit code 2).
    const cwd = workdir();
    const swagger = 'swagger: "2.0"\ninfo: { title: Contoso, version: "1.0" }\npaths: {}\n';
    mkdirSync(path.join(cwd, 'contoso'));
    writeFileSync(path.join(cwd, 'contoso/apiDefinition.swagger.yaml'), swagger);
    mkdirSync(path.join(cwd, 'fabrikam'));
    writeFileSync(path.join(cwd, 'fabrikam/openapi.yaml'), swagger);
    writeFileSync(path.join(cwd, 'fabrikam/apiProperties.json'), '{"properties": {}}');
    const build = ['--out', 'out.zip', '--unique-name', 'C', '--publisher', 'CAT', '--prefix', 'cat'];
    for (const [folder, name] of [
      ['contoso', 'apiDefinition.swagger.yaml'],
      ['fabrikam', 'openapi.yaml'],
    ] as const) {
      const built = await run(cwd, ['build-solution', folder, ...build]);
      expect(built).toMatchObject({ code: 1, out: '' });
      expect(built.err).toBe(
        `${folder}: error: has no apiDefinition.swagger.json, which a connector folder needs: its swagger, ${name}, is written in YAML, which build-solution does not read. Convert ${name} to JSON as apiDefinition.swagger.json (an OpenAPI 3 file to Swagger 2.0, the only version a connector takes): the platform and paconn read the swagger as JSON only.\n`,
      );
      expect((await run(cwd, ['validate', folder])).code).toBe(1);
    }
    expect(existsSync(path.join(cwd, 'out.zip'))).toBe(false);
  });

  it('build-solution of a connector folder without apiProperties.json says what it lacks, exit code 1', async () => {
    // It said "it is not a connector folder" of a folder that is one, with a part missing (exit code 1).
    const cwd = workdir();
    await run(cwd, ['extract-connectors', HIL, 'custom-connectors']);
    rmSync(path.join(cwd, 'custom-connectors/Human-in-the-Loop/apiProperties.json'));
    const build = ['--out', 'hil.zip', '--unique-name', 'HIL', '--publisher', 'CAT', '--prefix', 'cat'];
    const built = await run(cwd, ['build-solution', 'custom-connectors/Human-in-the-Loop', ...build]);
    expect(built).toMatchObject({ code: 1, out: '' });
    expect(built.err).toBe(
      'custom-connectors/Human-in-the-Loop: error: has no apiProperties.json, which a connector folder needs beside apiDefinition.swagger.json. Extract the connector again (extract-connectors writes it), or write one: its properties hold the connection parameters and policies of the connector.\n',
    );
    expect(existsSync(path.join(cwd, 'hil.zip'))).toBe(false);
  });

  it('build-solution takes -o and --format as the other commands do: choices in the help, and their refusal', async () => {
    const help = await run(workdir(), ['build-solution', '--help']);
    expect(help.out).toMatch(/^ {2}-o, --out <zip> /m);
    expect(help.out.replace(/\s+/g, ' ')).toContain(
      '--format <format> output format (choices: "text", "json", default: "text")',
    );
    const args = ['x', '-o', 'a.zip', '--unique-name', 'A', '--publisher', 'P', '--prefix', 'ab'];
    const built = await run(workdir(), ['build-solution', ...args, '--format', 'xml']);
    const packed = await run(workdir(), ['pack', 'x', 'a.zip', '--format', 'xml']);
    expect(built).toMatchObject({ code: 2, out: '', err: packed.err });
  });

  it('asks for the publisher when build-solution lacks it, exit code 2', async () => {
    const result = await run(workdir(), [
      'build-solution',
      'x',
      '--out',
      'a.zip',
      '--unique-name',
      'A',
      '--prefix',
      'ab',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^error: --publisher is missing\. Give the publisher's unique name: .*or, to update the solution the connectors came from, give it instead of --publisher: .* --existing <solution>\.$/m,
    );
  });

  // Commander refused a missing --out before anything else, and the settings stopped at the first
  // missing one: a new user learnt of --out, --unique-name, --publisher and --prefix in four runs.
  it('names every option build-solution lacks in one run, with the command line to copy, exit code 2', async () => {
    const cwd = workdir();
    const folder = path.join('custom-connectors', 'Contoso Tasks');
    const result = await run(cwd, ['build-solution', folder]);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toBe(
      "error: --out, --unique-name, --publisher and --prefix are missing. Give the solution zip to write, the solution's unique name, the publisher's unique name and the publisher's customization prefix: " +
        `connector-alm build-solution '${folder}' --out <zip> --unique-name <name> --publisher <uniqueName> --prefix <prefix>; ` +
        'or, to update the solution the connectors came from, give it instead of --unique-name, --publisher and --prefix: ' +
        `connector-alm build-solution '${folder}' --out <zip> --existing <solution>.\n`,
    );
  });

  it('keeps the options given in the command line it suggests, and offers no --existing for --out alone', async () => {
    const given = ['build-solution', 'a', 'b', '--existing', 'old.zip', '--solution-version', '2.0'];
    // --existing is read first: a missing zip is said as such, before the options.
    expect((await run(workdir(), given)).err).toMatch(/^\S*old\.zip: error: does not exist\./);
    const cwd = workdir();
    await run(cwd, ['extract-connectors', HIL, 'custom-connectors']);
    const result = await run(cwd, [
      'build-solution',
      'custom-connectors/Human-in-the-Loop',
      '--existing',
      HIL,
      '--solution-version',
      '2.0',
    ]);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toBe(
      `error: --out is missing. Give the solution zip to write: connector-alm build-solution custom-connectors/Human-in-the-Loop --out <zip> --solution-version 2.0 --existing ${HIL}.\n`,
    );
  });

  it('says build-solution --help requires --out, which the command checks itself', async () => {
    const help = await run(workdir(), ['build-solution', '--help']);
    expect(help.out.replace(/\s+/g, ' ')).toContain('-o, --out <zip> the solution zip to write (required)');
  });

  it('packs both kinds from a folder unpacked from both exports', async () => {
    const cwd = workdir();
    const unpacked = await run(cwd, [
      'unpack',
      path.join(FIXTURES, 'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip'),
      'src',
      '--package-type',
      'both',
      '--format',
      'json',
    ]);
    // A boolean as pack's, not Solution.xml's "2" (a string, truthy even when it is "0").
    expect(JSON.parse(unpacked.out)).toMatchObject({ managed: true, packageType: 'both' });
    const packed = await run(cwd, ['pack', 'src', 'out/Cls.zip', '--package-type', 'both']);
    expect(packed.out.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^Packed ColumnLevelSecuritySampleSolution .* \(unmanaged\) into out\/Cls.zip/),
      expect.stringMatching(
        /^Packed ColumnLevelSecuritySampleSolution .* \(managed\) into out\/Cls_managed.zip/,
      ),
    ]);
    // auto packs what the folder holds, as its help says: both.
    const auto = await run(cwd, ['pack', 'src', 'auto/Cls.zip']);
    expect(auto.out).toMatch(/\(unmanaged\) into auto\/Cls.zip.*\n.*\(managed\) into auto\/Cls_managed.zip/);
  });

  it('leaves files at the folder root out of the zip, naming each once on stderr and in the JSON, exit code 0', async () => {
    // Packed before, without a word, beside solution.xml: a README, a zip of an earlier pack.
    const cwd = workdir();
    await run(cwd, [
      'unpack',
      path.join(FIXTURES, 'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip'),
      'src',
      '--package-type',
      'both',
    ]);
    writeFileSync(path.join(cwd, 'src/README.md'), '# Column level security\n');
    writeFileSync(path.join(cwd, 'src/Cls.zip'), readFileSync(HIL));
    writeFileSync(path.join(cwd, 'src/.gitattributes'), '* text=auto\n');
    const warning = (file: string): string =>
      `warning: ${path.join('src', file)}: left out of the solution zip: a solution has no file at the root of its folder. ` +
      'Its parts live in Other/ and the component folders (Connectors/, Workflows/, WebResources/ …); ' +
      'move the file into one of those if it belongs to the solution, or out of the folder to silence this.\n';
    const packed = await run(cwd, ['pack', 'src', 'out/Cls.zip']);
    expect(packed.code).toBe(0);
    // Once each, though both zips left them out; .gitattributes is the repository's, as ever.
    expect(packed.err).toBe(warning('Cls.zip') + warning('README.md'));
    expect(packed.out).toMatch(/\(unmanaged\) into out\/Cls.zip.*\n.*\(managed\) into out\/Cls_managed.zip/);
    for (const zip of ['out/Cls.zip', 'out/Cls_managed.zip']) {
      const names = Object.keys(unzipSync(readFileSync(path.join(cwd, zip))));
      expect(names).toContain('solution.xml');
      expect(names.filter((name) => !name.includes('/') && /readme|\.zip$|git/i.test(name))).toEqual([]);
    }
    const json = await run(cwd, ['pack', 'src', 'json/Cls.zip', '--format', 'json']);
    expect(json.err).toBe(warning('Cls.zip') + warning('README.md'));
    expect((JSON.parse(json.out) as Array<{ leftOut: string[] }>).map((r) => r.leftOut)).toEqual([
      ['Cls.zip', 'README.md'],
      ['Cls.zip', 'README.md'],
    ]);
  });

  it('leaves a connector folder copied into the folder root out of the zip, naming the folder once, exit code 0', async () => {
    // What extract-connectors wrote, copied into the solution folder: packed before without a word,
    // as entries Dataverse does not read.
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    await run(cwd, ['extract-connectors', HIL, 'custom-connectors']);
    const [folder] = readdirSync(path.join(cwd, 'custom-connectors'));
    cpSync(path.join(cwd, 'custom-connectors', folder!), path.join(cwd, 'src', folder!), { recursive: true });
    const files = readdirSync(path.join(cwd, 'src', folder!)).sort();
    expect(files).toContain('apiDefinition.swagger.json');
    const packed = await run(cwd, ['pack', 'src', 'out/hil.zip', '--format', 'json']);
    expect(packed.code).toBe(0);
    expect(packed.err).toBe(
      `warning: ${path.join('src', folder!)}: left out of the solution zip with the ${files.length} files in it: ` +
        'a folder at the root of a solution holding apiDefinition.swagger.json is a connector in the PowerPlatformConnectors layout, ' +
        'not a part of the solution, which keeps its connectors in Connectors/ as unpack wrote them. ' +
        'Move the folder out of the solution folder (extract-connectors writes such folders beside it) to silence this.\n' +
        HIL_VARIABLE_WARNING,
    );
    expect((JSON.parse(packed.out) as Array<{ leftOut: string[] }>)[0]!.leftOut).toEqual(
      files.map((file) => `${folder}/${file}`),
    );
    const names = Object.keys(unzipSync(readFileSync(path.join(cwd, 'out/hil.zip'))));
    expect(names.filter((name) => name.startsWith(`${folder}/`))).toEqual([]);
  });

  it('leaves the leftovers of editors and git in component folders out of the zip, with a warning each and in the JSON, exit code 0', async () => {
    // Packed before as entries beside the connector's files and the flow, without a word.
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    const connector = 'Connectors/cat_human-2din-2dthe-2dloop';
    const leftovers: Array<[string, string]> = [
      [`${connector}_openapidefinition.json~`, "a backup an editor left (a name ending in '~')"],
      [`${connector}.xml.orig`, 'a copy git mergetool keeps of a conflicted file (.orig)'],
      ['Connectors/.cat_human-2din-2dthe-2dloop.xml.swp', 'a Vim swap file (.swp, .swo, …)'],
      ['Workflows/Flow-11111111-1111-1111-1111-111111111111.json.bak', 'a backup copy (.bak)'],
    ];
    for (const [file] of leftovers) {
      mkdirSync(path.dirname(path.join(cwd, 'src', file)), { recursive: true });
      writeFileSync(path.join(cwd, 'src', file), 'left by a tool\n');
    }
    const sorted = leftovers.map(([file]) => file).sort();
    const warnings = leftovers
      .slice()
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(
        ([file, what]) =>
          `warning: ${path.join('src', file)}: left out of the solution zip: it is ${what}, not a part of the solution. ` +
          'Delete it (or move it out of the folder) to silence this; rename it if the solution needs it.\n',
      )
      .join('');
    const packed = await run(cwd, ['pack', 'src', 'out/HIL.zip', '--format', 'json']);
    expect(packed.code).toBe(0);
    // After them, the one of customHIL's variable without a value.
    expect(packed.err).toBe(`${warnings}${HIL_VARIABLE_WARNING}`);
    expect((JSON.parse(packed.out) as Array<{ leftOut: string[] }>).map((r) => r.leftOut)).toEqual([sorted]);
    const reader = await ZipReader.open(path.join(cwd, 'out/HIL.zip'));
    const names = reader.files.map((entry) => entry.name);
    reader.close();
    expect(names).toContain('Connector/cat_human-2din-2dthe-2dloop_openapidefinition.json');
    expect(names.filter((name) => /~|\.orig|\.swp|\.bak|Workflows/.test(name))).toEqual([]);
  });

  it('says Other/Customizations.xml is a folder, not that it is missing, exit code 1, and what to do', async () => {
    const cwd = workdir();
    await run(cwd, ['unpack', HIL, 'src']);
    rmSync(path.join(cwd, 'src/Other/Customizations.xml'));
    mkdirSync(path.join(cwd, 'src/Other/Customizations.xml'));
    const result = await run(cwd, ['pack', 'src', 'out.zip']);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(
      `${path.join('src', 'Other/Customizations.xml')}: error: is a folder, not a file; Other/Customizations.xml is the file that holds the solution's components. ` +
        'Move anything you keep in it elsewhere and delete the folder, then restore the file Other/Customizations.xml (e.g. from git), or unpack the solution again.\n',
    );
    expect(existsSync(path.join(cwd, 'out.zip'))).toBe(false);
    // extract-connectors, which reads the manifest alone, says so of Other/Solution.xml.
    rmSync(path.join(cwd, 'src/Other/Solution.xml'));
    mkdirSync(path.join(cwd, 'src/Other/Solution.xml'));
    const extracted = await run(cwd, ['extract-connectors', 'src', 'connectors']);
    expect(extracted).toMatchObject({ code: 1, out: '' });
    expect(extracted.err).toMatch(
      /^src\/Other\/Solution\.xml: error: is a folder, not a file; Other\/Solution\.xml is the file that holds the solution's manifest\. /,
    );
    expect(existsSync(path.join(cwd, 'connectors'))).toBe(false);
  });

  it('builds a certification package, and check fails with exit code 1 on a package without a flow solution', async () => {
    const cwd = workdir();
    await run(cwd, ['extract-connectors', HIL, 'custom-connectors']);
    const common = ['--publisher', 'CAT', '--prefix', 'cat'];
    await run(cwd, [
      'build-solution',
      'custom-connectors/Human-in-the-Loop',
      '--out',
      'connector.zip',
      '--unique-name',
      'HILConnector',
      ...common,
    ]);
    await run(cwd, [
      'build-solution',
      'custom-connectors/Human-in-the-Loop',
      '--out',
      'other.zip',
      '--unique-name',
      'HILOther',
      ...common,
    ]);
    writeIntro(cwd);
    const buildPackage = packageBuild('pkg.zip', 'other.zip');
    const built = await run(cwd, buildPackage);
    expect(built.code).toBe(1);
    // Each finding on its line with its hint, which names the solutions as given.
    expect(built.out).toContain(
      "error PKG-HAS-FLOW-SOL: Flow solution in 'pkg.pdpkg.zip/PkgAssets' is invalid. Flow solution should contain both 'Connector' and 'Workflows' folders. Validate the flow solution has both 'Connector' and 'Workflows' components. If not so, please recreate the solution and export again. Solutions found: connector.zip (connector solution), other.zip (connector solution).\n",
    );
    expect(built.out).toContain('pkg.zip was not written: the package would not pass certification.');
    expect(existsSync(path.join(cwd, 'pkg.zip'))).toBe(false);
    const json = await run(cwd, [...buildPackage, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      findings: [{ ruleId: 'PKG-HAS-FLOW-SOL' }],
      solutions: [
        { name: 'PkgAssets/connector.zip', kind: 'connector' },
        { name: 'PkgAssets/other.zip', kind: 'connector' },
      ],
    });
    expect(existsSync(path.join(cwd, 'pkg.zip'))).toBe(false);
    // A solution zip given for the package is the wrong file, not a package with its files missing.
    const checked = await run(cwd, ['package', 'check', 'connector.zip']);
    expect(checked.code).toBe(2);
    expect(checked.out).toBe('');
    expect(checked.err).toBe(
      'connector.zip: error: is a solution zip (it has solution.xml at its root), not a certification package. The package holds intro.md and a Package Deployer zip with the connector and flow solutions: make it with connector-alm package build <out.zip> --intro intro.md --connector-solution <zip> --flow-solution <zip>, which checks it too.\n',
    );
  });

  // As build-solution's: commander named one missing option per run.
  it('package build names every option it lacks in one run, with the command line to copy, exit code 2', async () => {
    const result = await run(workdir(), ['package', 'build', 'pkg.zip', '--connector-solution', 'c.zip']);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toBe(
      'error: --intro and --flow-solution are missing. Give the intro.md for the certification team and the solution holding the connector and a sample flow: ' +
        'connector-alm package build pkg.zip --intro <intro.md> --connector-solution c.zip --flow-solution <zip>.\n',
    );
  });

  /** A working folder with intro.md, connector.zip, flow.zip and flow-sjis.zip: a package to build. */
  async function shiftJisPackageSources(): Promise<string> {
    const cwd = workdir();
    await connectorAndFlowSolutions(cwd);
    await shiftJisFlowSolution(cwd);
    writeIntro(cwd);
    return cwd;
  }

  /** The intro.md of the packages built in `cwd`. */
  function writeIntro(cwd: string): void {
    writeFileSync(path.join(cwd, 'intro.md'), '# Human-in-the-Loop\n');
  }

  /** `package build` of `pkg` from intro.md, connector.zip and `flowSolution`. */
  function packageBuild(pkg: string, flowSolution: string): string[] {
    return [
      'package',
      'build',
      pkg,
      '--intro',
      'intro.md',
      '--connector-solution',
      'connector.zip',
      '--flow-solution',
      flowSolution,
    ];
  }

  /** The flow solution zipped again on Japanese Windows: WebResources/表.js named in Shift-JIS. */
  async function shiftJisFlowSolution(cwd: string): Promise<string> {
    return writeRawZip(
      path.join(cwd, 'flow-sjis.zip'),
      withShiftJisWebResource(readFileSync(path.join(cwd, 'flow.zip'))),
    );
  }

  /** What build and check both say of that flow solution, read as shift_jis. */
  const SHIFT_JIS_FLOW_WARNING =
    "warning PKG-ZIP-NAME-ENCODING: The flow solution 'flow-sjis.zip' has entry names in a code page, without the UTF-8 flag (e.g. 'WebResources/表.js', read as shift_jis); the zip does not say which code page it is. " +
    'Package Deployer reads it as it is, and whether it reads such names in the same code page is not known. ' +
    'Zip the solution again with UTF-8 names: use the zip that Power Apps exported, or unpack it with connector-alm unpack (--zip-name-encoding shift_jis) and pack it with connector-alm pack, which writes UTF-8 names.\n';

  /** connector.zip (the HIL connector alone) and flow.zip (it and a cloud flow), built in `cwd`. */
  async function connectorAndFlowSolutions(cwd: string): Promise<void> {
    await run(cwd, ['extract-connectors', HIL, 'custom-connectors']);
    const connector = [
      'build-solution',
      'custom-connectors/Human-in-the-Loop',
      '--out',
      'connector.zip',
      '--unique-name',
      'HILConnector',
      '--publisher',
      'CAT',
      '--prefix',
      'cat',
    ];
    expect((await run(cwd, connector)).code).toBe(0);
    // The flow solution: the same connector and a cloud flow, added to the unpacked folder.
    await run(cwd, ['unpack', 'connector.zip', 'flow']);
    const customizations = path.join(cwd, 'flow/Other/Customizations.xml');
    const id = '6D7A2C3E-0D3B-4C55-9D1F-5B0C8A1E2F30';
    writeFileSync(
      customizations,
      readFileSync(customizations, 'utf8').replace(
        '<Workflows />',
        `<Workflows><Workflow WorkflowId="{${id.toLowerCase()}}" Name="Ask"><JsonFileName>/Workflows/Ask-${id}.json</JsonFileName></Workflow></Workflows>`,
      ),
    );
    mkdirSync(path.join(cwd, 'flow/Workflows'));
    writeFileSync(path.join(cwd, `flow/Workflows/Ask-${id}.json`), '{"properties":{"definition":{}}}');
    // A solution of its own, as one made in Power Apps is (PKG-SOL-UNIQUE-NAME).
    const manifest = path.join(cwd, 'flow/Other/Solution.xml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        '<UniqueName>HILConnector</UniqueName>',
        '<UniqueName>HILFlow</UniqueName>',
      ),
    );
    expect((await run(cwd, ['pack', 'flow', 'flow.zip'])).code).toBe(0);
  }

  it('passes a package zipped with PowerShell 5.1, whose names use backslashes, exit code 0, and warns about it', async () => {
    const cwd = workdir();
    await connectorAndFlowSolutions(cwd);
    // Compress-Archive of PowerShell 5.1: '\\' between folders, "version made by" MS-DOS.
    const windows = { os: 0, attrs: 0 };
    const pdpkg = zipSync({
      'PkgAssets\\connector.zip': [readFileSync(path.join(cwd, 'connector.zip')), windows],
      'PkgAssets\\flow.zip': [readFileSync(path.join(cwd, 'flow.zip')), windows],
    });
    writeFileSync(
      path.join(cwd, 'pkg.zip'),
      zipSync({ 'intro.md': [strToU8('# Intro'), windows], 'pkg.pdpkg.zip': [pdpkg, windows] }),
    );
    const checked = await run(cwd, ['package', 'check', 'pkg.zip']);
    expect(checked).toMatchObject({ code: 0, err: '' });
    expect(checked.out).toBe(
      "warning PKG-ZIP-BACKSLASH: 'pkg.pdpkg.zip' separates folders with '\\' in its entry names, as PowerShell 5.1's Compress-Archive writes them (e.g. 'PkgAssets\\connector.zip'). ConnectorPackageValidator.ps1 reads them on Windows, but tools on Linux and macOS may not: unzip warns, and others make one file named with the backslashes. Build the package with 'connector-alm package build', or zip it with PowerShell 7's Compress-Archive, which writes '/'.\n" +
        'Validation successful: The package structure is correct.\n',
    );
    const json = await run(cwd, ['package', 'check', 'pkg.zip', '--format', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      findings: [],
      warnings: [{ ruleId: 'PKG-ZIP-BACKSLASH' }],
    });
  });

  it('checks a package whose names are in the code page --zip-name-encoding gives, and says to give it', async () => {
    const cwd = workdir();
    await connectorAndFlowSolutions(cwd);
    // Zipped on Japanese Windows (code page 932, no UTF-8 flag): the flow solution is PkgAssets/表.zip.
    const table = [0x95, 0x5c];
    const pdpkg = await writeRawZip(path.join(cwd, 'pkg.pdpkg.zip'), [
      { name: strToU8('PkgAssets/connector.zip'), content: readFileSync(path.join(cwd, 'connector.zip')) },
      {
        name: Uint8Array.from([...strToU8('PkgAssets/'), ...table, ...strToU8('.zip')]),
        content: readFileSync(path.join(cwd, 'flow.zip')),
      },
    ]);
    await writeRawZip(path.join(cwd, 'pkg.zip'), [
      { name: strToU8('intro.md'), content: strToU8('# Intro') },
      { name: strToU8('pkg.pdpkg.zip'), content: readFileSync(pdpkg) },
    ]);
    const refused = await run(cwd, ['package', 'check', 'pkg.zip']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('--zip-name-encoding shift_jis');
    const checked = await run(cwd, ['package', 'check', 'pkg.zip', '--zip-name-encoding', 'shift_jis']);
    expect(checked).toMatchObject({ code: 0, err: '' });
    // Package Deployer reads the package zip: whether it reads 表.zip so is not known.
    expect(checked.out).toBe(
      "warning PKG-ZIP-NAME-ENCODING: The package zip 'pkg.pdpkg.zip' has entry names in a code page, without the UTF-8 flag (e.g. 'PkgAssets/表.zip', read as shift_jis); the zip does not say which code page it is. " +
        'Package Deployer reads it as it is, and whether it reads such names in the same code page is not known. ' +
        "Build the package with 'connector-alm package build', which writes UTF-8 names.\n" +
        'Validation successful: The package structure is correct.\n',
    );
    const json = await run(cwd, [
      'package',
      'check',
      'pkg.zip',
      '--zip-name-encoding',
      'cp932',
      '--format',
      'json',
    ]);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      warnings: [{ ruleId: 'PKG-ZIP-NAME-ENCODING' }],
      solutions: [
        { name: 'PkgAssets/connector.zip', kind: 'connector' },
        { name: 'PkgAssets/表.zip', kind: 'flow' },
      ],
    });
    const unknown = await run(cwd, ['package', 'check', 'pkg.zip', '--zip-name-encoding', 'klingon']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("'klingon' is not an encoding for zip entry names");
  });

  it('builds a package from a solution whose names are in the code page --zip-name-encoding gives, and says to give it', async () => {
    // The flow solution zipped again on Japanese Windows, with the web resource WebResources/表.js.
    const cwd = await shiftJisPackageSources();
    const buildPackage = packageBuild('pkg.zip', 'flow-sjis.zip');
    const refused = await run(cwd, buildPackage);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('--zip-name-encoding shift_jis');
    expect(refused.out).toContain('pkg.zip was not written');
    expect(existsSync(path.join(cwd, 'pkg.zip'))).toBe(false);
    const unknown = await run(cwd, [...buildPackage, '--zip-name-encoding', 'klingon']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("'klingon' is not an encoding for zip entry names");
    expect(readdirSync(cwd).filter((name) => name.startsWith('pkg'))).toEqual([]);
    const built = await run(cwd, [...buildPackage, '--zip-name-encoding', 'cp932', '--format', 'json']);
    expect(built).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(built.out)).toMatchObject({
      ok: true,
      solutions: [
        { name: 'PkgAssets/connector.zip', kind: 'connector' },
        { name: 'PkgAssets/flow-sjis.zip', kind: 'flow' },
      ],
    });
    // The solution goes into the package as it is: the same bytes, its names in Shift-JIS still.
    const pdpkg = unzipSync(unzipSync(readFileSync(path.join(cwd, 'pkg.zip')))['pkg.pdpkg.zip']!);
    expect(
      Buffer.from(pdpkg['PkgAssets/flow-sjis.zip']!).equals(readFileSync(path.join(cwd, 'flow-sjis.zip'))),
    ).toBe(true);
  });

  it('warns, naming the zip, when it packs a solution whose names are in a code page', async () => {
    // Whether Package Deployer reads them in that code page is not known: a warning, not an error.
    const cwd = await shiftJisPackageSources();
    const inShiftJis = ['--zip-name-encoding', 'shift_jis'];
    const built = await run(cwd, [...packageBuild('pkg.zip', 'flow-sjis.zip'), ...inShiftJis]);
    expect(built).toMatchObject({ code: 0, err: '' });
    expect(built.out).toBe(SHIFT_JIS_FLOW_WARNING + 'Wrote pkg.zip: the package structure is correct.\n');
    expect(existsSync(path.join(cwd, 'pkg.zip'))).toBe(true);
    const json = await run(cwd, [
      ...packageBuild('again.zip', 'flow-sjis.zip'),
      ...inShiftJis,
      '--format',
      'json',
    ]);
    expect(JSON.parse(json.out).warnings).toEqual([
      expect.objectContaining({ ruleId: 'PKG-ZIP-NAME-ENCODING' }),
    ]);
    // Solutions with UTF-8 names (as connector-alm pack writes them) give none.
    const plain = await run(cwd, [
      ...packageBuild('plain.zip', 'flow.zip'),
      ...inShiftJis,
      '--format',
      'json',
    ]);
    expect(JSON.parse(plain.out)).toMatchObject({ ok: true, warnings: [] });
  });

  it('warns once, naming the solution, when it checks a package that holds a solution whose names are in a code page', async () => {
    // A package zipped by hand around a solution zipped again on Japanese Windows: the package zip
    // itself has UTF-8 names, the flow solution Shift-JIS ones (WebResources/表.js).
    const cwd = workdir();
    await connectorAndFlowSolutions(cwd);
    const flowSjis = await shiftJisFlowSolution(cwd);
    const pdpkg = zipSync({
      'PkgAssets/connector.zip': readFileSync(path.join(cwd, 'connector.zip')),
      'PkgAssets/flow-sjis.zip': readFileSync(flowSjis),
    });
    writeFileSync(
      path.join(cwd, 'pkg.zip'),
      zipSync({ 'intro.md': strToU8('# Intro'), 'pkg.pdpkg.zip': pdpkg }),
    );
    const checked = await run(cwd, ['package', 'check', 'pkg.zip', '--zip-name-encoding', 'shift_jis']);
    expect(checked).toMatchObject({ code: 0, err: '' });
    expect(checked.out).toBe(
      SHIFT_JIS_FLOW_WARNING + 'Validation successful: The package structure is correct.\n',
    );
    const json = await run(cwd, [
      'package',
      'check',
      'pkg.zip',
      '--zip-name-encoding',
      'shift_jis',
      '--format',
      'json',
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      findings: [],
      warnings: [{ ruleId: 'PKG-ZIP-NAME-ENCODING', message: expect.stringContaining("'flow-sjis.zip'") }],
    });
    expect(JSON.parse(json.out).warnings).toHaveLength(1);
  });
});
