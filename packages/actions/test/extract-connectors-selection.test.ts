import { afterAll, expect, it } from '@jest/globals';
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSolution, unpackSolution } from '@connector-alm/solution';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';
import { htmlText } from '@connector-alm/validator';
import { actionRunner } from './helpers/action-runner.js';
import { expectFailedWith } from './helpers/step-failure.js';

// An ISV's solution holds one connector bound for independent-publisher-connectors and one kept in
// custom-connectors: one step per root, each naming its connectors in `connectors`.

const workspaces = temporaryFolders('workspace-');
afterAll(() => workspaces.cleanup());
const extract = actionRunner('extract-connectors');

const EXAMPLE = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const TASKS = 'contoso_contoso-20tasks';
const NOTES = 'contoso_fabrikam-20notes';

/**
 * A workspace (its real path, as the action names it) with `contoso.zip`: a solution built from the
 * example connector "Contoso Tasks" and a copy of it titled "Fabrikam Notes".
 */
async function isvWorkspace(): Promise<string> {
  const dir = realpathSync(workspaces.make());
  cpSync(EXAMPLE, path.join(dir, 'src/Contoso Tasks'), { recursive: true });
  cpSync(EXAMPLE, path.join(dir, 'src/Fabrikam Notes'), { recursive: true });
  const swagger = path.join(dir, 'src/Fabrikam Notes/apiDefinition.swagger.json');
  writeFileSync(
    swagger,
    readFileSync(swagger, 'utf8').replace('"title": "Contoso Tasks"', '"title": "Fabrikam Notes"'),
  );
  await buildSolution(
    [path.join(dir, 'src/Contoso Tasks'), path.join(dir, 'src/Fabrikam Notes')],
    path.join(dir, 'contoso.zip'),
    { uniqueName: 'Contoso', version: '1.0.0.0', publisher: { uniqueName: 'Contoso', prefix: 'contoso' } },
  );
  return dir;
}

const list = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).sort() : []);

it('extracts the connectors named in connectors, one step per root, and says which it left out', async () => {
  const dir = await isvWorkspace();
  const ip = await extract(dir, {
    source: 'contoso.zip',
    destination: 'independent-publisher-connectors',
    connectors: 'contoso tasks\n',
  });
  expect(ip.stderr).toBe('');
  expect(ip.exitCode).toBe(0);
  expect(JSON.parse(ip.outputs.connectors!)).toEqual([
    { name: TASKS, displayName: 'Contoso Tasks', folder: 'independent-publisher-connectors/Contoso Tasks' },
  ]);
  expect(JSON.parse(ip.outputs.folders!)).toEqual(['independent-publisher-connectors/Contoso Tasks']);
  const notSelected = `1 other connector of the solution not selected, neither written nor removed: "Fabrikam Notes" (${NOTES}).`;
  expect(ip.stdout).toContain(notSelected);
  expect(ip.summary).toContain(htmlText(notSelected));

  const custom = await extract(dir, {
    source: 'contoso.zip',
    destination: 'custom-connectors',
    connectors: NOTES,
  });
  expect(custom.exitCode).toBe(0);
  expect(JSON.parse(custom.outputs.folders!)).toEqual(['custom-connectors/Fabrikam Notes']);
  expect(list(path.join(dir, 'independent-publisher-connectors'))).toEqual(['Contoso Tasks']);
  expect(list(path.join(dir, 'custom-connectors'))).toEqual(['Fabrikam Notes']);

  // Comma-separated, as labels are: both, and no line about the others.
  const both = await extract(dir, {
    source: 'contoso.zip',
    destination: 'all',
    connectors: `Contoso Tasks, ${NOTES}`,
  });
  expect(both.exitCode).toBe(0);
  expect(JSON.parse(both.outputs.folders!)).toEqual(['all/Contoso Tasks', 'all/Fabrikam Notes']);
  expect(both.stdout).not.toContain('not selected');
});

it('fails, writing nothing, for a name that is no connector of the solution, and lists them', async () => {
  const dir = await isvWorkspace();
  const run = await extract(dir, {
    source: 'contoso.zip',
    destination: 'custom-connectors',
    connectors: 'Fabrikam Note',
  });
  expectFailedWith(
    run,
    expect.objectContaining({
      level: 'error',
      file: 'contoso.zip',
      message: `has no connector named 'Fabrikam Note' (connectors): its connectors are "Contoso Tasks" (${TASKS}) and "Fabrikam Notes" (${NOTES}). Nothing was written. Did you mean 'Fabrikam Notes'? Name a connector by its logical name (it stays when the connector is renamed) or by its display name, in any case.`,
    }),
  );
  expect(existsSync(path.join(dir, 'custom-connectors'))).toBe(false);
});

