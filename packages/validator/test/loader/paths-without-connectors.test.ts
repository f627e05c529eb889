import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolders } from '@connector-alm/testing';
import { pathsWithoutConnectors } from '../../src/loader/paths-without-connectors.js';

const folders = temporaryFolders('paths-without-connectors-');
afterAll(() => folders.cleanup());

/** docs/ (no connector), connectors/Contoso (one), and a connector whose only folder may be ignored. */
function tree(): string {
  const root = folders.make();
  for (const connector of ['connectors/Contoso', 'legacy/Old']) {
    mkdirSync(path.join(root, connector), { recursive: true });
    writeFileSync(path.join(root, connector, 'apiDefinition.swagger.json'), '{}');
  }
  mkdirSync(path.join(root, 'docs'));
  return root;
}

describe('pathsWithoutConnectors', () => {
  it('names each path that leads to no connector folder, as given', async () => {
    const root = tree();
    expect(await pathsWithoutConnectors(['connectors', 'docs', '.'], root)).toEqual(['docs']);
    expect(await pathsWithoutConnectors(['connectors/Contoso/apiDefinition.swagger.json'], root)).toEqual([]);
  });

  it('counts a path whose folders were left out of the validation (ignored) as holding some', async () => {
    const root = tree();
    // Only connectors/Contoso was validated; legacy/Old was not, yet it is there.
    expect(await pathsWithoutConnectors(['legacy', 'docs'], root, ['connectors/Contoso'])).toEqual(['docs']);
  });
});
