import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isUserError } from '@connector-alm/core';
import { buildSolution, CARRIED_KEYS, packSolution, unpackSolution } from '../src/index.js';
import { extractConnectorsLeavingAlone } from '../src/connector/extract.js';
import { rootFoldersOnce, type RootFolderListing } from '../src/connector/root-folders.js';
import { CORPUS_DIR, describeWith } from './helpers/fixtures.js';
import { comparable, hashTree, readZip } from './helpers/trees.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('corpus-inverse-');
afterAll(() => temp.cleanup());

const OPTIONS = {
  uniqueName: 'CorpusConnectors',
  version: '1.0.0.0',
  publisher: { uniqueName: 'Corpus', prefix: 'corpus' },
};

function corpusFolders(): string[] {
  return ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors']
    .filter((top) => existsSync(path.join(CORPUS_DIR, top)))
    .flatMap((top) => readdirSync(path.join(CORPUS_DIR, top)).map((name) => path.join(CORPUS_DIR, top, name)))
    .sort();
}

function strictJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
}

/** What build-solution can take, judged independently of it: both JSON files present and strict JSON. */
function buildable(folder: string): boolean {
  try {
    strictJson(path.join(folder, 'apiDefinition.swagger.json'));
    strictJson(path.join(folder, 'apiProperties.json'));
    return true;
  } catch {
    return false;
  }
}

describeWith(CORPUS_DIR, 'connector corpus')(
  'extract-connectors and build-solution are inverses on every corpus connector',
  () => {
    const outcomes: Array<{ folder: string; problems: string[] }> = [];
    // Each connector is extracted onto a copy of the whole tree, into its top folder, as a maker
    // extracts into a clone of upstream: it must land in its own folder, however upstream named it
    // (certified-connectors/365Training for "365 Training"), and no folder may be added beside it.
    let tree: string;
    const topFolders = () =>
      Object.fromEntries(
        ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors']
          .filter((top) => existsSync(path.join(tree, top)))
          .map((top) => [top, readdirSync(path.join(tree, top)).sort()]),
      );
    let before: Record<string, string[]>;

    beforeAll(async () => {
      tree = path.join(temp.make(), 'repository');
      cpSync(CORPUS_DIR, tree, { recursive: true });
      before = topFolders();
      // Each extraction would read the titles of every folder of its top folder, parsing over 200
      // definitions (20 MB) for each of the 230 certified connectors: most of the suite's time. The
      // listing is read once per top folder from the tree and shared. It stays true while the
      // connectors land where they came from, which is what is asserted: one that landed elsewhere
      // or added a folder fails below whatever a later extraction read.
      const listings = new Map<string, RootFolderListing>();
      const listingOf = (root: string) => {
        if (!listings.has(root)) listings.set(root, rootFoldersOnce(root));
        return listings.get(root)!;
      };
      for (const folder of corpusFolders()) {
        const dir = temp.make();
        const zip = path.join(dir, 'solution.zip');
        try {
          await buildSolution([folder], zip, OPTIONS);
        } catch (error) {
          // A folder the build refuses must be one that is not buildable, refused as a user error.
          outcomes.push({
            folder,
            problems: buildable(folder) || !isUserError(error) ? [`refused: ${String(error)}`] : [],
          });
          continue;
        }
        // Extract over the copy of the folder: what the solution does not carry must survive too.
        const top = path.basename(path.dirname(folder));
        const copy = path.join(tree, top, path.basename(folder));
        const root = path.join(tree, top);
        const {
          connectors: [extracted],
        } = await extractConnectorsLeavingAlone(zip, root, {}, listingOf(root));
        outcomes.push({
          folder,
          problems:
            // In any case: on Windows and macOS the display-name folder is the folder in another case.
            extracted!.folder.toLowerCase() === path.basename(copy).toLowerCase()
              ? compare(folder, copy)
              : [`extracted to ${extracted!.folder}`],
        });
      }
    }, 600_000);

    it('extracts every connector into its own folder, adding none', () => {
      expect(topFolders()).toEqual(before);
    });

    it('reaches every connector folder of the corpus', () => {
      expect(outcomes.length).toBe(corpusFolders().length);
      expect(outcomes.length).toBeGreaterThan(300);
    });

    it('gives back the definition, the properties, the icon and the script of every buildable connector', () => {
      expect(outcomes.filter((outcome) => outcome.problems.length > 0)).toEqual([]);
    });
  },
);

function compare(original: string, extracted: string): string[] {
  const problems: string[] = [];
  const swagger = 'apiDefinition.swagger.json';
  if (
    JSON.stringify(strictJson(path.join(extracted, swagger))) !==
    JSON.stringify(strictJson(path.join(original, swagger)))
  )
    problems.push(swagger);
  const before = (
    strictJson(path.join(original, 'apiProperties.json')) as { properties: Record<string, unknown> }
  ).properties;
  const after = (
    strictJson(path.join(extracted, 'apiProperties.json')) as { properties: Record<string, unknown> }
  ).properties;
  for (const key of Object.keys({ ...before, ...after })) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key]))
      problems.push(
        `apiProperties ${key}${CARRIED_KEYS.includes(key as never) ? '' : ' (not carried, must be kept)'}`,
      );
  }
  for (const file of ['icon.png', 'script.csx']) {
    const had = existsSync(path.join(original, file));
    if (had && !readFileSync(path.join(original, file)).equals(readFileSync(path.join(extracted, file))))
      problems.push(file);
  }
  return problems;
}

describeWith(CORPUS_DIR, 'connector corpus')(
  'round trips on a solution carrying many corpus connectors',
  () => {
    let zip: string;
    let dir: string;
    let unpacked: Awaited<ReturnType<typeof unpackSolution>>;

    beforeAll(async () => {
      dir = temp.make();
      const titles = new Set<string>();
      const folders = corpusFolders().filter((folder) => {
        if (!buildable(folder)) return false;
        const title = String(
          (strictJson(path.join(folder, 'apiDefinition.swagger.json')) as { info?: { title?: string } }).info
            ?.title ?? '',
        )
          .trim()
          .toLowerCase();
        if (title === '' || titles.has(title)) return false;
        titles.add(title);
        return true;
      });
      zip = path.join(dir, 'many.zip');
      await buildSolution(folders.slice(0, 120), zip, OPTIONS);
      // unpack(z) and pack(unpack(z)), which both tests read: made once rather than once each.
      unpacked = await unpackSolution(zip, path.join(dir, 'first'));
      await packSolution(path.join(dir, 'first'), path.join(dir, 'packed.zip'));
    }, 300_000);

    it('unpack(pack(unpack(z))) is byte-identical to unpack(z)', async () => {
      expect(unpacked.connectors.length).toBe(120);
      await unpackSolution(path.join(dir, 'packed.zip'), path.join(dir, 'second'));
      expect(await hashTree(path.join(dir, 'second'))).toEqual(await hashTree(path.join(dir, 'first')));
    }, 300_000);

    it('pack(unpack(z)) has the entries of z with equal content', async () => {
      const original = await readZip(zip);
      const repacked = await readZip(path.join(dir, 'packed.zip'));
      expect([...repacked.keys()]).toEqual([...original.keys()]);
      for (const [name, bytes] of original)
        expect([name, comparable(name, repacked.get(name)!)]).toEqual([name, comparable(name, bytes)]);
    }, 300_000);
  },
);
