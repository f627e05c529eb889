import { describe, expect, it } from '@jest/globals';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { runActionBundle, temporaryFolder } from '@connector-alm/testing';
import { validSwagger } from '@connector-alm/validator/testing';
import {
  commitGetTaskRemoved,
  commitOnDev,
  git,
  pullRequestRepository,
  workspaceWithConnector,
} from './helpers/pull-request-repo.js';

/**
 * A RUNNER_TEMP of the test's own, which outlives the run, to look into afterwards. Its real path, as
 * the action names it (on macOS the temp folder is reached through the /var link).
 */
function runnerTemp(): string {
  return realpathSync(temporaryFolder('runner-temp-'));
}

describe('validate-connector on several connectors', () => {
  it('shares the annotations among them, and keeps every finding in the summary', async () => {
    const workspace = workspaceWithConnector();
    // Three connectors with the same half-dozen errors each (no readme, no apiProperties, a bare
    // swagger): one finding per rule first gave every annotation to the first connector.
    const broken = ['Alpha', 'Beta', 'Gamma'];
    for (const name of broken) {
      const folder = path.join(workspace, 'certified-connectors', name);
      mkdirSync(folder);
      writeFileSync(
        path.join(folder, 'apiDefinition.swagger.json'),
        JSON.stringify({ swagger: '2.0', info: { title: name }, paths: {} }, null, 2),
      );
    }
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'max-annotations': '4' },
    });
    expect(run.stderr).toBe('');
    // The findings' annotations; the step's own error (its count and fail-on) has no title.
    const errors = run.annotations.filter((a) => a.level === 'error' && a.title !== undefined);
    expect(errors).toHaveLength(4);
    const connectorOf = (annotation: { file?: string; message: string }) =>
      broken.find((name) =>
        `${annotation.file ?? annotation.message}`.startsWith(`certified-connectors/${name}`),
      );
    expect(new Set(errors.map(connectorOf))).toEqual(new Set(broken));
    // The summary lists every error, annotated or not.
    const total = Number(run.outputs.errors);
    expect(total).toBeGreaterThan(errors.length);
    for (const name of broken) expect(run.summary).toContain(`| certified-connectors/${name} | certified |`);
    expect(run.stdout).toContain(`${total - 4} more findings are in the job summary`);
  });
});

describe('validate-connector, run as the runner runs it', () => {
  it('passes a clean connector and says what it checked', async () => {
    const run = await runActionBundle('validate-connector', { workspace: workspaceWithConnector() });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.errors).toBe('0');
    expect(run.outputs.result).toBe('success');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
  });

  it('puts a syntax error on its file and line, and fails the step', async () => {
    const text = JSON.stringify(validSwagger(), null, 2).replace('"version": "1.0"', '"version": "1.0",');
    const run = await runActionBundle('validate-connector', { workspace: workspaceWithConnector(text) });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('failure');
    expect(Number(run.outputs.errors)).toBeGreaterThan(0);
    const syntax = run.annotations.find((a) => a.title === 'GEN-JSON-PARSE');
    expect(syntax).toMatchObject({
      level: 'error',
      file: 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
      line: 6,
    });
  });

  // A file saved under a name only meant as a connector file's was not read: its syntax error came to
  // light only after the rename the finding asked for.
  it('checks apiProperty.json as the apiProperties.json it is meant to be, and puts its findings on it', async () => {
    const workspace = workspaceWithConnector();
    const folder = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    const properties = readFileSync(path.join(folder, 'apiProperties.json'), 'utf8');
    rmSync(path.join(folder, 'apiProperties.json'));
    writeFileSync(path.join(folder, 'apiProperty.json'), properties.replace(/\n\}\s*$/, ',\n}\n'));
    const run = await runActionBundle('validate-connector', { workspace });
    expect(run.exitCode).toBe(1);
    expect(
      run.annotations.filter((a) => a.title !== undefined).map(({ title, file }) => [title, file]),
    ).toEqual(
      expect.arrayContaining([
        ['GEN-JSON-PARSE', 'certified-connectors/Contoso Tasks/apiProperty.json'],
        // A folder is no file to annotate: its finding is the step's.
        ['REPO-REQUIRED-FILES', undefined],
      ]),
    );
    const syntax = run.annotations.find((a) => a.title === 'GEN-JSON-PARSE')!;
    expect(syntax.line).toBe(properties.trimEnd().split('\n').length - 1);
  });

  // The folder given in `path` was refused as holding no connector folder, with no word of its files.
  it('checks a folder given in path whose swagger and apiProperties.json are misnamed', async () => {
    const workspace = workspaceWithConnector();
    const folder = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    const own = path.join(workspace, 'my-connector');
    mkdirSync(own);
    copyFileSync(path.join(folder, 'apiDefinition.swagger.json'), path.join(own, 'swagger.json'));
    copyFileSync(path.join(folder, 'apiProperties.json'), path.join(own, 'apiProperty.json'));
    const run = await runActionBundle('validate-connector', { workspace, inputs: { path: 'my-connector' } });
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['my-connector']);
    expect(
      run.annotations.filter((a) => a.title === 'REPO-REQUIRED-FILES').map((a) => a.message.split(';')[0]),
    ).toEqual([
      'my-connector: The connector has no apiDefinition.swagger.json',
      'my-connector: The connector has no apiProperties.json',
    ]);
  });

  it('refuses a bad input with a clear error annotation and exit code 1', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'fail-on': 'sometimes' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        message: "Input 'fail-on' must be one of error, warning, never; got 'sometimes'.",
      }),
    ]);
    expect(run.stdout).not.toMatch(/at .*\.cjs:\d+/);
  });
});

