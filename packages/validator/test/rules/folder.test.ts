import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { displayPathIn } from '../../src/loader/connector-folder.js';
import { runRules, writeConnector } from '../helpers/fixture.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { parentFolderName } from '../../src/rules/folder.js';
import { findRule } from '../../src/rules/index.js';
import { validateFolder } from '../../src/validate.js';
import { discoverConnectorFolders } from '../../src/loader/discover.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { temporaryFolder } from '@connector-alm/testing';
import type { Profile } from '../../src/model/finding.js';
import { DEFAULT_CONFIG } from '../../src/config/config-types.js';

async function runIn(
  name: string,
  ruleIds: string[],
  files = validConnectorFiles(),
  profile: Profile = 'certified',
) {
  const folder = writeConnector(files, profile, name);
  const rules = ruleIds.map((id) => findRule(id)!);
  return (await validateFolder(folder, { rules, cwd: path.dirname(folder) })).findings;
}

describe('REPO-TOP-FOLDER', () => {
  it('fires on a nested connector folder', async () => {
    const findings = await runIn('Contoso/v2', ['REPO-TOP-FOLDER']);
    expect(findings).toMatchObject([{ ruleId: 'REPO-TOP-FOLDER', severity: 'error', line: 1 }]);
    expect(findings[0]!.message).toMatch(/direct child of certified-connectors/);
  });
  it('is quiet for a direct child', async () => {
    expect(await runRules(validConnectorFiles(), ['REPO-TOP-FOLDER'])).toEqual([]);
  });
});

describe('parentFolderName', () => {
  it('is the second-last segment of the split path, whatever the separators around it', () => {
    const { sep } = path;
    const paths = ['', 'a', `${sep}`, `${sep}a`, `a${sep}b`, `${sep}top${sep}Contoso`, `a${sep}b${sep}`];
    for (const folderPath of [...paths, `${sep}${sep}x`, `${sep}a${sep}${sep}b`, `x${sep}${sep}`]) {
      const segments = folderPath.split(sep);
      expect(parentFolderName(folderPath)).toBe(segments[segments.length - 2] ?? '');
    }
    expect(parentFolderName(`${sep}repo${sep}certified-connectors${sep}Contoso`)).toBe(
      'certified-connectors',
    );
  });
});

