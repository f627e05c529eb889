import { afterAll, describe, expect, it } from '@jest/globals';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { inputWords, type UserError } from '@connector-alm/core';
import { locatedMessage, runGit } from '@connector-alm/testing';
import { ownFolderCandidates, type RootFolder } from '../src/connector/own-folder.js';
import {
  buildSolution,
  extractAndRemoveLeftConnectors,
  extractConnectors,
  extractedConnectorLine,
  unpackSolution,
} from '../src/index.js';
import { commitStates } from '@connector-alm/validator';
import { temporaryFolders } from './helpers/zips.js';

// Upstream names many connector folders otherwise than the connector's display name
// (certified-connectors/365Training for "365 Training", LnkBio for "Lnk.Bio", a "(Preview)" label
// left out): extraction into a clone of it wrote a new folder beside the connector's own, and `pr`
// would have submitted the duplicate (103 of 366 corpus connectors).

const temp = temporaryFolders('extract-own-folder-');
afterAll(() => temp.cleanup());

const MAKERS_README = '# 365 Training\n\nWritten upstream, kept.\n';

/**
 * A connector folder as upstream has it: its swagger (with `title`, and `host`), apiProperties.json
 * and a readme.
 */
function connectorFolder(
  folder: string,
  title: string | undefined,
  readme = MAKERS_README,
  host = 'api.contoso.com',
): string {
  mkdirSync(folder, { recursive: true });
  const info = title === undefined ? { version: '1.0' } : { title, version: '1.0' };
  const swagger = { swagger: '2.0', info, host, paths: {} };
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify({ properties: {} }));
  writeFileSync(path.join(folder, 'readme.md'), readme);
  return folder;
}

/** A destination root in a git repository (committed by commitAll), as a clone of upstream has it. */
function rootInRepository(): string {
  const root = path.join(temp.make(), 'connectors');
  mkdirSync(root);
  return root;
}

/**
 * The repository of `root` (rootInRepository) made, its one commit holding everything in it, as a
 * clone of upstream holds its folders: a folder of a connector that left goes only when nothing in it
 * would be lost.
 */
function commitAll(root: string): void {
  const repository = path.dirname(root);
  runGit(repository, ['init', '-q']);
  runGit(repository, ['add', '-A']);
  runGit(repository, ['commit', '-q', '-m', 'upstream']);
}

/** A solution zip built from connectors with these titles (their display names). */
async function solutionOf(...titles: string[]): Promise<string> {
  const folders = titles.map((title) => connectorFolder(path.join(temp.make(), 'c'), title));
  const zip = path.join(temp.make(), 'Contoso.zip');
  await buildSolution(folders, zip, {
    uniqueName: 'Contoso',
    version: '1.0.0.0',
    publisher: { uniqueName: 'Contoso', prefix: 'contoso' },
  });
  return zip;
}

/** The connectors of an unpacked solution without a display name, as a solution may have them. */
function withoutDisplayNames(unpacked: string): void {
  const connectors = path.join(unpacked, 'Connectors');
  for (const file of readdirSync(connectors).filter((name) => name.endsWith('.xml'))) {
    const xml = path.join(connectors, file);
    writeFileSync(xml, readFileSync(xml, 'utf8').replace(/<displayname>[^<]*<\/displayname>/, ''));
  }
}

const swaggerTitle = (folder: string): unknown =>
  (
    JSON.parse(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')) as {
      info: { title: unknown };
    }
  ).info.title;

describe('ownFolderCandidates', () => {
  const none = new Set<string>();
  /** The candidates for `displayName`, whose display-name folder is named alike. */
  const candidates = (displayName: string, folders: RootFolder[], taken: ReadonlySet<string> = none) =>
    ownFolderCandidates({ displayName, folder: displayName }, folders, taken);

  it('finds a folder by its swagger title, or by a name that reads as the display name', () => {
    expect(candidates('365 Training', [{ name: 'Training365', title: '365 Training' }])).toEqual([
      { folder: 'Training365', matched: 'title' },
    ]);
    expect(candidates('Lnk.Bio', [{ name: 'LnkBio' }])).toEqual([{ folder: 'LnkBio', matched: 'name' }]);
    // Its title need not be the display name, only read as it.
    expect(candidates('Lnk.Bio', [{ name: 'LnkBio', title: 'Lnk Bio' }])).toEqual([
      { folder: 'LnkBio', matched: 'name' },
    ]);
    // A status label is letters like any other.
    expect(candidates('Contoso (Preview)', [{ name: 'ContosoPreview' }])).toEqual([
      { folder: 'ContosoPreview', matched: 'name' },
    ]);
  });

  it('finds neither another name nor a folder taken by another connector', () => {
    expect(candidates('Contoso Tasks', [{ name: 'Contoso', title: 'Contoso' }])).toEqual([]);
    // `ContosoTasks` reads as "Contoso Tasks": only being taken keeps it out.
    expect(candidates('Contoso Tasks', [{ name: 'ContosoTasks' }])).toEqual([
      { folder: 'ContosoTasks', matched: 'name' },
    ]);
    expect(candidates('Contoso Tasks', [{ name: 'ContosoTasks' }], new Set(['contosotasks']))).toEqual([]);
  });

  // A new connector "Contoso (Preview)" replaced the swagger of another publisher's `Contoso`.
  it('finds no folder named alike whose swagger is titled as another connector', () => {
    expect(candidates('Contoso Tasks', [{ name: 'ContosoTasks', title: 'Fabrikam' }])).toEqual([]);
    expect(candidates('Contoso (Preview)', [{ name: 'Contoso', title: 'Contoso' }])).toEqual([]);
  });

  it('does not leave out a status label: "Contoso" and "Contoso (Preview)" may be two connectors', () => {
    expect(candidates('Contoso (Preview)', [{ name: 'Contoso' }])).toEqual([]);
    expect(candidates('Contoso', [{ name: 'Contoso [DEPRECATED]' }])).toEqual([]);
  });

  it('takes a folder named as the display-name folder but for case before any other', () => {
    // Upstream's certified-connectors/snowflake, beside `Snowflake v2 Archive` also titled "Snowflake".
    const folders = [
      { name: 'Snowflake v2 Archive', title: 'Snowflake' },
      { name: 'snowflake', title: 'Snowflake' },
    ];
    expect(candidates('Snowflake', folders)).toEqual([{ folder: 'snowflake', matched: 'name' }]);
    expect(candidates('Snowflake', folders, new Set(['snowflake']))).toEqual([
      { folder: 'Snowflake v2 Archive', matched: 'title' },
    ]);
    // Titled as another connector: that title comes with it, for extraction to refuse it on Linux.
    expect(candidates('Contoso', [{ name: 'contoso', title: 'Fabrikam' }])).toEqual([
      { folder: 'contoso', matched: 'name', titledOtherwise: 'Fabrikam' },
    ]);
  });

  it("takes a renamed connector's folder titled with its current display name for its earlier one's", () => {
    const folders = [{ name: '365Training', title: '365 Training Hub' }];
    expect(candidates('365 Training', folders)).toEqual([]);
    expect(
      ownFolderCandidates(
        { displayName: '365 Training', folder: '365 Training', alsoTitled: '365 Training Hub' },
        folders,
        none,
      ),
    ).toEqual([{ folder: '365Training', matched: 'name' }]);
  });
});

