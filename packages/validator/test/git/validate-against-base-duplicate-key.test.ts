import { describe, expect, it } from '@jest/globals';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { generalRules } from '../../src/rules/general.js';
import { fingerprints } from '../../src/reporters/fingerprint.js';
import type { Finding } from '../../src/model/finding.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';

const duplicateKeyRule = generalRules.filter((rule) => rule.id === 'GEN-JSON-DUPLICATE-KEY');

/** The swagger as written, with the operation's summary written twice: the second one is kept. */
function swaggerRepeatingSummary(swagger: Record<string, any>): string {
  const text = JSON.stringify(swagger, null, 2);
  const operationId = '"operationId": "ListTasks",';
  if (!text.includes(operationId)) throw new Error('The test swagger has no ListTasks operation.');
  return text.replace(operationId, `${operationId}\n        "summary": "List all tasks",`);
}

describe('validate --base: a repeated key', () => {
  it('stays existing when lines are added above it, though its message names the kept line', async () => {
    const folder = 'certified-connectors/Contoso';
    const repo = createRepository('dev');
    repo.write(
      connectorFiles(folder, {
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': swaggerRepeatingSummary(validSwagger()),
      }),
    );
    repo.commitAll('dev: an operation with two summaries');
    const atBase = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: duplicateKeyRule });
    repo.git('checkout', '--quiet', '-b', 'pr');
    // Four lines more in info, above the operation.
    const edited = validSwagger();
    edited.info['x-ms-keywords'] = ['tasks', 'planning'];
    repo.write(
      connectorFiles(folder, {
        ...validConnectorFiles(),
        'apiDefinition.swagger.json': swaggerRepeatingSummary(edited),
      }),
    );
    repo.commitAll('pr: keywords');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: duplicateKeyRule });

    const [before] = atBase.findings;
    const [after] = result.findings;
    expect(result.findings).toHaveLength(1);
    expect(after).toMatchObject({
      ruleId: 'GEN-JSON-DUPLICATE-KEY',
      line: before!.line + 4,
      related: [{ line: before!.related![0]!.line + 4, column: before!.related![0]!.column }],
      baseline: 'existing',
    });
    // The message users read still names the kept key's line, as it is now.
    const message = (line: number) =>
      `The key 'summary' appears again at line ${line} of this object; JSON readers keep only the last value, so this one is ignored. Remove one of them.`;
    expect(before!.message).toBe(message(before!.related![0]!.line));
    expect(after!.message).toBe(message(before!.related![0]!.line + 4));
    // And code scanning keeps its alert: the fingerprint does not move with the line.
    const printOf = (finding: Finding) => fingerprints([finding], (file) => file)[0];
    expect(printOf(after!)).toBe(printOf(before!));
  });
});
