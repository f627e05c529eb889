import { afterAll, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { packSolution, unpackSolution } from '../src/index.js';
import { HIL_CONNECTOR } from './helpers/connector-copies.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { temporaryFolders } from './helpers/zips.js';
import { locatedMessage } from '@connector-alm/testing';

const temp = temporaryFolders('pack-roots-');
afterAll(() => temp.cleanup());
const describeFixtures = describeWith(SOLUTION_FIXTURES, 'real solution export');

async function unpackedHil(): Promise<{ dir: string; src: string }> {
  const dir = temp.make();
  const src = path.join(dir, 'src');
  await unpackSolution(fixturePath('customHIL/customHIL_1_0_0_3.zip'), src);
  return { dir, src };
}

function deleteConnectorFiles(src: string, name: string): void {
  for (const file of readdirSync(path.join(src, 'Connectors')))
    if (file.startsWith(name)) rmSync(path.join(src, 'Connectors', file));
}

describeFixtures('pack and the connectors that Solution.xml lists as root components', () => {
  it('refuses a listed connector whose files were deleted, naming it, the missing file and what to do, and writes nothing', async () => {
    // Dataverse would refuse the import later, far from the cause: the manifest lists a component
    // that the zip does not hold.
    const { dir, src } = await unpackedHil();
    deleteConnectorFiles(src, HIL_CONNECTOR);
    const error = await packSolution(src, path.join(dir, 'out.zip')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const solutionXml = path.join(src, 'Other/Solution.xml');
    expect(locatedMessage(error)).toBe(
      `${solutionXml}: lists connector ${HIL_CONNECTOR} (<RootComponent type="372">) but Connectors/${HIL_CONNECTOR}.xml is missing.`,
    );
    expect((error as UserError).location).toEqual({ file: solutionXml });
    expect((error as UserError).hint).toBe(
      `Restore Connectors/${HIL_CONNECTOR}.xml and its side files (e.g. from git), or, to drop the connector from the solution, remove its <RootComponent type="372"> from Other/Solution.xml.`,
    );
    expect(existsSync(path.join(dir, 'out.zip'))).toBe(false);
  });

  it('packs once the root component is removed too', async () => {
    const { dir, src } = await unpackedHil();
    deleteConnectorFiles(src, HIL_CONNECTOR);
    const solutionXml = path.join(src, 'Other/Solution.xml');
    const text = readFileSync(solutionXml, 'utf8');
    const withoutRoot = text.replace(/ *<RootComponent type="372"[^>]*\/>\r?\n/, '');
    expect(withoutRoot).not.toBe(text);
    writeFileSync(solutionXml, withoutRoot);
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.connectors).toEqual([]);
  });

  it('finds the connector by its id when the file was renamed to another name', async () => {
    // The element's <name> is what pack goes by; a root component may match it by id alone.
    const { dir, src } = await unpackedHil();
    const file = path.join(src, `Connectors/${HIL_CONNECTOR}.xml`);
    const renamed = readFileSync(file, 'utf8').replace(
      `<name>${HIL_CONNECTOR}</name>`,
      '<name>cat_renamed</name>',
    );
    rmSync(file);
    writeFileSync(path.join(src, 'Connectors/cat_renamed.xml'), renamed);
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.connectors).toEqual(['cat_renamed']);
  });

  it('accepts a connector kept inside Other/Customizations.xml instead of its own file', async () => {
    // A hand-made folder may keep the <Connector> element where the export had it.
    const { dir, src } = await unpackedHil();
    const element = readFileSync(path.join(src, `Connectors/${HIL_CONNECTOR}.xml`), 'utf8')
      .replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '')
      .replace(/ xmlns:xsi="[^"]*"/, '');
    rmSync(path.join(src, `Connectors/${HIL_CONNECTOR}.xml`));
    const customizations = path.join(src, 'Other/Customizations.xml');
    const text = readFileSync(customizations, 'utf8');
    writeFileSync(customizations, text.replace('<Connectors />', `<Connectors>${element}</Connectors>`));
    const result = await packSolution(src, path.join(dir, 'out.zip'));
    expect(result.entries).toContain('customizations.xml');
  });
});

describeFixtures('pack and a listed connector without a schema name', () => {
  it('names it by id when the root component has no schemaName', async () => {
    const { dir, src } = await unpackedHil();
    deleteConnectorFiles(src, HIL_CONNECTOR);
    const solutionXml = path.join(src, 'Other/Solution.xml');
    writeFileSync(solutionXml, readFileSync(solutionXml, 'utf8').replace(/ schemaName="[^"]*"/, ''));
    const error = (await packSolution(src, path.join(dir, 'out.zip')).catch((e: unknown) => e)) as UserError;
    expect(locatedMessage(error)).toBe(
      `${solutionXml}: lists connector {f1215b12-282a-43e5-a2bc-9381c9d4f23b} (<RootComponent type="372">) but no file in Connectors/ has that <connectorid>.`,
    );
  });
});
