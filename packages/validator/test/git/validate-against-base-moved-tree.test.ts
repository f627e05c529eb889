import { describe, expect, it } from '@jest/globals';
import { validConnectorFiles, validReadme } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';

const FROM = 'independent-publisher-connectors/Contoso';
const TO = 'certified-connectors/Contoso';

/** A connector committed on dev at FROM, moved to TO on a pull-request branch; validated against dev. */
async function movedToCertified(profile?: 'certified') {
  const repo = createRepository('dev');
  const files = validConnectorFiles();
  // The independent-publisher readme template has no Publisher section; the certified one asks for it.
  files['readme.md'] = validReadme().replace('## Publisher: Contoso Ltd\n\n', '');
  repo.write(connectorFiles(FROM, files));
  repo.commitAll('dev: the connector, by an independent publisher');
  repo.git('checkout', '--quiet', '-b', 'pr');
  repo.git('mv', 'independent-publisher-connectors', 'certified-connectors');
  repo.commitAll('pr: certified by its owner');
  return validateAgainstBase(['.'], 'dev', { cwd: repo.dir, concurrency: 'off', profile });
}

const publisherSection = (finding: { ruleId: string; message: string }) =>
  finding.ruleId === 'README-SECTIONS-CERT' && finding.message.includes('Publisher');

// Judged by the rules of its new place, the base had the move's findings, which were then "existing"
// ("already in the base: fix it or ask the reviewers"), and --only-new hid them.
describe('validateAgainstBase with a connector moved to another tree', () => {
  it('judges the base by the rules of the place it was: the new place asks for more, and that is new', async () => {
    const result = await movedToCertified();
    expect(result.diffs.map(({ renamedFrom }) => renamedFrom)).toEqual([FROM]);
    expect(result.findings.filter(publisherSection)).toEqual([
      expect.objectContaining({ file: `${TO}/readme.md`, baseline: 'new' }),
    ]);
  });

  it('judges the base by the profile given, when one is', async () => {
    const result = await movedToCertified('certified');
    expect(result.findings.filter(publisherSection)).toEqual([
      expect.objectContaining({ baseline: 'existing' }),
    ]);
  });
});