describe('validate-connector settings', () => {
  /** A connector whose only problem is a missing path-parameter encoding (a warning). */
  function workspaceWithWarning(): string {
    const swagger = validSwagger();
    delete swagger.paths['/tasks/{taskId}'].get.parameters[0]['x-ms-url-encoding'];
    return workspaceWithConnector(JSON.stringify(swagger, null, 2));
  }

  it('fails on a warning with fail-on: warning', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithWarning(),
      inputs: { 'fail-on': 'warning' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', title: expect.stringMatching(/^SWG-PATH-PARAM-ENCODING/) }),
    );
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: '0 errors and 1 warning in 1 connector (fail-on: warning).',
      }),
    );
    expect(run.stdout).toContain(
      'certified-connectors/Contoso Tasks [certified]: 0 errors, 1 warning, 0 info\n',
    );
  });

  it("honours the repository's configuration file, and a bad one is an error on its line", async () => {
    const workspace = workspaceWithWarning();
    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'rules:\n  SWG-PATH-PARAM-ENCODING: off\n');
    const quiet = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'fail-on': 'warning' },
    });
    expect(quiet.exitCode).toBe(0);
    expect(quiet.outputs.warnings).toBe('0');

    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'rules:\n  SWG-PATH-PARAM-ENCODNG: off\n');
    const bad = await runActionBundle('validate-connector', { workspace });
    expect(bad.exitCode).toBe(1);
    expect(bad.annotations[0]).toMatchObject({ level: 'error', file: '.connector-alm.yml', line: 2 });
    expect(bad.annotations[0]!.message).toMatch(/SWG-PATH-PARAM-ENCODING/);
  });

  it('puts a trailing comma of a JSON configuration file on its line, which YAML let pass', async () => {
    const workspace = workspaceWithWarning();
    writeFileSync(
      path.join(workspace, '.connector-alm.json'),
      '{\n  "rules": {\n    "SWG-PATH-PARAM-ENCODING": "off",\n  }\n}\n',
    );
    const run = await runActionBundle('validate-connector', { workspace });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      expect.objectContaining({ level: 'error', file: '.connector-alm.json', line: 3, column: 37 }),
    ]);
    expect(run.annotations[0]!.message).toMatch(
      /^The configuration file is not valid JSON: A trailing comma/,
    );
  });

  it('puts every mistake of the configuration file on its line, in one run', async () => {
    const workspace = workspaceWithWarning();
    writeFileSync(
      path.join(workspace, '.connector-alm.yml'),
      'profile: certifed\nrules:\n  SWG-PATH-PARAM-ENCODING: eror\n',
    );
    const run = await runActionBundle('validate-connector', { workspace });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map(({ level, file, line, message }) => ({ level, file, line, message }))).toEqual(
      [
        {
          level: 'error',
          file: '.connector-alm.yml',
          line: 1,
          message:
            "Unknown profile 'certifed'. Did you mean 'certified'? The profiles are certified, independent-publisher, custom.",
        },
        {
          level: 'error',
          file: '.connector-alm.yml',
          line: 3,
          message:
            "Bad level 'eror' for rule SWG-PATH-PARAM-ENCODING. Did you mean 'error'? A level is error, warning, info or off.",
        },
      ],
    );
  });

  it('notes that a connector outside the layout got the relaxed custom rules because no profile was chosen', async () => {
    const workspace = workspaceWithConnector();
    renameSync(
      path.join(workspace, 'certified-connectors', 'Contoso Tasks'),
      path.join(workspace, 'Contoso Tasks'),
    );
    const run = await runActionBundle('validate-connector', { workspace });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'notice',
        message:
          'Contoso Tasks was checked with the relaxed custom rules, being outside certified-connectors/ and ' +
          'independent-publisher-connectors/. To check it as a submission, set the profile input to certified (or ' +
          'independent-publisher); to keep the custom rules without this note, set "profile: custom" in .connector-alm.yml.',
      }),
    ]);
    const chosen = await runActionBundle('validate-connector', {
      workspace,
      inputs: { profile: 'certified' },
    });
    expect(chosen.annotations.filter((a) => a.level === 'notice' && !a.file)).toEqual([]);
  });

  it('warns that only-new has no effect without a base, instead of ignoring it', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'only-new': 'true' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/only-new has no effect/) }),
    );
  });

  // fail-on-breaking: true on a push (no pull request, no base input) can never fail the step: a
  // workflow author who set it to guard against breaking changes must read that it guards nothing.
  it('warns that fail-on-breaking has no effect without a base, instead of ignoring it', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'fail-on-breaking': 'true' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toContainEqual({
      level: 'warning',
      message:
        'fail-on-breaking has no effect without a base to compare with: run on pull_request, or set the base input.',
    });
  });

  it('names both only-new and fail-on-breaking when neither has a base to act on', async () => {
    const run = await runActionBundle('validate-connector', {
      workspace: workspaceWithConnector(),
      inputs: { 'only-new': 'true', 'fail-on-breaking': 'true' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations.filter((annotation) => /no effect/.test(annotation.message))).toEqual([
      {
        level: 'warning',
        message:
          'only-new and fail-on-breaking have no effect without a base to compare with: run on pull_request, or set the base input.',
      },
    ]);
  });

  it('refuses a SARIF path outside the workspace before validating, and writes nothing there', async () => {
    const workspace = workspaceWithConnector();
    const name = `${path.basename(workspace)}.sarif`;
    const temp = runnerTemp();
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': `../${name}` },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message:
          `Input 'sarif-file' must name a place inside the workspace or the runner's temp folder; got '../${name}', which is '${path.join(workspace, '..', name)}'. Nothing was written.` +
          ` Use a path inside the workspace (${workspace}), or under runner.temp (${temp}), such as '\${{ runner.temp }}/${name}'. No '..' or symbolic link may lead out of it.`,
      },
    ]);
    expect(existsSync(path.join(workspace, '..', name))).toBe(false);
    expect(run.stdout).not.toContain('Validate connectors');
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at |This is a bug/m);
  });

  it("writes the SARIF report under the runner's temp folder, as '${{ runner.temp }}/x.sarif' gives it", async () => {
    const workspace = workspaceWithConnector();
    const temp = runnerTemp();
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': path.join(temp, 'reports', 'connector-alm.sarif') },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.annotations).toEqual([]);
    expect(run.exitCode).toBe(0);
    const written = path.join(temp, 'reports', 'connector-alm.sarif');
    expect(JSON.parse(readFileSync(written, 'utf8')).version).toBe('2.1.0');
    // By its absolute path, as the input gave it: relative to the workspace it was ../../_temp/… on a
    // hosted runner, a path nobody wrote (pack-, unpack- and export-solution name such files so too).
    expect(run.outputs['sarif-file']).toBe(realpathSync(written));
  });

  // extract-connectors writes a solution's connectors under runner.temp when asked, and gives their
  // folders by absolute path; the connectors output named them relative to the workspace, as
  // ../../_temp/… on a hosted runner, a path nobody wrote. Now as sarif-file and extract-connectors do,
  // and so does the job summary.
  it("names a connector folder under the runner's temp folder by its absolute path, in its output, log and summary", async () => {
    const workspace = workspaceWithConnector();
    const temp = runnerTemp();
    const extracted = path.join(temp, 'extracted', 'certified-connectors', 'Contoso Tasks');
    cpSync(path.join(workspace, 'certified-connectors', 'Contoso Tasks'), extracted, { recursive: true });
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { path: `certified-connectors/Contoso Tasks\n${extracted}` },
      env: { RUNNER_TEMP: temp },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual([extracted, 'certified-connectors/Contoso Tasks']);
    expect(run.stdout).toContain(`${extracted} [certified]: `);
    expect(run.stdout).not.toContain('../');
    // Its row of the status table, and the workspace's connector by its repository path.
    expect(run.summary).toContain(`| ${extracted} |`);
    expect(run.summary).toContain('| certified-connectors/Contoso Tasks |');
    expect(run.summary).not.toContain('../');
  });

  // The write made reports/ and then failed (a name longer than the file system takes): reports/
  // stayed behind, empty, for a later step's `git add -A`. Folders made for a write that fails go.
  it('leaves no folder it made behind when the SARIF report cannot be written', async () => {
    const workspace = workspaceWithConnector();
    const before = readdirSync(workspace).sort();
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': `reports/${'x'.repeat(256)}.sarif` },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      {
        level: 'error',
        message:
          "Input 'sarif-file' cannot be written: its path is longer than the file system allows (ENAMETOOLONG)." +
          " Give a path the job can write, such as 'connector-alm.sarif'.",
      },
    ]);
    expect(readdirSync(workspace).sort()).toEqual(before);
  });

  // mkdir failed with EEXIST after validating, which the action reported as a bug of its own.
  it('refuses a SARIF path that runs through a file before validating, naming the file', async () => {
    const workspace = workspaceWithConnector();
    writeFileSync(path.join(workspace, 'reports'), 'a file\n');
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': 'reports/connector-alm.sarif' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      {
        level: 'error',
        file: 'reports',
        message:
          'is a file, not a folder, so connector-alm.sarif cannot be made inside it.' +
          " Give 'sarif-file' a path that runs through folders only, or move the file out of the way.",
      },
    ]);
    expect(run.stdout).not.toContain('Validate connectors');
  });

  it('takes the current folder as the workspace when GITHUB_WORKSPACE is unset, as in a local run', async () => {
    const workspace = workspaceWithConnector();
    const name = `${path.basename(workspace)}-local.sarif`;
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': `../${name}` },
      env: { GITHUB_WORKSPACE: '', RUNNER_TEMP: '' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]!.message).toMatch(
      /^Input 'sarif-file' must name a place inside the workspace; got .* Use a path inside the workspace \(.*\), such as '.*-local\.sarif'\./,
    );
    expect(existsSync(path.join(workspace, '..', name))).toBe(false);
    const inside = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': 'connector-alm.sarif' },
      env: { GITHUB_WORKSPACE: '', RUNNER_TEMP: '' },
    });
    expect(inside.exitCode).toBe(0);
    expect(existsSync(path.join(workspace, 'connector-alm.sarif'))).toBe(true);
  });

  it('refuses a SARIF path that a link in the workspace leads outside, and a folder', async () => {
    const workspace = workspaceWithConnector();
    const outside = temporaryFolder('connector-alm-outside-');
    symlinkSync(outside, path.join(workspace, 'reports'));
    const temp = runnerTemp();
    const linked = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': 'reports/connector-alm.sarif' },
      env: { RUNNER_TEMP: temp },
    });
    expect(linked.exitCode).toBe(1);
    expect(linked.annotations[0]!.message).toBe(
      `Input 'sarif-file' must name a place inside the workspace or the runner's temp folder; got 'reports/connector-alm.sarif', which a symbolic link leads to '${path.join(realpathSync(outside), 'connector-alm.sarif')}'. Nothing was written.` +
        ` Use a path inside the workspace (${realpathSync(workspace)}), or under runner.temp (${temp}), such as '\${{ runner.temp }}/connector-alm.sarif'. No '..' or symbolic link may lead out of it.`,
    );
    expect(readdirSync(outside)).toEqual([]);

    const folder = await runActionBundle('validate-connector', { workspace, inputs: { 'sarif-file': '.' } });
    expect(folder.exitCode).toBe(1);
    expect(folder.annotations[0]!.message).toMatch(/sarif-file.*names a folder/);
    expect(folder.stderr + folder.stdout).not.toMatch(/EISDIR|This is a bug/);

    // A name that merely starts with two dots is inside.
    const dotted = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': '..connector-alm.sarif' },
    });
    expect(dotted.exitCode).toBe(0);
    expect(existsSync(path.join(workspace, '..connector-alm.sarif'))).toBe(true);
  });
});