describe('REPO-FILENAMES', () => {
  it('fails on a misnamed swagger, at that file', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'apiDefination.swagger.json': validSwagger(),
    };
    delete files['apiDefinition.swagger.json'];
    const findings = await runRules(files, ['REPO-FILENAMES']);
    expect(findings).toMatchObject([{ severity: 'error' }]);
    expect(findings[0]!.file).toMatch(/apiDefination\.swagger\.json$/);
  });
  it('warns on a wrongly cased apiProperties.json, fails on Readme.md.txt', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'apiproperties.json': validConnectorFiles()['apiProperties.json']!,
      'Readme.md.txt': 'x',
    };
    delete files['apiProperties.json'];
    delete files['readme.md'];
    const findings = await runRules(files, ['REPO-FILENAMES']);
    expect(findings.map((f) => [path.basename(f.file), f.severity]).sort()).toEqual([
      ['Readme.md.txt', 'error'],
      ['apiproperties.json', 'warning'],
    ]);
  });
  // readme.md beside README.md got no finding: on Windows and macOS the two collide.
  it('fails on a file whose name differs only in case from the one read, at the unread one', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'README.md': 'one more line\n',
    };
    const findings = await runRules(files, ['REPO-FILENAMES', 'REPO-EXTRA-FILES']);
    expect(findings.map((f) => [f.ruleId, path.basename(f.file), f.severity, f.message])).toEqual([
      [
        'REPO-FILENAMES',
        'README.md',
        'error',
        'README.md and readme.md differ only in case: on Windows and macOS they are one file, and a checkout keeps either. readme.md is the one read and validated; merge what README.md adds into it and delete README.md.',
      ],
    ]);
  });
  // README.MD sorts before readme.md and was read: "delete readme.md", the canonical name, unlike the
  // swagger's and the icon's twins.
  it('reads readme.md of readme twins, whichever sorts first, and says to delete the other', async () => {
    for (const twin of ['README.MD', 'Readme.md', 'readme.MD']) {
      const files: Record<string, object | string> = { ...validConnectorFiles(), [twin]: '# Other\n' };
      const findings = await runRules(files, ['REPO-FILENAMES']);
      expect(findings.map((f) => [path.basename(f.file), f.message])).toEqual([
        [
          twin,
          `${twin} and readme.md differ only in case: on Windows and macOS they are one file, and a checkout keeps either. readme.md is the one read and validated; merge what ${twin} adds into it and delete ${twin}.`,
        ],
      ]);
    }
  });
  it('reads the first listed of readme twins that are both names it accepts, and asks no rename', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'README.MD': validConnectorFiles()['readme.md']!,
      'Readme.md': '# Other\n',
    };
    delete files['readme.md'];
    const findings = await runRules(files, ['REPO-FILENAMES']);
    expect(findings.map((f) => [path.basename(f.file), f.message])).toEqual([
      [
        'Readme.md',
        'Readme.md and README.MD differ only in case: on Windows and macOS they are one file, and a checkout keeps either. README.MD is the one read and validated; merge what Readme.md adds into it and delete Readme.md.',
      ],
    ]);
  });
  it('says which of two swaggers differing only in case is read, and asks no rename onto the other', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'ApiDefinition.swagger.json': validSwagger(),
      'apidefinition.swagger.json': validSwagger(),
    };
    const findings = await runRules(files, ['REPO-FILENAMES']);
    expect(findings.map((f) => [path.basename(f.file), f.severity]).sort()).toEqual([
      ['ApiDefinition.swagger.json', 'error'],
      ['apidefinition.swagger.json', 'error'],
    ]);
    expect(findings.every((f) => f.message.includes('apiDefinition.swagger.json is the one read'))).toBe(
      true,
    );
  });
  // "ApiProperties.json is the one read and validated; … delete apiProperties.json", and once that
  // was done, "Rename ApiProperties.json to apiProperties.json": two rounds, the first one backwards.
  it('reads the twin with the canonical name and says to delete the other, in one round', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'ApiProperties.json': validConnectorFiles()['apiProperties.json']!,
    };
    const findings = await runRules(files, ['REPO-FILENAMES']);
    expect(findings.map((f) => [path.basename(f.file), f.message])).toEqual([
      [
        'ApiProperties.json',
        'ApiProperties.json and apiProperties.json differ only in case: on Windows and macOS they are one file, and a checkout keeps either. apiProperties.json is the one read and validated; merge what ApiProperties.json adds into it and delete ApiProperties.json.',
      ],
    ]);
  });
  it('says to rename the twin read too when neither has the canonical name', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'APIPROPERTIES.JSON': validConnectorFiles()['apiProperties.json']!,
      'ApiProperties.json': validConnectorFiles()['apiProperties.json']!,
    };
    delete files['apiProperties.json'];
    const findings = await runRules(files, ['REPO-FILENAMES']);
    expect(findings.map((f) => [path.basename(f.file), f.message])).toEqual([
      [
        'ApiProperties.json',
        'ApiProperties.json and APIPROPERTIES.JSON differ only in case: on Windows and macOS they are one file, and a checkout keeps either. APIPROPERTIES.JSON is the one read and validated; merge what ApiProperties.json adds into it and delete ApiProperties.json, then rename APIPROPERTIES.JSON to apiProperties.json.',
      ],
    ]);
  });
  it('names the file as the other findings name theirs, with the separators of the OS', () => {
    // The loader names a connector's files so; a finding on a file the loader does not read must too.
    expect(displayPathIn('certified-connectors\\Contoso', 'apiDefination.swagger.json', path.win32)).toBe(
      'certified-connectors\\Contoso\\apiDefination.swagger.json',
    );
    expect(displayPathIn('.', 'apiDefination.swagger.json', path.win32)).toBe('apiDefination.swagger.json');
    expect(displayPathIn('certified-connectors/Contoso', 'x.json', path.posix)).toBe(
      'certified-connectors/Contoso/x.json',
    );
  });
  it('fails on a swagger saved as apiDefinition.json or swagger.json beside the swagger, and says to merge it', async () => {
    for (const name of ['apiDefinition.json', 'swagger.json', 'api-definition.json']) {
      const files = { ...validConnectorFiles(), [name]: validSwagger() };
      const findings = await runRules(files, ['REPO-FILENAMES']);
      expect(findings).toMatchObject([{ severity: 'error' }]);
      expect(path.basename(findings[0]!.file)).toBe(name);
      expect(findings[0]!.message).toMatch(/looks like a copy of apiDefinition\.swagger\.json/);
    }
  });
  // swagger.json in place of the swagger got two findings asking for one rename (walk s39, F12):
  // REPO-REQUIRED-FILES' error, which fails the run, now says it alone, and that the content is checked.
  it('leaves the rename of the missing swagger or apiProperties.json to REPO-REQUIRED-FILES', async () => {
    for (const [name, canonical] of [
      ['apiDefinition.json', 'apiDefinition.swagger.json'],
      ['swagger.json', 'apiDefinition.swagger.json'],
      ['api-definition.json', 'apiDefinition.swagger.json'],
      ['apiProperty.json', 'apiProperties.json'],
    ] as const) {
      const files: Record<string, object | string> = { ...validConnectorFiles(), [name]: validSwagger() };
      delete files[canonical];
      const findings = await runRules(files, ['REPO-FILENAMES', 'REPO-REQUIRED-FILES', 'REPO-EXTRA-FILES']);
      expect(findings.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }))).toEqual([
        {
          ruleId: 'REPO-REQUIRED-FILES',
          severity: 'error',
          message: `The connector has no ${canonical}; rename ${name} to ${canonical}. It is checked here as the connector's ${canonical}; other tools do not read it until it is renamed. \`connector-alm validate --fix\` renames it.`,
        },
      ]);
    }
  });
  it('still says to rename a second file meant to be the missing swagger, which REPO-REQUIRED-FILES does not name', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'openapi.json': validSwagger(),
      'swagger.json': validSwagger(),
    };
    delete files['apiDefinition.swagger.json'];
    const findings = await runRules(files, ['REPO-FILENAMES', 'REPO-REQUIRED-FILES']);
    expect(findings.map((f) => [f.ruleId, path.basename(f.file)])).toEqual([
      ['REPO-REQUIRED-FILES', path.basename(findings[0]!.connector)],
      ['REPO-FILENAMES', 'swagger.json'],
    ]);
    expect(findings[0]!.message).toMatch(/rename openapi\.json to/);
  });
  it('takes openapidefinition.json (upstream nBold) for the swagger misnamed, in all three rules', async () => {
    // It was "not a connector file" to remove (REPO-EXTRA-FILES), and the connector had "no
    // apiDefinition.swagger.json" without a word of the file that is it.
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'openapidefinition.json': validSwagger(),
    };
    delete files['apiDefinition.swagger.json'];
    const findings = await runRules(files, ['REPO-FILENAMES', 'REPO-REQUIRED-FILES', 'REPO-EXTRA-FILES']);
    expect(findings.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual([
      {
        ruleId: 'REPO-REQUIRED-FILES',
        message:
          "The connector has no apiDefinition.swagger.json; rename openapidefinition.json to apiDefinition.swagger.json. It is checked here as the connector's apiDefinition.swagger.json; other tools do not read it until it is renamed. `connector-alm validate --fix` renames it.",
      },
    ]);
  });
  it('takes Script.cs for a misnamed script.csx when the folder has no script.csx', async () => {
    const findings = await runRules({ ...validConnectorFiles(), 'Script.cs': 'x' }, ['REPO-FILENAMES']);
    expect(findings).toMatchObject([
      {
        severity: 'error',
        message:
          "Script.cs looks like a misnamed script.csx; rename it so that it is used. It is checked here as the connector's script.csx; other tools do not read it until it is renamed. `connector-alm validate --fix` renames it.",
      },
    ]);
    // Beside a script.csx it is C# source of its own (REPO-EXTRA-FILES), as in merged folders.
    expect(
      await runRules({ ...validConnectorFiles(), 'Script.cs': 'x', 'script.csx': 'x' }, ['REPO-FILENAMES']),
    ).toEqual([]);
  });
  // "apiDefinition.swagger.json.bak looks like a misnamed apiDefinition.swagger.json; rename it so
  // that it is used": done as told, the backup (or Office's lock file) replaced the real file.
  it('says to remove, never to rename, a backup or lock file an editor left beside a connector file', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'apiDefinition.swagger.json.bak': validSwagger(),
      '~$Readme.md': 'x',
      'script.csx': 'x',
      'script.csx~': 'x',
      'apiProperties.json.orig': validConnectorFiles()['apiProperties.json']!,
    };
    const findings = await runRules(files, ['REPO-FILENAMES', 'REPO-EXTRA-FILES']);
    expect(findings.map((f) => [f.ruleId, path.basename(f.file), f.message])).toEqual([
      [
        'REPO-FILENAMES',
        '~$Readme.md',
        "~$Readme.md is a temporary file (.tmp, '~$name', an IDE's safe write), not a connector file; remove it from the connector folder.",
      ],
      [
        'REPO-FILENAMES',
        'apiDefinition.swagger.json.bak',
        'apiDefinition.swagger.json.bak is a backup copy (.bak), not a connector file; remove it from the connector folder.',
      ],
      [
        'REPO-FILENAMES',
        'apiProperties.json.orig',
        'apiProperties.json.orig is a copy git mergetool keeps of a conflicted file (.orig), not a connector file; remove it from the connector folder.',
      ],
      [
        'REPO-FILENAMES',
        'script.csx~',
        "script.csx~ is a backup an editor left (a name ending in '~'), not a connector file; remove it from the connector folder.",
      ],
    ]);
  });
  it('says to merge and remove, not to rename, a copy beside the file it is named after', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'apiDefinition.json': validSwagger(),
      'Old.swagger.json': validSwagger(),
      'Readme.md.txt': 'x',
      'README.md': 'x',
    };
    delete files['readme.md'];
    const findings = await runRules(files, ['REPO-FILENAMES']);
    expect(findings.map((f) => [path.basename(f.file), f.message])).toEqual([
      [
        'apiDefinition.json',
        'apiDefinition.json looks like a copy of apiDefinition.swagger.json, which the folder has (apiDefinition.swagger.json is the one read and validated); merge what apiDefinition.json adds into apiDefinition.swagger.json and remove apiDefinition.json.',
      ],
      [
        'Old.swagger.json',
        'Old.swagger.json looks like a copy of apiDefinition.swagger.json, which the folder has (apiDefinition.swagger.json is the one read and validated); merge what Old.swagger.json adds into apiDefinition.swagger.json and remove Old.swagger.json.',
      ],
      [
        'Readme.md.txt',
        'Readme.md.txt looks like a copy of readme.md, which the folder has (README.md is the one read and validated); merge what Readme.md.txt adds into README.md and remove Readme.md.txt.',
      ],
    ]);
  });
  it('is quiet on other JSON files, which are not connector files', async () => {
    const files = { ...validConnectorFiles(), 'package.json': '{}', 'definitions.json': '{}' };
    expect(await runRules(files, ['REPO-FILENAMES'])).toEqual([]);
  });
  it('accepts README.md', async () => {
    const files: Record<string, object | string> = { ...validConnectorFiles(), 'README.md': 'x' };
    delete files['readme.md'];
    expect(await runRules(files, ['REPO-FILENAMES'])).toEqual([]);
  });
});

