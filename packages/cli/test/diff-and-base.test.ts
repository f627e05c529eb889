import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';
import { runGit, temporaryFolder } from '@connector-alm/testing';
import { validSwagger, writeValidConnector } from '@connector-alm/validator/testing';

function tempRoot(): string {
  const root = temporaryFolder('cli-diff-');
  return root;
}

const git = (cwd: string, ...args: string[]): string => runGit(cwd, args);

describe('connector-alm diff', () => {
  it('reports a deleted operation as breaking, in JSON, and exits 1', async () => {
    const root = tempRoot();
    const after = validSwagger();
    delete after.paths['/tasks/{taskId}'];
    writeValidConnector(path.join(root, 'old'), validSwagger());
    writeValidConnector(path.join(root, 'new'), after);
    const io = memoryIo(root);
    expect(await runCli(['diff', 'old', 'new', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.classification).toBe('breaking');
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        ruleId: 'BRK-OP-DELETED',
        breaking: true,
        operationId: 'GetTask',
        file: 'old/apiDefinition.swagger.json',
      }),
    );
  });

  it('calls a text edit a minor update and exits 0; --fail-on never never fails', async () => {
    const root = tempRoot();
    const after = validSwagger();
    after.info.description = 'Contoso Tasks lets whole teams plan, assign and track their work items.';
    writeValidConnector(path.join(root, 'old'), validSwagger());
    writeValidConnector(path.join(root, 'new'), after);
    const io = memoryIo(root);
    expect(
      await runCli(['diff', 'old/apiDefinition.swagger.json', 'new/apiDefinition.swagger.json'], io),
    ).toBe(0);
    expect(io.out()).toMatch(/^minor-update: 1 change, 0 breaking$/m);
  });

  /** The old version's Task has a 'status' output; the new one drops it and adds an operation. */
  function outputDeletedAndOperationAdded(): string {
    const root = tempRoot();
    const after = validSwagger();
    delete after.definitions.Task.properties.status;
    after.paths['/tasks/{taskId}'].delete = {
      summary: 'Delete a task',
      description: 'Deletes one task by its identifier.',
      operationId: 'DeleteTask',
      parameters: [{ ...after.paths['/tasks/{taskId}'].get.parameters[0] }],
      responses: { '204': { description: 'Deleted.' } },
    };
    writeValidConnector(path.join(root, 'old'), validSwagger());
    writeValidConnector(path.join(root, 'new'), after);
    return root;
  }

  it('names the deleted output field, the version it is in and the impact, in JSON', async () => {
    const io = memoryIo(outputDeletedAndOperationAdded());
    expect(await runCli(['diff', 'old', 'new', '--format', 'json'], io)).toBe(1);
    const changes = JSON.parse(io.out()).changes as Record<string, unknown>[];
    expect(changes).toContainEqual(
      expect.objectContaining({
        ruleId: 'BRK-OUTPUT-DELETED',
        operationId: 'GetTask',
        file: 'old/apiDefinition.swagger.json',
        side: 'old',
        impact: 'breaking',
        valuePath: 'operation/GetTask/responses/200/schema/status',
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ ruleId: 'CHG-OP-ADDED', side: 'new', impact: 'major' }),
    );
  });

  it('names the deleted output field, the version it is in and the impact, in text', async () => {
    const io = memoryIo(outputDeletedAndOperationAdded());
    expect(await runCli(['diff', 'old', 'new'], io)).toBe(1);
    const lines = io.out().split('\n');
    const deleted = lines.find((line) => line.includes('BRK-OUTPUT-DELETED') && line.includes('GetTask'));
    expect(deleted).toMatch(
      /^old\/apiDefinition\.swagger\.json:\d+:\d+ \(in the base version\) breaking \(error\) BRK-OUTPUT-DELETED .* ValuePath: operation\/GetTask\/responses\/200\/schema\/status$/,
    );
    const added = lines.find((line) => line.includes('CHG-OP-ADDED'));
    expect(added).toMatch(/^new\/apiDefinition\.swagger\.json:\d+:\d+ major \(info\) CHG-OP-ADDED /);
  });

  it('tells a minor change from a major one in text', async () => {
    const root = tempRoot();
    const after = validSwagger();
    after.info.description = 'Contoso Tasks lets whole teams plan, assign and track their work items.';
    after.paths['/tasks'].get.parameters.push({
      name: 'owner',
      in: 'query',
      type: 'string',
      required: false,
      'x-ms-summary': 'Owner',
      description: 'Only tasks of this owner.',
    });
    writeValidConnector(path.join(root, 'old'), validSwagger());
    writeValidConnector(path.join(root, 'new'), after);
    const io = memoryIo(root);
    expect(await runCli(['diff', 'old', 'new'], io)).toBe(0);
    expect(io.out()).toMatch(/^new\/apiDefinition\.swagger\.json:\d+:\d+ minor \(info\) CHG-TEXT-EDITED /m);
    expect(io.out()).toMatch(/^new\/apiDefinition\.swagger\.json:\d+:\d+ major \(info\) CHG-PARAM-ADDED /m);
    expect(io.out()).toMatch(/^major-update: 2 changes, 0 breaking$/m);
  });

  it('finds nothing between a connector and itself', async () => {
    const root = tempRoot();
    writeValidConnector(path.join(root, 'same'), validSwagger());
    const io = memoryIo(root);
    expect(await runCli(['diff', 'same', 'same', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ changes: [], classification: 'no-change' });
  });

  /** The same swagger with a trailing comma and a doubled one, in folders a and b (a user's report). */
  function brokenOnBothSides(): string {
    const root = tempRoot();
    for (const side of ['a', 'b']) {
      mkdirSync(path.join(root, side));
      writeFileSync(path.join(root, side, 'apiDefinition.swagger.json'), '{"swagger": "2.0",,}');
    }
    return root;
  }

  // Both versions' errors were told, the new version's as breaking: a file the update left alone
  // failed diff (exit 1), while validate --base called the same update a major one.
  it('tells where a version does not parse, once for an error both versions have, as major, not breaking', async () => {
    const root = brokenOnBothSides();
    const io = memoryIo(root);
    expect(await runCli(['diff', 'a', 'b'], io)).toBe(0);
    const told = 'CHG-JSON-SYNTAX The file is not strict JSON; it was compared as far as it could be read.';
    const inBoth = 'The base version has the same error: this update did not make it.';
    expect(io.out().split('\n')).toEqual([
      `${path.join('b', 'apiDefinition.swagger.json')}:1:18 major (error) ${told} A trailing comma before '}' is not allowed in JSON; remove it. ${inBoth}`,
      `${path.join('b', 'apiDefinition.swagger.json')}:1:19 major (error) ${told} Two commas in a row: remove one. ${inBoth}`,
      'major-update: 2 changes, 0 breaking',
      '',
    ]);
  });

  it('fails a new version that does not parse, instead of calling it no-change', async () => {
    const root = brokenOnBothSides();
    writeFileSync(path.join(root, 'a', 'apiDefinition.swagger.json'), '{"swagger": "2.0"}');
    const io = memoryIo(root);
    expect(await runCli(['diff', 'a', 'b'], io)).toBe(1);
    expect(io.out()).toMatch(/^breaking: 2 changes, 2 breaking$/m);
    expect(await runCli(['diff', 'a', 'b', '--fail-on', 'never'], memoryIo(root))).toBe(0);
  });

  it('gives the syntax errors of each version in JSON', async () => {
    const root = brokenOnBothSides();
    writeFileSync(path.join(root, 'b', 'apiDefinition.swagger.json'), '{"swagger": "2.0",,,}');
    const io = memoryIo(root);
    expect(await runCli(['diff', 'a', 'b', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.classification).toBe('breaking');
    expect(report.changes).toContainEqual({
      ruleId: 'CHG-JSON-SYNTAX',
      breaking: true,
      severity: 'error',
      message:
        'The file is not strict JSON; it was compared as far as it could be read. Two commas in a row: remove one.',
      file: path.join('b', 'apiDefinition.swagger.json'),
      pointer: '',
      line: 1,
      column: 20,
      side: 'new',
      impact: 'breaking',
    });
    // The two errors a and b both have, told once each, in b.
    const told = report.changes.map(
      (change: { side: string; impact: string }) => `${change.side} ${change.impact}`,
    );
    expect(told).toEqual(['new major', 'new major', 'new breaking']);
  });

  it('tells a slip that a syntax error names the edit for as that error alone, not as the change it would read as', async () => {
    // Read with jsonc-parser's recovery, these were a CHG-OTHER at /securityDefinitions, a
    // BRK-PARAM-LOCATION, a BRK-OP-DELETED with a CHG-OP-ADDED.
    const slips: [string, string][] = [
      ['"type": "apiKey"', `"type": 'apiKey'`],
      ['"in": "path"', `"in": 'path'`],
      ['"operationId": "GetTask"', 'operationId: "GetTask"'],
      // Read as the string "true;", the string "=" and the word “apiKey”, or dropped.
      ['"required": true,', '"required": true;'],
      ['"in": "path"', '"in" = "path"'],
      ['"type": "apiKey"', '"type": \u201capiKey\u201d'],
    ];
    for (const [written, slipped] of slips) {
      const root = tempRoot();
      writeValidConnector(path.join(root, 'old'), validSwagger());
      writeValidConnector(path.join(root, 'new'), validSwagger());
      const file = path.join(root, 'new', 'apiDefinition.swagger.json');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(written);
      writeFileSync(file, text.replace(written, slipped));
      const line = text.slice(0, text.indexOf(written)).split('\n').length;
      const io = memoryIo(root);
      expect(await runCli(['diff', 'old', 'new', '--format', 'json'], io)).toBe(1);
      const changes = (JSON.parse(io.out()) as { changes: { ruleId: string; line: number; side: string }[] })
        .changes;
      expect({ slipped, changes: changes.map(({ ruleId, line, side }) => ({ ruleId, line, side })) }).toEqual(
        {
          slipped,
          changes: [{ ruleId: 'CHG-JSON-SYNTAX', line, side: 'new' }],
        },
      );
    }
  });
});

describe('connector-alm validate --base', () => {
  /** dev has a connector with an old problem; the branch adds a new one and deletes an operation. */
  function repository(): string {
    const root = tempRoot();
    const folder = path.join(root, 'certified-connectors', 'Contoso Tasks');
    const swagger = validSwagger();
    swagger.info.contact = { name: 'Contoso Support', email: 'support@contoso.com' };
    writeValidConnector(folder, swagger);
    git(root, 'init', '-q', '-b', 'dev');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    swagger.info.title = 'Contoso Tasks API';
    delete swagger.paths['/tasks/{taskId}'];
    writeValidConnector(folder, swagger);
    git(root, 'commit', '-qam', 'change');
    return root;
  }

  it('marks findings new or existing and adds the breaking changes', async () => {
    const root = repository();
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev', '--format', 'json'], io)).toBe(1);
    const findings = JSON.parse(io.out()).findings as { ruleId: string; baseline?: string }[];
    expect(findings.find((f) => f.ruleId === 'SWG-INFO-TITLE-WORDS')?.baseline).toBe('new');
    expect(findings.find((f) => f.ruleId === 'SWG-INFO-CONTACT-FIELDS')?.baseline).toBe('existing');
    expect(findings.find((f) => f.ruleId === 'BRK-OP-DELETED')).toBeDefined();
  });

  // actions/checkout makes origin/dev and no local dev: --base dev was refused with the advice to
  // check out with fetch-depth: 0, which such a checkout has.
  it("reads a base branch that only origin has as origin's, with a note on stderr", async () => {
    const root = repository();
    git(root, 'remote', 'add', 'origin', 'https://example.invalid/connectors.git');
    git(root, 'update-ref', 'refs/remotes/origin/dev', 'dev');
    git(root, 'branch', '-qD', 'dev');
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev', '--format', 'json'], io)).toBe(1);
    expect(io.err()).toBe("note: base 'dev' read as 'origin/dev': there is no local branch 'dev'.\n");
    const report = JSON.parse(io.out());
    expect(report.base.ref).toBe('origin/dev');
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('BRK-OP-DELETED');
  });

  it('compares in the repository of the path when run from a folder outside it', async () => {
    const root = repository();
    const cwd = tempRoot();
    const given = path.relative(cwd, path.join(root, 'certified-connectors', 'Contoso Tasks'));
    const io = memoryIo(cwd);
    expect(await runCli(['validate', given, '--base', 'dev', '--format', 'json'], io)).toBe(1);
    const findings = JSON.parse(io.out()).findings as { ruleId: string; file: string }[];
    expect(findings.find((f) => f.ruleId === 'BRK-OP-DELETED')?.file).toBe(
      path.join(given, 'apiDefinition.swagger.json'),
    );
  });

  // A folder extracted out of a solution into a temporary folder, checked beside the repository's:
  // it stopped the comparison ("is not inside a git work tree").
  it("validates a folder in no git work tree beside the repository's, and says it was not compared", async () => {
    const root = repository();
    const extracted = path.join(tempRoot(), 'certified-connectors', 'Contoso Tasks');
    const extractedSwagger = validSwagger();
    extractedSwagger.info['x-ms-extracted-note'] = 'written by extract-connectors';
    writeValidConnector(extracted, extractedSwagger);
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', extracted, '--base', 'dev', '--format', 'json'], io)).toBe(1);
    const report = JSON.parse(io.out());
    const shown = path.relative(root, extracted);
    const statuses = report.base.connectors.map((entry: { path: string; status: string }) => [
      entry.path,
      entry.status,
    ]);
    expect(Object.fromEntries(statuses)).toEqual({
      [shown]: 'uncompared',
      'certified-connectors/Contoso Tasks': 'changed',
    });
    const text = memoryIo(root);
    expect(await runCli(['validate', '.', extracted, '--base', 'dev'], text)).toBe(1);
    expect(text.out()).toContain(`${shown} [certified]: `);
    expect(text.out()).toContain('\nnot compared with dev: the folder is in no git work tree.\n');
    expect(text.err()).toBe('');
    // Neither new nor existing: --only-new keeps them, as it keeps whatever it cannot tell existing.
    const onlyNew = memoryIo(root);
    expect(
      await runCli(['validate', '.', extracted, '--base', 'dev', '--only-new', '--format', 'json'], onlyNew),
    ).toBe(1);
    const kept = JSON.parse(onlyNew.out()).findings as { file: string; baseline?: string }[];
    const outside = report.findings.filter((finding: { file: string }) => finding.file.startsWith(shown));
    expect(outside.length).toBeGreaterThan(0);
    expect(kept.filter((finding) => finding.file.startsWith(shown))).toEqual(outside);
    expect(report.base.counts.new).toBe(
      report.findings.filter((finding: { baseline?: string }) => finding.baseline === 'new').length,
    );
  });

  it('gives the base, its merge base and every change against it in the JSON output', async () => {
    const root = repository();
    const mergeBase = git(root, 'rev-parse', 'dev').trim();
    const io = memoryIo(root);
    await runCli(['validate', '.', '--base', 'dev', '--format', 'json'], io);
    const report = JSON.parse(io.out());
    // After the keys the JSON output has always had, which stay as they were.
    expect(Object.keys(report)).toEqual(['findings', 'connectors', 'counts', 'base']);
    expect(report.base).toMatchObject({
      ref: 'dev',
      mergeBase,
      connectors: [
        { path: 'certified-connectors/Contoso Tasks', status: 'changed', classification: 'breaking' },
      ],
    });
    const changes = report.base.connectors[0].changes as Record<string, unknown>[];
    // The non-breaking changes, which no finding reports, as `diff --format json` gives them.
    expect(changes).toContainEqual({
      ruleId: 'CHG-TEXT-EDITED',
      breaking: false,
      severity: 'info',
      message: 'Text has been edited. Edited: info.title.',
      file: 'certified-connectors/Contoso Tasks/apiDefinition.swagger.json',
      // On the edited title, the line the branch changed, not on '/info' above it.
      pointer: '/info/title',
      line: 4,
      column: 5,
      side: 'new',
      impact: 'major',
    });
    expect(changes).toContainEqual(
      expect.objectContaining({
        ruleId: 'BRK-OP-DELETED',
        breaking: true,
        operationId: 'GetTask',
        side: 'old',
      }),
    );
  });

  it('lists every connector validated against the base, unchanged and new ones too', async () => {
    const root = repository();
    writeValidConnector(path.join(root, 'certified-connectors', 'Contoso Notes'), validSwagger());
    const io = memoryIo(root);
    await runCli(['validate', '.', '--base', 'HEAD', '--format', 'json'], io);
    const connectors = JSON.parse(io.out()).base.connectors;
    expect(connectors).toEqual([
      { path: 'certified-connectors/Contoso Notes', status: 'added', changes: [] },
      { path: 'certified-connectors/Contoso Tasks', status: 'unchanged', changes: [] },
    ]);
  });

  it('names the base and its merge base in the SARIF run', async () => {
    const root = repository();
    const io = memoryIo(root);
    await runCli(['validate', '.', '--base', 'dev', '--format', 'sarif'], io);
    const run = JSON.parse(io.out()).runs[0];
    expect(run.properties).toEqual({ base: { ref: 'dev', mergeBase: git(root, 'rev-parse', 'dev').trim() } });
    const without = memoryIo(root);
    await runCli(['validate', '.', '--format', 'sarif'], without);
    expect(JSON.parse(without.out()).runs[0].properties).toBeUndefined();
  });

  it('--only-new drops what the base already had', async () => {
    const root = repository();
    const io = memoryIo(root);
    await runCli(['validate', '.', '--base', 'dev', '--only-new', '--format', 'json'], io);
    const findings = JSON.parse(io.out()).findings as { ruleId: string; baseline?: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.baseline === 'new')).toBe(true);
    expect(findings.map((f) => f.ruleId)).not.toContain('SWG-INFO-CONTACT-FIELDS');
  });

  it('reports a change to two connectors, and a title another folder has', async () => {
    const root = repository();
    const copy = validSwagger();
    copy.info.title = 'Contoso Tasks API';
    writeValidConnector(path.join(root, 'certified-connectors', 'Contoso Tasks Copy'), copy);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'a second connector');
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev', '--only-new', '--format', 'json'], io)).toBe(1);
    const findings = JSON.parse(io.out()).findings as { ruleId: string; file: string; line: number }[];
    const repositoryFindings = findings
      .filter((f) => ['REPO-ONE-PER-PR', 'SWG-INFO-TITLE-UNIQUE'].includes(f.ruleId))
      .map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(repositoryFindings).toEqual([
      'REPO-ONE-PER-PR certified-connectors/Contoso Tasks:1',
      'SWG-INFO-TITLE-UNIQUE certified-connectors/Contoso Tasks/apiDefinition.swagger.json:4',
      'REPO-ONE-PER-PR certified-connectors/Contoso Tasks Copy:1',
      'SWG-INFO-TITLE-UNIQUE certified-connectors/Contoso Tasks Copy/apiDefinition.swagger.json:4',
    ]);
  });

  /** dev has a clean connector; the branch deletes an operation and changes nothing else. */
  function onlyABreakingChange(): string {
    const root = tempRoot();
    const folder = path.join(root, 'certified-connectors', 'Contoso Tasks');
    const swagger = validSwagger();
    writeValidConnector(folder, swagger);
    git(root, 'init', '-q', '-b', 'dev');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    delete swagger.paths['/tasks/{taskId}'];
    writeValidConnector(folder, swagger);
    git(root, 'commit', '-qam', 'remove GetTask');
    return root;
  }

  // The command dropped --config and --profile, so that a folder that needs its --config got a command
  // that refuses it; and it gave a folder named '-x' as it is, which the command line reads as an option.
  it("repeats the run's --config and --profile in the command, and gives a folder named like an option as ./-x", async () => {
    const root = tempRoot();
    const swagger = validSwagger();
    writeValidConnector(path.join(root, '-x'), swagger);
    mkdirSync(path.join(root, 'ci'));
    writeFileSync(path.join(root, 'ci', 'rules.yml'), 'rules:\n  SWG-INFO-TITLE-LEN: off\n');
    git(root, 'init', '-q', '-b', 'dev');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    delete swagger.paths['/tasks/{taskId}'];
    writeValidConnector(path.join(root, '-x'), swagger);
    const io = memoryIo(root);
    await runCli(
      ['validate', '.', '--base', 'dev', '--config', 'ci/rules.yml', '--profile', 'certified'],
      io,
    );
    const words = [
      './-x',
      '--base',
      'dev',
      '--config',
      'ci/rules.yml',
      '--profile',
      'certified',
      '--format',
      'json',
    ];
    expect(io.out().split('\n')[1]).toBe(
      `against dev: breaking (1 change, 1 breaking; connector-alm validate ${words.join(' ')} lists them under "base").`,
    );
    // The command runs as it is written, and lists the change.
    const json = memoryIo(root);
    await runCli(['validate', ...words], json);
    expect(json.err()).toBe('');
    expect(JSON.parse(json.out()).base.connectors).toEqual([
      expect.objectContaining({
        classification: 'breaking',
        changes: [expect.objectContaining({ ruleId: 'BRK-OP-DELETED' })],
      }),
    ]);
  });

  // The text output told the breaking changes alone (as BRK-* findings): a maker could not see whether
  // the comparison found anything else, nor how certification will classify the update.
  it("says under a changed connector's header how the comparison classified it, and the command that lists its changes", async () => {
    const root = onlyABreakingChange();
    const io = memoryIo(root);
    await runCli(['validate', '.', '--base', 'dev'], io);
    const command = "connector-alm validate 'certified-connectors/Contoso Tasks' --base dev --format json";
    expect(io.out().split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^certified-connectors\/Contoso Tasks \[certified\]: /),
      `against dev: breaking (1 change, 1 breaking; ${command} lists them under "base").`,
    ]);
    // The command lists them, as it says.
    const json = memoryIo(root);
    await runCli(
      ['validate', 'certified-connectors/Contoso Tasks', '--base', 'dev', '--format', 'json'],
      json,
    );
    expect(JSON.parse(json.out()).base.connectors).toEqual([
      expect.objectContaining({
        classification: 'breaking',
        changes: [expect.objectContaining({ ruleId: 'BRK-OP-DELETED' })],
      }),
    ]);
    // --quiet lists only what fails the check.
    const quiet = memoryIo(root);
    await runCli(['validate', '.', '--base', 'dev', '--quiet', '--fail-on', 'info'], quiet);
    expect(quiet.out()).not.toContain('against dev');
  });

  it('leaves breaking changes to --fail-on-breaking, as the validate-connector action does', async () => {
    const root = onlyABreakingChange();
    // The one error is the breaking change: --fail-on does not judge it.
    const reviewed = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev'], reviewed)).toBe(0);
    expect(reviewed.out()).toMatch(
      /^certified-connectors\/Contoso Tasks\/apiDefinition\.swagger\.json:\d+:\d+ error BRK-OP-DELETED /m,
    );
    expect(reviewed.out()).toMatch(
      /\n2 problems \(1 error, 0 warnings, 1 info\) in 1 connector\.\n1 breaking change against dev is left to reviewers: --fail-on-breaking would fail on it\.\nRun connector-alm rules <rule-id> for what a rule checks and how to fix it\.\n$/,
    );
    expect(await runCli(['validate', '.', '--base', 'dev', '--fail-on', 'warning'], memoryIo(root))).toBe(0);

    const failed = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev', '--fail-on-breaking'], failed)).toBe(1);
    expect(failed.out()).toMatch(
      /\n1 breaking change against dev fails validation \(--fail-on-breaking\)\.\nRun connector-alm rules <rule-id> for what a rule checks and how to fix it\.\n$/,
    );
    // fail-on-breaking alone decides on breaking changes, whatever --fail-on says of the others.
    const never = ['validate', '.', '--base', 'dev', '--fail-on-breaking', '--fail-on', 'never'];
    expect(await runCli(never, memoryIo(root))).toBe(1);
  });

  it('fails on the other errors whether or not breaking changes fail', async () => {
    // The branch's new title is an error of its own, besides the deleted operation.
    const root = repository();
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev'], io)).toBe(1);
    expect(io.out()).toMatch(
      /\n1 breaking change against dev is left to reviewers: --fail-on-breaking would fail on it\.\nRun connector-alm rules <rule-id> for what a rule checks and how to fix it\.\n$/,
    );
    expect(await runCli(['validate', '.', '--base', 'dev', '--fail-on', 'never'], memoryIo(root))).toBe(0);
  });

  it('reports a deleted apiProperties.json whether or not the configuration turns REPO-REQUIRED-FILES off', async () => {
    const root = tempRoot();
    const folder = path.join(root, 'certified-connectors', 'Contoso Tasks');
    writeValidConnector(folder, validSwagger());
    writeFileSync(path.join(root, '.connector-alm.yml'), 'rules:\n  REPO-REQUIRED-FILES: off\n');
    git(root, 'init', '-q', '-b', 'dev');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    git(root, 'rm', '-q', 'certified-connectors/Contoso Tasks/apiProperties.json');
    git(root, 'commit', '-qm', 'delete apiProperties.json');
    const validate = ['validate', '.', '--base', 'dev', '--only-new'];

    // The rule is off: the breaking change the last line counts is a finding of its own.
    const off = memoryIo(root);
    expect(await runCli(validate, off)).toBe(0);
    expect(off.out()).toMatch(/^certified-connectors\/Contoso Tasks:1:1 error BRK-API-PROPERTIES-DELETED /m);
    expect(off.out()).toContain(
      '\n1 breaking change against dev is left to reviewers: --fail-on-breaking would fail on it.\n',
    );
    const json = memoryIo(root);
    expect(await runCli([...validate, '--fail-on-breaking', '--format', 'json'], json)).toBe(1);
    expect(JSON.parse(json.out()).findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'BRK-API-PROPERTIES-DELETED',
    );

    // The rule is on (the default): its finding reports the deletion, and the last line says so.
    writeFileSync(path.join(root, '.connector-alm.yml'), '# the defaults\n');
    git(root, 'commit', '-qam', 'the rule back on');
    const on = memoryIo(root);
    expect(await runCli(validate, on)).toBe(1);
    expect(on.out()).toMatch(/^certified-connectors\/Contoso Tasks:1:1 error REPO-REQUIRED-FILES /m);
    expect(on.out()).not.toContain('BRK-API-PROPERTIES-DELETED');
    expect(on.out()).toContain(
      '\n1 breaking change against dev (reported as REPO-REQUIRED-FILES) is left to reviewers: --fail-on-breaking would fail on it.\n',
    );
  });

  it('refuses --fail-on-breaking without --base, which alone finds breaking changes', async () => {
    const root = onlyABreakingChange();
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--fail-on-breaking'], io)).toBe(2);
    expect(io.err()).toContain('--fail-on-breaking needs --base <ref>');
    expect(io.out()).toBe('');
  });

  it('keeps the text of a run without breaking changes as it was', async () => {
    const root = onlyABreakingChange();
    git(root, 'checkout', '-q', 'dev');
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev', '--fail-on-breaking'], io)).toBe(0);
    expect(io.out()).not.toMatch(/breaking/);
  });

  /** dev has two clean connectors; the branch renames Contoso Tasks and deletes Fabrikam Notes. */
  function renamesOneAndDeletesOne(): string {
    const root = tempRoot();
    writeValidConnector(path.join(root, 'certified-connectors', 'Contoso Tasks'), validSwagger());
    writeValidConnector(path.join(root, 'certified-connectors', 'Fabrikam Notes'), validSwagger());
    git(root, 'init', '-q', '-b', 'dev');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    git(root, 'mv', 'certified-connectors/Contoso Tasks', 'certified-connectors/Contoso Todo');
    git(root, 'rm', '-rq', 'certified-connectors/Fabrikam Notes');
    git(root, 'commit', '-qm', 'rename one, delete the other');
    return root;
  }

  it('reports a connector folder the branch deleted, not the one it renamed, as a breaking change', async () => {
    const root = renamesOneAndDeletesOne();
    const deleted = 'certified-connectors/Fabrikam Notes';
    const mergeBase = git(root, 'rev-parse', 'dev').trim();

    const text = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'dev'], text)).toBe(0);
    expect(text.out()).toContain(
      `\n\n${deleted} [deleted]: 1 error, 0 warnings, 0 info\n${deleted}:1:1 error BRK-CONNECTOR-DELETED The connector has been deleted. This change breaks existing flows`,
    );
    expect(text.out()).toContain(
      `(In the base version: ${mergeBase.slice(0, 12)}:${deleted}/apiDefinition.swagger.json.)\n`,
    );
    expect(text.out()).toMatch(
      / in 1 connector and 1 deleted connector\.\n1 breaking change against dev is left to reviewers: --fail-on-breaking would fail on it\.\nRun connector-alm rules <rule-id> for what a rule checks and how to fix it\.\n$/,
    );
    expect(await runCli(['validate', '.', '--base', 'dev', '--fail-on-breaking'], memoryIo(root))).toBe(1);

    const json = memoryIo(root);
    await runCli(['validate', '.', '--base', 'dev', '--format', 'json'], json);
    const report = JSON.parse(json.out());
    // What is validated is what is there; the base says what became of the rest.
    expect(report.connectors.map((connector: { path: string }) => connector.path)).toEqual([
      'certified-connectors/Contoso Todo',
    ]);
    expect(report.base.connectors).toEqual([
      expect.objectContaining({
        path: 'certified-connectors/Contoso Todo',
        status: 'changed',
        renamedFrom: 'certified-connectors/Contoso Tasks',
      }),
      {
        path: deleted,
        status: 'deleted',
        classification: 'breaking',
        changes: [
          expect.objectContaining({
            ruleId: 'BRK-CONNECTOR-DELETED',
            breaking: true,
            file: `${mergeBase.slice(0, 12)}:${deleted}/apiDefinition.swagger.json`,
            side: 'old',
          }),
        ],
      },
    ]);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('BRK-'))).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-CONNECTOR-DELETED',
        file: deleted,
        connector: deleted,
        line: 1,
      }),
    ]);

    const sarif = memoryIo(root);
    await runCli(['validate', '.', '--base', 'dev', '--format', 'sarif'], sarif);
    const run = JSON.parse(sarif.out()).runs[0];
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'BRK-CONNECTOR-DELETED');
    // On the folder, as the REPO-* folder findings are: no file of it is left for a region.
    expect(result.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'certified-connectors/Fabrikam%20Notes', uriBaseId: '%SRCROOT%' },
        },
      },
    ]);
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('BRK-CONNECTOR-DELETED');
    // Described from its reference entry, as are the rules of the other results, and no other rule.
    expect(run.tool.driver.rules[result.ruleIndex].shortDescription.text).not.toBe('BRK-CONNECTOR-DELETED');
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect([...ruleIds].sort()).toEqual(
      [...new Set(run.results.map((entry: { ruleId: string }) => entry.ruleId))].sort(),
    );
  });

  it('takes a path that names the deleted folder', async () => {
    const root = renamesOneAndDeletesOne();
    const io = memoryIo(root);
    expect(
      await runCli(
        ['validate', 'certified-connectors/Fabrikam Notes', '--base', 'dev', '--fail-on-breaking'],
        io,
      ),
    ).toBe(1);
    expect(io.err()).toBe('');
    expect(io.out()).toMatch(/^certified-connectors\/Fabrikam Notes:1:1 error BRK-CONNECTOR-DELETED /m);
    expect(io.out()).toMatch(
      / in 0 connectors and 1 deleted connector\.\n1 breaking change against dev fails validation/,
    );
  });

  it('refuses --only-new without --base, and an unknown ref with advice, as usage errors', async () => {
    const root = repository();
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--only-new'], io)).toBe(2);
    const unknown = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'origin/nope'], unknown)).toBe(2);
    expect(unknown.err()).toMatch(/does not name a commit.*fetch/s);
  });

  // It exited 1, as findings do, where a ref that gives nothing to compare with is a usage error (2).
  it('refuses a base that shares no history with HEAD as a usage error, saying the histories never meet', async () => {
    const root = repository();
    git(root, 'checkout', '-q', '--orphan', 'lonely');
    git(root, 'commit', '-qm', 'lonely');
    git(root, 'checkout', '-q', 'feature');
    const io = memoryIo(root);
    expect(await runCli(['validate', '.', '--base', 'lonely'], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(
      /^error: "HEAD" and "lonely" have no common history\. Their histories never meet /,
    );
  });
});