describe('validate-connector with more findings than the job summary holds', () => {
  /**
   * 8,000 unknown extensions, each named apart: their summary lines pass GitHub's 1 MiB (findings of
   * one file that say the same would be one line). A rule lists at most 1,000 findings for one
   * connector, so they are spread over eight connectors of their own titles and hosts.
   */
  function workspaceWithManyFindings(): string {
    const workspace = workspaceWithConnector();
    const example = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    for (let copy = 0; copy < 8; copy++) {
      const folder = path.join(workspace, 'certified-connectors', `Contoso Tasks ${copy}`);
      cpSync(example, folder, { recursive: true });
      const swagger = validSwagger();
      swagger.info.title = `Contoso Tasks ${copy}`;
      swagger.host = `tasks${copy}.contoso.com`;
      const properties = Object.fromEntries(
        Array.from({ length: 1000 }, (_, i) => [
          `p${i}`,
          { type: 'string', [`x-ms-note-${i}`]: 'P', description: 'd' },
        ]),
      );
      swagger.definitions.Big = { type: 'object', properties };
      writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
    }
    rmSync(example, { recursive: true });
    return workspace;
  }

  it('does not send a maker to the job summary for findings the cut summary left out', async () => {
    const workspace = workspaceWithManyFindings();
    const bare = await runActionBundle('validate-connector', { workspace });
    expect(bare.outputs.warnings).toBe('8000');
    const cut = Number(bare.summary.match(/: (\d+) findings are not shown\./)?.[1]);
    expect(cut).toBeGreaterThan(0);
    expect(bare.summary).toContain('are not shown. Set the sarif-file input for a report of every finding.');
    expect(bare.stdout).toContain(
      `7990 more findings are not annotated, and the job summary, cut to GitHub's 1 MiB limit, leaves out ${cut} findings: set the sarif-file input for a report of every finding.\n`,
    );

    const withSarif = await runActionBundle('validate-connector', {
      workspace,
      inputs: { 'sarif-file': 'out/connector-alm.sarif' },
    });
    // Code scanning stores 5,000 results of an upload: the report keeps 5,000 and says so.
    expect(withSarif.summary).toContain(
      'are not shown. The SARIF report (out/connector-alm.sarif) holds the 5000 most severe; connector-alm validate --format json lists every finding.',
    );
    expect(withSarif.stdout).toContain(
      `7990 more findings are not annotated, and the job summary, cut to GitHub's 1 MiB limit, leaves out ${cut} findings; the SARIF report holds the most severe, \`connector-alm validate --format json\` every finding.\n`,
    );
    expect(withSarif.stdout).toContain(
      '::warning::The SARIF report holds 5000 of 8000 findings: code scanning stores at most 5000 results of an upload. It leaves out the least severe: 3000 warnings. `connector-alm validate --format json` lists every finding (the job summary, cut to its size limit, does not).\n',
    );
    const run = JSON.parse(readFileSync(path.join(workspace, 'out', 'connector-alm.sarif'), 'utf8')).runs[0];
    expect(run.results).toHaveLength(5000);
    expect(run.properties.resultsLeftOut).toMatchObject({ findings: 8000, results: 5000, warning: 3000 });
    expect(run.properties.resultsLeftOut.note ?? 0).toBe(0);
  });
});