// A swagger written in YAML was "not a connector file. Remove it", and the folder "has no
// apiDefinition.swagger.json" without a word of converting it (walk s39, F3).
describe('a swagger written in YAML', () => {
  const yamlSwagger = 'swagger: "2.0"\ninfo:\n  title: Contoso\n  version: "1.0"\npaths: {}\n';
  it('is to be converted to JSON, never removed, when the folder has no swagger', async () => {
    for (const name of ['apiDefinition.swagger.yaml', 'swagger.yml', 'openapi.yaml']) {
      const files: Record<string, object | string> = { ...validConnectorFiles(), [name]: yamlSwagger };
      delete files['apiDefinition.swagger.json'];
      const findings = await runRules(files, ['REPO-FILENAMES', 'REPO-REQUIRED-FILES', 'REPO-EXTRA-FILES']);
      expect(findings.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual([
        {
          ruleId: 'REPO-REQUIRED-FILES',
          message: `The connector has no apiDefinition.swagger.json; convert ${name} to JSON as apiDefinition.swagger.json: the platform and paconn read the swagger as JSON only. Until it is converted, nothing checks the content of ${name}: expect findings on it then.`,
        },
      ]);
    }
  });
  it('beside the JSON swagger, is kept outside the folder as its source, not removed', async () => {
    const files = { ...validConnectorFiles(), 'apiDefinition.swagger.yaml': yamlSwagger };
    const findings = await runRules(files, ['REPO-FILENAMES', 'REPO-REQUIRED-FILES', 'REPO-EXTRA-FILES']);
    expect(findings.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }))).toEqual([
      {
        ruleId: 'REPO-EXTRA-FILES',
        severity: 'warning',
        message:
          'apiDefinition.swagger.yaml is a swagger written in YAML, which nothing reads: apiDefinition.swagger.json is the swagger read and validated. If apiDefinition.swagger.yaml is its source, keep it outside the connector folder; either way, make the changes in apiDefinition.swagger.json.',
      },
    ]);
  });
  it('makes a folder that holds it alone a connector folder, found and told what is missing', async () => {
    // Outside the layout, where discovery goes by the files a folder holds.
    const root = temporaryFolder('connector-alm-yaml-');
    mkdirSync(path.join(root, 'connectors', 'yamlonly'), { recursive: true });
    writeFileSync(path.join(root, 'connectors', 'yamlonly', 'apiDefinition.swagger.yaml'), yamlSwagger);
    const folders = await discoverConnectorFolders([root]);
    expect(folders).toEqual([path.join(root, 'connectors', 'yamlonly')]);
    const findings = await validateFolder(folders[0]!, {
      rules: [findRule('REPO-REQUIRED-FILES')!],
      cwd: root,
    });
    expect(findings.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^The connector has no apiDefinition\.swagger\.json; convert apiDefinition\.swagger\.yaml to JSON/,
      ),
      'The connector has no apiProperties.json.',
    ]);
  });
});

