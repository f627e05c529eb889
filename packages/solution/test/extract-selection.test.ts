import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inputWords, UsageError, UserError } from '@connector-alm/core';
import { locatedMessage } from '@connector-alm/testing';
import {
  buildSolution,
  extractAndRemoveLeftConnectors,
  extractConnectors,
  extractedConnectorLine,
  renameNote,
  readSolutionConnectors,
  unpackSolution,
} from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

// An ISV keeps one connector bound for independent-publisher-connectors and one kept in
// custom-connectors in one solution. Extraction wrote every connector of a solution under one root,
// so extracting it into each root wrote both connectors into both, and --previous-source then took
// the other root's connector for one that left. A selection extracts some connectors only, and
// leaves the others, and the folders named after them, alone.

const temp = temporaryFolders('extract-selection-');
afterAll(() => temp.cleanup());

/** A connector folder whose swagger is titled `title`, which build-solution makes its display name. */
function connectorFolder(title: string): string {
  const folder = path.join(temp.make(), 'c');
  mkdirSync(folder, { recursive: true });
  const swagger = { swagger: '2.0', info: { title, version: '1.0' }, host: 'api.contoso.com', paths: {} };
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify({ properties: {} }));
  writeFileSync(path.join(folder, 'readme.md'), `# ${title}\n\nWritten by hand.\n`);
  return folder;
}

/** A solution zip of connectors with these display names (logical names `contoso_` and the name escaped). */
async function solutionOf(...titles: string[]): Promise<string> {
  const zip = path.join(temp.make(), 'Contoso.zip');
  await buildSolution(titles.map(connectorFolder), zip, {
    uniqueName: 'Contoso',
    version: '1.0.0.0',
    publisher: { uniqueName: 'Contoso', prefix: 'contoso' },
  });
  return zip;
}

const TASKS = 'contoso_contoso-20tasks';
const NOTES = 'contoso_fabrikam-20notes';
const folders = (root: string): string[] => (existsSync(root) ? readdirSync(root).sort() : []);

/** The error `promise` rejects with, which must be a usage error, or a user error of `kind`. */
async function rejection(promise: Promise<unknown>, kind: typeof UserError = UsageError): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(kind);
  return error as UserError;
}