describe('validate-connector path input', () => {
  const whatToGive =
    'Give connector folders (each holds apiDefinition.swagger.json and apiProperties.json), or folders that hold them, relative to the workspace, one per line.';

  /** The example workspace with an empty docs/ folder and a notes.txt beside the connectors. */
  function workspaceWithDocs(): string {
    const workspace = workspaceWithConnector();
    mkdirSync(path.join(workspace, 'docs'));
    writeFileSync(path.join(workspace, 'notes.txt'), 'not a connector\n');
    return workspace;
  }

  // [case, path input, message (without the hint), the file GitHub shows it on]. The folders with no
  // connector validated nothing and passed; a path that does not exist, or a file outside any
  // connector folder, failed with an annotation that did not name the input.
  it.each<[string, string, string, string | undefined]>([
    [
      'a folder with no connector',
      'docs',
      "docs: Input 'path' gives a folder that holds no connector folder.",
      undefined,
    ],
    [
      'a folder with no connector beside one with a connector',
      'certified-connectors\ndocs',
      "docs: Input 'path' gives a folder that holds no connector folder.",
      undefined,
    ],
    [
      'several folders with no connector',
      'docs\n.github',
      "Input 'path' gives folders that hold no connector folder: 'docs', '.github'.",
      undefined,
    ],
    [
      'a path that does not exist',
      'no-such-folder',
      "no-such-folder: Input 'path' gives a path that does not exist.",
      undefined,
    ],
    [
      'a misspelt path',
      'certified-connector',
      "certified-connector: Input 'path' gives a path that does not exist. Did you mean 'certified-connectors'?",
      undefined,
    ],
    [
      'a file outside any connector folder',
      'notes.txt',
      // A file of the repository: GitHub shows the annotation on it, so the text does not name it.
      "Input 'path' gives a path that is not a file of a connector folder.",
      'notes.txt',
    ],
  ])(
    'fails the step on %s, with one error naming the input and the path',
    async (_case, given, message, file) => {
      const workspace = workspaceWithDocs();
      mkdirSync(path.join(workspace, '.github'));
      const run = await runActionBundle('validate-connector', { workspace, inputs: { path: given } });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(1);
      expect(run.annotations).toEqual([{ level: 'error', message: `${message} ${whatToGive}`, file }]);
      expect(run.stdout).not.toMatch(/This is a bug/);
    },
  );

  // A solution given in path: the advice is extract-connectors', in a workflow's words, as
  // open-pull-request's connector input gives it.
  const extractFirst =
    "A solution's connectors are read in the PowerPlatformConnectors layout: extract them into connector folders first (the extract-connectors action, e.g. into custom-connectors), then give those folders in path.";
  it.each<[string, string, string, string | undefined]>([
    [
      'a solution zip',
      'Contoso.zip',
      "Input 'path' gives a path that is a zip (a solution?), not a connector folder or a file of one.",
      'Contoso.zip',
    ],
    [
      'an unpacked solution',
      'solutions/Contoso',
      "solutions/Contoso: Input 'path' gives a path that is an unpacked solution, not a connector folder or a file of one.",
      undefined,
    ],
    [
      'a file of an unpacked solution',
      'solutions/Contoso/Other/Customizations.xml',
      "Input 'path' gives a path that is a file of the unpacked solution 'solutions/Contoso', not a connector folder or a file of one.",
      'solutions/Contoso/Other/Customizations.xml',
    ],
  ])('fails the step on %s, with the way to its connector folders', async (_case, given, message, file) => {
    const workspace = workspaceWithConnector();
    writeFileSync(path.join(workspace, 'Contoso.zip'), Buffer.from('PK\x03\x04not really a zip', 'latin1'));
    mkdirSync(path.join(workspace, 'solutions', 'Contoso', 'Other'), { recursive: true });
    writeFileSync(
      path.join(workspace, 'solutions', 'Contoso', 'Other', 'Solution.xml'),
      '<ImportExportXml/>\n',
    );
    writeFileSync(
      path.join(workspace, 'solutions', 'Contoso', 'Other', 'Customizations.xml'),
      '<ImportExportXml/>\n',
    );
    const run = await runActionBundle('validate-connector', { workspace, inputs: { path: given } });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([{ level: 'error', message: `${message} ${extractFirst}`, file }]);
  });

  // Both were refused, but a path too long was told "does not exist.", and the configuration file's
  // "The configuration file cannot be read (ENAMETOOLONG)." named no input and asked to check who may
  // read it. Now as open-pull-request's `connector` says it (realPathInsideWorkspace).
  it.each<[string, Record<string, string>, string]>([
    ['path', { path: `${'a'.repeat(300)}/Contoso` }, `${'a'.repeat(300)}/Contoso`],
    ['config', { config: `${'c'.repeat(300)}.yml` }, `${'c'.repeat(300)}.yml`],
  ])(
    'says a %s with a name longer than the file system allows as such, naming the input',
    async (input, inputs, shown) => {
      const run = await runActionBundle('validate-connector', {
        workspace: workspaceWithConnector(),
        inputs,
      });
      expect(run.exitCode).toBe(1);
      expect(run.annotations).toEqual([
        {
          level: 'error',
          message: `${shown}: Input '${input}' cannot be read: its path is longer than the file system allows (ENAMETOOLONG). Give '${input}' a path with shorter names.`,
          file: undefined,
        },
      ]);
      expect(run.stdout).not.toMatch(/This is a bug/);
    },
  );

  it("passes a path whose connector folders the configuration ignores, as the CLI's validate does", async () => {
    const workspace = workspaceWithConnector();
    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'ignore:\n  - certified-connectors/Contoso*\n');
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: { path: 'certified-connectors' },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.connectors).toBe('[]');
    // A notice on the pattern, not the warning of an empty workspace (validate-connector-ignored.test.ts).
    expect(run.annotations.map((a) => [a.level, a.file, a.line])).toEqual([
      ['notice', '.connector-alm.yml', 2],
    ]);
  });

  it('warns, and passes, when the whole workspace holds no connector folder', async () => {
    const workspace = workspaceWithDocs();
    rmSync(path.join(workspace, 'certified-connectors'), { recursive: true });
    const run = await runActionBundle('validate-connector', { workspace });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.result).toBe('success');
    expect(run.outputs.connectors).toBe('[]');
    expect(run.annotations).toEqual([
      {
        level: 'warning',
        message:
          'The workspace holds no connector folder; nothing was validated. Check that actions/checkout runs before this step, or give the connector folders in path.',
      },
    ]);
  });

  it('does not warn when the configuration ignores every connector folder of the workspace', async () => {
    const workspace = workspaceWithConnector();
    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'ignore:\n  - certified-connectors/*\n');
    const run = await runActionBundle('validate-connector', { workspace });
    expect(run.exitCode).toBe(0);
    expect(run.annotations.map((a) => [a.level, a.file, a.line])).toEqual([
      ['notice', '.connector-alm.yml', 2],
    ]);
  });
});