// Any folder with an openapi.yaml or a swagger.yml (a service's spec, API docs) became a connector
// folder that failed the run (review R1); and an OpenAPI 3 file was told to be converted to JSON, which
// leaves it no Swagger 2.0 (the only version a connector is).
describe('which folders a swagger written in YAML makes connector folders', () => {
  const openApi3 = 'openapi: 3.0.1\ninfo:\n  title: Billing\n  version: "1.0"\npaths: {}\n';
  const swagger2 = 'swagger: "2.0"\ninfo:\n  title: Contoso\n  version: "1.0"\npaths: {}\n';

  function tree(files: Record<string, string>): string {
    const root = temporaryFolder('connector-alm-yaml-');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    return root;
  }

  it('only a folder where it plausibly is a connector swagger: not a service spec or API docs, with or without a readme', async () => {
    const root = tree({
      'connectors/Contoso/apiDefinition.swagger.json': JSON.stringify(validSwagger()),
      'connectors/Contoso/apiProperties.json': '{"properties": {}}',
      'services/billing/openapi.yaml': openApi3,
      'services/billing/README.md': '# Billing',
      'services/billing/main.go': 'package main',
      'docs/swagger.yml': swagger2,
      'api-docs/ApiDefinitions.yaml': swagger2,
      // Beside icon.png, script.csx or settings.json, or under the connector's own name.
      'a/openapi.yaml': swagger2,
      'a/icon.png': 'png',
      'b/swagger.yml': swagger2,
      'b/script.csx': 'public class Script {}',
      'c/swagger.yaml': swagger2,
      'c/settings.json': '{}',
      'd/apiDefinition.swagger.yml': swagger2,
    });
    expect(await discoverConnectorFolders([root])).toEqual(
      ['a', 'b', 'c', path.join('connectors', 'Contoso'), 'd'].map((name) => path.join(root, name)),
    );
  });

  it('says an OpenAPI 3 file is to become Swagger 2.0, and a Swagger 2.0 one to be converted to JSON', async () => {
    const messages = async (yaml: string) => {
      const files: Record<string, object | string> = { ...validConnectorFiles(), 'openapi.yaml': yaml };
      delete files['apiDefinition.swagger.json'];
      return (await runRules(files, ['REPO-REQUIRED-FILES'])).map((f) => f.message);
    };
    expect(await messages(openApi3)).toEqual([
      "The connector has no apiDefinition.swagger.json; openapi.yaml is an OpenAPI 3 definition, and a connector's is Swagger 2.0 (OpenAPI 2.0) in JSON: convert openapi.yaml to Swagger 2.0 and save it as apiDefinition.swagger.json. Until it is converted, nothing checks the content of openapi.yaml: expect findings on it then.",
    ]);
    expect(await messages(swagger2)).toEqual([expect.stringMatching(/; convert openapi\.yaml to JSON as /)]);
  });
});

