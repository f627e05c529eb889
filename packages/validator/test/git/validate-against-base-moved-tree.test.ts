import { describe, expect, it } from '@jest/globals';
import { validConnectorFiles, validReadme } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';

const FROM = 'independent-publisher-connectors/Contoso';
const TO = 'certified-connectors/Contoso';

/**
 * A connector committed on dev at FROM, its readme without `section`, moved to TO on a pull-request
 * branch; validated against dev.
 */
async function movedToCertified(profile?: 'certified', section = DEPLOYMENT) {
  const repo = createRepository('dev');
  const files = validConnectorFiles();
  files['readme.md'] = validReadme().replace(section, '');
  repo.write(connectorFiles(FROM, files));
  repo.commitAll('dev: the connector, by an independent publisher');
  repo.git('checkout', '--quiet', '-b', 'pr');
  repo.git('mv', 'independent-publisher-connectors', 'certified-connectors');
  repo.commitAll('pr: certified by its owner');
  return validateAgainstBase(['.'], 'dev', { cwd: repo.dir, concurrency: 'off', profile });
}

// The independent-publisher readme template has Deployment Instructions as optional; the certified
// one requires them. Both require Prerequisites.
const DEPLOYMENT = /## Deployment Instructions\n.*\n/;
const PREREQUISITES = /## Prerequisites\n.*\n\n/;

const sectionFinding = (name: string) => (finding: { ruleId: string; message: string }) =>
  finding.ruleId.startsWith('README-SECTIONS-') && finding.message.includes(name);
const deploymentSection = sectionFinding('Deployment Instructions');

// Judged by the rules of its new place, the base had the move's findings, which were then "existing"
// ("already in the base: fix it or ask the reviewers"), and --only-new hid them.
describe('validateAgainstBase with a connector moved to another tree', () => {
  it('judges the base by the rules of the place it was: the new place asks for more, and that is new', async () => {
    const result = await movedToCertified();
    expect(result.diffs.map(({ renamedFrom }) => renamedFrom)).toEqual([FROM]);
    expect(result.findings.filter(deploymentSection)).toEqual([
      expect.objectContaining({ ruleId: 'README-SECTIONS-CERT', file: `${TO}/readme.md`, baseline: 'new' }),
    ]);
  });

  // README-SECTIONS-IP at the base and README-SECTIONS-CERT now say the same of the same readme: the
  // move made one problem both "fixed" and "new".
  it('keeps a section both templates require, still missing, as existing and not fixed', async () => {
    const result = await movedToCertified(undefined, PREREQUISITES);
    const prerequisites = sectionFinding('Prerequisites');
    expect(result.findings.filter(prerequisites)).toEqual([
      expect.objectContaining({ ruleId: 'README-SECTIONS-CERT', baseline: 'existing' }),
    ]);
    expect((result.diffs[0]!.fixed ?? []).filter(prerequisites)).toEqual([]);
  });

  it('judges the base by the profile given, when one is', async () => {
    const result = await movedToCertified('certified');
    expect(result.findings.filter(deploymentSection)).toEqual([
      expect.objectContaining({ baseline: 'existing' }),
    ]);
  });
});