describe('validate-connector names files as GitHub reads them back', () => {
  // Repository-relative with '/': a Windows runner's own paths have '\\', which GitHub takes as part of
  // a file name (no annotation on the file, broken links), and so would a matrix built from the
  // outputs. posixRelativePath's tests show the Windows separators; here, that every path goes through it.
  const repositoryRelative = /^(?!\/|[A-Za-z]:|\.\.\/)[^\\]+$/;

  it('in the outputs, annotations, SARIF log and job summary', async () => {
    const swagger = validSwagger();
    delete swagger.paths['/tasks/{taskId}'].get.parameters[0]['x-ms-url-encoding'];
    const workspace = workspaceWithConnector(JSON.stringify(swagger, null, 2));
    const run = await runActionBundle('validate-connector', {
      workspace,
      inputs: {
        path: path.join(workspace, 'certified-connectors', 'Contoso Tasks'),
        'sarif-file': 'reports/connector-alm.sarif',
      },
      env: { GITHUB_SHA: 'abc123' },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
    expect(run.outputs['sarif-file']).toBe('reports/connector-alm.sarif');
    const files = run.annotations.map((annotation) => annotation.file);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(repositoryRelative);
    const sarif = JSON.parse(readFileSync(path.join(workspace, run.outputs['sarif-file']!), 'utf8'));
    const results = sarif.runs[0].results as {
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
      properties: { connector: string };
    }[];
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.locations[0]!.physicalLocation.artifactLocation).toEqual({
        uri: 'certified-connectors/Contoso%20Tasks/apiDefinition.swagger.json',
        uriBaseId: '%SRCROOT%',
      });
      expect(result.properties.connector).toBe('certified-connectors/Contoso Tasks');
    }
    expect(run.summary).toContain('| certified-connectors/Contoso Tasks | certified |');
    expect(run.summary).toMatch(
      /\[certified-connectors\/Contoso Tasks\/apiDefinition\.swagger\.json:\d+:\d+\]\(https:\/\/github\.com\/contoso\/connectors\/blob\/abc123\/certified-connectors\/Contoso%20Tasks\/apiDefinition\.swagger\.json#L\d+\)/,
    );
  });

  it('in the text of an annotation on a folder, which GitHub shows on no file', async () => {
    const workspace = workspaceWithConnector();
    const tasks = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    mkdirSync(path.join(tasks, 'docs'));
    writeFileSync(path.join(tasks, 'docs', 'notes.md'), '# Notes\n');
    writeFileSync(path.join(tasks, 'screenshot.png'), 'not really a picture');
    const run = await runActionBundle('validate-connector', { workspace });
    expect(run.stderr).toBe('');
    const extra = run.annotations.filter((a) => a.title === 'REPO-EXTRA-FILES');
    expect(extra).toEqual([
      {
        level: 'warning',
        title: 'REPO-EXTRA-FILES',
        message:
          'certified-connectors/Contoso Tasks/docs: docs is a nested folder: connector files sit directly in the connector folder. Remove it from the connector folder.',
      },
      expect.objectContaining({ file: 'certified-connectors/Contoso Tasks/screenshot.png', line: 1 }),
    ]);
  });

  it('in the annotation of a configuration error, which named the file by its absolute path', async () => {
    const workspace = workspaceWithConnector();
    writeFileSync(path.join(workspace, '.connector-alm.yml'), 'rules: {}\n');
    writeFileSync(path.join(workspace, '.connector-alm.yaml'), 'rules: {}\n');
    const run = await runActionBundle('validate-connector', { workspace });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        file: '.connector-alm.yaml',
        message: expect.stringMatching(
          /^is a second configuration file in its folder, beside \.connector-alm\.yml\. /,
        ),
      }),
    ]);
  });
});

/** The action on pull request 7 of pullRequestRepository (feature, which edits Tasks, into dev). */
async function runOnPullRequest(inputs: Record<string, string>) {
  const { workspace, baseSha, headSha } = pullRequestRepository(workspaceWithConnector());
  const run = await runActionBundle('validate-connector', {
    workspace,
    eventName: 'pull_request',
    event: {
      pull_request: { number: 7, base: { ref: 'dev', sha: baseSha }, head: { ref: 'feature', sha: headSha } },
    },
    inputs,
  });
  return { workspace, headSha, run };
}

/** The action on pull request `number`, from `baseSha` to the workspace's HEAD commit. */
function runOnHeadOf(workspace: string, baseSha: string, number: number) {
  return runActionBundle('validate-connector', {
    workspace,
    eventName: 'pull_request',
    event: {
      pull_request: { number, base: { sha: baseSha }, head: { sha: git(workspace, 'rev-parse', 'HEAD') } },
    },
  });
}