describe('extract-connectors with a selection', () => {
  it('extracts only the connectors named, by logical name or display name, in any case', async () => {
    const zip = await solutionOf('Contoso Tasks', 'Fabrikam Notes');
    expect((await readSolutionConnectors(zip)).map((connector) => connector.name)).toEqual([TASKS, NOTES]);

    const byDisplayName = path.join(temp.make(), 'independent-publisher-connectors');
    const tasks = await extractAndRemoveLeftConnectors(zip, byDisplayName, { selection: ['contoso TASKS'] });
    expect(tasks.connectors.map(({ name, folder }) => ({ name, folder }))).toEqual([
      { name: TASKS, folder: 'Contoso Tasks' },
    ]);
    expect(tasks.notSelected).toEqual([{ name: NOTES, displayName: 'Fabrikam Notes' }]);
    expect(folders(byDisplayName)).toEqual(['Contoso Tasks']);

    const byLogicalName = path.join(temp.make(), 'custom-connectors');
    const notes = await extractAndRemoveLeftConnectors(zip, byLogicalName, {
      selection: [NOTES.toUpperCase()],
    });
    expect(notes.connectors.map((connector) => connector.folder)).toEqual(['Fabrikam Notes']);
    expect(folders(byLogicalName)).toEqual(['Fabrikam Notes']);

    // Without a selection, every connector, and no notSelected to say.
    const every = await extractAndRemoveLeftConnectors(zip, path.join(temp.make(), 'all'));
    expect(every.connectors).toHaveLength(2);
    expect(every).not.toHaveProperty('notSelected');
  });

  it('takes a name with spaces around it, as typed in a list, and says which name it meant', async () => {
    const zip = await solutionOf('Contoso Tasks', 'Fabrikam Notes');
    const root = path.join(temp.make(), 'custom-connectors');
    const tasks = await extractAndRemoveLeftConnectors(zip, root, { selection: [' Contoso Tasks '] });
    expect(tasks.connectors.map(({ name }) => name)).toEqual([TASKS]);
    const error = await rejection(
      extractAndRemoveLeftConnectors(zip, root, { selection: [' Contoso Task '] }),
    );
    expect(error.hint).toMatch(/^Did you mean 'Contoso Tasks'\? /);
  });

  describeWith(SOLUTION_FIXTURES, 'real solution export')(
    'of a connector with capitals in its logical name',
    () => {
      it('selects it by that name in any case', async () => {
        // Dataverse keeps the case of a logical name: InstagramBasicDisplay's is cr715_5Finstagrampost.
        const root = path.join(temp.make(), 'custom-connectors');
        const instagram = fixturePath('InstagramBasicDisplay/InstagramBasicDisplay.zip');
        const result = await extractAndRemoveLeftConnectors(instagram, root, {
          selection: ['cr715_5finstagrampost'],
        });
        expect(result.connectors.map(({ name }) => name)).toEqual(['cr715_5Finstagrampost']);
      });
    },
  );

  it('refuses a name that is no connector of the solution, listing them, and writes nothing', async () => {
    const zip = await solutionOf('Contoso Tasks', 'Fabrikam Notes');
    const root = path.join(temp.make(), 'custom-connectors');
    const error = await rejection(
      extractAndRemoveLeftConnectors(zip, root, { selection: ['Contoso Tasks', 'Contoso Task'] }),
    );
    expect(locatedMessage(error)).toBe(
      `${zip}: has no connector named 'Contoso Task' (--connector): its connectors are "Contoso Tasks" (${TASKS}) and "Fabrikam Notes" (${NOTES}). Nothing was written.`,
    );
    expect(error.hint).toBe(
      "Did you mean 'Contoso Tasks'? Name a connector by its logical name (it stays when the connector is renamed) or by its display name, in any case.",
    );
    expect(folders(root)).toEqual([]);

    // Several, in the action's words, each with the name meant; one far from any has none.
    const several = await rejection(
      extractAndRemoveLeftConnectors(zip, root, {
        selection: ['Fabrikam Note', 'Northwind', 'contoso_contoso-20taks'],
        say: inputWords,
      }),
    );
    expect(several.message).toMatch(
      /^has no connector named 'Fabrikam Note', 'Northwind' or 'contoso_contoso-20taks' \(connectors\): /,
    );
    expect(several.hint).toMatch(
      new RegExp(
        `^Did you mean 'Fabrikam Notes' for 'Fabrikam Note', '${TASKS}' for 'contoso_contoso-20taks'\\? `,
      ),
    );
    expect(folders(root)).toEqual([]);
  });

  describeWith(SOLUTION_FIXTURES, 'real solution export')('of a solution without connectors', () => {
    it('says it has none to select', async () => {
      const error = await rejection(
        extractAndRemoveLeftConnectors(
          fixturePath('ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip'),
          path.join(temp.make(), 'root'),
          { selection: ['Contoso Tasks'] },
        ),
      );
      expect(error.message).toBe(
        "has no custom connector, so none named 'Contoso Tasks' (--connector). Nothing was written.",
      );
    });
  });

  it("never takes a folder named after a connector not selected for the one selected's own", async () => {
    // "Contoso-Tasks", another logical name, is kept in this root; "Contoso Tasks" is new here. Its
    // display-name folder is not there, and `Contoso-Tasks` (no title) reads as it: only knowing that
    // it is the other connector's keeps extraction from writing "Contoso Tasks" over it.
    const zip = await solutionOf('Contoso Tasks', 'Contoso-Tasks');
    const root = path.join(temp.make(), 'custom-connectors');
    mkdirSync(path.join(root, 'Contoso-Tasks'), { recursive: true });
    writeFileSync(path.join(root, 'Contoso-Tasks', 'readme.md'), '# Contoso-Tasks\n');
    const result = await extractAndRemoveLeftConnectors(zip, root, { selection: ['Contoso Tasks'] });
    expect(result.connectors.map((connector) => [connector.folder, connector.foundUnder])).toEqual([
      ['Contoso Tasks', undefined],
    ]);
    expect(folders(root)).toEqual(['Contoso Tasks', 'Contoso-Tasks']);
    expect(readdirSync(path.join(root, 'Contoso-Tasks'))).toEqual(['readme.md']);
  });
  // extractConnectors' earlierFolder, given without the previous connectors: the folder a connector
  // not selected had before its rename is still its own, as its display-name folder is.
  it("never takes the earlier folder of a connector not selected for the one selected's own", async () => {
    const zip = await solutionOf('Contoso Tasks', 'Fabrikam Notes');
    const root = path.join(temp.make(), 'custom-connectors');
    // "Fabrikam Notes" was "Contoso-Tasks" (no title), which reads as "Contoso Tasks".
    mkdirSync(path.join(root, 'Contoso-Tasks'), { recursive: true });
    writeFileSync(path.join(root, 'Contoso-Tasks', 'readme.md'), '# Fabrikam Notes\n');
    const connectors = await extractConnectors(zip, root, {
      selection: ['Contoso Tasks'],
      earlierFolder: (connector) =>
        connector.name === NOTES ? { folder: 'Contoso-Tasks', connector } : undefined,
    });
    expect(connectors.map((connector) => [connector.folder, connector.foundUnder])).toEqual([
      ['Contoso Tasks', undefined],
    ]);
    expect(folders(root)).toEqual(['Contoso Tasks', 'Contoso-Tasks']);
    expect(readdirSync(path.join(root, 'Contoso-Tasks'))).toEqual(['readme.md']);
  });
});

