import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSolution,
  existingIdentityOf,
  extractConnectors,
  readSolutionConnectors,
  type ConnectorIdentity,
} from '../src/index.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';

const temp = temporaryFolders('identity-');
afterAll(() => temp.cleanup());

const HIL = 'customHIL/customHIL_1_0_0_3.zip';
const OPTIONS = {
  uniqueName: 'customHIL',
  version: '1.0.0.4',
  publisher: { uniqueName: 'Catalyst', prefix: 'cat' },
};

/** The customHIL connector extracted into a new folder, its swagger's title then changed to `title`. */
async function extractedWithTitle(
  title: string,
): Promise<{ exported: string; original: ConnectorIdentity; folder: string }> {
  const exported = fixturePath(HIL);
  const [original] = await readSolutionConnectors(exported);
  const root = temp.make();
  const [extracted] = await extractConnectors(exported, root);
  const folder = path.join(root, extracted!.folder);
  const swaggerFile = path.join(folder, 'apiDefinition.swagger.json');
  const swagger = JSON.parse(readFileSync(swaggerFile, 'utf8')) as { info: { title: string } };
  swagger.info.title = title;
  writeFileSync(swaggerFile, JSON.stringify(swagger, null, 2));
  return { exported, original: original!, folder };
}

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'extract-connectors, then build-solution with --existing (a real export)',
  () => {
    it('builds the connector with the name and id Dataverse gave it, so an import updates it', async () => {
      const exported = fixturePath(HIL);
      const [original] = await readSolutionConnectors(exported);
      const root = temp.make();
      const [extracted] = await extractConnectors(exported, root);
      const folder = path.join(root, extracted!.folder);

      // Without the existing solution, the name and id are derived: an import would add a second
      // connector. This is what the option is for.
      const plain = path.join(temp.make(), 'plain.zip');
      await buildSolution([folder], plain, OPTIONS);
      const [derived] = await readSolutionConnectors(plain);
      expect(derived!.connectorId).not.toBe(original!.connectorId);

      const kept = path.join(temp.make(), 'kept.zip');
      const built = await buildSolution([folder], kept, {
        ...OPTIONS,
        existing: { connectors: [original!], source: exported },
      });
      expect(built).toEqual([expect.objectContaining({ keptIdentity: true, name: original!.name })]);
      const [rebuilt] = await readSolutionConnectors(kept);
      expect(rebuilt).toMatchObject({
        name: original!.name,
        connectorId: original!.connectorId,
        displayName: original!.displayName,
      });
      // And extracting the rebuilt solution gives back the same folder.
      const again = temp.make();
      const [reextracted] = await extractConnectors(kept, again);
      expect(reextracted!.folder).toBe(extracted!.folder);
    });

    it.each([
      ['AzureOpenAIServiceCustomConnector/AzureOpenAIServiceCustomConnector_1_0_0_1_managed.zip', 'ppchal'],
      ['InstagramBasicDisplay/InstagramBasicDisplay.zip', 'cr715'],
    ])(
      'keeps the display name Dataverse has when it differs from the unedited title (%s)',
      async (zip, prefix) => {
        // In these exports the maker named the connector otherwise than its swagger's info.title
        // ("AzureOpenAIService" / "Azure OpenAI Service"): importing the rebuilt solution must not
        // rename it when nobody edited the title.
        const exported = fixturePath(zip);
        const [original] = await readSolutionConnectors(exported);
        const root = temp.make();
        const [extracted] = await extractConnectors(exported, root);
        const built = path.join(temp.make(), 'built.zip');
        const [result] = await buildSolution([path.join(root, extracted!.folder)], built, {
          ...OPTIONS,
          publisher: { uniqueName: 'Publisher', prefix },
          existing: { connectors: [original!], source: exported },
        });
        expect(result).toMatchObject({ keptIdentity: true, displayName: original!.displayName });
        const [rebuilt] = await readSolutionConnectors(built);
        expect(rebuilt).toMatchObject({
          name: original!.name,
          connectorId: original!.connectorId,
          displayName: original!.displayName,
        });
      },
    );

    it('still finds the original when the title was edited after extraction (by the folder name)', async () => {
      const { exported, original, folder } = await extractedWithTitle('Human in the loop (renamed)');
      const zip = path.join(temp.make(), 'renamed.zip');
      await buildSolution([folder], zip, {
        ...OPTIONS,
        existing: { connectors: [original], source: exported },
      });
      const [rebuilt] = await readSolutionConnectors(zip);
      expect(rebuilt).toMatchObject({
        name: original.name,
        connectorId: original.connectorId,
        displayName: 'Human in the loop (renamed)',
      });
    });

    it('derives a new identity for a folder the existing solution does not have, and says so', async () => {
      const { exported, original, folder } = await extractedWithTitle('Another connector');
      const renamed = path.join(path.dirname(folder), 'Another connector');
      renameSync(folder, renamed);

      const built = await buildSolution([renamed], path.join(temp.make(), 'new.zip'), {
        ...OPTIONS,
        existing: { connectors: [original], source: exported },
      });
      expect(built).toEqual([
        expect.objectContaining({ keptIdentity: false, name: 'cat_another-20connector' }),
      ]);
    });
  },
);

describe('existingIdentityOf', () => {
  const identity = (name: string, displayName: string, connectorId = `id-${name}`): ConnectorIdentity => ({
    name,
    connectorId,
    displayName,
  });

  it('matches on the display name, whatever the case and surrounding spaces', () => {
    const existing = [identity('cat_a', 'Alpha'), identity('cat_b', 'Beta')];
    expect(existingIdentityOf('/repo/Whatever', ' beta ', existing, 'x.zip')?.name).toBe('cat_b');
  });

  it('matches on the title the connector had in the solution, when the maker named it otherwise', () => {
    const existing = [{ ...identity('ppchal_a', 'AzureOpenAIService'), title: 'Azure OpenAI Service' }];
    // The folder was renamed after extraction, so only the unedited title can find it.
    expect(existingIdentityOf('/repo/Azure OpenAI', 'azure openai service', existing, 'x.zip')?.name).toBe(
      'ppchal_a',
    );
  });

  it('falls back to the folder name extract derived from the display name', () => {
    const existing = [identity('cat_q', 'Q&A: Service')];
    // extract names that folder "Q&A- Service" (a colon cannot be in a folder name everywhere).
    expect(existingIdentityOf('/repo/q&a- service', 'Q and A', existing, 'x.zip')?.name).toBe('cat_q');
  });

  it('is undefined for a connector the solution does not have', () => {
    expect(existingIdentityOf('/repo/Gamma', 'Gamma', [identity('cat_a', 'Alpha')], 'x.zip')).toBeUndefined();
  });

  it('refuses a folder that matches two connectors, naming both', () => {
    const existing = [identity('cat_a1', 'Alpha'), identity('cat_a2', 'alpha')];
    expect(() => existingIdentityOf('/repo/Alpha', 'Alpha', existing, 'x.zip')).toThrow(
      expect.objectContaining({
        message: 'matches several connectors of x.zip: cat_a1, cat_a2.',
        location: { file: '/repo/Alpha' },
      }),
    );
  });

  it('refuses a match without a connector id rather than inventing one', () => {
    expect(() =>
      existingIdentityOf('/repo/Alpha', 'Alpha', [identity('cat_a', 'Alpha', '')], 'x.zip'),
    ).toThrow(
      expect.objectContaining({
        message: 'has no connectorid for the connector cat_a.',
        location: { file: 'x.zip' },
      }),
    );
  });
});