describe('validate-connector in a pull request', () => {
  it('checks only the changed connector, marks new findings and reports the breaking change', async () => {
    const { workspace, headSha, run } = await runOnPullRequest({ 'sarif-file': 'out/connector-alm.sarif' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
    expect(run.outputs['breaking-changes']).toBe('1');
    expect(run.exitCode).toBe(1);
    const titleError = run.annotations.find((a) => a.title?.startsWith('SWG-INFO-TITLE-LEN'));
    expect(titleError).toMatchObject({
      level: 'error',
      file: 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
    });
    expect(run.summary).toMatch(/BRK-OP-DELETED/);
    // Each finding in the summary links to its line at the pull request's head.
    expect(run.summary).toContain(
      `(https://github.com/contoso/connectors/blob/${headSha}/certified-connectors/Contoso%20Tasks/apiDefinition.swagger.json#L4)`,
    );
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'out/connector-alm.sarif'), 'utf8'));
    const results = sarif.runs[0].results as { ruleId: string; baselineState?: string }[];
    expect(results.find((r) => r.ruleId === 'SWG-INFO-TITLE-LEN')?.baselineState).toBe('new');
    expect(results.some((r) => r.ruleId === 'BRK-OP-DELETED')).toBe(true);
  });

  // The step fails on the errors, not on the breaking change (fail-on-breaking is false): its failure
  // says that the breaking changes are not what failed it, or a maker would undo the wrong change.
  it('fails on the findings besides the breaking changes, and says so', async () => {
    const { run } = await runOnPullRequest({});
    expect(run.outputs['breaking-changes']).toBe('1');
    expect(run.exitCode).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error' && !a.title)).toEqual([
      {
        level: 'error',
        message: '2 errors and 0 warnings besides the breaking changes in 1 connector (fail-on: error).',
      },
    ]);
  });

  it('names the changed folders from the workspace when GITHUB_WORKSPACE is reached through a link', async () => {
    // Self-hosted runners often put the work folder behind a link; git names files from the real
    // top level, and the folders were computed against the linked path: '../../…' paths.
    const { workspace, baseSha, headSha } = pullRequestRepository(workspaceWithConnector());
    const linked = path.join(runnerTemp(), 'linked-workspace');
    symlinkSync(workspace, linked, 'dir');
    const run = await runActionBundle('validate-connector', {
      workspace: linked,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 7,
          base: { ref: 'dev', sha: baseSha },
          head: { ref: 'feature', sha: headSha },
        },
      },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
    expect(run.annotations.find((a) => a.title?.startsWith('SWG-INFO-TITLE-LEN'))).toMatchObject({
      file: 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
    });
  });

  it('with base: none checks every connector as it is, even in a pull request', async () => {
    const { run } = await runOnPullRequest({ base: 'none' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual([
      'certified-connectors/Contoso Notes',
      'certified-connectors/Contoso Tasks',
    ]);
    expect(run.outputs['breaking-changes']).toBe('0');
    expect(run.summary).not.toMatch(/BRK-/);
    // Nothing was compared: the summary must not say that no connector changed against the base.
    expect(run.summary).not.toMatch(/against the base|differs from the base/);
  });

  it('checks the pull request itself: one connector per pull request, its branch, its title', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    // A second, independent-publisher connector beside an edit of the certified one.
    const tasks = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    const weather = path.join(workspace, 'independent-publisher-connectors', 'Contoso Weather');
    mkdirSync(weather, { recursive: true });
    const swagger = validSwagger();
    swagger.info.title = 'Contoso Weather';
    writeFileSync(path.join(weather, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
    for (const file of ['apiProperties.json', 'readme.md'])
      copyFileSync(path.join(tasks, file), path.join(weather, file));
    writeFileSync(
      path.join(tasks, 'readme.md'),
      readFileSync(path.join(tasks, 'readme.md'), 'utf8') + '\nMore.\n',
    );
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'two connectors');
    const run = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 10,
          title: 'New weather connector',
          base: { ref: 'master', sha: baseSha, repo: { full_name: 'contoso/PowerPlatformConnectors' } },
          head: { ref: 'feature', sha: git(workspace, 'rev-parse', 'HEAD') },
        },
      },
      inputs: { 'max-annotations': '100' },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual([
      'certified-connectors/Contoso Tasks',
      'independent-publisher-connectors/Contoso Weather',
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.result).toBe('failure');
    // Findings on a connector folder: GitHub shows an annotation on no folder, so its text names it.
    const annotation = (rule: string, folder: string) =>
      run.annotations.find((a) => a.title?.startsWith(rule) && a.message.startsWith(`${folder}: `));
    // A warning on a certified connector (Microsoft merges certified families changed together),
    // an error on an independent publisher's.
    expect(annotation('REPO-ONE-PER-PR', 'certified-connectors/Contoso Tasks')).toEqual({
      level: 'warning',
      title: 'REPO-ONE-PER-PR',
      message:
        'certified-connectors/Contoso Tasks: You can only submit one connector per pull request: this change also touches "independent-publisher-connectors/Contoso Weather". Move the changes to the other connectors into pull requests of their own.',
    });
    expect(annotation('REPO-ONE-PER-PR', 'independent-publisher-connectors/Contoso Weather')).toMatchObject({
      level: 'error',
    });
    expect(annotation('REPO-PR-TITLE-IP', 'independent-publisher-connectors/Contoso Weather')).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('Title the pull request "Contoso Weather (Independent Publisher)"'),
    });
    // Certified connectors have no title rule.
    expect(annotation('REPO-PR-TITLE-IP', 'certified-connectors/Contoso Tasks')).toBeUndefined();
    expect(annotation('REPO-TARGET-DEV', 'certified-connectors/Contoso Tasks')).toMatchObject({
      level: 'error',
      message: expect.stringContaining("This pull request goes into 'master'"),
    });
    expect(run.summary).toMatch(/REPO-ONE-PER-PR/);
  });

  it("judges GitHub's merge commit on the pull request's own change when the event's base sha is older", async () => {
    // The pull request edits Tasks. Meanwhile another pull request added Notes to dev, and GitHub
    // rebuilt refs/pull/N/merge on the new dev; the event still carries the dev commit it had when
    // the pull request was opened (retitled, reopened or re-run without a push).
    const workspace = workspaceWithConnector();
    const staleBaseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    const tasks = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    writeFileSync(
      path.join(tasks, 'readme.md'),
      readFileSync(path.join(tasks, 'readme.md'), 'utf8') + '\nMore.\n',
    );
    git(workspace, 'commit', '-qam', 'edit Tasks');
    const headSha = git(workspace, 'rev-parse', 'HEAD');
    git(workspace, 'checkout', '-q', 'dev');
    const notes = path.join(workspace, 'certified-connectors', 'Contoso Notes');
    mkdirSync(notes);
    const swagger = validSwagger();
    swagger.info.title = 'Contoso Notes';
    swagger.host = 'notes.contoso.com';
    writeFileSync(path.join(notes, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
    for (const file of ['apiProperties.json', 'readme.md'])
      copyFileSync(path.join(tasks, file), path.join(notes, file));
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'another pull request adds Notes');
    // What actions/checkout checks out for pull_request: the merge of the head into the base.
    git(workspace, 'checkout', '-q', '--detach');
    git(workspace, 'merge', '-q', '--no-ff', '--no-edit', headSha);
    const run = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 11,
          title: 'Contoso Tasks',
          base: { ref: 'dev', sha: staleBaseSha, repo: { full_name: 'contoso/PowerPlatformConnectors' } },
          head: { ref: 'feature', sha: headSha },
        },
      },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
    expect(run.annotations.filter((a) => a.title?.startsWith('REPO-ONE-PER-PR'))).toEqual([]);
    expect(run.exitCode).toBe(0);
  });

  // A head checked out as it is (actions/checkout with ref: the head's sha), whose last commit merges
  // the base branch in: a merge commit too, but not GitHub's merge of the head, so its first parent is
  // the pull request's previous commit, no base; compared with it, the pull request changed nothing.
  it("compares a head that merges its base branch in with the event's base, not with its first parent", async () => {
    const workspace = workspaceWithConnector();
    commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    commitGetTaskRemoved(workspace);
    git(workspace, 'checkout', '-q', 'dev');
    writeFileSync(path.join(workspace, 'README.md'), '# connectors\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'dev adds a readme');
    const baseSha = git(workspace, 'rev-parse', 'HEAD');
    git(workspace, 'checkout', '-q', 'feature');
    git(workspace, 'merge', '-q', '--no-edit', 'dev');
    const run = await runOnHeadOf(workspace, baseSha, 13);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.outputs.connectors!)).toEqual(['certified-connectors/Contoso Tasks']);
    expect(run.outputs['breaking-changes']).toBe('1');
  });

  it('passes a pull request that changes no connector', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    writeFileSync(path.join(workspace, 'README.md'), '# connectors\n');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'docs');
    const run = await runOnHeadOf(workspace, baseSha, 8);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.connectors).toBe('[]');
    // Quietly: no warning that the workspace holds no connector, which it does.
    expect(run.annotations).toEqual([]);
  });

  it('reports a connector folder the pull request deleted as a breaking change, judged by fail-on-breaking', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'rm', '-rq', 'certified-connectors/Contoso Tasks');
    git(workspace, 'commit', '-qm', 'remove Tasks');
    const event = {
      pull_request: {
        number: 12,
        base: { sha: baseSha },
        head: { sha: git(workspace, 'rev-parse', 'HEAD') },
      },
    };
    const warned = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event,
      inputs: { 'sarif-file': 'connector-alm.sarif' },
    });
    expect(warned.stderr).toBe('');
    expect(warned.stdout).toContain(
      'Deleted or moved away (compared with the base): certified-connectors/Contoso Tasks\n',
    );
    expect(warned.stdout).toContain(
      'certified-connectors/Contoso Tasks [deleted]: 1 error, 0 warnings, 0 info',
    );
    // Nothing of it is left to validate, or to hand to later steps.
    expect(warned.outputs.connectors).toBe('[]');
    expect(warned.outputs['breaking-changes']).toBe('1');
    expect(warned.outputs.errors).toBe('1');
    expect(warned.outputs.result).toBe('success');
    expect(warned.exitCode).toBe(0);
    // On the folder, which GitHub shows on no file: the text names it.
    expect(warned.annotations.find((a) => a.title === 'BRK-CONNECTOR-DELETED')).toEqual({
      level: 'error',
      title: 'BRK-CONNECTOR-DELETED',
      message: expect.stringMatching(
        /^certified-connectors\/Contoso Tasks: The connector has been deleted\. This change breaks existing flows/,
      ),
    });
    expect(warned.summary).toContain('⚠️ 0 connectors checked, 1 deleted: 1 error, 0 warnings, 0 info');
    expect(warned.summary).toContain(
      '| certified-connectors/Contoso Tasks (deleted) | — | 1 | 0 | 0 | 1 | ⚠️ |',
    );
    expect(warned.summary).toContain(
      '**certified-connectors/Contoso Tasks** (deleted): breaking (1 breaking, 0 non-breaking)',
    );
    // Listed once, with the change, where the base version had it: linked at the merge base, the
    // commit that still has the folder (not the commit under review, which deleted it).
    expect(warned.summary).toMatch(
      /^- 💥 \*\*breaking\*\* \[`BRK-CONNECTOR-DELETED`\]\([^)]+\): The connector has been deleted\. .* \(error certified-connectors\/Contoso Tasks; in the base version \[([0-9a-f]{12}):certified-connectors\/Contoso Tasks\/apiDefinition\.swagger\.json:1\]\(https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/\1[0-9a-f]{28}\/certified-connectors\/Contoso%20Tasks\/apiDefinition\.swagger\.json#L1\)\)$/m,
    );
    expect(warned.summary).not.toContain('### Findings by rule');
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'connector-alm.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-CONNECTOR-DELETED',
        baselineState: 'new',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'certified-connectors/Contoso%20Tasks', uriBaseId: '%SRCROOT%' },
            },
          },
        ],
      }),
    ]);

    const failed = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event,
      inputs: { 'fail-on-breaking': 'true' },
    });
    expect(failed.outputs.result).toBe('failure');
    expect(failed.exitCode).toBe(1);
    expect(failed.summary).toContain(
      '| certified-connectors/Contoso Tasks (deleted) | — | 1 | 0 | 0 | 1 | ❌ |',
    );
  });

  it('says in the job summary which folder a renamed connector came from', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'mv', 'certified-connectors/Contoso Tasks', 'certified-connectors/Contoso Task List');
    git(workspace, 'commit', '-qm', 'rename the folder');
    const run = await runOnHeadOf(workspace, baseSha, 13);
    expect(run.stderr).toBe('');
    expect(run.summary).toContain(
      '**certified-connectors/Contoso Task List** (renamed from certified-connectors/Contoso Tasks): no-change',
    );
    // Moved, not deleted: no flow breaks.
    expect(run.outputs['breaking-changes']).toBe('0');
    expect(run.summary).not.toContain('BRK-CONNECTOR-DELETED');
  });

  it('passes a pull request whose only errors are breaking changes unless fail-on-breaking is true', async () => {
    // fail-on-breaking: false (the default) leaves breaking changes to the reviewers: they are
    // reported, but they must not fail the step through fail-on, as errors of their own.
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    commitGetTaskRemoved(workspace);
    const event = {
      pull_request: {
        number: 11,
        base: { ref: 'dev', sha: baseSha },
        head: { ref: 'feature', sha: git(workspace, 'rev-parse', 'HEAD') },
      },
    };
    const warned = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event,
    });
    expect(warned.stderr).toBe('');
    expect(warned.outputs['breaking-changes']).toBe('1');
    expect(warned.outputs.errors).toBe('1');
    expect(warned.annotations.find((a) => a.title === 'BRK-OP-DELETED')).toMatchObject({ level: 'error' });
    expect(warned.annotations.filter((a) => !a.file)).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: '1 breaking change against the base; reviewers must acknowledge them (see the job summary).',
      }),
    ]);
    // The log counts the findings the comparison added, as the outputs and the summary do.
    expect(warned.stdout).toContain(
      'certified-connectors/Contoso Tasks [certified]: 1 error, 0 warnings, 1 info',
    );
    expect(warned.outputs.result).toBe('success');
    expect(warned.exitCode).toBe(0);
    // The summary does not show the connector as failed either.
    expect(warned.summary).not.toContain('❌');
    // Its row counts the findings new since the base: the breaking change, and the readme's
    // listing of the operation it deleted.
    expect(warned.summary).toContain(
      '| certified-connectors/Contoso Tasks | certified | 1 | 0 | 1 | 2 | ⚠️ |',
    );

    const failed = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event,
      inputs: { 'fail-on-breaking': 'true' },
    });
    expect(failed.outputs.result).toBe('failure');
    expect(failed.exitCode).toBe(1);
    expect(failed.annotations.filter((a) => !a.file)).toEqual([
      expect.objectContaining({
        level: 'error',
        message: '1 breaking change against the base (fail-on-breaking: true).',
      }),
    ]);
  });

  it('explains a shallow clone instead of failing obscurely', async () => {
    const workspace = workspaceWithConnector();
    const cutOff = commitOnDev(workspace);
    // What a clone with actions/checkout's default fetch-depth of 1 has: its cut-off commits.
    writeFileSync(path.join(workspace, '.git', 'shallow'), `${cutOff}\n`);
    const run = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 9,
          base: { sha: '0123456789abcdef0123456789abcdef01234567' },
          head: { sha: 'x' },
        },
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]!.message).toMatch(/fetch-depth: 0/);
  });
});