describe('extract-connectors with a selection and --previous-source', () => {
  /**
   * A root after a full extraction of the previous solution ("Contoso Tasks", "Fabrikam Notes",
   * "Retired"), and the solution now, which no longer has "Retired".
   */
  async function afterTheLastSnapshot(): Promise<{ previous: string; current: string; root: string }> {
    const previous = await solutionOf('Contoso Tasks', 'Fabrikam Notes', 'Retired');
    const current = await solutionOf('Contoso Tasks', 'Fabrikam Notes');
    const root = path.join(temp.make(), 'custom-connectors');
    await extractAndRemoveLeftConnectors(previous, root);
    expect(folders(root)).toEqual(['Contoso Tasks', 'Fabrikam Notes', 'Retired']);
    return { previous, current, root };
  }

  it('neither writes nor removes the folders of the connectors not selected', async () => {
    const { previous, current, root } = await afterTheLastSnapshot();
    const result = await extractAndRemoveLeftConnectors(current, root, {
      previousSource: previous,
      selection: ['Contoso Tasks'],
    });
    expect(result.connectors.map((connector) => connector.folder)).toEqual(['Contoso Tasks']);
    expect(result).toMatchObject({ removed: [], leftAlone: [], notRemoved: [] });
    expect(folders(root)).toEqual(['Contoso Tasks', 'Fabrikam Notes', 'Retired']);
  });

  it('does not remove the folder found under another name for a connector that left and is not selected', async () => {
    const previous = await solutionOf('Contoso Tasks', 'Retired Tasks');
    const current = await solutionOf('Contoso Tasks');
    const root = path.join(temp.make(), 'custom-connectors');
    await extractAndRemoveLeftConnectors(previous, root);
    // As upstream names folders: found by its name for "Retired Tasks", and holding it as extracted.
    renameSync(path.join(root, 'Retired Tasks'), path.join(root, 'RetiredTasks'));
    const result = await extractAndRemoveLeftConnectors(current, root, {
      previousSource: previous,
      selection: ['Contoso Tasks'],
    });
    expect(result).toMatchObject({ removed: [], leftAlone: [], notRemoved: [] });
    expect(folders(root)).toEqual(['Contoso Tasks', 'RetiredTasks']);
    // Selected, it goes.
    const selected = await extractAndRemoveLeftConnectors(current, root, {
      previousSource: previous,
      selection: ['Retired Tasks'],
    });
    expect(selected.removed).toEqual(['RetiredTasks']);
  });

  it('removes the folder of a selected connector that left, named as --previous-source has it', async () => {
    const { previous, current, root } = await afterTheLastSnapshot();
    const result = await extractAndRemoveLeftConnectors(current, root, {
      previousSource: previous,
      selection: ['retired'],
    });
    expect(result).toMatchObject({
      connectors: [],
      removed: ['Retired'],
      formerNames: [{ given: 'retired', name: 'contoso_retired', earlierDisplayName: 'Retired' }],
      notSelected: [
        { name: TASKS, displayName: 'Contoso Tasks' },
        { name: NOTES, displayName: 'Fabrikam Notes' },
      ],
    });
    expect(folders(root)).toEqual(['Contoso Tasks', 'Fabrikam Notes']);
  });

  it('lists the connectors that left among those there are when a name is none of them', async () => {
    const { previous, current, root } = await afterTheLastSnapshot();
    const error = await rejection(
      extractAndRemoveLeftConnectors(current, root, { previousSource: previous, selection: ['Retire'] }),
    );
    expect(error.message).toBe(
      `has no connector named 'Retire' (--connector): its connectors are "Contoso Tasks" (${TASKS}) and "Fabrikam Notes" (${NOTES}); of those that left it, --previous-source has "Retired" (contoso_retired). Nothing was written.`,
    );
    expect(error.hint).toMatch(/^Did you mean 'Retired'\? /);
    expect(folders(root)).toEqual(['Contoso Tasks', 'Fabrikam Notes', 'Retired']);
  });

  it('moves a selected connector renamed since, named by its old display name or its new one', async () => {
    for (const name of ['Contoso Tasks', 'Contoso Tasks Hub', TASKS]) {
      const { previous, root } = await afterTheLastSnapshot();
      const renamed = await renamedSince(previous, 'Contoso Tasks', 'Contoso Tasks Hub');
      const result = await extractAndRemoveLeftConnectors(renamed, root, {
        previousSource: previous,
        selection: [name],
      });
      expect(result.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom?.folder])).toEqual([
        ['Contoso Tasks Hub', 'Contoso Tasks'],
      ]);
      expect(result.removed).toEqual(['Contoso Tasks']);
      // The old display name is no connector's now: the result says it was a former name. The new
      // one, and the logical name, which both versions have, are no former names.
      expect(result.formerNames).toEqual(
        name === 'Contoso Tasks'
          ? [
              {
                given: name,
                name: TASKS,
                earlierDisplayName: 'Contoso Tasks',
                displayName: 'Contoso Tasks Hub',
              },
            ]
          : undefined,
      );
      // Its readme came along; "Retired", not selected, stays.
      expect(readFileSync(path.join(root, 'Contoso Tasks Hub', 'readme.md'), 'utf8')).toMatch(
        /^# Contoso Tasks\n/,
      );
      expect(folders(root)).toEqual(['Contoso Tasks Hub', 'Fabrikam Notes', 'Retired']);
    }
  });

  // "Contoso Tasks" left the solution, its folder already gone; "Contoso-Tasks" stays, kept in this
  // root. `Contoso-Tasks` reads as "Contoso Tasks", but it is the other connector's folder: neither a
  // candidate to remove nor one to warn about. Also when "Contoso-Tasks" is new since
  // --previous-source: its folder is named after it only in the solution extracted now (made by hand,
  // or by the root it is kept in).
  it.each([
    ['in the previous solution too', ['Contoso Tasks', 'Contoso-Tasks']],
    ['new to the solution', ['Contoso Tasks']],
  ])(
    'never takes the folder of a connector not selected (%s) for the one of a selected connector that left',
    async (_, previousConnectors) => {
      const previous = await solutionOf(...previousConnectors);
      const current = await solutionOf('Contoso-Tasks');
      const root = path.join(temp.make(), 'custom-connectors');
      mkdirSync(path.join(root, 'Contoso-Tasks'), { recursive: true });
      writeFileSync(path.join(root, 'Contoso-Tasks', 'readme.md'), '# Contoso-Tasks\n');
      const result = await extractAndRemoveLeftConnectors(current, root, {
        previousSource: previous,
        selection: ['Contoso Tasks'],
      });
      expect(result).toMatchObject({ connectors: [], removed: [], leftAlone: [], notRemoved: [] });
      expect(folders(root)).toEqual(['Contoso-Tasks']);
    },
  );

  it('finds the folder of a selected connector that left beside one named after a connector not selected', async () => {
    // "Contoso Tasks" left while in `ContosoTasks` (its display-name folder renamed by hand, as
    // upstream names folders); `Contoso-Tasks`, which reads alike, is the folder of "Contoso-Tasks",
    // not selected. Two folders that could be its own would be none: only `ContosoTasks` is.
    const previous = await solutionOf('Contoso Tasks', 'Contoso-Tasks');
    const current = await solutionOf('Contoso-Tasks');
    const root = path.join(temp.make(), 'custom-connectors');
    await extractAndRemoveLeftConnectors(previous, root);
    renameSync(path.join(root, 'Contoso Tasks'), path.join(root, 'ContosoTasks'));
    const result = await extractAndRemoveLeftConnectors(current, root, {
      previousSource: previous,
      selection: ['Contoso Tasks'],
    });
    expect(result).toMatchObject({
      connectors: [],
      removed: ['ContosoTasks'],
      leftAlone: [],
      notRemoved: [],
    });
    expect(folders(root)).toEqual(['Contoso-Tasks']);
  });

  it('does not remove the folder of a selected connector that left when one not selected is named so now', async () => {
    // "Contoso Tasks" left; "Fabrikam Notes", not selected, was renamed "Contoso Tasks" since: the
    // folder is the name of a connector of the solution, which this run does not extract.
    const previous = await solutionOf('Contoso Tasks', 'Fabrikam Notes');
    const current = await renamedSince(await solutionOf('Fabrikam Notes'), 'Fabrikam Notes', 'Contoso Tasks');
    const root = path.join(temp.make(), 'custom-connectors');
    await extractAndRemoveLeftConnectors(previous, root);
    const result = await extractAndRemoveLeftConnectors(current, root, {
      previousSource: previous,
      selection: [TASKS],
    });
    expect(result).toMatchObject({
      connectors: [],
      removed: [],
      notSelected: [{ name: NOTES, displayName: 'Contoso Tasks' }],
    });
    expect(folders(root)).toEqual(['Contoso Tasks', 'Fabrikam Notes']);
  });

  it('refuses to write a selected connector into the folder a connector not selected had before its rename', async () => {
    // "Alpha" was renamed "Beta", and "Beta" "Beta Legacy". A full run moves "Beta" out of `Beta`
    // first; extracting "Alpha" alone wrote it into `Beta`, over Beta's swagger and beside its readme.
    const previous = await solutionOf('Alpha', 'Beta');
    const current = await renamedSince(previous, 'Beta', 'Beta Legacy');
    renameIn(current, 'Alpha', 'Beta');
    const root = path.join(temp.make(), 'custom-connectors');
    await extractAndRemoveLeftConnectors(previous, root);
    writeFileSync(path.join(root, 'Beta', 'notes.md'), 'Beta, by hand.\n');
    const before = readFileSync(path.join(root, 'Beta', 'apiDefinition.swagger.json'), 'utf8');
    // By its logical name, its old display name, or its new one: "Beta" is Alpha's display name now,
    // so it selects Alpha alone, not also the connector that was "Beta" before its rename.
    for (const selection of [['contoso_alpha'], ['alpha'], ['Beta']]) {
      const error = await rejection(
        extractAndRemoveLeftConnectors(current, root, { previousSource: previous, selection }),
        UserError,
      );
      expect(locatedMessage(error)).toBe(
        `${current}: has connector 'contoso_alpha' to be extracted to 'Beta', the folder of connector 'contoso_beta' (not selected) before it was renamed "Beta Legacy". Nothing was written.`,
      );
      expect(error.hint).toBe(
        "Select 'contoso_beta' too (--connector), so that it moves out to its own folder first, or extract every connector.",
      );
      expect(folders(root)).toEqual(['Alpha', 'Beta']);
      expect(readFileSync(path.join(root, 'Beta', 'apiDefinition.swagger.json'), 'utf8')).toBe(before);
    }
    // Both selected, as a full run: "Beta" moves out first, and "Alpha" takes its folder.
    const both = await extractAndRemoveLeftConnectors(current, root, {
      previousSource: previous,
      selection: ['contoso_alpha', 'contoso_beta'],
    });
    expect(both.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom?.folder])).toEqual([
      ['Beta', 'Alpha'],
      ['Beta Legacy', 'Beta'],
    ]);
    // Beta's hand-written file went with it.
    expect(readFileSync(path.join(root, 'Beta Legacy', 'notes.md'), 'utf8')).toBe('Beta, by hand.\n');
    expect(folders(root)).toEqual(['Beta', 'Beta Legacy']);
  });
});

