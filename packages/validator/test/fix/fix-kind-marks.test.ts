import { describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { fixJsonSlips } from '../../src/fix/fix-folders.js';
import type { ReportFix } from '../../src/model/report.js';
import type { FixKind, FolderRuleDefinition } from '../../src/model/rule.js';
import { validApiProperties, validReadme, validSwagger } from '../helpers/valid-connector.js';

// A rule's mark (`namesFixes`) is what docs/cli.md lists under each kind of fix, and the corpus test
// holds the rules to it only on the cases the corpus has. validate --fix makes a fix only of the kind
// its rule is marked with: a rule written wrongly cannot rename a file it was not marked to rename.

const FOLDER = path.join('certified-connectors', 'Contoso Tasks');
const pretty = (value: object): string => JSON.stringify(value, null, 2);

/** A repository-like tree with one certified connector of exactly these files. */
function connector(files: Record<string, string>): { root: string; folder: string } {
  const root = temporaryFolder('fix-kind-marks-');
  const folder = path.join(root, FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  return { root, folder };
}

/** A made-up rule, marked `mark`, whose one report names `fix` (at the swagger's /host for a pointer). */
function ruleNaming(fix: ReportFix, mark: FixKind): FolderRuleDefinition {
  return {
    id: 'TEST-FIX-KIND',
    file: 'swagger',
    title: 'Names one fix',
    description: 'A rule made up for this test.',
    levels: { certified: 'error', 'independent-publisher': 'error', custom: 'error' },
    namesFixes: mark,
    check(context) {
      context.report({ message: 'Fix this.', pointer: '/host', fix });
    },
  };
}

const files = {
  'apiDefinition.swagger.json': pretty(validSwagger()),
  'apiProperty.json': pretty(validApiProperties()),
  'readme.md': validReadme(),
};
const renameProperties: ReportFix = { renameFile: { from: 'apiProperty.json', to: 'apiProperties.json' } };

describe('validate --fix makes only the kind of fix a rule is marked with', () => {
  it('renames the file a rule marked for file renames names', async () => {
    const { root, folder } = connector(files);
    const report = await fixJsonSlips(['.'], {
      cwd: root,
      rules: [ruleNaming(renameProperties, 'fileRenames')],
    });
    expect(report.renamed).toEqual([
      { file: path.join(FOLDER, 'apiProperty.json'), to: path.join(FOLDER, 'apiProperties.json') },
    ]);
    expect(report.notFixed).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual([
      'apiDefinition.swagger.json',
      'apiProperties.json',
      'readme.md',
    ]);
  });

  it('leaves the file a rule marked for value writes names, and says why, once', async () => {
    const { root, folder } = connector(files);
    const report = await fixJsonSlips(['.'], {
      cwd: root,
      rules: [ruleNaming(renameProperties, 'valueWrites')],
    });
    expect(report.renamed).toBeUndefined();
    expect(readdirSync(folder).sort()).toEqual(Object.keys(files).sort());
    expect(report.notFixed).toEqual([
      {
        file: path.join(FOLDER, 'apiProperty.json'),
        reason:
          "TEST-FIX-KIND named a file rename, which was not made: the rule is marked to name value writes only. This is a bug in connector-alm's rule; please report it.",
      },
    ]);
  });

  it('leaves the value a rule marked for key renames names, and the key a rule marked for value writes names', async () => {
    const { root, folder } = connector(files);
    const swaggerPath = path.join(folder, 'apiDefinition.swagger.json');
    const written = await fixJsonSlips(['.'], {
      cwd: root,
      rules: [ruleNaming({ writeValue: 'example.org' }, 'keyRenames')],
    });
    const renamed = await fixJsonSlips(['.'], {
      cwd: root,
      rules: [ruleNaming({ renameKey: 'hostname' }, 'valueWrites')],
    });
    expect(readFileSync(swaggerPath, 'utf8')).toBe(files['apiDefinition.swagger.json']);
    expect([...written.notFixed, ...renamed.notFixed]).toEqual([
      {
        file: path.join(FOLDER, 'apiDefinition.swagger.json'),
        reason:
          "TEST-FIX-KIND named a value write, which was not made: the rule is marked to name key renames only. This is a bug in connector-alm's rule; please report it.",
      },
      {
        file: path.join(FOLDER, 'apiDefinition.swagger.json'),
        reason:
          "TEST-FIX-KIND named a key rename, which was not made: the rule is marked to name value writes only. This is a bug in connector-alm's rule; please report it.",
      },
    ]);
    expect(written.fixed).toEqual([]);
    expect(renamed.fixed).toEqual([]);
  });
});