describe('validate-connector on a stranger’s pull request', () => {
  it('prints folder names that look like workflow commands without the runner carrying them out', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    const tasks = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    const names = [
      'Contoso\n::error file=README.md::pwned by a folder name',
      'Contoso ##[warning]pwned by the legacy form',
      // An empty stop token never resumes: every annotation after it would be lost.
      'Contoso\r::stop-commands::',
    ];
    for (const name of names) {
      const folder = path.join(workspace, 'certified-connectors', name);
      mkdirSync(folder);
      for (const file of readdirSync(tasks)) copyFileSync(path.join(tasks, file), path.join(folder, file));
    }
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'three connectors');
    const run = await runActionBundle('validate-connector', {
      workspace,
      eventName: 'pull_request',
      event: {
        pull_request: {
          number: 12,
          base: { ref: 'dev', sha: baseSha },
          head: { ref: 'feature', sha: git(workspace, 'rev-parse', 'HEAD') },
        },
      },
      inputs: { 'max-annotations': '100' },
    });
    expect(JSON.parse(run.outputs.connectors!)).toHaveLength(3);
    // The findings quote the names; no annotation is made of them.
    expect(run.annotations.filter((a) => a.message.startsWith('pwned'))).toEqual([]);
    expect(run.commands.filter((c) => /^(add-mask|set-output|save-state)$/i.test(c.command))).toEqual([]);
    // The action's own annotations, written after the log named every folder, still reach the runner:
    // three connectors in one pull request, annotated once for all three.
    const onePerPr = run.annotations.filter((a) => a.title?.startsWith('REPO-ONE-PER-PR'));
    expect(onePerPr).toHaveLength(1);
    expect(onePerPr[0]!.message).toMatch(/\(also on 2 more connectors\)$/);
    // And the log still names each folder as it is.
    for (const name of names) expect(run.stdout).toContain(`certified-connectors/${name}`);
  });
});

