import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { loadConfig } from '../../src/config/load-config.js';
import { describeFixes, fixJsonSlips } from '../../src/fix/fix-folders.js';
import { toJsonReport } from '../../src/reporters/json-reporter.js';
import { validatePaths } from '../../src/validate.js';
import { validApiProperties, validReadme, validSwagger } from '../helpers/valid-connector.js';

// The findings asked to rename apiProperty.json to apiProperties.json, and --fix, which writes the
// edits findings name, left it to the maker. It renames the files that findings name the name of.

const FOLDER = path.join('certified-connectors', 'Contoso Tasks');

/** A repository-like tree with one certified connector of exactly these files. */
function connector(files: Record<string, string>): { root: string; folder: string } {
  const root = temporaryFolder('fix-renames-');
  const folder = path.join(root, FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  return { root, folder };
}

const pretty = (value: object): string => JSON.stringify(value, null, 2);
const swagger = pretty(validSwagger());
const properties = pretty(validApiProperties());

const folderFindings = async (root: string) =>
  (await validatePaths(['.'], { cwd: root, concurrency: 'off' })).findings
    .filter((finding) => /^(REPO-|README-PRESENT)/.test(finding.ruleId))
    .map((finding) => finding.ruleId);

describe('validate --fix renames connector files to the names the pipeline reads', () => {
  it('renames the files read under other names, then fixes their syntax under the new names', async () => {
    const { root, folder } = connector({
      'Contoso.swagger.json': swagger,
      // A trailing comma: fixed in the renamed file, and named by its new name.
      'apiProperty.json': properties.replace(/\n}$/, ',\n}'),
      'Readme.md.txt': validReadme(),
    });
    expect((await folderFindings(root)).sort()).toEqual([
      'README-PRESENT',
      'REPO-FILENAMES',
      'REPO-REQUIRED-FILES',
    ]);

    const report = await fixJsonSlips(['.'], { cwd: root });

    expect(readdirSync(folder).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
    expect(report.renamed).toEqual([
      {
        file: path.join(FOLDER, 'Contoso.swagger.json'),
        to: path.join(FOLDER, 'apiDefinition.swagger.json'),
      },
      { file: path.join(FOLDER, 'Readme.md.txt'), to: path.join(FOLDER, 'readme.md') },
      { file: path.join(FOLDER, 'apiProperty.json'), to: path.join(FOLDER, 'apiProperties.json') },
    ]);
    expect(report.fixed).toEqual([
      { file: path.join(FOLDER, 'apiProperties.json'), slips: 1, keys: 0, values: 0 },
    ]);
    expect(readFileSync(path.join(folder, 'apiProperties.json'), 'utf8')).toBe(properties);
    expect(readFileSync(path.join(folder, 'apiDefinition.swagger.json'), 'utf8')).toBe(swagger);
    expect(describeFixes(report).slice(0, 3)).toEqual([
      `renamed ${path.join(FOLDER, 'Contoso.swagger.json')} to ${path.join(FOLDER, 'apiDefinition.swagger.json')}`,
      `renamed ${path.join(FOLDER, 'Readme.md.txt')} to ${path.join(FOLDER, 'readme.md')}`,
      `renamed ${path.join(FOLDER, 'apiProperty.json')} to ${path.join(FOLDER, 'apiProperties.json')}`,
    ]);
    const result = await validatePaths(['.'], { cwd: root, concurrency: 'off' });
    expect(toJsonReport(result, report).renamed).toEqual(report.renamed);
    expect(result.findings).toEqual([]);
    // Nothing is left to rename: a second run renames nothing, and says nothing of renames.
    const again = await fixJsonSlips(['.'], { cwd: root });
    expect(again.renamed).toBeUndefined();
    expect(toJsonReport(result, again)).not.toHaveProperty('renamed');
  });

  it('renames a file whose name differs from the canonical one only in case', async () => {
    const { root, folder } = connector({
      'apiDefinition.swagger.json': swagger,
      'ApiProperties.json': properties,
      'Script.cs': 'public class Script : ScriptBase {}\n',
      'icon1.png': 'not a PNG, renamed all the same: the name is what is asked for',
    });
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report.renamed?.map(({ file }) => path.basename(file))).toEqual([
      'ApiProperties.json',
      'Script.cs',
      'icon1.png',
    ]);
    expect(readdirSync(folder).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'icon.png',
      'script.csx',
    ]);
  });

  it('leaves a copy beside the file, an icon of another format, and what the rules turned off name', async () => {
    const files = {
      'apiDefinition.swagger.json': swagger,
      'apiProperties.json': properties,
      // A copy beside the file it is named after: merged by hand, never renamed over it.
      'apiProperty.json': properties,
      // Renamed, a JPEG would be no PNG all the same.
      'Icon.jpg': 'JPEG',
      'readme.md': validReadme(),
    };
    const { root, folder } = connector(files);
    expect((await fixJsonSlips(['.'], { cwd: root })).renamed).toBeUndefined();
    expect(readdirSync(folder).sort()).toEqual(Object.keys(files).sort());

    const off = connector({ 'swagger.json': swagger, 'apiProperties.json': properties });
    writeFileSync(
      path.join(off.root, '.connector-alm.yml'),
      'rules:\n  REPO-REQUIRED-FILES: off\n  REPO-FILENAMES: off\n',
    );
    const config = await loadConfig({ cwd: off.root, paths: ['.'] });
    expect((await fixJsonSlips(['.'], { cwd: off.root, config })).renamed).toBeUndefined();
    expect(readdirSync(off.folder).sort()).toEqual(['apiProperties.json', 'swagger.json']);
  });

  it('does not rename over another entry of the new name, and says why', async () => {
    const { root, folder } = connector({
      'apiDefinition.swagger.json': swagger,
      'apiProperty.json': properties,
    });
    // A folder is never read as a file: apiProperty.json is read, and its new name is taken.
    mkdirSync(path.join(folder, 'apiProperties.json'));
    const report = await fixJsonSlips(['.'], { cwd: root });
    expect(report.renamed).toBeUndefined();
    expect(report.notFixed).toEqual([
      {
        file: path.join(FOLDER, 'apiProperty.json'),
        reason: 'it was not renamed: the folder has a apiProperties.json already.',
      },
    ]);
    expect(readFileSync(path.join(folder, 'apiProperty.json'), 'utf8')).toBe(properties);
  });
});
