import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unpackSolution } from '../src/index.js';
import { unchangedButPlatformVersion } from '../src/solution/platform-version.js';
import { describeWith, fixturePath, SOLUTION_FIXTURES } from './helpers/fixtures.js';
import { readZip } from './helpers/trees.js';
import { temporaryFolders, variantOf } from './helpers/zips.js';

const temp = temporaryFolders('platform-version-');
afterAll(() => temp.cleanup());

const root = (build: string, serviceability = build): string =>
  `<ImportExportXml version="${build}" SolutionPackageVersion="9.2" languagecode="1033" OrganizationVersion="${build}" CRMServerServiceabilityVersion="${serviceability}">`;
const manifest = (build: string, body = '<UniqueName>A</UniqueName>'): string =>
  `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n${root(build, `${build}.1`)}\n  ${body}\n</ImportExportXml>\n`;

describe('unchangedButPlatformVersion', () => {
  it('keeps the committed text when only the build numbers of the root element changed', () => {
    const committed = manifest('9.2.26044.135');
    expect(unchangedButPlatformVersion(manifest('9.2.26101.177'), committed)).toBe(committed);
  });

  it('keeps it when the checkout has CR LF line endings', () => {
    const committed = manifest('9.2.26044.135').replace(/\n/g, '\r\n');
    expect(unchangedButPlatformVersion(manifest('9.2.26101.177'), committed)).toBe(committed);
  });

  it('takes the export whole when anything else changed, or nothing did', () => {
    const committed = manifest('9.2.26044.135');
    expect(
      unchangedButPlatformVersion(manifest('9.2.26101.177', '<UniqueName>B</UniqueName>'), committed),
    ).toBeUndefined();
    expect(
      unchangedButPlatformVersion(
        manifest('9.2.26044.135').replace('SolutionPackageVersion="9.2"', 'SolutionPackageVersion="9.3"'),
        committed,
      ),
    ).toBeUndefined();
    expect(unchangedButPlatformVersion(committed, committed)).toBeUndefined();
    expect(unchangedButPlatformVersion('<other/>', committed)).toBeUndefined();
  });
});

describeWith(SOLUTION_FIXTURES, 'real solution export')(
  'a snapshot after a Dataverse service update (a real export)',
  () => {
    const HIL = fixturePath('customHIL/customHIL_1_0_0_3.zip');
    /** The same export, as the environment writes it after an update to build 9.2.26101.177. */
    async function afterServiceUpdate(changes: Record<string, string> = {}): Promise<string> {
      const entries = await readZip(HIL);
      const rebuilt = (name: string): string =>
        entries
          .get(name)!
          .toString('utf8')
          .replace(/(\s(?:version|OrganizationVersion)=")9\.2\.26044\.135"/g, '$19.2.26101.177"')
          .replace(
            /CRMServerServiceabilityVersion="[^"]*"/,
            'CRMServerServiceabilityVersion="9.2.26101.00180"',
          );
      return variantOf(HIL, path.join(temp.make(), 'customHIL_1_0_0_3.zip'), {
        'solution.xml': rebuilt('solution.xml'),
        'customizations.xml': rebuilt('customizations.xml'),
        ...changes,
      });
    }

    it('changes no file of an unchanged solution', async () => {
      const folder = path.join(temp.make(), 'src');
      await unpackSolution(HIL, folder);
      const updated = await afterServiceUpdate();
      expect((await readZip(updated)).get('solution.xml')!.toString()).toContain('9.2.26101.177');
      const again = await unpackSolution(updated, folder, { overwrite: true });
      expect(again.written).toEqual([]);
      expect(readFileSync(path.join(folder, 'Other/Solution.xml'), 'utf8')).toContain('9.2.26044.135');
    });

    it('takes the new build numbers with a real change', async () => {
      const folder = path.join(temp.make(), 'src');
      await unpackSolution(HIL, folder);
      const manifestText = (await readZip(HIL)).get('solution.xml')!.toString('utf8');
      const changed = await afterServiceUpdate({
        'solution.xml': manifestText
          .replace(/(\s(?:version|OrganizationVersion)=")9\.2\.26044\.135"/g, '$19.2.26101.177"')
          .replace('<Version>1.0.0.3</Version>', '<Version>1.0.0.4</Version>'),
      });
      const again = await unpackSolution(changed, folder, { overwrite: true });
      expect(again.written).toEqual(['Other/Solution.xml']);
      const solution = readFileSync(path.join(folder, 'Other/Solution.xml'), 'utf8');
      expect(solution).toContain('OrganizationVersion="9.2.26101.177"');
      expect(solution).toContain('<Version>1.0.0.4</Version>');
    });
  },
);

describe('unchangedButPlatformVersion on XML shaped against a backtracking pattern', () => {
  // `<ImportExportXml\b[^>]*>` ran from every start tag to the end of the text when no '>' follows:
  // 100,000 of them (1.7 MB) took minutes (5,000: 0.4 s).
  it('answers in linear time for 100,000 unclosed root start tags', () => {
    const hostile = '<ImportExportXml '.repeat(100_000);
    expect(unchangedButPlatformVersion(hostile, `${hostile}x`)).toBeUndefined();
  });
});
