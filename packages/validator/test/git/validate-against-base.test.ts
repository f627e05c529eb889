import { describe, expect, it } from '@jest/globals';
import { childPointer } from '../../src/json/pointer.js';
import type { Finding } from '../../src/model/finding.js';
import { sameLevels, type RuleDefinition } from '../../src/model/rule.js';
import { fixedSinceBase } from '../../src/git/fixed-findings.js';
import { onlyNewFindings } from '../../src/git/only-new-findings.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';
import type { Json } from '../diff/diff-fixture.js';

/** Test rules, so the scenario does not depend on the catalog's rules as they evolve. */
const rules: RuleDefinition[] = [
  {
    id: 'TEST-OP-DESCRIPTION',
    file: 'swagger',
    title: 'Describe every operation',
    description: 'test rule',
    levels: sameLevels('warning'),
    check(context) {
      for (const operation of context.swagger?.operations ?? []) {
        if (typeof operation.operation.description !== 'string') {
          context.report({
            message: `Operation '${operation.operationId}' has no description.`,
            pointer: childPointer(operation.pointer, 'operationId'),
          });
        }
      }
    },
  },
  {
    id: 'TEST-README-TODO',
    file: 'readme',
    title: 'No TODO in the readme',
    description: 'test rule',
    levels: sameLevels('warning'),
    check(context) {
      const text = context.connector.files.readme?.document?.text ?? '';
      text.split('\n').forEach((line, index) => {
        if (line.includes('TODO')) context.report({ message: 'The readme has a TODO.', line: index + 1 });
      });
    },
  },
];

/** A connector with one debt per test rule: GetTask has no description, the readme has a TODO. */
function connectorWithDebts(title: string): Json {
  const files = validConnectorFiles() as Json;
  const swagger = validSwagger();
  swagger.info.title = title;
  delete swagger.paths['/tasks/{taskId}'].get.description;
  files['apiDefinition.swagger.json'] = swagger;
  files['readme.md'] = `# ${title}\n\nTODO: write the prerequisites.\n`;
  return files;
}

function summary(findings: readonly Finding[]): string[] {
  return findings
    .map((finding) => `${finding.connector.split('/').pop()} ${finding.ruleId} ${finding.baseline}`)
    .sort();
}