describe('extract-connectors into two roots, one selection each', () => {
  /** The roots of a workspace: `custom-connectors` and `independent-publisher-connectors`. */
  function twoRoots(): { custom: string; publisher: string } {
    const work = temp.make();
    return {
      custom: path.join(work, 'custom-connectors'),
      publisher: path.join(work, 'independent-publisher-connectors'),
    };
  }

  it("writes a selected connector into the folder another root's connector had before its rename", async () => {
    // "Alpha" is kept in custom-connectors, "Beta" in independent-publisher-connectors. "Beta" was
    // renamed "Beta Legacy", and "Alpha" took the name "Beta". The folder `Beta` that "Beta" still
    // holds is in the other root: custom-connectors has none, so "Alpha" moves to its `Beta`. The
    // refusal that keeps a connector from writing into another's earlier folder looked at the name
    // only, and refused it, with the advice to select "Beta" too, which would write it into this root.
    // In the other root, "Beta" moves out of `Beta`, which goes: named after "Alpha" now, it is still
    // no folder of Alpha's, which has none in that root, and it stayed there beside `Beta Legacy`.
    const previous = await solutionOf('Alpha', 'Beta');
    const current = await renamedSince(previous, 'Beta', 'Beta Legacy');
    renameIn(current, 'Alpha', 'Beta');
    const { custom, publisher } = twoRoots();
    await extractAndRemoveLeftConnectors(previous, custom, { selection: ['contoso_alpha'] });
    await extractAndRemoveLeftConnectors(previous, publisher, { selection: ['contoso_beta'] });

    const alpha = await extractAndRemoveLeftConnectors(current, custom, {
      previousSource: previous,
      selection: ['contoso_alpha'],
    });
    expect(alpha.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom?.folder])).toEqual([
      ['Beta', 'Alpha'],
    ]);
    expect(alpha.removed).toEqual(['Alpha']);
    expect(folders(custom)).toEqual(['Beta']);
    expect(readFileSync(path.join(custom, 'Beta', 'readme.md'), 'utf8')).toMatch(/^# Alpha\n/);

    const beta = await extractAndRemoveLeftConnectors(current, publisher, {
      previousSource: previous,
      selection: ['contoso_beta'],
    });
    expect(beta.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom?.folder])).toEqual([
      ['Beta Legacy', 'Beta'],
    ]);
    expect(beta.removed).toEqual(['Beta']);
    expect(folders(publisher)).toEqual(['Beta Legacy']);
  });

  it('still counts the folder of a connector not selected as its own when it holds it, though renamed since', async () => {
    // "Alpha" became "Beta" and the old "Beta" left; this root was extracted from the solution as it
    // is now, and --previous-source is the older one. `Beta` holds "Alpha" now: not the earlier
    // folder of the "Beta" that left, though its name is.
    const previous = await solutionOf('Alpha', 'Beta');
    const current = await renamedSince(await solutionOf('Alpha'), 'Alpha', 'Beta');
    const { custom } = twoRoots();
    await extractAndRemoveLeftConnectors(current, custom);
    expect(folders(custom)).toEqual(['Beta']);
    const result = await extractAndRemoveLeftConnectors(current, custom, {
      previousSource: previous,
      selection: ['contoso_beta'],
    });
    expect(result).toMatchObject({ connectors: [], removed: [], leftAlone: [], notRemoved: [] });
    expect(folders(custom)).toEqual(['Beta']);
  });

  /**
   * Two roots after the last snapshot: "Contoso Tasks" and "Northwind" in custom-connectors, with a
   * note of the maker's beside Contoso's readme, and "Fabrikam Notes" in independent-publisher-connectors.
   */
  async function splitOverTwoRoots(): Promise<{ previous: string; custom: string; publisher: string }> {
    const previous = await solutionOf('Contoso Tasks', 'Fabrikam Notes', 'Northwind');
    const { custom, publisher } = twoRoots();
    await extractAndRemoveLeftConnectors(previous, custom, { selection: ['Contoso Tasks', 'Northwind'] });
    await extractAndRemoveLeftConnectors(previous, publisher, { selection: ['Fabrikam Notes'] });
    writeFileSync(path.join(custom, 'Contoso Tasks', 'readme.md'), '# Contoso Tasks\n\nWritten by hand.\n');
    writeFileSync(path.join(custom, 'Contoso Tasks', 'notes.md'), 'Contoso, by hand.\n');
    return { previous, custom, publisher };
  }

  it("moves a connector named for the other root now from its folder there, with its maker's files", async () => {
    // The maker moved "Contoso Tasks" from the selection of custom-connectors to that of
    // independent-publisher-connectors: it was written into the new root and stayed in the old one,
    // so the pull request held it twice.
    const { previous, custom, publisher } = await splitOverTwoRoots();
    const first = await extractAndRemoveLeftConnectors(previous, custom, {
      previousSource: previous,
      selection: ['Northwind'],
      otherRoots: [publisher],
    });
    expect(first).toMatchObject({ removed: [], leftAlone: [], notRemoved: [] });
    expect(folders(custom)).toEqual(['Contoso Tasks', 'Northwind']);

    const other = await extractAndRemoveLeftConnectors(previous, publisher, {
      previousSource: previous,
      selection: ['Fabrikam Notes', 'Contoso Tasks'],
      otherRoots: [custom],
    });
    const from = path.join('..', 'custom-connectors', 'Contoso Tasks');
    expect(other.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom])).toEqual([
      ['Contoso Tasks', { folder: from, kept: ['readme.md', 'notes.md'], leftBehind: [], otherRoot: true }],
      ['Fabrikam Notes', undefined],
    ]);
    expect(other).toMatchObject({ removed: [from], leftAlone: [], notRemoved: [] });
    expect(folders(custom)).toEqual(['Northwind']);
    expect(folders(publisher)).toEqual(['Contoso Tasks', 'Fabrikam Notes']);
    expect(readFileSync(path.join(publisher, 'Contoso Tasks', 'readme.md'), 'utf8')).toMatch(
      /^# Contoso Tasks\n\nWritten by hand/,
    );
    expect(readFileSync(path.join(publisher, 'Contoso Tasks', 'notes.md'), 'utf8')).toBe(
      'Contoso, by hand.\n',
    );
    const shown = shownFrom('independent-publisher-connectors');
    expect(extractedConnectorLine(other.connectors[0]!, other.removed, shown)).toBe(
      `Contoso Tasks (${TASKS}) → independent-publisher-connectors/Contoso Tasks: created apiDefinition.swagger.json, apiProperties.json, notes.md, readme.md; moved from custom-connectors/Contoso Tasks (the connector is extracted to this root now), carrying readme.md, notes.md.`,
    );
  });

  it('swaps two connectors between the roots, one renamed too, each moved by the root it goes to', async () => {
    const { previous, custom, publisher } = await splitOverTwoRoots();
    const renamed = await renamedSince(previous, 'Fabrikam Notes', 'Fabrikam Notebook');
    // "Fabrikam Notes", renamed "Fabrikam Notebook", goes to custom-connectors, the root extracted
    // first; "Contoso Tasks" to independent-publisher-connectors.
    const first = await extractAndRemoveLeftConnectors(renamed, custom, {
      previousSource: previous,
      selection: ['Northwind', NOTES],
      otherRoots: [publisher],
    });
    const from = path.join('..', 'independent-publisher-connectors', 'Fabrikam Notes');
    expect(first.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom?.folder])).toEqual([
      ['Fabrikam Notebook', from],
      ['Northwind', undefined],
    ]);
    expect(first.removed).toEqual([from]);
    expect(renameNote(first.connectors[0]!, first.removed, shownFrom('custom-connectors'))).toBe(
      `moved from independent-publisher-connectors/Fabrikam Notes (the connector was renamed, and is extracted to this root now)`,
    );
    const second = await extractAndRemoveLeftConnectors(renamed, publisher, {
      previousSource: previous,
      selection: ['Contoso Tasks'],
      otherRoots: [custom],
    });
    expect(second.removed).toEqual([path.join('..', 'custom-connectors', 'Contoso Tasks')]);
    expect(folders(custom)).toEqual(['Fabrikam Notebook', 'Northwind']);
    expect(folders(publisher)).toEqual(['Contoso Tasks']);
  });

  it('leaves a folder of the other root alone that does not hold the connector as extracted', async () => {
    const { previous, custom, publisher } = await splitOverTwoRoots();
    // Edited since (and committed, or not: it is not the connector as extraction wrote it).
    const swagger = path.join(custom, 'Contoso Tasks', 'apiDefinition.swagger.json');
    writeFileSync(swagger, readFileSync(swagger, 'utf8').replace('api.contoso.com', 'api.fabrikam.com'));
    const result = await extractAndRemoveLeftConnectors(previous, publisher, {
      previousSource: previous,
      selection: ['Fabrikam Notes', 'Contoso Tasks'],
      otherRoots: [custom],
    });
    expect(result.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom])).toEqual([
      ['Contoso Tasks', undefined],
      ['Fabrikam Notes', undefined],
    ]);
    expect(result.removed).toEqual([]);
    expect(result.leftAlone).toEqual([
      {
        folder: path.join('..', 'custom-connectors', 'Contoso Tasks'),
        warning: `left alone: connector '${TASKS}' ("Contoso Tasks") is extracted to another root now, and this folder could be the one it was in, but it holds the connector neither as --previous-source gives it nor as the solution does (its apiDefinition.swagger.json differs): it may be another connector's. The connector was written to a new folder, and nothing of this one was carried there; move your files from it yourself and delete it if it was this connector's.`,
      },
    ]);
    expect(folders(custom)).toEqual(['Contoso Tasks', 'Northwind']);
    expect(readdirSync(path.join(publisher, 'Contoso Tasks')).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
  });

  it("names the action's input in the warning of a folder of the other root left alone, when told to", async () => {
    const { previous, custom, publisher } = await splitOverTwoRoots();
    const swagger = path.join(custom, 'Contoso Tasks', 'apiDefinition.swagger.json');
    writeFileSync(swagger, readFileSync(swagger, 'utf8').replace('api.contoso.com', 'api.fabrikam.com'));
    const result = await extractAndRemoveLeftConnectors(previous, publisher, {
      previousSource: previous,
      selection: ['Contoso Tasks'],
      otherRoots: [custom],
      say: inputWords,
    });
    expect(result.leftAlone.map(({ warning }) => warning)).toEqual([
      expect.stringContaining(
        'but it holds the connector neither as previous-source gives it nor as the solution does',
      ),
    ]);
  });

  // Extracted into both roots before the solution was split over them, each root holds the connector.
  it('moves a renamed connector from its earlier folder in this root, not from the one another root has too', async () => {
    const previous = await solutionOf('Contoso Tasks', 'Fabrikam Notes');
    const { custom, publisher } = twoRoots();
    await extractAndRemoveLeftConnectors(previous, custom);
    await extractAndRemoveLeftConnectors(previous, publisher);
    writeFileSync(path.join(publisher, 'Contoso Tasks', 'notes.md'), 'Contoso, by hand.\n');
    const renamed = await renamedSince(previous, 'Contoso Tasks', 'Contoso Tasks Pro');
    const result = await extractAndRemoveLeftConnectors(renamed, publisher, {
      previousSource: previous,
      selection: ['Contoso Tasks Pro'],
      otherRoots: [custom],
    });
    expect(result.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom?.folder])).toEqual([
      ['Contoso Tasks Pro', 'Contoso Tasks'],
    ]);
    expect(result.removed).toEqual(['Contoso Tasks']);
    expect(folders(publisher)).toEqual(['Contoso Tasks Pro', 'Fabrikam Notes']);
    expect(readFileSync(path.join(publisher, 'Contoso Tasks Pro', 'notes.md'), 'utf8')).toBe(
      'Contoso, by hand.\n',
    );
    expect(folders(custom)).toEqual(['Contoso Tasks', 'Fabrikam Notes']);
  });

  /** Another connector's folder in `root`, titled as "Contoso Tasks" was: `Contoso Tasks Archive`. */
  function archiveTitledAsTasks(root: string): string {
    const archive = path.join(root, 'Contoso Tasks Archive');
    mkdirSync(archive);
    const swagger = {
      swagger: '2.0',
      info: { title: 'Contoso Tasks', version: '1.0' },
      host: 'archive.contoso.example',
      paths: {},
    };
    writeFileSync(path.join(archive, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
    writeFileSync(path.join(archive, 'readme.md'), '# Archive\n');
    return archive;
  }

  // Another connector's folder here titled as the connector's earlier name is left alone: it is not the
  // connector's, so the connector may still have been in the other root, as it was. It stayed there,
  // and the pull request held it twice.
  it("moves a renamed connector from the other root though another connector's folder here is titled as it was", async () => {
    const { previous, custom, publisher } = await splitOverTwoRoots();
    const archive = archiveTitledAsTasks(publisher);
    const renamed = await renamedSince(previous, 'Contoso Tasks', 'Contoso Tasks Pro');
    const result = await extractAndRemoveLeftConnectors(renamed, publisher, {
      previousSource: previous,
      selection: ['Fabrikam Notes', 'Contoso Tasks Pro'],
      otherRoots: [custom],
    });
    const from = path.join('..', 'custom-connectors', 'Contoso Tasks');
    expect(result.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom])).toEqual([
      [
        'Contoso Tasks Pro',
        { folder: from, kept: ['readme.md', 'notes.md'], leftBehind: [], otherRoot: true },
      ],
      ['Fabrikam Notes', undefined],
    ]);
    expect(result.removed).toEqual([from]);
    expect(result.leftAlone.map(({ folder }) => folder)).toEqual(['Contoso Tasks Archive']);
    expect(folders(custom)).toEqual(['Northwind']);
    expect(folders(publisher)).toEqual(['Contoso Tasks Archive', 'Contoso Tasks Pro', 'Fabrikam Notes']);
    expect(readdirSync(archive).sort()).toEqual(['apiDefinition.swagger.json', 'readme.md']);
  });

  it("says both folders left alone: another connector's here titled as it was, and the other root's edited since", async () => {
    const { previous, custom, publisher } = await splitOverTwoRoots();
    archiveTitledAsTasks(publisher);
    const swagger = path.join(custom, 'Contoso Tasks', 'apiDefinition.swagger.json');
    writeFileSync(swagger, readFileSync(swagger, 'utf8').replace('api.contoso.com', 'api.fabrikam.com'));
    const renamed = await renamedSince(previous, 'Contoso Tasks', 'Contoso Tasks Pro');
    const result = await extractAndRemoveLeftConnectors(renamed, publisher, {
      previousSource: previous,
      selection: ['Contoso Tasks Pro'],
      otherRoots: [custom],
    });
    expect(result.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom])).toEqual([
      ['Contoso Tasks Pro', undefined],
    ]);
    expect(result.removed).toEqual([]);
    expect(
      result.leftAlone.map(({ folder, warning }) => [folder, warning.slice(0, warning.indexOf(','))]),
    ).toEqual([
      [
        'Contoso Tasks Archive',
        `left alone: connector '${TASKS}' ("Contoso Tasks Pro") was "Contoso Tasks" in --previous-source`,
      ],
      [
        path.join('..', 'custom-connectors', 'Contoso Tasks'),
        `left alone: connector '${TASKS}' ("Contoso Tasks Pro") is extracted to another root now`,
      ],
    ]);
    expect(folders(custom)).toEqual(['Contoso Tasks', 'Northwind']);
  });

  it('moves a connector from the folder its other root holds it in under another name, never from a folder only titled alike', async () => {
    // Found there under another name (upstream's `ContosoTasks`), it stayed there; a copy whose API
    // definition was edited since, titled alike, may be another connector's and is left as it is.
    const { previous, custom, publisher } = await splitOverTwoRoots();
    renameSync(path.join(custom, 'Contoso Tasks'), path.join(custom, 'ContosoTasks'));
    mkdirSync(path.join(custom, 'Contoso-Tasks'));
    const swagger = readFileSync(path.join(custom, 'ContosoTasks', 'apiDefinition.swagger.json'), 'utf8');
    writeFileSync(
      path.join(custom, 'Contoso-Tasks', 'apiDefinition.swagger.json'),
      swagger.replace('api.contoso.com', 'api.fabrikam.com'),
    );
    const result = await extractAndRemoveLeftConnectors(previous, publisher, {
      previousSource: previous,
      selection: ['Contoso Tasks'],
      otherRoots: [custom],
    });
    const from = path.join('..', 'custom-connectors', 'ContosoTasks');
    expect(result.connectors.map(({ folder, renamedFrom }) => [folder, renamedFrom])).toEqual([
      ['Contoso Tasks', { folder: from, kept: ['readme.md', 'notes.md'], leftBehind: [], otherRoot: true }],
    ]);
    expect(result).toMatchObject({ removed: [from], leftAlone: [], notRemoved: [] });
    expect(folders(custom)).toEqual(['Contoso-Tasks', 'Northwind']);
    expect(readFileSync(path.join(publisher, 'Contoso Tasks', 'notes.md'), 'utf8')).toBe(
      'Contoso, by hand.\n',
    );
  });

  it("carries the maker's keys of apiProperties.json (publisher, stackOwner) into the folder it moves to", async () => {
    const { previous, custom, publisher } = await splitOverTwoRoots();
    // Outside git: the folder it moves from goes only once they are carried.
    const properties = path.join(custom, 'Contoso Tasks', 'apiProperties.json');
    const before = JSON.parse(readFileSync(properties, 'utf8'));
    const makers = { publisher: 'Contoso', stackOwner: 'Contoso Ltd' };
    writeFileSync(properties, JSON.stringify({ ...before, properties: { ...before.properties, ...makers } }));
    const result = await extractAndRemoveLeftConnectors(previous, publisher, {
      previousSource: previous,
      selection: ['Fabrikam Notes', 'Contoso Tasks'],
      otherRoots: [custom],
    });
    expect(result).toMatchObject({
      removed: [path.join('..', 'custom-connectors', 'Contoso Tasks')],
      notRemoved: [],
    });
    const moved = JSON.parse(
      readFileSync(path.join(publisher, 'Contoso Tasks', 'apiProperties.json'), 'utf8'),
    );
    expect(moved.properties).toEqual({ ...before.properties, ...makers });
  });

  it('keeps the folder it moves from whole when removing it would lose a file, and says where the connector went', async () => {
    const { previous, custom, publisher } = await splitOverTwoRoots();
    // Outside git, beside the apiProperties.json extraction wrote, an older copy in another case
    // (Linux has both): extraction writes the one file and carries neither copy as a file of its own.
    const stale = path.join(custom, 'Contoso Tasks', 'ApiProperties.json');
    writeFileSync(stale, JSON.stringify({ properties: { publisher: 'Contoso' } }, null, 2));
    if (existsSync(path.join(custom, 'Contoso Tasks', 'APIPROPERTIES.JSON'))) return; // one file here

    const result = await extractAndRemoveLeftConnectors(previous, publisher, {
      previousSource: previous,
      selection: ['Fabrikam Notes', 'Contoso Tasks'],
      otherRoots: [custom],
    });
    const from = path.join('..', 'custom-connectors', 'Contoso Tasks');
    expect(result.removed).toEqual([]);
    expect(result.notRemoved).toEqual([
      expect.objectContaining({
        folder: from,
        files: ['ApiProperties.json'],
        message: expect.stringMatching(
          /^not removed: its connector moved to 'independent-publisher-connectors\/Contoso Tasks', but removing this folder would lose what neither --previous-source nor git has: ApiProperties\.json: /,
        ),
      }),
    ]);
    expect(folders(custom)).toEqual(['Contoso Tasks', 'Northwind']);
  });

  it('refuses roots one inside the other, before writing anything', async () => {
    // Unrefused, extracting "Legacy" into `connectors` wrote its files into `connectors/Legacy`, the
    // other root, beside that root's connector folder `Contoso Tasks`: every folder of a root is
    // taken for a connector's.
    const zip = await solutionOf('Contoso Tasks', 'Legacy');
    const outer = path.join(temp.make(), 'connectors');
    const inner = path.join(outer, 'Legacy');
    await extractAndRemoveLeftConnectors(zip, inner, { selection: ['Contoso Tasks'] });
    const holding = await rejection(
      extractAndRemoveLeftConnectors(zip, outer, { selection: ['Legacy'], otherRoots: [inner] }),
    );
    expect(locatedMessage(holding)).toBe(
      `${outer}: holds the other root (--other-root) in its folder 'Legacy': extraction takes that folder for a connector's, and would write a connector named like it (or found in it) into the other root. Nothing was written.`,
    );
    expect(holding.hint).toBe(
      'Give roots side by side, neither inside the other (custom-connectors and independent-publisher-connectors).',
    );
    expect(folders(inner)).toEqual(['Contoso Tasks']);
    const inside = await rejection(
      extractAndRemoveLeftConnectors(zip, path.join(outer, 'Legacy', 'more'), {
        selection: ['Contoso Tasks'],
        otherRoots: [outer],
        say: inputWords,
      }),
    );
    expect(inside.message).toBe(
      "lies inside the other root (other-roots), as its folder 'Legacy/more': that root's extraction takes this folder for a connector's, and would write a connector named like it (or found in it) here. Nothing was written.",
    );
    expect(folders(inner)).toEqual(['Contoso Tasks']);
    // The same folder given as both is no nesting.
    await extractAndRemoveLeftConnectors(zip, inner, { selection: ['Contoso Tasks'], otherRoots: [inner] });
  });

  it('moves nothing without otherRoots, nor without --previous-source', async () => {
    const { previous, custom, publisher } = await splitOverTwoRoots();
    await extractAndRemoveLeftConnectors(previous, publisher, {
      selection: ['Contoso Tasks'],
      otherRoots: [custom],
    });
    await extractAndRemoveLeftConnectors(previous, publisher, {
      previousSource: previous,
      selection: ['Contoso Tasks'],
    });
    expect(folders(custom)).toEqual(['Contoso Tasks', 'Northwind']);
    expect(folders(publisher)).toEqual(['Contoso Tasks', 'Fabrikam Notes']);
  });
});

/** How the action shows a folder relative to `root`: from the workspace, with '/' on every OS. */
function shownFrom(root: string): (folder: string) => string {
  return (folder) => path.posix.join(root, folder.split(path.sep).join('/'));
}

/** `previous` (a solution zip) unpacked, with its connector `from` given the display name `to`. */
async function renamedSince(previous: string, from: string, to: string): Promise<string> {
  const unpacked = path.join(temp.make(), 'renamed');
  await unpackSolution(previous, unpacked);
  renameIn(unpacked, from, to);
  return unpacked;
}

/** Gives the connector `from` of an unpacked solution the display name `to`. */
function renameIn(unpacked: string, from: string, to: string): void {
  const connectors = path.join(unpacked, 'Connectors');
  let changed = 0;
  for (const file of readdirSync(connectors).filter((name) => name.endsWith('.xml'))) {
    const text = readFileSync(path.join(connectors, file), 'utf8');
    if (!text.includes(`<displayname>${from}</displayname>`)) continue;
    writeFileSync(
      path.join(connectors, file),
      text.replace(`<displayname>${from}</displayname>`, `<displayname>${to}</displayname>`),
    );
    changed++;
  }
  expect(changed).toBe(1);
}