// With REPO-REQUIRED-FILES off (a configuration's `rules`), REPO-FILENAMES still left the rename of
// swagger.json to it, and nothing reported the misnamed swagger (review R9).
describe('REPO-FILENAMES with REPO-REQUIRED-FILES off', () => {
  it('says to rename the file meant to be the missing swagger itself', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'swagger.json': validSwagger(),
    };
    delete files['apiDefinition.swagger.json'];
    const folder = writeConnector(files, 'certified');
    const rules = ['REPO-FILENAMES', 'REPO-REQUIRED-FILES'].map((id) => findRule(id)!);
    const findingsWith = async (level: 'off' | 'error') =>
      (
        await validateFolder(folder, {
          rules,
          cwd: path.dirname(folder),
          config: { ...DEFAULT_CONFIG, rules: { 'REPO-REQUIRED-FILES': level } },
        })
      ).findings.map((f) => f.ruleId);
    expect(await findingsWith('off')).toEqual(['REPO-FILENAMES']);
    expect(await findingsWith('error')).toEqual(['REPO-REQUIRED-FILES']);
  });
});

// With REPO-REQUIRED-FILES off, REPO-EXTRA-FILES left a swagger written in YAML, the folder's only
// swagger, to it too: nothing said that it is not read (session 39 reread).
describe('a swagger written in YAML with REPO-REQUIRED-FILES off', () => {
  it('is said by REPO-EXTRA-FILES, with the conversion to make', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'openapi.yaml': 'openapi: 3.0.1\ninfo:\n  title: Billing\n  version: "1.0"\npaths: {}\n',
    };
    delete files['apiDefinition.swagger.json'];
    const folder = writeConnector(files, 'certified');
    const rules = ['REPO-EXTRA-FILES', 'REPO-REQUIRED-FILES'].map((id) => findRule(id)!);
    const findingsWith = async (level: 'off' | 'error') =>
      (
        await validateFolder(folder, {
          rules,
          cwd: path.dirname(folder),
          config: { ...DEFAULT_CONFIG, rules: { 'REPO-REQUIRED-FILES': level } },
        })
      ).findings.map((f) => [f.ruleId, f.message]);
    expect(await findingsWith('off')).toEqual([
      [
        'REPO-EXTRA-FILES',
        "Nothing reads openapi.yaml, a swagger written in YAML: openapi.yaml is an OpenAPI 3 definition, and a connector's is Swagger 2.0 (OpenAPI 2.0) in JSON: convert openapi.yaml to Swagger 2.0 and save it as apiDefinition.swagger.json. Until it is converted, nothing checks the content of openapi.yaml: expect findings on it then.",
      ],
    ]);
    expect((await findingsWith('error')).map(([ruleId]) => ruleId)).toEqual(['REPO-REQUIRED-FILES']);
  });
});

