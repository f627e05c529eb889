import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

// An ISV's solution holds one connector bound for independent-publisher-connectors and one kept in
// custom-connectors. extract-connectors wrote every connector under one root, so extracting into
// each root wrote both into both. --connector extracts the ones named, and leaves the others.

const folders = temporaryFolders('cli-extract-selection-');
afterAll(() => folders.cleanup());

const EXAMPLE = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const TASKS = 'contoso_contoso-20tasks';
const NOTES = 'contoso_fabrikam-20notes';

/** Runs the CLI in-process, as program.ts does: its exit code and what it printed. */
async function run(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/**
 * A working folder with `contoso.zip`, a solution built from the example connector "Contoso Tasks"
 * and a copy of it titled "Fabrikam Notes", in that order.
 */
async function isvSolution(): Promise<string> {
  const cwd = folders.make();
  cpSync(EXAMPLE, path.join(cwd, 'src/Contoso Tasks'), { recursive: true });
  cpSync(EXAMPLE, path.join(cwd, 'src/Fabrikam Notes'), { recursive: true });
  const swagger = path.join(cwd, 'src/Fabrikam Notes/apiDefinition.swagger.json');
  writeFileSync(
    swagger,
    readFileSync(swagger, 'utf8').replace('"title": "Contoso Tasks"', '"title": "Fabrikam Notes"'),
  );
  const built = await run(cwd, [
    'build-solution',
    'src/Contoso Tasks',
    'src/Fabrikam Notes',
    ...['--out', 'contoso.zip', '--unique-name', 'Contoso', '--publisher', 'Contoso', '--prefix', 'contoso'],
  ]);
  expect(built).toMatchObject({ code: 0, err: '' });
  return cwd;
}

const list = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).sort() : []);

