import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { diffPaths } from '../../src/diff/diff-paths.js';
import { fileNameReadAs, loadConnectorFolder } from '../../src/loader/connector-folder.js';
import type { Finding } from '../../src/model/finding.js';
import { runRules, writeConnector } from '../helpers/fixture.js';
import {
  validApiProperties,
  validConnectorFiles,
  validReadme,
  validSwagger,
} from '../helpers/valid-connector.js';

// A file plainly meant to be a connector file the folder lacks (apiProperty.json, Readme.md.txt) was
// not read: its maker was told to rename it, "Until it is renamed, nothing checks the content", and met
// every finding on it only after the rename. It is read as that file now, its findings on it.

/** The folder's files with `canonical` saved under `name` instead. */
function savedAs(name: string, canonical: string, content: object | string): Record<string, object | string> {
  const files: Record<string, object | string> = { ...validConnectorFiles(), [name]: content };
  delete files[canonical];
  return files;
}

function named(findings: readonly Finding[]): Array<[string, string]> {
  return findings.map((finding) => [finding.ruleId, path.basename(finding.file)]);
}

describe('a connector file saved under a name only meant as its', () => {
  it('checks apiProperty.json as the apiProperties.json, at its own lines, and asks once for the rename', async () => {
    const properties = validApiProperties();
    properties.properties.iconBrandColor = 'blue';
    const findings = await runRules(savedAs('apiProperty.json', 'apiProperties.json', properties), [
      'PROP-BRAND-FORMAT',
      'REPO-REQUIRED-FILES',
      'REPO-FILENAMES',
      'REPO-EXTRA-FILES',
    ]);
    expect(named(findings).sort()).toEqual([
      ['PROP-BRAND-FORMAT', 'apiProperty.json'],
      ['REPO-REQUIRED-FILES', 'Contoso'],
    ]);
    const brand = findings.find((finding) => finding.ruleId === 'PROP-BRAND-FORMAT')!;
    expect(brand.line).toBeGreaterThan(1);
    expect(brand.pointer).toBe('/properties/iconBrandColor');
    expect(findings.find((finding) => finding.ruleId === 'REPO-REQUIRED-FILES')!).toMatchObject({
      severity: 'error',
      message:
        "The connector has no apiProperties.json; rename apiProperty.json to apiProperties.json. It is checked here as the connector's apiProperties.json; other tools do not read it until it is renamed. `connector-alm validate --fix` renames it.",
    });
  });

  it('checks swagger.json as the swagger', async () => {
    const swagger = validSwagger();
    delete swagger.info.description;
    const findings = await runRules(savedAs('swagger.json', 'apiDefinition.swagger.json', swagger), [
      'SWG-INFO-DESC-REQ',
      'REPO-REQUIRED-FILES',
    ]);
    expect(named(findings).sort()).toEqual([
      ['REPO-REQUIRED-FILES', 'Contoso'],
      ['SWG-INFO-DESC-REQ', 'swagger.json'],
    ]);
  });

  it('checks Readme.md.txt as the readme; README-PRESENT asks for the rename, and REPO-FILENAMES leaves it to it', async () => {
    const readme = validReadme().replace(/^## Prerequisites$/m, '## Before you start');
    const files = savedAs('Readme.md.txt', 'readme.md', readme);
    const findings = await runRules(files, ['README-PRESENT', 'README-SECTIONS-CERT', 'REPO-FILENAMES']);
    expect(named(findings).sort()).toEqual([
      ['README-PRESENT', 'Contoso'],
      ['README-SECTIONS-CERT', 'Readme.md.txt'],
    ]);
    expect(findings.find((finding) => finding.ruleId === 'README-PRESENT')!.message).toBe(
      "The connector has no readme.md; rename Readme.md.txt to readme.md. It is checked here as the connector's readme.md; other tools do not read it until it is renamed. `connector-alm validate --fix` renames it.",
    );
    // With README-PRESENT off, REPO-FILENAMES asks for the rename, so that it is not passed over.
    expect(
      await runRules(savedAs('Readme.md.txt', 'readme.md', validReadme()), ['REPO-FILENAMES']),
    ).toMatchObject([
      {
        message:
          "Readme.md.txt looks like a misnamed readme.md; rename it so that it is used. It is checked here as the connector's readme.md; other tools do not read it until it is renamed. `connector-alm validate --fix` renames it.",
      },
    ]);
  });

  it('checks Script.cs as the script where the folder has no script.csx, and not as C# source to remove', async () => {
    const findings = await runRules({ ...validConnectorFiles(), 'Script.cs': 'public class Other {}\n' }, [
      'CSX-CLASS',
      'REPO-EXTRA-FILES',
    ]);
    expect(named(findings)).toEqual([['CSX-CLASS', 'Script.cs']]);
    // Beside a script.csx, Script.cs is C# source of its own: not read, and to be removed.
    const beside = await runRules(
      {
        ...validConnectorFiles(),
        'Script.cs': 'public class Other {}\n',
        'script.csx': 'public class Other {}\n',
      },
      ['CSX-CLASS', 'REPO-EXTRA-FILES'],
    );
    expect(named(beside).sort()).toEqual([
      ['CSX-CLASS', 'script.csx'],
      ['REPO-EXTRA-FILES', 'Script.cs'],
    ]);
  });

  it('checks setting.json as the settings.json', async () => {
    const findings = await runRules(
      { ...validConnectorFiles(), 'setting.json': { environment: 'not an id' } },
      ['SET-ENV'],
    );
    expect(named(findings)).toEqual([['SET-ENV', 'setting.json']]);
  });

  it('reads the file of the canonical name, in any case, before one only meant as it', async () => {
    const properties = validApiProperties();
    properties.properties.iconBrandColor = 'blue';
    for (const name of ['apiProperties.json', 'ApiProperties.json']) {
      const files: Record<string, object | string> = {
        ...validConnectorFiles(),
        'apiProperty.json': properties,
      };
      delete files['apiProperties.json'];
      const connector = await loadConnectorFolder(writeConnector({ ...files, [name]: validApiProperties() }));
      expect(connector.files.apiProperties?.name).toBe(name);
    }
    const findings = await runRules({ ...validConnectorFiles(), 'apiProperty.json': properties }, [
      'PROP-BRAND-FORMAT',
      'REPO-FILENAMES',
      'REPO-REQUIRED-FILES',
    ]);
    expect(named(findings)).toEqual([['REPO-FILENAMES', 'apiProperty.json']]);
    expect(findings[0]!.message).toMatch(/^apiProperty\.json looks like a copy of apiProperties\.json/);
  });

  it('reads a misnamed X.swagger.json before a name only meant as the swagger', async () => {
    const folder = writeConnector({
      ...savedAs('swagger.json', 'apiDefinition.swagger.json', validSwagger()),
      'Contoso.swagger.json': validSwagger(),
    });
    expect((await loadConnectorFolder(folder)).files.swagger?.name).toBe('Contoso.swagger.json');
    expect(fileNameReadAs('swagger', ['swagger.json', 'Contoso.swagger.json'])).toBe('Contoso.swagger.json');
    expect(fileNameReadAs('swagger', ['swagger.json', 'notes.txt'])).toBe('swagger.json');
    expect(fileNameReadAs('icon', ['icon1.png', 'screen.png'])).toBe('icon1.png');
  });

  it('reads the first of two names meant as the file, and tells the other to be merged into it', async () => {
    const files = {
      ...savedAs('apiProperty.json', 'apiProperties.json', validApiProperties()),
      'apiProperties.json.txt': validApiProperties(),
    };
    const folder = writeConnector(files);
    expect((await loadConnectorFolder(folder)).files.apiProperties?.name).toBe('apiProperties.json.txt');
    const findings = await runRules(files, ['REPO-FILENAMES', 'REPO-REQUIRED-FILES']);
    expect(findings.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual([
      {
        ruleId: 'REPO-REQUIRED-FILES',
        message:
          "The connector has no apiProperties.json; rename apiProperties.json.txt to apiProperties.json. It is checked here as the connector's apiProperties.json; other tools do not read it until it is renamed. `connector-alm validate --fix` renames it.",
      },
      {
        ruleId: 'REPO-FILENAMES',
        message:
          'apiProperty.json and apiProperties.json.txt both look like apiProperties.json, which the folder lacks; apiProperties.json.txt is the one read and validated. Merge what apiProperty.json adds into it, remove apiProperty.json, and rename apiProperties.json.txt to apiProperties.json.',
      },
    ]);
  });

  it('does not read a backup or lock file an editor left as the file it was copied from', async () => {
    const folder = writeConnector({
      ...savedAs('apiProperties.json.bak', 'apiProperties.json', validApiProperties()),
      '~$readme.md': 'x',
    });
    const connector = await loadConnectorFolder(folder);
    expect(connector.files.apiProperties).toBeUndefined();
    expect(connector.files.readme?.name).toBe('readme.md');
  });

  it('does not take a FIFO under a name only meant as a connector file for it', async () => {
    const folder = writeConnector(savedAs('readme.txt', 'readme.md', 'x'));
    const fifo = path.join(folder, 'readme.txt');
    spawnSync('rm', [fifo]);
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) {
      console.warn(`skipped: mkfifo is not available here (${made.stderr?.toString().trim()})`);
      return;
    }
    // Opened, the FIFO would block the run: it is listed, not read.
    const connector = await loadConnectorFolder(folder);
    expect(connector.files.readme).toBeUndefined();
    expect(connector.entries.find((entry) => entry.name === 'readme.txt')?.type).toBe('other');
  });

  it('does not read a folder under such a name', async () => {
    const files = validConnectorFiles();
    delete files['readme.md'];
    const folder = writeConnector(files);
    mkdirSync(path.join(folder, 'readme.txt'));
    expect((await loadConnectorFolder(folder)).files.readme).toBeUndefined();
  });

  it('is compared by diff as the file it is meant to be: renamed into place, nothing changed', async () => {
    const before = writeConnector(savedAs('apiProperty.json', 'apiProperties.json', validApiProperties()));
    const after = writeConnector(validConnectorFiles());
    // Unread, the base had no apiProperties.json, and all of it was new: "has been added".
    expect((await diffPaths(before, after)).changes).toEqual([]);
    const edited = validApiProperties();
    edited.properties.iconBrandColor = '#0000aa';
    const changes = (
      await diffPaths(before, writeConnector(savedAs('apiProperty.json', 'apiProperties.json', edited)))
    ).changes;
    expect(changes.map((change) => [change.ruleId, path.basename(change.file), change.line > 1])).toEqual([
      ['CHG-TEXT-EDITED', 'apiProperty.json', true],
    ]);
  });
});