// Only extraction uses the search, and its refusal's wording: not the package's to offer.
it('leaves the own-folder search out of the package', async () => {
  const solution: Record<string, unknown> = await import('../src/index.js');
  expect(Object.keys(solution).filter((name) => /candidate/i.test(name))).toEqual([]);
});

describe('extractConnectors into the folder that already holds a connector under another name', () => {
  it('writes into the folder whose swagger title is the display name, keeping its readme, and says so', async () => {
    const zip = await solutionOf('365 Training');
    const root = temp.make();
    connectorFolder(path.join(root, 'Training365'), '365 Training');
    connectorFolder(path.join(root, 'Other'), 'Other');
    const [result] = await extractConnectors(zip, root);
    expect(result).toMatchObject({
      folder: 'Training365',
      foundUnder: { instead: '365 Training', matched: 'title' },
    });
    expect(readdirSync(root).sort()).toEqual(['Other', 'Training365']);
    expect(readFileSync(path.join(root, 'Training365', 'readme.md'), 'utf8')).toBe(MAKERS_README);
  });

  it('writes into a folder whose name reads as the display name', async () => {
    const zip = await solutionOf('Lnk.Bio', 'Contoso Tasks');
    const root = temp.make();
    mkdirSync(path.join(root, 'LnkBio'));
    connectorFolder(path.join(root, 'ContosoTasks'), 'Contoso-Tasks');
    const results = await extractConnectors(zip, root);
    expect(results.map((r) => [r.folder, r.foundUnder?.matched]).sort()).toEqual([
      ['ContosoTasks', 'name'],
      ['LnkBio', 'name'],
    ]);
    expect(readdirSync(root).sort()).toEqual(['ContosoTasks', 'LnkBio']);
  });

  // The folder `Contoso`, titled "Contoso", is another publisher's connector: it was taken for the new
  // "Contoso (Preview)" (a "(Preview)" label left out), its swagger replaced, and `pr` would have
  // proposed changing someone else's connector.
  it("never writes into another connector's folder that reads alike but for a status label", async () => {
    const zip = await solutionOf('Contoso (Preview)', 'Fabrikam Tasks');
    const root = temp.make();
    connectorFolder(path.join(root, 'Contoso'), 'Contoso');
    connectorFolder(path.join(root, 'FabrikamTasks'), 'Northwind');
    const results = await extractConnectors(zip, root);
    expect(results.map((r) => [r.folder, r.foundUnder])).toEqual([
      ['Contoso (Preview)', undefined],
      ['Fabrikam Tasks', undefined],
    ]);
    expect(swaggerTitle(path.join(root, 'Contoso'))).toBe('Contoso');
    expect(swaggerTitle(path.join(root, 'FabrikamTasks'))).toBe('Northwind');
  });

  // root/LnkBio -> ../outside/LnkBio was taken for "Lnk Bio", and outside/LnkBio overwritten.
  it('never follows a link named like the connector out of the root, but one named exactly', async () => {
    const work = temp.make();
    const zip = await solutionOf('Lnk Bio', 'Contoso');
    const root = path.join(work, 'root');
    const outside = connectorFolder(path.join(work, 'outside', 'LnkBio'), 'Lnk Bio');
    const contoso = connectorFolder(path.join(work, 'outside', 'Contoso'), 'Old');
    mkdirSync(root);
    symlinkSync(outside, path.join(root, 'LnkBio'), 'dir');
    symlinkSync(contoso, path.join(root, 'Contoso'), 'dir');
    const results = await extractConnectors(zip, root);
    expect(results.map((r) => [r.folder, r.foundUnder]).sort()).toEqual([
      ['Contoso', undefined],
      ['Lnk Bio', undefined],
    ]);
    expect(readFileSync(path.join(outside, 'apiProperties.json'), 'utf8')).toBe('{"properties":{}}');
    expect(readdirSync(root).sort()).toEqual(['Contoso', 'Lnk Bio', 'LnkBio']);
    // As extraction always did: the link named as the display-name folder is written through.
    expect(swaggerTitle(contoso)).toBe('Contoso');
  });

  // A link named as the display-name folder that leads nowhere was not seen as there (stat follows
  // links), so the connector went silently into `LnkBio`, where extraction had refused the link.
  it('refuses a broken link named as the display-name folder rather than write beside it', async () => {
    const zip = await solutionOf('Lnk.Bio');
    const root = temp.make();
    const lnkBio = connectorFolder(path.join(root, 'LnkBio'), 'Lnk.Bio');
    const properties = '{"properties": {"iconBrandColor": "#123456"}}';
    writeFileSync(path.join(lnkBio, 'apiProperties.json'), properties);
    const gone = path.join(root, 'gone');
    symlinkSync(gone, path.join(root, 'Lnk.Bio'), 'dir');
    const error = await extractConnectors(zip, root).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(
      `${root}/Lnk.Bio: is a symbolic link that leads nowhere (to '${gone}'); nothing can be written through it.`,
    );
    expect(readdirSync(root).sort()).toEqual(['Lnk.Bio', 'LnkBio']);
    expect(readFileSync(path.join(lnkBio, 'apiProperties.json'), 'utf8')).toBe(properties);
  });

  // Upstream has certified-connectors/snowflake and `Snowflake v2 Archive`, both titled "Snowflake":
  // on Linux extracting "Snowflake" was refused as two candidates, where Windows and macOS write
  // into `snowflake`, the same folder as `Snowflake` there.
  it('writes into the folder named as the display name but for case, before a looser match', async () => {
    const zip = await solutionOf('Snowflake');
    const root = temp.make();
    connectorFolder(path.join(root, 'snowflake'), 'Snowflake');
    connectorFolder(path.join(root, 'Snowflake v2 Archive'), 'Snowflake');
    const [result] = await extractConnectors(zip, root);
    expect(result!.folder.toLowerCase()).toBe('snowflake');
    expect(readdirSync(root).sort()).toEqual(['Snowflake v2 Archive', 'snowflake']);
    expect(readFileSync(path.join(root, 'snowflake', 'readme.md'), 'utf8')).toBe(MAKERS_README);
  });

  // On Linux `contoso` is another folder than `Contoso`; on Windows and macOS it is the same one.
  (process.platform === 'linux' ? it : it.skip)(
    'refuses a folder named so but for case that holds another connector, writing nothing',
    async () => {
      const zip = await solutionOf('Contoso');
      const root = temp.make();
      const fabrikam = connectorFolder(path.join(root, 'contoso'), 'Fabrikam', '# Fabrikam\n');
      const swagger = readFileSync(path.join(fabrikam, 'apiDefinition.swagger.json'), 'utf8');
      const error = await extractConnectors(zip, root).catch((e: unknown) => e);
      expect(locatedMessage(error)).toBe(
        `${root}: has no folder 'Contoso' for connector 'contoso_contoso' of ${zip}; folder 'contoso' differs from it only in case and holds another connector (its API definition's title is "Fabrikam"). Nothing was written.`,
      );
      expect((error as UserError).hint).toBe(
        "If 'contoso' is this connector's, rename it to 'Contoso'; else rename that other connector's folder after its own display name. Then extract again.",
      );
      expect(readdirSync(root)).toEqual(['contoso']);
      expect(readFileSync(path.join(fabrikam, 'apiDefinition.swagger.json'), 'utf8')).toBe(swagger);
      expect(readFileSync(path.join(fabrikam, 'readme.md'), 'utf8')).toBe('# Fabrikam\n');

      // Without a title, or with one that reads as the connector's, it is the connector's folder.
      for (const title of [undefined, 'contoso']) {
        const other = temp.make();
        connectorFolder(path.join(other, 'contoso'), title);
        const [result] = await extractConnectors(zip, other);
        expect(result!.folder).toBe('contoso');
      }
    },
  );

  // A connector without a display name is extracted to a folder named after its logical name: it is
  // looked for by that name as another's by its display name.
  it('writes a connector without a display name into the folder whose name reads as its logical name', async () => {
    const unpacked = path.join(temp.make(), 'unpacked');
    await unpackSolution(await solutionOf('Contoso Tasks'), unpacked);
    withoutDisplayNames(unpacked);
    const root = temp.make();
    mkdirSync(path.join(root, 'Contoso-Contoso-20Tasks'));
    writeFileSync(path.join(root, 'Contoso-Contoso-20Tasks', 'readme.md'), MAKERS_README);
    const [result] = await extractConnectors(unpacked, root);
    expect([result!.folder, result!.foundUnder]).toEqual([
      'Contoso-Contoso-20Tasks',
      { instead: 'contoso_contoso-20tasks', matched: 'name' },
    ]);
    expect(readdirSync(root)).toEqual(['Contoso-Contoso-20Tasks']);
  });

  it('prefers the display-name folder, and makes it when no folder holds the connector', async () => {
    const zip = await solutionOf('Lnk.Bio', 'Contoso Tasks');
    const root = temp.make();
    mkdirSync(path.join(root, 'Lnk.Bio'));
    mkdirSync(path.join(root, 'LnkBio'));
    connectorFolder(path.join(root, 'Contoso'), 'Contoso');
    const results = await extractConnectors(zip, root);
    expect(results.map((r) => [r.folder, r.foundUnder]).sort()).toEqual([
      ['Contoso Tasks', undefined],
      ['Lnk.Bio', undefined],
    ]);
  });

  it('refuses several folders that could be the connector, naming them, before writing anything', async () => {
    const zip = await solutionOf('Contoso', '365 Training');
    const root = temp.make();
    connectorFolder(path.join(root, 'Training365'), '365 Training');
    connectorFolder(path.join(root, '365-Training'), undefined);
    const error = await extractConnectors(zip, root).catch((e: unknown) => e);
    expect(locatedMessage(error)).toBe(
      `${root}: has no folder '365 Training' for connector 'contoso_365-20training' of ${zip}, and 2 folders that could be its own: '365-Training' (named like "365 Training"), 'Training365' (its API definition's title is "365 Training"). Nothing was written.`,
    );
    expect(readdirSync(root).sort()).toEqual(['365-Training', 'Training365']);
  });

  it("never writes into the folder of another of the solution's connectors", async () => {
    // "Contoso Tasks" reads as the folder ContosoTasks, which is the connector ContosoTasks's.
    const zip = await solutionOf('ContosoTasks', 'Contoso Tasks');
    const root = temp.make();
    connectorFolder(path.join(root, 'ContosoTasks'), 'ContosoTasks');
    const results = await extractConnectors(zip, root);
    expect(results.map((r) => r.folder).sort()).toEqual(['Contoso Tasks', 'ContosoTasks']);
    expect(swaggerTitle(path.join(root, 'ContosoTasks'))).toBe('ContosoTasks');
  });
});