describe('validateAgainstBase on a real pull-request history', () => {
  it('reports only the changed connectors and only their new findings', async () => {
    const repo = createRepository('dev');
    const alpha = 'certified-connectors/Alpha';
    const beta = 'certified-connectors/Beta';
    const gamma = 'independent-publisher-connectors/Gamma';
    repo.write({
      ...connectorFiles(alpha, connectorWithDebts('Alpha')),
      ...connectorFiles(beta, connectorWithDebts('Beta')),
      'README.md': '# Connectors\n',
    });
    repo.commitAll('dev: two connectors');

    // The pull request: several commits on Alpha and a brand-new Gamma.
    repo.git('checkout', '--quiet', '-b', 'pr');
    const alphaSwagger = connectorWithDebts('Alpha')['apiDefinition.swagger.json'];
    alphaSwagger.paths['/tasks/{taskId}'].delete = {
      summary: 'Delete a task',
      operationId: 'DeleteTask',
      responses: { '204': { description: 'Deleted.' } },
    };
    repo.write({ [`${alpha}/apiDefinition.swagger.json`]: alphaSwagger });
    repo.commitAll('pr: add DeleteTask (without a description)');
    delete alphaSwagger.definitions.Task.properties.status;
    repo.write({
      [`${alpha}/apiDefinition.swagger.json`]: alphaSwagger,
      // Lines inserted above the existing TODO: it moves from line 3 to line 5 and stays "existing".
      [`${alpha}/readme.md`]: '# Alpha\n\nIntro.\n\nTODO: write the prerequisites.\n',
    });
    repo.commitAll('pr: drop the status output, reword the readme');
    repo.write(connectorFiles(gamma, connectorWithDebts('Gamma')));
    repo.commitAll('pr: new connector Gamma');
    const gammaSwagger = connectorWithDebts('Gamma')['apiDefinition.swagger.json'];
    delete gammaSwagger.paths['/tasks'].post;
    repo.write({ [`${gamma}/apiDefinition.swagger.json`]: gammaSwagger });
    repo.commitAll('pr: Gamma drops CreateTask before its first release');

    // Meanwhile dev changes Beta (a new debt), and the pull request merges dev.
    repo.git('checkout', '--quiet', 'dev');
    const betaSwagger = connectorWithDebts('Beta')['apiDefinition.swagger.json'];
    delete betaSwagger.paths['/tasks'].get.description;
    delete betaSwagger.paths['/tasks'].get.parameters;
    repo.write({ [`${beta}/apiDefinition.swagger.json`]: betaSwagger });
    repo.commitAll('dev: Beta loses a description and a parameter');
    repo.git('checkout', '--quiet', 'pr');
    repo.git('merge', '--quiet', '--no-ff', '--no-edit', 'dev');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules });

    expect(result.diffs.map((diff) => [diff.repositoryPath, diff.status])).toEqual([
      [alpha, 'changed'],
      [beta, 'unchanged'],
      [gamma, 'added'],
    ]);
    expect(summary(result.findings)).toEqual([
      'Alpha BRK-OUTPUT-DELETED new',
      'Alpha BRK-OUTPUT-DELETED new',
      'Alpha BRK-OUTPUT-DELETED new',
      'Alpha TEST-OP-DESCRIPTION existing',
      'Alpha TEST-OP-DESCRIPTION new',
      'Alpha TEST-README-TODO existing',
      'Beta TEST-OP-DESCRIPTION existing',
      'Beta TEST-OP-DESCRIPTION existing',
      'Beta TEST-README-TODO existing',
      'Gamma TEST-OP-DESCRIPTION new',
      'Gamma TEST-README-TODO new',
    ]);
    const newDescription = result.findings.find(
      (finding) => finding.ruleId === 'TEST-OP-DESCRIPTION' && finding.baseline === 'new',
    );
    expect(newDescription!.message).toMatch(/DeleteTask/);

    // A deleted output is located in the current file, where it left its place: 'status' was the last
    // field of the last definition, so the end of 'title' before it, the line whose comma went (not
    // the key after `definitions`, below the lines the pull request changed).
    const deleted = result.findings.find((finding) => finding.ruleId === 'BRK-OUTPUT-DELETED')!;
    expect(deleted).toMatchObject({
      file: `${alpha}/apiDefinition.swagger.json`,
      pointer: '/definitions/Task/properties/title',
      severity: 'error',
    });
    expect(deleted.message).toMatch(/ValuePath: operation\/\w+\/responses\/20[01]\/schema\/(items\/)?status/);
    expect(deleted.message).toMatch(
      /In the base version: [0-9a-f]{12}:certified-connectors\/Alpha\/apiDefinition\.swagger\.json:\d+:\d+/,
    );

    const alphaDiff = result.diffs[0]!.diff!;
    expect(alphaDiff.classification).toBe('breaking');
    expect(alphaDiff.changes.some((change) => change.ruleId === 'CHG-OP-ADDED')).toBe(true);
    expect(result.diffs[2]!.diff).toBeUndefined();
    // Each BRK-* change with the finding it is reported as, the very object among the findings (the
    // job summary lists the two once): the three deleted outputs each with its own ValuePath.
    const reportedAs = result.diffs[0]!.reportedAs!;
    const reported = alphaDiff.changes.filter((change) => change.ruleId.startsWith('BRK-'));
    expect(reported).toHaveLength(3);
    expect(reportedAs.size).toBe(3);
    for (const change of reported) {
      expect(result.findings).toContain(reportedAs.get(change));
      expect(reportedAs.get(change)!.message).toContain(
        `ValuePath: ${change.valuePath} (In the base version`,
      );
    }

    const onlyNew = onlyNewFindings(result);
    expect(summary(onlyNew.findings)).toEqual([
      'Alpha BRK-OUTPUT-DELETED new',
      'Alpha BRK-OUTPUT-DELETED new',
      'Alpha BRK-OUTPUT-DELETED new',
      'Alpha TEST-OP-DESCRIPTION new',
      'Gamma TEST-OP-DESCRIPTION new',
      'Gamma TEST-README-TODO new',
    ]);
    expect(onlyNew.counts).toEqual({ error: 3, warning: 3, info: 0 });
    for (const change of reported) expect(onlyNew.findings).toContain(reportedAs.get(change));
  });

  it('compares a folder the branch renamed with its old self, not as a new connector', async () => {
    const repo = createRepository('dev');
    repo.write(connectorFiles('certified-connectors/JIRA', connectorWithDebts('Jira')));
    repo.commitAll('dev');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.git('mv', 'certified-connectors/JIRA', 'certified-connectors/Jira');
    repo.write({
      'certified-connectors/Jira/readme.md': '# Jira\n\nTODO: write the prerequisites.\nTODO: more.\n',
    });
    repo.commitAll('pr: rename the folder, one more TODO');

    for (const includeWorkingTree of [true, false]) {
      const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules, includeWorkingTree });
      expect(
        result.diffs.map(({ repositoryPath, status, renamedFrom }) => [repositoryPath, status, renamedFrom]),
      ).toEqual([['certified-connectors/Jira', 'changed', 'certified-connectors/JIRA']]);
      expect(summary(result.findings)).toEqual([
        'Jira TEST-OP-DESCRIPTION existing',
        'Jira TEST-README-TODO existing',
        'Jira TEST-README-TODO new',
      ]);
    }
  });

  it('does not count a folder left with only ignored files as a second connector of the change', async () => {
    const onePerPullRequest = ALL_RULES.find((rule) => rule.id === 'REPO-ONE-PER-PR')!;
    const repo = createRepository('dev');
    repo.write({
      ...connectorFiles('certified-connectors/VirusTotal', connectorWithDebts('VirusTotal')),
      '.gitignore': 'certified-connectors/**/settings.json\n',
    });
    repo.commitAll('dev');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.git('mv', 'certified-connectors/VirusTotal', 'certified-connectors/Virus Total');
    // A settings.json the author keeps locally, ignored by git, stays behind in the old folder.
    repo.write({ 'certified-connectors/VirusTotal/settings.json': '{}' });
    repo.commitAll('pr: rename');

    const result = await validateAgainstBase(['certified-connectors'], 'dev', {
      cwd: repo.dir,
      rules: [...rules, onePerPullRequest],
    });
    expect(result.findings.filter((finding) => finding.ruleId === 'REPO-ONE-PER-PR')).toEqual([]);
    expect(result.diffs.map((diff) => diff.repositoryPath)).toContain('certified-connectors/Virus Total');
  });

  // A pull request holds what git knows: a scratch folder beside the connector, never added (notes, a
  // copy to try an edit on), is no second connector of it. Once added, it is one.
  it('does not count an untracked folder as a second connector of the change, but a staged one', async () => {
    const onePerPullRequest = ALL_RULES.find((rule) => rule.id === 'REPO-ONE-PER-PR')!;
    const repo = createRepository('dev');
    repo.write(connectorFiles('certified-connectors/Jira', connectorWithDebts('Jira')));
    repo.commitAll('dev');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.write({ 'certified-connectors/Jira/readme.md': '# Jira\n\nUpdated actions.\n' });
    repo.commitAll('pr');
    repo.write(connectorFiles('certified-connectors/Jira scratch', connectorWithDebts('Jira scratch')));
    const onePerPr = async () =>
      (
        await validateAgainstBase(['certified-connectors'], 'dev', {
          cwd: repo.dir,
          rules: [...rules, onePerPullRequest],
        })
      ).findings
        .filter((finding) => finding.ruleId === 'REPO-ONE-PER-PR')
        .map((finding) => finding.connector.split('/').pop());
    expect(await onePerPr()).toEqual([]);

    repo.git('add', 'certified-connectors/Jira scratch');
    expect(await onePerPr()).toEqual(['Jira', 'Jira scratch']);
  });

  // Upstream #3500, merged: an independent-publisher connector updated, and a proposal (a folder with
  // a readme alone, REPO-REQUIRED-FILES) added beside it. A proposal is no connector to count.
  it('does not count a proposal as a second connector of the change, but a second connector still', async () => {
    const onePerPullRequest = ALL_RULES.find((rule) => rule.id === 'REPO-ONE-PER-PR')!;
    const repo = createRepository('dev');
    const fca = 'independent-publisher-connectors/FCA UK';
    repo.write(connectorFiles(fca, connectorWithDebts('FCA UK')));
    repo.commitAll('dev');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.write({
      [`${fca}/readme.md`]: '# FCA UK\n\nUpdated actions.\n',
      'independent-publisher-connectors/Proposal - SEC USA/README.md': '# SEC USA\n\nA connector to build.\n',
    });
    repo.commitAll('pr');
    const check = () =>
      validateAgainstBase(['independent-publisher-connectors'], 'dev', {
        cwd: repo.dir,
        rules: [...rules, onePerPullRequest],
      });
    const onePerPr = (findings: readonly Finding[]) =>
      findings.filter((finding) => finding.ruleId === 'REPO-ONE-PER-PR').map((finding) => finding.message);
    expect(onePerPr((await check()).findings)).toEqual([]);

    repo.write(connectorFiles('independent-publisher-connectors/SEC USA', connectorWithDebts('SEC USA')));
    repo.commitAll('pr: a second connector');
    expect(onePerPr((await check()).findings)).toEqual([
      expect.stringContaining('this change also touches "independent-publisher-connectors/SEC USA".'),
      expect.stringContaining(`this change also touches "${fca}".`),
    ]);
  });

  // REPO-REQUIRED-FILES and the count of connectors tell a proposal alike: a folder that must have a
  // swagger is a connector of the change, and one that need not is not.
  it('counts a folder as a connector of the change exactly when REPO-REQUIRED-FILES takes it for one', async () => {
    const checked = ALL_RULES.filter(
      (rule) => rule.id === 'REPO-ONE-PER-PR' || rule.id === 'REPO-REQUIRED-FILES',
    );
    const repo = createRepository('dev');
    const fca = 'independent-publisher-connectors/FCA UK';
    const proposal = 'independent-publisher-connectors/Proposal - SEC USA';
    repo.write(connectorFiles(fca, connectorWithDebts('FCA UK')));
    repo.commitAll('dev');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.write({
      [`${fca}/readme.md`]: '# FCA UK\n\nUpdated actions.\n',
      [`${proposal}/README.md`]: '# SEC USA\n\nA connector to build.\n',
    });
    repo.commitAll('pr');
    const check = async (profile?: 'certified') => {
      const { findings } = await validateAgainstBase(['independent-publisher-connectors'], 'dev', {
        cwd: repo.dir,
        rules: checked,
        ...(profile ? { profile } : {}),
      });
      const of = (ruleId: string) =>
        findings
          .filter((finding) => finding.ruleId === ruleId)
          .map((finding) => finding.connector.split('/').pop());
      return { requiredFiles: of('REPO-REQUIRED-FILES'), onePerPr: of('REPO-ONE-PER-PR') };
    };
    expect(await check()).toEqual({ requiredFiles: [], onePerPr: [] });
    // With the certified rules forced, the readme alone is a connector missing its files.
    expect(await check('certified')).toEqual({
      requiredFiles: ['Proposal - SEC USA', 'Proposal - SEC USA'],
      onePerPr: ['FCA UK', 'Proposal - SEC USA'],
    });

    // A folder named README.md is no readme: the folder is a connector with none of its files.
    repo.git('rm', '--quiet', `${proposal}/README.md`);
    repo.write({ [`${proposal}/README.md/notes.md`]: '# SEC USA\n' });
    repo.commitAll('pr: the readme in a folder');
    expect(await check()).toEqual({
      requiredFiles: ['Proposal - SEC USA', 'Proposal - SEC USA'],
      onePerPr: ['FCA UK', 'Proposal - SEC USA'],
    });
  });

  it('counts uncommitted edits of the work tree as the branch changes', async () => {
    const repo = createRepository('dev');
    const alpha = 'certified-connectors/Alpha';
    repo.write(connectorFiles(alpha, connectorWithDebts('Alpha')));
    repo.commitAll('dev');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.write({ [`${alpha}/readme.md`]: '# Alpha\n\nTODO: one.\nTODO: two.\n' });

    const result = await validateAgainstBase([alpha], 'dev', { cwd: repo.dir, rules });
    expect(result.diffs[0]!.status).toBe('changed');
    expect(result.diffs[0]!.diff!.classification).toBe('minor-update');
    expect(summary(result.findings)).toEqual([
      'Alpha TEST-OP-DESCRIPTION existing',
      'Alpha TEST-README-TODO existing',
      'Alpha TEST-README-TODO new',
    ]);

    const committedOnly = await validateAgainstBase([alpha], 'dev', {
      cwd: repo.dir,
      rules,
      includeWorkingTree: false,
    });
    expect(committedOnly.diffs[0]!.status).toBe('unchanged');
  });

  // The size is in the note, not the message the base is matched on: an edit anywhere in the file
  // changed it, and the finding was new (and the base's fixed) on every pull request of a large
  // connector, or of a large script.
  it('keeps a size or count finding existing when an edit changes the figure', async () => {
    const sizeRules = ALL_RULES.filter((rule) =>
      ['SWG-SIZE', 'CSX-SIZE', 'SWG-SCHEMA-COUNT'].includes(rule.id),
    );
    const folder = 'custom-connectors/Large';
    const swagger = validSwagger();
    swagger.info['x-notes'] = 'x'.repeat(600_000);
    // D0 has two properties of D1, D1 two of D2, …: 2^16 schemas once expanded.
    for (let i = 0; i < 16; i++) {
      swagger.definitions[`D${i}`] = {
        type: 'object',
        properties: { a: { $ref: `#/definitions/D${i + 1}` }, b: { $ref: `#/definitions/D${i + 1}` } },
      };
    }
    swagger.definitions.D16 = { type: 'string' };
    swagger.paths['/tasks'].get.responses['200'].schema = { $ref: '#/definitions/D0' };
    const script = (comment: string) => `public class Script : ScriptBase\n{\n    // ${comment}\n}\n`;
    const repo = createRepository('dev');
    repo.write({
      ...connectorFiles(folder, {
        ...(validConnectorFiles() as Json),
        'apiDefinition.swagger.json': swagger,
      }),
      [`${folder}/script.csx`]: script('y'.repeat(1_100_000)),
    });
    repo.commitAll('dev');
    repo.git('checkout', '--quiet', '-b', 'pr');
    swagger.info.description = `${swagger.info.description as string} Now longer.`;
    swagger.definitions.D15.properties.c = { type: 'string' };
    repo.write({
      [`${folder}/apiDefinition.swagger.json`]: swagger,
      [`${folder}/script.csx`]: script('y'.repeat(1_100_100)),
    });
    repo.commitAll('pr: a longer description and script');
    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: sizeRules });
    expect(result.findings.map(({ ruleId, baseline, message }) => [ruleId, baseline, message])).toEqual([
      ['SWG-SIZE', 'existing', expect.stringMatching(/ It has 6\d\d,\d{3} characters\.$/)],
      ['SWG-SCHEMA-COUNT', 'existing', expect.stringMatching(/ It has 163,840 after expanding \$refs\.$/)],
      ['CSX-SIZE', 'existing', expect.stringMatching(/ It is 1100145 bytes\.$/)],
    ]);
    expect(fixedSinceBase(result.diffs)).toEqual([]);
  });
});