describe('validate-connector on a folder named to break the summary and the outputs', () => {
  // A fork can name a connector folder anything Linux allows: table pipes, code fences, HTML, a
  // workflow command, the runner's escape for a line break, and a line break itself, once before an
  // output's key and once before a workflow command, which would start its own line of the log.
  const name =
    'Contoso | `tick` <img src=x onerror=alert(1)> %0A\nnext=injected\n::error title=injected::pwned';

  it('keeps the table row whole, shows the name as text, and adds no output', async () => {
    const workspace = workspaceWithConnector();
    const baseSha = commitOnDev(workspace);
    git(workspace, 'checkout', '-qb', 'feature');
    const tasks = path.join(workspace, 'certified-connectors', 'Contoso Tasks');
    const folder = path.join(workspace, 'certified-connectors', name);
    mkdirSync(folder);
    for (const file of readdirSync(tasks)) copyFileSync(path.join(tasks, file), path.join(folder, file));
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'a hostile folder name');
    const run = await runOnHeadOf(workspace, baseSha, 13);
    // Exactly the outputs action.yml declares: the line break in the name started no `next` key.
    expect(Object.keys(run.outputs).sort()).toEqual(
      [
        'breaking-changes',
        'connectors',
        'errors',
        'fixed',
        'fixed-in-part',
        'notices',
        'result',
        'sarif-file',
        'warnings',
      ].sort(),
    );
    expect(JSON.parse(run.outputs.connectors!)).toEqual([`certified-connectors/${name}`]);
    // The status table: the hostile row has as many cells as the header, its pipe escaped.
    const cells = (line: string): number => line.split(/(?<!\\)\|/).length;
    const table = run.summary.split('\n').filter((line) => line.startsWith('| '));
    const row = table.find((line) => line.includes('Contoso \\| '));
    expect(row).toBeDefined();
    expect(cells(row!)).toBe(cells(table[0]!));
    // Shown as text: no tag, no line of the summary that the name began.
    expect(run.summary).not.toContain('<img');
    expect(run.summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(run.summary.split('\n').filter((line) => line.startsWith('next'))).toEqual([]);
    // No annotation made of the name, though the log prints it on lines of its own.
    expect(run.stdout).toContain('\n::error title=injected::pwned');
    expect(run.annotations.filter((annotation) => annotation.message.startsWith('pwned'))).toEqual([]);
  });
});
