import { afterAll, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';

// A maker extracting a solution into a clone of PowerPlatformConnectors got a new folder beside the
// connector's own when upstream named it otherwise than the display name
// (certified-connectors/365Training for "365 Training"), and `pr` would have submitted the duplicate.
// The built CLI writes into the folder that holds the connector, says so, and refuses two such.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const folders = temporaryFolders('cli-extract-own-folder-');
afterAll(() => folders.cleanup());

const README = '# 365 Training\n\nWritten upstream.\n';

function connector(folder: string, title: string, host = 'api.contoso.com'): void {
  mkdirSync(folder, { recursive: true });
  const swagger = { swagger: '2.0', info: { title, version: '1.0' }, host, paths: {} };
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), `${JSON.stringify(swagger, null, 2)}\n`);
  writeFileSync(path.join(folder, 'apiProperties.json'), '{\n  "properties": {}\n}\n');
  writeFileSync(path.join(folder, 'readme.md'), README);
}

function cli(cwd: string, ...argv: string[]) {
  return spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8' });
}

/** A clone with certified-connectors/365Training, and a solution built from it. */
function cloneAndSolution(): string {
  const cwd = folders.make();
  connector(path.join(cwd, 'certified-connectors', '365Training'), '365 Training');
  const built = cli(
    cwd,
    'build-solution',
    'certified-connectors/365Training',
    ...[
      '--out',
      'training.zip',
      '--unique-name',
      'Training',
      '--publisher',
      'Contoso',
      '--prefix',
      'contoso',
    ],
  );
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  return cwd;
}

it('extract-connectors writes into the folder upstream named otherwise, and says so', () => {
  const cwd = cloneAndSolution();
  const text = cli(cwd, 'extract-connectors', 'training.zip', 'certified-connectors');
  expect(text.stderr).toBe('');
  expect(text.status).toBe(0);
  expect(text.stdout).toBe(
    `365 Training (contoso_365-20training) → ${path.join('certified-connectors', '365Training')}: 2 unchanged; readme.md kept: yours; its own folder, found under another name (its API definition's title is "365 Training"), so no new ${path.join('certified-connectors', '365 Training')}.\n`,
  );
  expect(readdirSync(path.join(cwd, 'certified-connectors'))).toEqual(['365Training']);
  expect(readFileSync(path.join(cwd, 'certified-connectors', '365Training', 'readme.md'), 'utf8')).toBe(
    README,
  );

  const json = cli(cwd, 'extract-connectors', 'training.zip', 'certified-connectors', '--format', 'json');
  expect(json.status).toBe(0);
  const [extracted] = (JSON.parse(json.stdout) as { connectors: Array<Record<string, unknown>> }).connectors;
  expect(extracted).toMatchObject({
    folder: path.join('certified-connectors', '365Training'),
    foundUnder: { instead: path.join('certified-connectors', '365 Training'), matched: 'title' },
  });
});

it('extract-connectors refuses two folders that could be the connector, writing nothing', () => {
  const cwd = cloneAndSolution();
  mkdirSync(path.join(cwd, 'certified-connectors', '365-Training'));
  const run = cli(cwd, 'extract-connectors', 'training.zip', 'certified-connectors');
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    `certified-connectors: error: has no folder '365 Training' for connector 'contoso_365-20training' of ${path.join(cwd, 'training.zip')}, and 2 folders that could be its own: '365-Training' (named like "365 Training"), '365Training' (its API definition's title is "365 Training"). Nothing was written. Rename the folder that holds the connector to '365 Training', then extract again.\n`,
  );
  expect(run.status).toBe(1);
  expect(readdirSync(path.join(cwd, 'certified-connectors')).sort()).toEqual(['365-Training', '365Training']);
});