describe('extract-connectors --connector', () => {
  it('extracts the connectors named into each root, and says which it left out', async () => {
    const cwd = await isvSolution();
    const ip = await run(cwd, [
      'extract-connectors',
      'contoso.zip',
      'independent-publisher-connectors',
      '--connector',
      'contoso tasks',
    ]);
    expect(ip).toEqual({
      code: 0,
      err: '',
      out:
        `Contoso Tasks (${TASKS}) → independent-publisher-connectors/Contoso Tasks: created apiDefinition.swagger.json, apiProperties.json, readme.md.\n` +
        `1 other connector of the solution not selected, neither written nor removed: "Fabrikam Notes" (${NOTES}).\n`,
    });
    const custom = await run(cwd, [
      'extract-connectors',
      'contoso.zip',
      'custom-connectors',
      '--connector',
      NOTES,
      '--format',
      'json',
    ]);
    expect(custom).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(custom.out) as Record<string, unknown>;
    expect(json).toMatchObject({
      connectors: [
        { name: NOTES, displayName: 'Fabrikam Notes', folder: 'custom-connectors/Fabrikam Notes' },
      ],
      notSelected: [{ name: TASKS, displayName: 'Contoso Tasks' }],
    });
    expect(json.connectors).toHaveLength(1);
    expect(list(path.join(cwd, 'independent-publisher-connectors'))).toEqual(['Contoso Tasks']);
    expect(list(path.join(cwd, 'custom-connectors'))).toEqual(['Fabrikam Notes']);

    // Both named: no line about the others, as without --connector.
    const both = await run(cwd, [
      'extract-connectors',
      'contoso.zip',
      'all',
      '--connector',
      'Contoso Tasks',
      '--connector',
      'Fabrikam Notes',
    ]);
    expect(both.code).toBe(0);
    expect(both.out.split('\n')).toHaveLength(3);
    expect(both.out).not.toContain('not selected');
  });

  it('refuses a name that is no connector of the solution, naming those it has, exit code 2', async () => {
    const cwd = await isvSolution();
    const refused = await run(cwd, [
      'extract-connectors',
      'contoso.zip',
      'custom-connectors',
      '--connector',
      'Contoso Task',
    ]);
    expect(refused).toEqual({
      code: 2,
      out: '',
      err: `contoso.zip: error: has no connector named 'Contoso Task' (--connector): its connectors are "Contoso Tasks" (${TASKS}) and "Fabrikam Notes" (${NOTES}). Nothing was written. Did you mean 'Contoso Tasks'? Name a connector by its logical name (it stays when the connector is renamed) or by its display name, in any case.\n`,
    });
    expect(list(path.join(cwd, 'custom-connectors'))).toEqual([]);
  });

  it('with --previous-source, neither removes nor writes the folders of the connectors in the other root', async () => {
    // The ISV extracted the whole solution into custom-connectors once, before --connector: a copy
    // of "Contoso Tasks" stays there, and is theirs to delete. Each root then gets its connector,
    // run after run, and neither run takes the other's connector for one that left.
    const cwd = await isvSolution();
    expect((await run(cwd, ['extract-connectors', 'contoso.zip', 'custom-connectors'])).code).toBe(0);
    cpSync(path.join(cwd, 'contoso.zip'), path.join(cwd, 'previous.zip'));
    for (const [root, name] of [
      ['independent-publisher-connectors', 'Contoso Tasks'],
      ['custom-connectors', 'Fabrikam Notes'],
    ] as const) {
      const again = await run(cwd, [
        'extract-connectors',
        'contoso.zip',
        root,
        '--previous-source',
        'previous.zip',
        '--connector',
        name,
        '--format',
        'json',
      ]);
      expect(again).toMatchObject({ code: 0, err: '' });
      expect(JSON.parse(again.out)).toMatchObject({ removed: [], leftAlone: [], notRemoved: [] });
    }
    expect(list(path.join(cwd, 'independent-publisher-connectors'))).toEqual(['Contoso Tasks']);
    expect(list(path.join(cwd, 'custom-connectors'))).toEqual(['Contoso Tasks', 'Fabrikam Notes']);
  });

  it('says when a name selected a connector by the display name it had before its rename', async () => {
    // "Contoso Tasks" was renamed "Contoso Tasks Hub" since the last extraction: its old name still
    // selects it, as no connector has it now, and the output says so (the logical name is the one
    // that stays); its new name selects it without a word.
    const cwd = await isvSolution();
    expect((await run(cwd, ['extract-connectors', 'contoso.zip', 'custom-connectors'])).code).toBe(0);
    expect((await run(cwd, ['unpack', 'contoso.zip', 'now'])).code).toBe(0);
    const connectors = path.join(cwd, 'now/Connectors');
    const xml = readdirSync(connectors)
      .map((file) => path.join(connectors, file))
      .find((file) => readFileSync(file, 'utf8').includes('<displayname>Contoso Tasks</displayname>'))!;
    writeFileSync(
      xml,
      readFileSync(xml, 'utf8').replace('<displayname>Contoso Tasks<', '<displayname>Contoso Tasks Hub<'),
    );
    const byOldName = [
      'extract-connectors',
      'now',
      'custom-connectors',
      '--previous-source',
      'contoso.zip',
      '--connector',
      'contoso tasks',
    ];
    const renamed = await run(cwd, byOldName);
    expect(renamed).toMatchObject({ code: 0, err: '' });
    expect(renamed.out).toContain(
      `\n'contoso tasks' selected Contoso Tasks Hub (${TASKS}) by the display name it had before its rename; no connector of the solution is named so now. Name it by its logical name, which stays.\n`,
    );
    expect(list(path.join(cwd, 'custom-connectors'))).toEqual(['Contoso Tasks Hub', 'Fabrikam Notes']);
    const json = await run(cwd, [...byOldName, '--format', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({
      formerNames: [
        {
          given: 'contoso tasks',
          name: TASKS,
          earlierDisplayName: 'Contoso Tasks',
          displayName: 'Contoso Tasks Hub',
        },
      ],
    });
    const byNewName = await run(cwd, [...byOldName.slice(0, -1), 'Contoso Tasks Hub', '--format', 'json']);
    expect(JSON.parse(byNewName.out)).not.toHaveProperty('formerNames');
  });

  it('refuses an empty name, as every option', async () => {
    const cwd = await isvSolution();
    const refused = await run(cwd, [
      'extract-connectors',
      'contoso.zip',
      'custom-connectors',
      '--connector',
      ' ',
    ]);
    expect(refused).toMatchObject({ code: 2, out: '' });
    expect(refused.err).toMatch(/^error: --connector holds only white space\./);
    expect(existsSync(path.join(cwd, 'custom-connectors'))).toBe(false);
  });

  it('moves a named connector from its folder in an --other-root, in text and in JSON', async () => {
    const cwd = await isvSolution();
    const extract = (...args: string[]) => run(cwd, ['extract-connectors', 'contoso.zip', ...args]);
    expect((await extract('independent-publisher-connectors', '--connector', TASKS)).code).toBe(0);
    expect((await extract('custom-connectors', '--connector', NOTES)).code).toBe(0);
    const moved = await extract(
      'custom-connectors',
      ...['--connector', TASKS, '--connector', NOTES],
      ...['--previous-source', 'contoso.zip', '--other-root', 'independent-publisher-connectors'],
    );
    expect(moved).toMatchObject({ code: 0, err: '' });
    expect(moved.out).toContain(
      `Contoso Tasks (${TASKS}) → custom-connectors/Contoso Tasks: created apiDefinition.swagger.json, apiProperties.json, readme.md; moved from independent-publisher-connectors/Contoso Tasks (the connector is extracted to this root now).\n`,
    );
    expect(list(path.join(cwd, 'independent-publisher-connectors'))).toEqual([]);
    expect(list(path.join(cwd, 'custom-connectors'))).toEqual(['Contoso Tasks', 'Fabrikam Notes']);

    // Back, in JSON: the folder it left is removed, and its renamedFrom says it was another root's.
    const back = await extract(
      'independent-publisher-connectors',
      ...['--connector', TASKS, '--previous-source', 'contoso.zip', '--other-root', 'custom-connectors'],
      ...['--format', 'json'],
    );
    expect(back).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(back.out)).toMatchObject({
      connectors: [
        {
          folder: 'independent-publisher-connectors/Contoso Tasks',
          renamedFrom: { folder: 'custom-connectors/Contoso Tasks', otherRoot: true },
        },
      ],
      removed: ['custom-connectors/Contoso Tasks'],
    });
    expect(list(path.join(cwd, 'custom-connectors'))).toEqual(['Fabrikam Notes']);
  });
});
