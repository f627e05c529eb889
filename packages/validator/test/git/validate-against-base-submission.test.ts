import { describe, expect, it } from '@jest/globals';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { validConnectorFiles, validSwagger } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';
import type { Json } from '../diff/diff-fixture.js';

// `validate --base` took every repository for a PowerPlatformConnectors submission: a company's
// repository, whose pull request check never asks for one connector per pull request, was told on a
// laptop to split a change of two connectors. The clone's remotes, else its layout, now decide.

const onePerPullRequest = ALL_RULES.filter((rule) => rule.id === 'REPO-ONE-PER-PR');

function connector(title: string): Json {
  const files = validConnectorFiles() as Json;
  const swagger = validSwagger();
  swagger.info.title = title;
  files['apiDefinition.swagger.json'] = swagger;
  return files;
}

/**
 * A repository with two connectors under `top`, and a branch that changes both; `remote` is added
 * as origin when given. Returns the folders REPO-ONE-PER-PR is reported on.
 */
async function onePerPrOfChangeToTwo(top: string, remote?: string): Promise<string[]> {
  const repo = createRepository('main');
  repo.write({ ...connectorFiles(`${top}/Contoso Tasks`, connector('Contoso Tasks')) });
  repo.write({ ...connectorFiles(`${top}/Contoso Notes`, connector('Contoso Notes')) });
  repo.commitAll('main');
  if (remote) repo.git('remote', 'add', 'origin', remote);
  repo.git('checkout', '--quiet', '-b', 'feature');
  for (const name of ['Contoso Tasks', 'Contoso Notes'])
    repo.write({ [`${top}/${name}/readme.md`]: `# ${name}\n\nUpdated.\n` });
  repo.commitAll('feature');
  const result = await validateAgainstBase([top], 'main', { cwd: repo.dir, rules: onePerPullRequest });
  return result.findings.map((finding) => finding.connector).sort();
}

describe('REPO-ONE-PER-PR with validate --base, without a pull request', () => {
  it("is not checked in a clone of a company's own repository, in the layout or not", async () => {
    expect(await onePerPrOfChangeToTwo('connectors', 'https://github.com/contoso/connectors.git')).toEqual(
      [],
    );
    expect(await onePerPrOfChangeToTwo('custom-connectors', 'git@github.com:contoso/connectors.git')).toEqual(
      [],
    );
    // No remote and no layout: nothing says it is a submission.
    expect(await onePerPrOfChangeToTwo('connectors')).toEqual([]);
  });

  it('is checked in a clone of a PowerPlatformConnectors fork, or with no remote in the layout', async () => {
    const both = ['Contoso Notes', 'Contoso Tasks'];
    expect(
      await onePerPrOfChangeToTwo(
        'independent-publisher-connectors',
        'git@github.com:contoso/PowerPlatformConnectors.git',
      ),
    ).toEqual(both.map((name) => `independent-publisher-connectors/${name}`));
    expect(await onePerPrOfChangeToTwo('certified-connectors')).toEqual(
      both.map((name) => `certified-connectors/${name}`),
    );
  });
});