it('extract-connectors --previous-source keeps a renamed connector in the folder upstream named otherwise', () => {
  // Renamed "365 Training Hub" in the maker portal: it made certified-connectors/365 Training Hub
  // beside upstream's 365Training, which stayed, and `pr` would have submitted the duplicate.
  const cwd = cloneAndSolution();
  writeFileSync(path.join(cwd, 'certified-connectors', '365Training', 'notes.md'), 'Hand-written.\n');
  expect(cli(cwd, 'unpack', 'training.zip', 'previous').status).toBe(0);
  cpSync(path.join(cwd, 'previous'), path.join(cwd, 'renamed'), { recursive: true });
  const connectors = path.join(cwd, 'renamed', 'Connectors');
  for (const file of readdirSync(connectors).filter((name) => /\.(xml|json)$/.test(name))) {
    const text = readFileSync(path.join(connectors, file), 'utf8');
    writeFileSync(path.join(connectors, file), text.replaceAll('365 Training', '365 Training Hub'));
  }
  const run = cli(
    cwd,
    'extract-connectors',
    'renamed',
    'certified-connectors',
    '--previous-source',
    'previous',
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(
    `365 Training Hub (contoso_365-20training) → ${path.join('certified-connectors', '365Training')}: updated apiDefinition.swagger.json; 1 unchanged; readme.md, notes.md kept: yours; its own folder, found under another name (its API definition's title was "365 Training", its display name before the rename) and kept, so no new ${path.join('certified-connectors', '365 Training Hub')}.\n`,
  );
  expect(readdirSync(path.join(cwd, 'certified-connectors'))).toEqual(['365Training']);
  expect(readdirSync(path.join(cwd, 'certified-connectors', '365Training')).sort()).toEqual([
    'apiDefinition.swagger.json',
    'apiProperties.json',
    'notes.md',
    'readme.md',
  ]);

  // A second run from the same snapshots finds the folder by its name; --format json says how.
  const json = cli(
    cwd,
    ...['extract-connectors', 'renamed', 'certified-connectors', '--previous-source', 'previous'],
    ...['--format', 'json'],
  );
  expect(json.status).toBe(0);
  const parsed = JSON.parse(json.stdout) as { connectors: Array<Record<string, unknown>>; removed: unknown };
  expect(parsed.connectors[0]).toMatchObject({
    folder: path.join('certified-connectors', '365Training'),
    foundUnder: {
      instead: path.join('certified-connectors', '365 Training Hub'),
      matched: 'name',
      earlierDisplayName: '365 Training',
    },
  });
  expect(parsed.removed).toEqual([]);
});

it("extract-connectors makes a new connector's folder beside another's that reads alike but for a status label", () => {
  // certified-connectors/Contoso, titled "Contoso", is another publisher's connector: the new
  // "Contoso (Preview)" replaced its swagger, and `pr` would have proposed changing it.
  const cwd = folders.make();
  connector(path.join(cwd, 'certified-connectors', 'Contoso'), 'Contoso');
  connector(path.join(cwd, 'new', 'Contoso (Preview)'), 'Contoso (Preview)');
  const built = cli(
    cwd,
    ...['build-solution', path.join('new', 'Contoso (Preview)'), '--out', 'preview.zip'],
    ...['--unique-name', 'Preview', '--publisher', 'Contoso', '--prefix', 'contoso'],
  );
  expect(built.status).toBe(0);
  const upstreamSwagger = readFileSync(
    path.join(cwd, 'certified-connectors', 'Contoso', 'apiDefinition.swagger.json'),
    'utf8',
  );
  const run = cli(cwd, 'extract-connectors', 'preview.zip', 'certified-connectors');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // No "found under another name": a folder of its own.
  expect(run.stdout).toBe(
    `Contoso (Preview) (contoso_contoso-20-28preview-29) → ${path.join('certified-connectors', 'Contoso (Preview)')}: created apiDefinition.swagger.json, apiProperties.json, readme.md.\n`,
  );
  expect(readdirSync(path.join(cwd, 'certified-connectors')).sort()).toEqual([
    'Contoso',
    'Contoso (Preview)',
  ]);
  expect(
    readFileSync(path.join(cwd, 'certified-connectors', 'Contoso', 'apiDefinition.swagger.json'), 'utf8'),
  ).toBe(upstreamSwagger);
});

it('extract-connectors --previous-source run twice never removes the folder of another connector titled alike', () => {
  // Run 1 removed certified-connectors/Snowflake, whose connector left the solution; run 2, from the
  // same snapshots, found `Snowflake v2 Archive` (another connector, titled "Snowflake" too) for it
  // and removed that.
  const cwd = folders.make();
  connector(path.join(cwd, 'new', 'Snowflake'), 'Snowflake');
  connector(path.join(cwd, 'new', 'Other'), 'Other');
  const build = (out: string, ...connectors: string[]) =>
    cli(
      cwd,
      ...['build-solution', ...connectors.map((name) => path.join('new', name)), '--out', out],
      ...['--unique-name', 'Data', '--publisher', 'Contoso', '--prefix', 'contoso'],
    );
  expect(build('prev.zip', 'Snowflake', 'Other').status).toBe(0);
  expect(build('cur.zip', 'Other').status).toBe(0);
  const root = path.join(cwd, 'certified-connectors');
  mkdirSync(root);
  expect(cli(cwd, 'extract-connectors', 'prev.zip', 'certified-connectors').status).toBe(0);
  connector(path.join(root, 'Snowflake v2 Archive'), 'Snowflake', 'archive.snowflake.example');

  const args = ['extract-connectors', 'cur.zip', 'certified-connectors', '--previous-source', 'prev.zip'];
  const first = cli(cwd, ...args);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  expect(first.stdout).toContain(
    `${path.join('certified-connectors', 'Snowflake')} removed: its connector is no longer in cur.zip.\n`,
  );
  expect(readdirSync(root).sort()).toEqual(['Other', 'Snowflake v2 Archive']);

  const second = cli(cwd, ...args);
  expect(readdirSync(root).sort()).toEqual(['Other', 'Snowflake v2 Archive']);
  expect(second.status).toBe(0);
  expect(second.stdout).toBe(
    `Other (contoso_other) → ${path.join('certified-connectors', 'Other')}: 2 unchanged; readme.md kept: still the template, TODOs to fill in.\n`,
  );
  expect(second.stderr).toBe(
    `warning: ${path.join('certified-connectors', 'Snowflake v2 Archive')}: not removed: connector 'contoso_snowflake' ("Snowflake") left the solution, and this folder could be the one it was in (its API definition's title is "Snowflake"), but it does not hold the connector as --previous-source gives it (its apiDefinition.swagger.json differs): it may be another connector's. Delete it yourself if it was this connector's.\n`,
  );

  const json = cli(cwd, ...args, '--format', 'json');
  expect(json.status).toBe(0);
  expect(JSON.parse(json.stdout)).toMatchObject({
    removed: [],
    leftAlone: [{ folder: path.join('certified-connectors', 'Snowflake v2 Archive') }],
  });
});

it("extract-connectors --previous-source run twice never moves a renamed connector from another's folder titled as its old name", () => {
  // Run 1 moved the renamed connector from certified-connectors/Snowflake and removed it; run 2, from
  // the same snapshots, found `Snowflake v2 Archive` (another connector, titled "Snowflake" too) as the
  // folder it was in, carried its files into `Snowflake Cloud` and removed it.
  const cwd = folders.make();
  connector(path.join(cwd, 'new', 'Snowflake'), 'Snowflake');
  connector(path.join(cwd, 'new', 'Other'), 'Other');
  const built = cli(
    cwd,
    ...['build-solution', path.join('new', 'Snowflake'), path.join('new', 'Other'), '--out', 'prev.zip'],
    ...['--unique-name', 'Data', '--publisher', 'Contoso', '--prefix', 'contoso'],
  );
  expect(built.status).toBe(0);
  expect(cli(cwd, 'unpack', 'prev.zip', 'prev').status).toBe(0);
  // Renamed in the maker portal: the same logical name, another display name and title.
  cpSync(path.join(cwd, 'prev'), path.join(cwd, 'cur'), { recursive: true });
  const connectors = path.join(cwd, 'cur', 'Connectors');
  for (const file of readdirSync(connectors).filter((name) => /\.(xml|json)$/.test(name))) {
    const text = readFileSync(path.join(connectors, file), 'utf8');
    writeFileSync(path.join(connectors, file), text.replaceAll('Snowflake', 'Snowflake Cloud'));
  }
  const root = path.join(cwd, 'certified-connectors');
  mkdirSync(root);
  expect(cli(cwd, 'extract-connectors', 'prev', 'certified-connectors').status).toBe(0);
  const archive = path.join(root, 'Snowflake v2 Archive');
  connector(archive, 'Snowflake', 'archive.snowflake.example');
  writeFileSync(path.join(archive, 'notes.md'), 'The archive.\n');

  const args = ['extract-connectors', 'cur', 'certified-connectors', '--previous-source', 'prev'];
  const first = cli(cwd, ...args);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  expect(first.stdout).toContain(`moved from ${path.join('certified-connectors', 'Snowflake')}`);
  expect(readdirSync(root).sort()).toEqual(['Other', 'Snowflake Cloud', 'Snowflake v2 Archive']);

  const second = cli(cwd, ...args);
  expect(readdirSync(root).sort()).toEqual(['Other', 'Snowflake Cloud', 'Snowflake v2 Archive']);
  expect(readdirSync(path.join(root, 'Snowflake Cloud'))).not.toContain('notes.md');
  expect(readFileSync(path.join(archive, 'notes.md'), 'utf8')).toBe('The archive.\n');
  expect(second.status).toBe(0);
  expect(second.stdout).toBe(
    `Other (contoso_other) → ${path.join('certified-connectors', 'Other')}: 2 unchanged; readme.md kept: still the template, TODOs to fill in.\n` +
      `Snowflake Cloud (contoso_snowflake) → ${path.join('certified-connectors', 'Snowflake Cloud')}: 2 unchanged; readme.md kept: still the template, TODOs to fill in.\n`,
  );
  expect(second.stderr).toBe(
    `warning: ${path.join('certified-connectors', 'Snowflake v2 Archive')}: left alone: connector 'contoso_snowflake' ("Snowflake Cloud") was "Snowflake" in --previous-source, and this folder could be the one it was in (its API definition's title is "Snowflake"), but it holds the connector neither as --previous-source gives it nor as the solution does (its apiDefinition.swagger.json differs): it may be another connector's. The connector was written to its display-name folder, and nothing of this one was carried there; move your files from it yourself if it was this connector's.\n`,
  );

  const json = cli(cwd, ...args, '--format', 'json');
  expect(json.status).toBe(0);
  expect(JSON.parse(json.stdout)).toMatchObject({
    removed: [],
    leftAlone: [{ folder: path.join('certified-connectors', 'Snowflake v2 Archive') }],
  });
});