describe('extractAndRemoveLeftConnectors with a folder found under another name', () => {
  /** The solution unpacked, and a copy with its connector renamed (display name and title), as the portal does. */
  async function unpackedAndRenamed(
    title: string,
    to: string,
  ): Promise<{ previous: string; renamed: string }> {
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf(title), previous);
    const renamed = path.join(work, 'renamed');
    cpSync(previous, renamed, { recursive: true });
    const connectors = path.join(renamed, 'Connectors');
    for (const file of readdirSync(connectors).filter((name) => /\.(xml|json)$/.test(name))) {
      const text = readFileSync(path.join(connectors, file), 'utf8');
      writeFileSync(path.join(connectors, file), text.replaceAll(title, to));
    }
    return { previous, renamed };
  }

  it('extracts again into the found folder and removes nothing', async () => {
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf('365 Training'), previous);
    const root = temp.make();
    connectorFolder(path.join(root, 'Training365'), '365 Training');
    const result = await extractAndRemoveLeftConnectors(previous, root, { previousSource: previous });
    expect(result.connectors.map((c) => c.folder)).toEqual(['Training365']);
    expect(result.removed).toEqual([]);
    expect(readdirSync(root)).toEqual(['Training365']);
  });

  // A connector that left the solution kept the folder it was found in: only display-name and
  // renamed-from folders were removed.
  it('removes the found folder of a connector that left the solution, never another', async () => {
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf('365 Training', 'Lnk.Bio', 'Contoso'), previous);
    const root = rootInRepository();
    connectorFolder(path.join(root, '365Training'), '365 Training');
    connectorFolder(path.join(root, 'LnkBio'), 'Lnk.Bio');
    await extractConnectors(previous, root);
    expect(readdirSync(root).sort()).toEqual(['365Training', 'Contoso', 'LnkBio']);
    // Folders another's: one titled otherwise, one named after nobody.
    connectorFolder(path.join(root, 'Lnk-Bio'), 'Lnk Biography');
    mkdirSync(path.join(root, 'Hand Made'));
    commitAll(root);

    const result = await extractAndRemoveLeftConnectors(await solutionOf('Contoso'), root, {
      previousSource: previous,
      askGit: commitStates,
    });
    expect(result.connectors.map((c) => c.folder)).toEqual(['Contoso']);
    expect(result.removed.sort()).toEqual(['365Training', 'LnkBio']);
    expect(readdirSync(root).sort()).toEqual(['Contoso', 'Hand Made', 'Lnk-Bio']);
  });

  it('removes the folder named so but for case of a connector that left', async () => {
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf('Snowflake', 'Contoso'), previous);
    const root = rootInRepository();
    connectorFolder(path.join(root, 'snowflake'), 'Snowflake');
    connectorFolder(path.join(root, 'Snowflake v2 Archive'), 'Snowflake');
    await extractConnectors(previous, root);
    commitAll(root);
    const result = await extractAndRemoveLeftConnectors(await solutionOf('Contoso'), root, {
      previousSource: previous,
      askGit: commitStates,
    });
    expect(result.removed.map((folder) => folder.toLowerCase())).toEqual(['snowflake']);
    expect(readdirSync(root).sort()).toEqual(['Contoso', 'Snowflake v2 Archive']);
  });

  // Run 1 removed the connector's own folder `Snowflake`; run 2, from the same snapshots, found the
  // other connector's `Snowflake v2 Archive` (titled "Snowflake" too) for the connector that left,
  // and removed it. On Linux the same with another connector's `snowflake`, found by case first.
  it.each([
    ['titled alike', 'Snowflake v2 Archive', 'title', `its API definition's title is "Snowflake"`],
    // On Windows and macOS `snowflake` is the connector's own folder `Snowflake`.
    ...(process.platform === 'linux'
      ? [['named so but for case', 'snowflake', 'name', `its name reads as "Snowflake"`]]
      : []),
  ])(
    "never removes another connector's folder %s found for a connector that left, run after run",
    async (_, other, __, why) => {
      const work = temp.make();
      const previous = path.join(work, 'previous');
      await unpackSolution(await solutionOf('Snowflake', 'Other'), previous);
      const root = temp.make();
      await extractConnectors(previous, root);
      connectorFolder(path.join(root, other), 'Snowflake', '# Archive\n', 'archive.snowflake.example');
      const current = await solutionOf('Other');

      const first = await extractAndRemoveLeftConnectors(current, root, { previousSource: previous });
      expect(first.removed).toEqual(['Snowflake']);
      for (const run of [2, 3]) {
        const again = await extractAndRemoveLeftConnectors(current, root, { previousSource: previous });
        expect([run, readdirSync(root).sort(), again.removed]).toEqual([run, ['Other', other], []]);
        expect(again.leftAlone).toEqual([
          {
            folder: other,
            warning: `not removed: connector 'contoso_snowflake' ("Snowflake") left the solution, and this folder could be the one it was in (${why}), but it does not hold the connector as --previous-source gives it (its apiDefinition.swagger.json differs): it may be another connector's. Delete it yourself if it was this connector's.`,
          },
        ]);
        expect(readFileSync(path.join(root, other, 'readme.md'), 'utf8')).toBe('# Archive\n');
      }
      expect(first.leftAlone).toEqual([]);
    },
  );

  it('removes the found folder of a connector that left only when it holds that connector as extracted', async () => {
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf('365 Training', 'Lnk.Bio', 'Contoso Tasks', 'Contoso'), previous);
    const root = rootInRepository();
    // Upstream's formatting of the same swagger, which extraction keeps: still the connector's.
    connectorFolder(path.join(root, '365Training'), '365 Training');
    const swagger = path.join(root, '365Training', 'apiDefinition.swagger.json');
    writeFileSync(swagger, JSON.stringify(JSON.parse(readFileSync(swagger, 'utf8')), null, 4));
    connectorFolder(path.join(root, 'LnkBio'), 'Lnk.Bio');
    connectorFolder(path.join(root, 'ContosoTasks'), 'Contoso Tasks');
    await extractConnectors(previous, root);
    // Since that extraction: a script added to one, the other's properties edited.
    writeFileSync(path.join(root, 'LnkBio', 'script.csx'), 'public class Script {}\n');
    writeFileSync(
      path.join(root, 'ContosoTasks', 'apiProperties.json'),
      '{"properties": {"iconBrandColor": "#123456"}}',
    );
    commitAll(root);

    const result = await extractAndRemoveLeftConnectors(await solutionOf('Contoso'), root, {
      previousSource: previous,
      askGit: commitStates,
    });
    expect(result.removed).toEqual(['365Training']);
    expect(
      result.leftAlone.map((folder) => [folder.folder, folder.warning.match(/\((it[^()]*)\):/)?.[1]]).sort(),
    ).toEqual([
      ['ContosoTasks', 'its apiProperties.json differs'],
      ['LnkBio', 'it has a script.csx, and the connector has no script'],
    ]);
    expect(readdirSync(root).sort()).toEqual(['Contoso', 'ContosoTasks', 'LnkBio']);
  });

  it('removes no found folder of a connector that left when several could be its own', async () => {
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf('365 Training', 'Contoso'), previous);
    const root = temp.make();
    connectorFolder(path.join(root, '365Training'), '365 Training');
    await extractConnectors(previous, root);
    mkdirSync(path.join(root, '365-Training'));
    const result = await extractAndRemoveLeftConnectors(await solutionOf('Contoso'), root, {
      previousSource: previous,
    });
    expect(result.removed).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['365-Training', '365Training', 'Contoso']);
  });

  it('never removes the folder a connector of the solution was written to', async () => {
    // "Lnk.Bio" left; a new connector "LnkBio" (another logical name) is written to the folder LnkBio,
    // which reads as the one that left.
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf('Lnk.Bio'), previous);
    const root = temp.make();
    connectorFolder(path.join(root, 'LnkBio'), 'Lnk.Bio');
    const result = await extractAndRemoveLeftConnectors(await solutionOf('LnkBio'), root, {
      previousSource: previous,
    });
    expect(result.connectors.map((c) => [c.name, c.folder])).toEqual([['contoso_lnkbio', 'LnkBio']]);
    expect(result.removed).toEqual([]);
    expect(readdirSync(root)).toEqual(['LnkBio']);
  });

  // "Contoso Tasks" left, extracted into upstream's `ContosoTasks`; a new connector "Contoso-Tasks"
  // (another logical name) took that folder, over the one that left, as no folder named after it
  // was another's. Like the display-name folder of a connector that left, it is that one's: removed.
  it('never writes a new connector into the found folder of a connector that left in the same run', async () => {
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf('Contoso Tasks'), previous);
    const root = rootInRepository();
    connectorFolder(path.join(root, 'ContosoTasks'), 'Contoso Tasks');
    await extractConnectors(previous, root);
    commitAll(root);
    const result = await extractAndRemoveLeftConnectors(await solutionOf('Contoso-Tasks'), root, {
      previousSource: previous,
      askGit: commitStates,
    });
    expect(result.connectors.map((c) => [c.name, c.folder, c.foundUnder])).toEqual([
      ['contoso_contoso-2dtasks', 'Contoso-Tasks', undefined],
    ]);
    expect(result.removed).toEqual(['ContosoTasks']);
    expect(readdirSync(root)).toEqual(['Contoso-Tasks']);
  });

  // Without the previous solution, or when the folder does not hold the connector that left as it
  // was extracted, nothing shows the folder was that one's: the new connector's own, as before.
  it('writes a new connector into a folder named like it that a connector that left cannot be shown to hold', async () => {
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf('Contoso Tasks'), previous);
    const root = temp.make();
    connectorFolder(path.join(root, 'ContosoTasks'), 'Contoso Tasks', MAKERS_README, 'tasks.contoso.example');
    const result = await extractAndRemoveLeftConnectors(await solutionOf('Contoso-Tasks'), root, {
      previousSource: previous,
    });
    expect(result.connectors.map((c) => [c.folder, c.foundUnder?.matched])).toEqual([
      ['ContosoTasks', 'name'],
    ]);
    expect([result.removed, result.leftAlone]).toEqual([[], []]);
  });

  it('still moves a renamed connector to its new display-name folder, though the old one reads alike', async () => {
    // "Contoso Tasks" -> "Contoso-Tasks": the earlier folder reads as the new name, but the connector
    // was renamed, and a renamed connector moves, as before.
    const { previous, renamed } = await unpackedAndRenamed('Contoso Tasks', 'Contoso-Tasks');
    const root = temp.make();
    await extractConnectors(previous, root);
    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result.connectors.map((c) => [c.folder, c.foundUnder, c.renamedFrom?.folder])).toEqual([
      ['Contoso-Tasks', undefined, 'Contoso Tasks'],
    ]);
    expect(result.removed).toEqual(['Contoso Tasks']);
    expect(readdirSync(root)).toEqual(['Contoso-Tasks']);
  });

  it('never writes into the folder of a connector that left the solution', async () => {
    // The previous version had "Contoso"; the new one has "Contoso (Preview)" instead, another
    // connector: the folder Contoso is the one that left, removed, not overwritten.
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf('Contoso'), previous);
    const root = temp.make();
    await extractConnectors(previous, root);
    const result = await extractAndRemoveLeftConnectors(await solutionOf('Contoso (Preview)'), root, {
      previousSource: previous,
    });
    expect(result.connectors.map((c) => [c.folder, c.foundUnder])).toEqual([
      ['Contoso (Preview)', undefined],
    ]);
    expect(result.removed).toEqual(['Contoso']);
  });
});