describe('REPO-REQUIRED-FILES', () => {
  it('fails without apiProperties.json', async () => {
    const files: Record<string, object | string> = validConnectorFiles();
    delete files['apiProperties.json'];
    expect(await runRules(files, ['REPO-REQUIRED-FILES'])).toMatchObject([
      { severity: 'error', message: 'The connector has no apiProperties.json.' },
    ]);
  });
  it('is quiet with both files', async () => {
    expect(await runRules(validConnectorFiles(), ['REPO-REQUIRED-FILES'])).toEqual([]);
  });
  it('names the misnamed file that is meant to be the swagger', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'apiDefinition.json': validSwagger(),
    };
    delete files['apiDefinition.swagger.json'];
    expect(await runRules(files, ['REPO-REQUIRED-FILES'])).toMatchObject([
      {
        message:
          "The connector has no apiDefinition.swagger.json; rename apiDefinition.json to apiDefinition.swagger.json. It is checked here as the connector's apiDefinition.swagger.json; other tools do not read it until it is renamed. `connector-alm validate --fix` renames it.",
      },
    ]);
  });
  it('does not offer a backup an editor left as the missing file to rename, which REPO-FILENAMES says to remove', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'apiDefinition.swagger.json.bak': validSwagger(),
    };
    delete files['apiDefinition.swagger.json'];
    const findings = await runRules(files, ['REPO-REQUIRED-FILES']);
    expect(findings.map((f) => f.message)).toEqual(['The connector has no apiDefinition.swagger.json.']);
  });
  it('says to move the files up when they sit in a nested folder', async () => {
    const nested = Object.fromEntries(
      Object.entries(validConnectorFiles()).map(([name, content]) => [`Contoso Tasks/${name}`, content]),
    );
    const findings = await runRules(nested, ['REPO-REQUIRED-FILES']);
    expect(findings).toHaveLength(2);
    expect(findings[0]!.message).toBe(
      'The connector has no apiDefinition.swagger.json. If its files are in the nested folder "Contoso Tasks", move them up into the connector folder: nothing in a nested folder is validated.',
    );
  });
  it('names a nested folder only when it holds a connector file, not one of images only', async () => {
    // Snowflake v2's ConnectorArtifacts (a swagger, no apiProperties.json) holds assets/ of screenshots.
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'assets/redirect-uri.png': 'x',
      'assets/user-details.png': 'x',
    };
    delete files['apiProperties.json'];
    expect(await runRules(files, ['REPO-REQUIRED-FILES'])).toMatchObject([
      { message: 'The connector has no apiProperties.json.' },
    ]);
    // A misnamed swagger counts as a connector file.
    const misnamed: Record<string, object | string> = { 'v1/apiDefination.swagger.json': validSwagger() };
    expect((await runRules(misnamed, ['REPO-REQUIRED-FILES']))[0]!.message).toMatch(
      /nested folder "v1", move them up/,
    );
  });
  it('names a nested folder only when it holds a swagger or apiProperties.json, not docs with a readme', async () => {
    const withoutSwagger: Record<string, object | string> = { ...validConnectorFiles() };
    delete withoutSwagger['apiDefinition.swagger.json'];
    delete withoutSwagger['readme.md'];
    const docs = {
      ...withoutSwagger,
      'docs/readme.md': '# Contoso Tasks\nHow to get an API key.',
      'docs/icon.png': 'x',
    };
    expect(await runRules(docs, ['REPO-REQUIRED-FILES'])).toMatchObject([
      { message: 'The connector has no apiDefinition.swagger.json.' },
    ]);
    const nested = { ...withoutSwagger, 'v2/apiDefinition.swagger.json': validSwagger() };
    expect((await runRules(nested, ['REPO-REQUIRED-FILES']))[0]!.message).toMatch(
      /nested folder "v2", move them up/,
    );
  });
  it('takes an independent-publisher folder with only a readme for a proposal', async () => {
    const proposal = { 'readme.md': '# Contoso Tasks\nA proposed connector.' };
    expect(await runRules(proposal, ['REPO-REQUIRED-FILES'], 'independent-publisher')).toEqual([]);
    // Not in a certified folder, and not with a misnamed swagger beside the readme.
    expect(await runRules(proposal, ['REPO-REQUIRED-FILES'], 'certified')).toHaveLength(2);
    expect(
      await runRules({ ...proposal, 'openapi.json': '{}' }, ['REPO-REQUIRED-FILES'], 'independent-publisher'),
    ).toHaveLength(2);
  });
});

