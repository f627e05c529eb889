import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '@connector-alm/core';
import { caseInsensitiveFs, locatedMessage } from '@connector-alm/testing';
import { temporaryFolders } from './helpers/zips.js';

// "Contoso Tasks" and "Fabrikam", the latter renamed "contoso tasks": a full extraction refuses the
// two, which would share one folder. The refusal looked at the selected connectors only, so
// extracting them one at a time (--connector) wrote both, and on Windows and macOS, where
// `Contoso Tasks` and `contoso tasks` are one folder, the second's swagger replaced the first's.

const temp = temporaryFolders('extract-selection-clash-');
afterAll(() => temp.cleanup());

let insensitiveRoot: string | undefined;
jest.unstable_mockModule('node:fs', () => caseInsensitiveFs(() => insensitiveRoot));
const { buildSolution, extractAndRemoveLeftConnectors, unpackSolution } = await import('../src/index.js');

const TASKS = 'contoso_contoso-20tasks';
const FABRIKAM = 'contoso_fabrikam';

/** An unpacked solution of "Contoso Tasks" and "Fabrikam", the latter's display name "contoso tasks". */
async function twoNamedAlike(work: string): Promise<string> {
  const folders = ['Contoso Tasks', 'Fabrikam'].map((title, index) => {
    const folder = path.join(work, `c${index}`);
    mkdirSync(folder);
    const swagger = { swagger: '2.0', info: { title, version: '1.0' }, host: 'api.contoso.com', paths: {} };
    writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
    writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify({ properties: {} }));
    return folder;
  });
  await buildSolution(folders, path.join(work, 'contoso.zip'), {
    uniqueName: 'Contoso',
    version: '1.0.0.0',
    publisher: { uniqueName: 'Contoso', prefix: 'contoso' },
  });
  const solution = path.join(work, 'solution');
  await unpackSolution(path.join(work, 'contoso.zip'), solution);
  const xml = path.join(solution, 'Connectors', `${FABRIKAM}.xml`);
  const text = readFileSync(xml, 'utf8');
  expect(text).toContain('<displayname>Fabrikam<');
  writeFileSync(xml, text.replace('<displayname>Fabrikam<', '<displayname>contoso tasks<'));
  return solution;
}

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('extract-connectors with a selection, of two connectors whose display names differ only in case', () => {
  it('refuses each of them as a full extraction refuses both, on Windows and macOS, and writes nothing', async () => {
    const work = temp.make();
    const solution = await twoNamedAlike(work);
    const root = path.join(work, 'custom-connectors');
    insensitiveRoot = work;
    try {
      const full = await refusal(extractAndRemoveLeftConnectors(solution, root));
      const expected = `${solution}: has connectors '${TASKS}' and '${FABRIKAM}' that would both be extracted to 'contoso tasks'.`;
      expect(locatedMessage(full)).toBe(expected);
      for (const selected of [TASKS, FABRIKAM]) {
        const error = await refusal(
          extractAndRemoveLeftConnectors(solution, root, { selection: [selected] }),
        );
        expect(locatedMessage(error)).toBe(expected);
        expect(error.hint).toBe('Give them different display names.');
      }
      expect(existsSync(root) ? readdirSync(root) : []).toEqual([]);
    } finally {
      insensitiveRoot = undefined;
    }
  });
});