// A connector that sits in a found folder (upstream's certified-connectors/365Training for "365
// Training") and is then renamed in the maker portal: the old location was taken to be the old
// display-name folder, which is not there, so extraction made a new folder and neither carried the
// found folder's readme and notes nor removed it: a duplicate that `pr` would submit.
describe('extractAndRemoveLeftConnectors with a renamed connector in a folder found under another name', () => {
  async function unpackedAndRenamed(
    titles: string[],
    from: string,
    to: string,
  ): Promise<{ previous: string; renamed: string }> {
    const work = temp.make();
    const previous = path.join(work, 'previous');
    await unpackSolution(await solutionOf(...titles), previous);
    const renamed = path.join(work, 'renamed');
    cpSync(previous, renamed, { recursive: true });
    const connectors = path.join(renamed, 'Connectors');
    for (const file of readdirSync(connectors).filter((name) => /\.(xml|json)$/.test(name))) {
      const text = readFileSync(path.join(connectors, file), 'utf8');
      writeFileSync(path.join(connectors, file), text.replaceAll(from, to));
    }
    return { previous, renamed };
  }

  /** Upstream's folder for "365 Training", with a maker's note beside its readme. */
  function foundFolder(root: string): void {
    connectorFolder(path.join(root, '365Training'), '365 Training');
    writeFileSync(path.join(root, '365Training', 'notes.md'), 'Hand-written.\n');
  }

  it('keeps the connector in its found folder, as upstream named it, and says why', async () => {
    const { previous, renamed } = await unpackedAndRenamed(
      ['365 Training'],
      '365 Training',
      '365 Training Hub',
    );
    const root = temp.make();
    foundFolder(root);
    for (const run of [1, 2]) {
      const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
      expect([run, result.connectors.map((c) => [c.folder, c.foundUnder, c.renamedFrom])]).toEqual([
        run,
        [
          [
            '365Training',
            run === 1
              ? { instead: '365 Training Hub', matched: 'title', earlierDisplayName: '365 Training' }
              : // Its title is the new display name once written; its name still reads as the earlier one.
                { instead: '365 Training Hub', matched: 'name', earlierDisplayName: '365 Training' },
            undefined,
          ],
        ],
      ]);
      expect(result.removed).toEqual([]);
      expect(readdirSync(root)).toEqual(['365Training']);
    }
    expect(readFileSync(path.join(root, '365Training', 'readme.md'), 'utf8')).toBe(MAKERS_README);
    expect(readFileSync(path.join(root, '365Training', 'notes.md'), 'utf8')).toBe('Hand-written.\n');
    expect(swaggerTitle(path.join(root, '365Training'))).toBe('365 Training Hub');
  });

  // A connector that had no display name was extracted under its logical name, which is then the name
  // it is found under: the line said its folder's "name reads as \"\"".
  it('names the logical name as the earlier name of a connector that had no display name', async () => {
    const { previous, renamed } = await unpackedAndRenamed(
      ['365 Training'],
      '365 Training',
      '365 Training Hub',
    );
    withoutDisplayNames(previous);
    const root = temp.make();
    // As an earlier run from the same snapshots kept it: in a folder named after its logical name.
    await extractConnectors(renamed, root);
    renameSync(path.join(root, '365 Training Hub'), path.join(root, 'contoso-365-20training'));
    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    const [connector] = result.connectors;
    expect([connector!.folder, connector!.foundUnder]).toEqual([
      'contoso-365-20training',
      { instead: '365 Training Hub', matched: 'name', earlierDisplayName: 'contoso_365-20training' },
    ]);
    expect(extractedConnectorLine(connector!, result.removed, (folder) => folder)).toContain(
      'found under another name (its name reads as "contoso_365-20training", its display name before the rename)',
    );
  });

  it('moves the found folder as a plain rename does when the new display-name folder is there', async () => {
    const { previous, renamed } = await unpackedAndRenamed(
      ['365 Training'],
      '365 Training',
      '365 Training Hub',
    );
    const root = temp.make();
    foundFolder(root);
    mkdirSync(path.join(root, '365 Training Hub'));
    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result.connectors.map((c) => [c.folder, c.foundUnder, c.renamedFrom])).toEqual([
      [
        '365 Training Hub',
        undefined,
        { folder: '365Training', kept: ['readme.md', 'notes.md'], leftBehind: [] },
      ],
    ]);
    expect(result.removed).toEqual(['365Training']);
    expect(readdirSync(root)).toEqual(['365 Training Hub']);
    expect(readFileSync(path.join(root, '365 Training Hub', 'readme.md'), 'utf8')).toBe(MAKERS_README);
    expect(readFileSync(path.join(root, '365 Training Hub', 'notes.md'), 'utf8')).toBe('Hand-written.\n');
  });

  // Upstream's certified-connectors/snowflake for "Snowflake": on Windows and macOS the connector's
  // earlier folder itself, which a renamed connector moves from.
  it('moves a renamed connector from its earlier folder named so but for case, as on Windows', async () => {
    const { previous, renamed } = await unpackedAndRenamed(['Snowflake'], 'Snowflake', 'Snowflake Cloud');
    const root = temp.make();
    connectorFolder(path.join(root, 'snowflake'), 'Snowflake');
    writeFileSync(path.join(root, 'snowflake', 'notes.md'), 'Hand-written.\n');
    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result.connectors.map((c) => [c.folder, c.foundUnder, c.renamedFrom?.folder])).toEqual([
      ['Snowflake Cloud', undefined, 'snowflake'],
    ]);
    expect(result.removed.map((folder) => folder.toLowerCase())).toEqual(['snowflake']);
    expect(readdirSync(root)).toEqual(['Snowflake Cloud']);
    expect(readFileSync(path.join(root, 'Snowflake Cloud', 'notes.md'), 'utf8')).toBe('Hand-written.\n');
  });

  it('refuses several folders that could have held the renamed connector, writing nothing', async () => {
    const { previous, renamed } = await unpackedAndRenamed(
      ['365 Training'],
      '365 Training',
      '365 Training Hub',
    );
    const root = temp.make();
    foundFolder(root);
    mkdirSync(path.join(root, '365-Training'));
    const error = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous }).catch(
      (e: unknown) => e,
    );
    expect(locatedMessage(error)).toBe(
      `${root}: has no folder '365 Training' for connector 'contoso_365-20training' of ${renamed} as it was before it was renamed to "365 Training Hub", and 2 folders that could have held it: '365-Training' (named like "365 Training"), '365Training' (its API definition's title is "365 Training"). Nothing was written.`,
    );
    expect(readdirSync(root).sort()).toEqual(['365-Training', '365Training']);
  });

  // Run 1 moved the renamed connector from its earlier folder `Snowflake` and removed it; run 2, from
  // the same snapshots, found another connector's `Snowflake v2 Archive` (titled "Snowflake" too) as
  // the folder it was in, carried its files into `Snowflake Cloud` and removed it. On Linux the same
  // with another connector's `snowflake`, found by case first.
  it.each([
    ['titled alike', 'Snowflake v2 Archive', `its API definition's title is "Snowflake"`],
    // On Windows and macOS `snowflake` is the connector's own folder `Snowflake`.
    ...(process.platform === 'linux'
      ? [['named so but for case', 'snowflake', `its name reads as "Snowflake"`]]
      : []),
  ])(
    "never moves a renamed connector from another connector's folder %s, run after run",
    async (_, other, why) => {
      const { previous, renamed } = await unpackedAndRenamed(
        ['Snowflake', 'Other'],
        'Snowflake',
        'Snowflake Cloud',
      );
      const root = temp.make();
      await extractConnectors(previous, root);
      connectorFolder(path.join(root, other), 'Snowflake', '# Archive\n', 'archive.snowflake.example');
      writeFileSync(path.join(root, other, 'notes.md'), 'The archive.\n');

      const first = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
      expect(first.removed).toEqual(['Snowflake']);
      expect(first.leftAlone).toEqual([]);
      for (const run of [2, 3]) {
        const again = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
        expect([run, readdirSync(root).sort(), again.removed]).toEqual([
          run,
          ['Other', 'Snowflake Cloud', other].sort(),
          [],
        ]);
        expect(again.connectors.map((c) => [c.folder, c.foundUnder, c.renamedFrom])).toEqual([
          ['Other', undefined, undefined],
          ['Snowflake Cloud', undefined, { folder: 'Snowflake', kept: [], leftBehind: [] }],
        ]);
        expect(again.leftAlone).toEqual([
          {
            folder: other,
            warning: `left alone: connector 'contoso_snowflake' ("Snowflake Cloud") was "Snowflake" in --previous-source, and this folder could be the one it was in (${why}), but it holds the connector neither as --previous-source gives it nor as the solution does (its apiDefinition.swagger.json differs): it may be another connector's. The connector was written to its display-name folder, and nothing of this one was carried there; move your files from it yourself if it was this connector's.`,
          },
        ]);
        expect(readdirSync(path.join(root, 'Snowflake Cloud'))).not.toContain('notes.md');
        expect(readFileSync(path.join(root, other, 'readme.md'), 'utf8')).toBe('# Archive\n');
        expect(swaggerTitle(path.join(root, other))).toBe('Snowflake');
      }
    },
  );

  // The earlier folder is not in this root (a fresh clone, or the maker deleted it), but another
  // connector's folder titled as the connector's earlier name is: the connector stayed there and
  // wrote over that connector's swagger and properties.
  it("never stays in another connector's folder titled as its earlier name", async () => {
    const { previous, renamed } = await unpackedAndRenamed(['Snowflake'], 'Snowflake', 'Snowflake Cloud');
    const root = temp.make();
    const other = 'Snowflake v2 Archive';
    connectorFolder(path.join(root, other), 'Snowflake', '# Archive\n', 'archive.snowflake.example');
    for (const run of [1, 2]) {
      const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
      expect([run, result.connectors.map((c) => [c.folder, c.foundUnder, c.renamedFrom?.folder])]).toEqual([
        run,
        [['Snowflake Cloud', undefined, 'Snowflake']],
      ]);
      expect(result.removed).toEqual([]);
      expect(result.leftAlone.map((kept) => kept.folder)).toEqual([other]);
      expect(readdirSync(root).sort()).toEqual(['Snowflake Cloud', other]);
      expect(swaggerTitle(path.join(root, other))).toBe('Snowflake');
    }
  });

  it("names the action's input in the warning of another connector's folder left alone, when told to", async () => {
    const { previous, renamed } = await unpackedAndRenamed(['Snowflake'], 'Snowflake', 'Snowflake Cloud');
    const root = temp.make();
    connectorFolder(
      path.join(root, 'Snowflake v2 Archive'),
      'Snowflake',
      '# Archive\n',
      'archive.snowflake.example',
    );
    const result = await extractAndRemoveLeftConnectors(renamed, root, {
      previousSource: previous,
      say: inputWords,
    });
    expect(result.leftAlone.map(({ warning }) => warning)).toEqual([
      expect.stringMatching(
        /^left alone: connector 'contoso_snowflake' \("Snowflake Cloud"\) was "Snowflake" in previous-source, .* neither as previous-source gives it /,
      ),
    ]);
  });

  it("never takes the folder of another of the solution's connectors for the renamed one's", async () => {
    // "Contoso Tasks" reads as the folder ContosoTasks, which is the connector ContosoTasks's.
    const { previous, renamed } = await unpackedAndRenamed(
      ['ContosoTasks', 'Contoso Tasks'],
      'Contoso Tasks',
      'Fabrikam',
    );
    const root = temp.make();
    connectorFolder(path.join(root, 'ContosoTasks'), 'ContosoTasks');
    const result = await extractAndRemoveLeftConnectors(renamed, root, { previousSource: previous });
    expect(result.connectors.map((c) => [c.folder, c.foundUnder, c.renamedFrom?.folder]).sort()).toEqual([
      ['ContosoTasks', undefined, undefined],
      ['Fabrikam', undefined, 'Contoso Tasks'],
    ]);
    // Not even looked at as where the renamed one was (whyNotRenamedOwn would leave it alone, warning).
    expect([result.removed, result.leftAlone]).toEqual([[], []]);
    expect(readdirSync(root).sort()).toEqual(['ContosoTasks', 'Fabrikam']);
    expect(swaggerTitle(path.join(root, 'ContosoTasks'))).toBe('ContosoTasks');
    expect(readFileSync(path.join(root, 'ContosoTasks', 'readme.md'), 'utf8')).toBe(MAKERS_README);
  });
});

describe('two connectors of a solution that read as one found folder', () => {
  it('are refused with the folder to rename, not display names to change', async () => {
    const root = temp.make();
    connectorFolder(path.join(root, 'ContosoTasks'), undefined);
    const zip = await solutionOf('Contoso Tasks', 'Contoso-Tasks');
    const refusal = await extractConnectors(zip, root).then(
      () => undefined,
      (error: unknown) => error as UserError,
    );
    expect(locatedMessage(refusal)).toContain("that would both be extracted to 'ContosoTasks'.");
    expect(refusal?.hint).toBe(
      "'ContosoTasks' was found for both under another name: rename it to the display name of the connector it holds, and the other gets a folder of its own.",
    );
    expect(readdirSync(root)).toEqual(['ContosoTasks']);
  });
});