it('says, in the log and the summary, when a name selected a connector by its display name before its rename', async () => {
  const dir = await isvWorkspace();
  expect((await extract(dir, { source: 'contoso.zip', destination: 'custom-connectors' })).exitCode).toBe(0);
  await unpackSolution(path.join(dir, 'contoso.zip'), path.join(dir, 'now'));
  const connectors = path.join(dir, 'now/Connectors');
  const xml = readdirSync(connectors)
    .map((file) => path.join(connectors, file))
    .find((file) => readFileSync(file, 'utf8').includes('<displayname>Contoso Tasks</displayname>'))!;
  writeFileSync(
    xml,
    readFileSync(xml, 'utf8').replace('<displayname>Contoso Tasks<', '<displayname>Contoso Tasks Hub<'),
  );
  const renamed = await extract(dir, {
    source: 'now',
    destination: 'custom-connectors',
    'previous-source': 'contoso.zip',
    connectors: 'Contoso Tasks',
  });
  expect(renamed.exitCode).toBe(0);
  const line = `'Contoso Tasks' selected Contoso Tasks Hub (${TASKS}) by the display name it had before its rename; no connector of the solution is named so now. Name it by its logical name, which stays.`;
  expect(renamed.stdout).toContain(line);
  expect(renamed.summary).toContain(htmlText(line));
  expect(list(path.join(dir, 'custom-connectors'))).toEqual(['Contoso Tasks Hub', 'Fabrikam Notes']);
});

it('moves a connector from the other root named in other-roots, and lists the folder it left in removed', async () => {
  const dir = await isvWorkspace();
  const roots = { connectors: 'independent-publisher-connectors', other: 'custom-connectors' };
  const first = await extract(dir, {
    source: 'contoso.zip',
    destination: roots.connectors,
    connectors: TASKS,
  });
  expect(first.exitCode).toBe(0);
  expect(
    (await extract(dir, { source: 'contoso.zip', destination: roots.other, connectors: NOTES })).exitCode,
  ).toBe(0);
  const readme = '# Contoso Tasks\n\nBy the maker.\n';
  writeFileSync(path.join(dir, roots.connectors, 'Contoso Tasks', 'readme.md'), readme);
  // "Contoso Tasks" goes to custom-connectors now, beside "Fabrikam Notes".
  const moved = await extract(dir, {
    source: 'contoso.zip',
    destination: roots.other,
    'previous-source': 'contoso.zip',
    connectors: `${TASKS}, ${NOTES}`,
    'other-roots': `${roots.connectors}\n`,
  });
  expect(moved.stderr).toBe('');
  expect(moved.exitCode).toBe(0);
  expect(JSON.parse(moved.outputs.connectors!)[0]).toEqual({
    name: TASKS,
    displayName: 'Contoso Tasks',
    folder: 'custom-connectors/Contoso Tasks',
    renamedFrom: {
      folder: 'independent-publisher-connectors/Contoso Tasks',
      kept: ['readme.md'],
      leftBehind: [],
      otherRoot: true,
    },
  });
  expect(JSON.parse(moved.outputs.removed!)).toEqual(['independent-publisher-connectors/Contoso Tasks']);
  const line =
    'moved from independent-publisher-connectors/Contoso Tasks (the connector is extracted to this root now), carrying readme.md';
  expect(moved.stdout).toContain(line);
  expect(moved.summary).toContain(htmlText(line));
  expect(list(path.join(dir, roots.connectors))).toEqual([]);
  expect(list(path.join(dir, roots.other))).toEqual(['Contoso Tasks', 'Fabrikam Notes']);
  expect(readFileSync(path.join(dir, roots.other, 'Contoso Tasks', 'readme.md'), 'utf8')).toBe(readme);
});

it('refuses other-roots outside the workspace and runner.temp before writing anything', async () => {
  const dir = await isvWorkspace();
  const outside = realpathSync(workspaces.make());
  const run = await extract(dir, {
    source: 'contoso.zip',
    destination: 'custom-connectors',
    'other-roots': path.join(outside, 'independent-publisher-connectors'),
  });
  expectFailedWith(
    run,
    expect.objectContaining({
      level: 'error',
      message: expect.stringMatching(/^Input 'other-roots' must name a place inside the workspace /),
    }),
  );
  expect(existsSync(path.join(dir, 'custom-connectors'))).toBe(false);
});