describe('REPO-EXTRA-FILES', () => {
  it('says to remove a nested folder beside the connector files', async () => {
    const files = { ...validConnectorFiles(), 'docs/notes.md': '# Notes' };
    expect(await runIn('Contoso', ['REPO-EXTRA-FILES'], files)).toMatchObject([
      {
        message:
          'docs is a nested folder: connector files sit directly in the connector folder. Remove it from the connector folder.',
      },
    ]);
  });
  it('takes a screenshot three letters from icon.png for an image, not for a misnamed icon', async () => {
    // An independent publisher's pull request: Flow.png and three other screenshots, no icon.png.
    const files: Record<string, string> = { ...validConnectorFiles(), 'Flow.png': 'x' };
    delete files['icon.png'];
    const findings = await runRules(files, ['REPO-FILENAMES', 'REPO-EXTRA-FILES'], 'independent-publisher');
    expect(findings.map((f) => [f.ruleId, path.basename(f.file), f.message])).toEqual([
      [
        'REPO-EXTRA-FILES',
        'Flow.png',
        expect.stringContaining('an image: reviewers ask to remove images from pull requests'),
      ],
    ]);
  });
  it('warns on images, .cs files beside the script, intro.md and nested folders', async () => {
    const files = {
      ...validConnectorFiles(),
      'script.csx': 'x',
      'screenshot.png': 'x',
      'Script.cs': 'x',
      'intro.md': 'x',
      'images/a.png': 'x',
    };
    const findings = await runRules(files, ['REPO-EXTRA-FILES']);
    expect(findings.map((f) => path.basename(f.file)).sort()).toEqual([
      'Script.cs',
      'images',
      'intro.md',
      'screenshot.png',
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });
  it('says to move up, not to remove, a nested folder when the connector folder has no swagger', async () => {
    const nested = Object.fromEntries(
      Object.entries(validConnectorFiles()).map(([name, content]) => [`Contoso Tasks/${name}`, content]),
    );
    const findings = await runRules(nested, ['REPO-EXTRA-FILES']);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      'Contoso Tasks is a nested folder, and the connector folder has no swagger of its own. If it holds the connector files, move them directly into the connector folder; otherwise remove it.',
    );
  });
  it('does not take Script.cs for an extra file when the folder has no script.csx', async () => {
    expect(await runRules({ ...validConnectorFiles(), 'Script.cs': 'x' }, ['REPO-EXTRA-FILES'])).toEqual([]);
  });
  it('does not take apiDefinition.json for an extra file (REPO-FILENAMES asks to rename it)', async () => {
    const files: Record<string, object | string> = {
      ...validConnectorFiles(),
      'apiDefinition.json': validSwagger(),
    };
    delete files['apiDefinition.swagger.json'];
    expect(await runRules(files, ['REPO-EXTRA-FILES'])).toEqual([]);
  });
  it('is quiet on a clean folder', async () => {
    expect(await runRules({ ...validConnectorFiles(), 'script.csx': 'x' }, ['REPO-EXTRA-FILES'])).toEqual([]);
  });
});

describe('REPO-FOLDER-NAME', () => {
  it('fails on characters Windows rejects', async () => {
    const findings = await runIn('Contoso Tasks?', ['REPO-FOLDER-NAME']);
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(1);
  });
  it('fails on a trailing space and on a reserved name with an extension, which Windows rejects too', async () => {
    for (const name of ['Contoso Tasks ', 'CON.txt']) {
      const findings = await runIn(name, ['REPO-FOLDER-NAME']);
      expect(findings.filter((f) => f.severity === 'error')).toHaveLength(1);
    }
  });
  it('does not compare a custom connector folder with the title', async () => {
    expect(await runIn('Contoso', ['REPO-FOLDER-NAME'], validConnectorFiles(), 'custom')).toEqual([]);
  });
  // Only a folder name longer than the title may have been cut to make the title.
  it('notes a title that starts a folder name of exactly 30 characters', async () => {
    const swagger = validSwagger();
    swagger.info.title = 'Contoso Tasks';
    const files = { ...validConnectorFiles(), 'apiDefinition.swagger.json': swagger };
    expect(await runIn('Contoso Tasks and Projects Pro', ['REPO-FOLDER-NAME'], files)).toHaveLength(1);
  });
  it('notes a folder not named like the title', async () => {
    expect(await runRules(validConnectorFiles(), ['REPO-FOLDER-NAME'])).toMatchObject([{ severity: 'info' }]);
    expect(await runIn('Contoso Tasks', ['REPO-FOLDER-NAME'])).toEqual([]);
  });
  it('is quiet when the title is the folder name cut to 30 characters, apostrophes dropped', async () => {
    const name = "Blackbaud Raiser's Edge NXT Fundraising";
    const withTitle = (title: string) => {
      const files = validConnectorFiles();
      const swagger = validSwagger();
      swagger.info.title = title;
      return { ...files, 'apiDefinition.swagger.json': swagger };
    };
    expect(await runIn(name, ['REPO-FOLDER-NAME'], withTitle('Blackbaud Raisers Edge NXT Fun'))).toEqual([]);
    // A title that is not a cut, or a short folder name the title did not need to shorten, still gets the note.
    expect(await runIn(name, ['REPO-FOLDER-NAME'], withTitle('Blackbaud Fundraising'))).toHaveLength(1);
    expect(await runIn('Taqnyat SMS', ['REPO-FOLDER-NAME'], withTitle('Taqnyat'))).toHaveLength(1);
  });
  it('is quiet when the folder reads as the title but for spaces, punctuation and case', async () => {
    const withTitle = (title: string) => {
      const files = validConnectorFiles();
      const swagger = validSwagger();
      swagger.info.title = title;
      return { ...files, 'apiDefinition.swagger.json': swagger };
    };
    // 32 corpus notes were of this kind: HoneywellForge, 365Training, LnkBio ("Lnk.Bio"), tyntec-2FA.
    expect(await runIn('HoneywellForge', ['REPO-FOLDER-NAME'], withTitle('Honeywell Forge'))).toEqual([]);
    expect(await runIn('LnkBio', ['REPO-FOLDER-NAME'], withTitle('Lnk.Bio'))).toEqual([]);
    expect(await runIn('Nationalize.io', ['REPO-FOLDER-NAME'], withTitle('Nationalize_io'))).toEqual([]);
    // Another word is another name: the note stays.
    expect(await runIn('Taqnyat SMS', ['REPO-FOLDER-NAME'], withTitle('Taqnyat'))).toHaveLength(1);
  });
  it("leaves a status label such as '(Preview)' or '[DEPRECATED]' at the end of the title out", async () => {
    const withTitle = (title: string) => {
      const files = validConnectorFiles();
      const swagger = validSwagger();
      swagger.info.title = title;
      return { ...files, 'apiDefinition.swagger.json': swagger };
    };
    // XC-Gate, Airtable, LanguageTool: a folder renamed at each change of status would be bad advice.
    expect(await runIn('XC-Gate', ['REPO-FOLDER-NAME'], withTitle('XC-Gate (Preview)'))).toEqual([]);
    expect(await runIn('Airtable', ['REPO-FOLDER-NAME'], withTitle('Airtable [DEPRECATED]'))).toEqual([]);
    expect(await runIn('LanguageTool', ['REPO-FOLDER-NAME'], withTitle('LanguageTool (deprecated)'))).toEqual(
      [],
    );
    // Only at the end, as a label: a title that is about previews keeps its words.
    expect(await runIn('Contoso', ['REPO-FOLDER-NAME'], withTitle('Contoso Preview Tools'))).toHaveLength(1);
    // A folder named exactly like a labelled title, or with the label the title has lost, is named like it.
    expect(await runIn('Contoso (Preview)', ['REPO-FOLDER-NAME'], withTitle('Contoso (Preview)'))).toEqual(
      [],
    );
    expect(await runIn('Contoso [DEPRECATED]', ['REPO-FOLDER-NAME'], withTitle('Contoso'))).toEqual([]);
    expect(
      await runIn('Contoso (Preview)', ['REPO-FOLDER-NAME'], withTitle('Fabrikam (Preview)')),
    ).toHaveLength(1);
  });
  // SWG-INFO-TITLE-WORDS asks for "Weather Now": this rule told the maker to rename that folder.
  it('takes a folder named like the title without its restricted words as named like it', async () => {
    const withTitle = (title: string) => {
      const files = validConnectorFiles();
      const swagger = validSwagger();
      swagger.info.title = title;
      return { ...files, 'apiDefinition.swagger.json': swagger };
    };
    const ip = 'independent-publisher';
    expect(
      await runIn('Weather Now', ['REPO-FOLDER-NAME'], withTitle('Weather Now API Connector'), ip),
    ).toEqual([]);
    expect(
      await runIn(
        'Weather Now',
        ['REPO-FOLDER-NAME'],
        withTitle('Weather Now API (Independent Publisher)'),
        ip,
      ),
    ).toEqual([]);
    expect(
      await runIn('Contoso Tasks', ['REPO-FOLDER-NAME'], withTitle('Contoso Tasks for Power Apps')),
    ).toEqual([]);
    // The folder named like the whole title is named like it too; another name gets both in the note.
    expect(await runIn('Weather Now API', ['REPO-FOLDER-NAME'], withTitle('Weather Now API'))).toEqual([]);
    expect(
      await runIn('Fabrikam', ['REPO-FOLDER-NAME'], withTitle('Weather Now API Connector')),
    ).toMatchObject([
      {
        severity: 'info',
        message:
          'The folder "Fabrikam" is not named like the connector\'s title "Weather Now API Connector" ("Weather Now" without its restricted words); most connector folders use the title.',
      },
    ]);
  });
  it("leaves an independent publisher's '(Independent Publisher)' label out of the comparison", async () => {
    const files = { ...validConnectorFiles(), 'apiDefinition.swagger.json': validSwagger() };
    files['apiDefinition.swagger.json'].info.title = 'Contoso Tasks (Independent Publisher)';
    expect(await runIn('Contoso Tasks', ['REPO-FOLDER-NAME'], files, 'independent-publisher')).toEqual([]);
    const labelled = 'Contoso Tasks (Independent Publisher)';
    expect(await runIn(labelled, ['REPO-FOLDER-NAME'], files, 'independent-publisher')).toEqual([]);
    // The label belongs to the IP program: a certified folder is still compared with the whole title.
    expect(await runIn('Contoso Tasks', ['REPO-FOLDER-NAME'], files)).toMatchObject([
      { severity: 'info', message: expect.stringContaining('"Contoso Tasks (Independent Publisher)"') },
    ]);
  });
});
