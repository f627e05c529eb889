import { describe, expect, it } from '@jest/globals';
import { findRule } from '../../src/rules/index.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { loadConfig } from '../../src/config/load-config.js';
import { formatText } from '../../src/reporters/index.js';
import { judgeRun } from '../../src/thresholds.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';
import { validateFilesAgainstDev } from './pull-request-edit.js';

// `validate --base` and `diff` compare two versions with the same code: an apiProperties.json that
// only one version has is one change of the file in both. A deleted one is an error of validation
// (REPO-REQUIRED-FILES) and a breaking change of the diff, not a second finding beside the first;
// but a finding of its own when the configuration turns REPO-REQUIRED-FILES off.

const folder = 'certified-connectors/Contoso';

/** The connector's files at dev, with or without apiProperties.json; the branch `pr` starts from it. */
function repositoryWith(apiProperties: boolean, config?: string) {
  const files = validConnectorFiles();
  if (!apiProperties) delete files['apiProperties.json'];
  const repo = createRepository('dev');
  repo.write({
    ...connectorFiles(folder, files),
    ...(config === undefined ? {} : { '.connector-alm.yml': config }),
  });
  repo.commitAll('dev: the base version');
  repo.git('checkout', '--quiet', '-b', 'pr');
  return repo;
}

const requiredFiles = findRule('REPO-REQUIRED-FILES')!;

describe('validateAgainstBase: an apiProperties.json that one version has', () => {
  it('deleted, is REPO-REQUIRED-FILES, and one breaking change in the diff', async () => {
    const repo = repositoryWith(true);
    repo.git('rm', '--quiet', `${folder}/apiProperties.json`);
    repo.commitAll('pr: delete apiProperties.json');
    const mergeBase = repo.git('rev-parse', 'dev').trim();

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [requiredFiles] });

    expect(result.findings.map(({ ruleId, baseline }) => [ruleId, baseline])).toEqual([
      ['REPO-REQUIRED-FILES', 'new'],
    ]);
    expect(result.diffs[0]!.diff).toMatchObject({
      classification: 'breaking',
      changes: [
        {
          ruleId: 'BRK-API-PROPERTIES-DELETED',
          side: 'old',
          file: `${mergeBase.slice(0, 12)}:${folder}/apiProperties.json`,
          line: 1,
        },
      ],
    });
    expect(result.diffs[0]!.diff!.changes).toHaveLength(1);
    expect(judgeRun(result, 'never', true)).toMatchObject({ breaking: 1, failsBreaking: true });
    // The finding that reports the deletion is REPO-REQUIRED-FILES's, the same object as in the
    // findings: the job summary lists the two once, and the text report says where the count's change is.
    const [change] = result.diffs[0]!.diff!.changes;
    expect(result.diffs[0]!.reportedAs?.get(change!)).toBe(result.findings[0]);
    expect(formatText(result)).toContain(
      '\n1 breaking change against dev (reported as REPO-REQUIRED-FILES) is left to reviewers: --fail-on-breaking would fail on it.\n',
    );
  });

  it('deleted while the configuration turns REPO-REQUIRED-FILES off, is a BRK finding of its own', async () => {
    const repo = repositoryWith(true, 'rules:\n  REPO-REQUIRED-FILES: off\n');
    repo.git('rm', '--quiet', `${folder}/apiProperties.json`);
    repo.commitAll('pr: delete apiProperties.json');
    const mergeBase = repo.git('rev-parse', 'dev').trim();

    const config = await loadConfig({ cwd: repo.dir });
    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, config, rules: [requiredFiles] });

    // Nothing else says that the file is gone: the change is reported on the folder, as it was.
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'BRK-API-PROPERTIES-DELETED',
        severity: 'error',
        baseline: 'new',
        file: folder,
        line: 1,
        column: 1,
        message: `The file apiProperties.json has been deleted. The connector cannot be certified without it, and existing connections lose the connection parameters and policies it defined. Keep apiProperties.json, and edit what it holds instead. (In the base version: ${mergeBase.slice(0, 12)}:${folder}/apiProperties.json:1:1.)`,
      }),
    ]);
    const [change] = result.diffs[0]!.diff!.changes;
    expect(result.diffs[0]!.reportedAs?.get(change!)).toBe(result.findings[0]);
    expect(judgeRun(result, 'error', false)).toMatchObject({ breaking: 1, failsFindings: false });
    expect(formatText(result)).toContain(
      '\n1 breaking change against dev is left to reviewers: --fail-on-breaking would fail on it.\n',
    );
  });

  it('added, is one change of the file, naming none of its properties', async () => {
    const repo = repositoryWith(false);
    repo.write(
      connectorFiles(folder, { 'apiProperties.json': validConnectorFiles()['apiProperties.json']! }),
    );
    repo.commitAll('pr: add apiProperties.json');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [requiredFiles] });

    // The base version's finding is gone with the fix.
    expect(result.findings).toEqual([]);
    expect(result.diffs[0]!.diff).toEqual({
      classification: 'major-update',
      changes: [
        expect.objectContaining({
          ruleId: 'CHG-OTHER',
          message:
            'Other properties have been changed. The file apiProperties.json has been added: the base version has none, so all it holds is new.',
          file: `${folder}/apiProperties.json`,
          side: 'new',
        }),
      ],
    });
  });
});

// A PDF4me commit respelt its iconBrandColor #EEEEEE as #eeeeee: the finding quotes the colour as
// written, and read as new.
describe('validateAgainstBase: a brand colour respelt in another case', () => {
  const withColour = (colour: string) => {
    const files = validConnectorFiles();
    (files['apiProperties.json'] as { properties: Record<string, unknown> }).properties.iconBrandColor =
      colour;
    return files;
  };
  const brandFindings = async (before: string, after: string) => {
    const { result } = await validateFilesAgainstDev(folder, withColour(before), withColour(after));
    return result.findings
      .filter((finding) => finding.ruleId === 'PROP-BRAND-FORBIDDEN')
      .map(({ baseline, message }) => [baseline, message.split(' is ')[0]]);
  };

  it('is the same finding, almost white or not allowed, in either case', async () => {
    expect(await brandFindings('#EEEEEE', '#eeeeee')).toEqual([['existing', 'The iconBrandColor #eeeeee']]);
    expect(await brandFindings('#007EE5', '#007ee5')).toEqual([['existing', 'The iconBrandColor #007ee5']]);
  });

  it('is new for another colour', async () => {
    expect(await brandFindings('#eeeeee', '#f5f5f5')).toEqual([['new', 'The iconBrandColor #f5f5f5']]);
  });
});
