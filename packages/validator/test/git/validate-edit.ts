import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import type { Json } from '../diff/diff-fixture.js';
import { connectorFiles, createRepository } from './repository-fixture.js';

const FOLDER = 'certified-connectors/Contoso';
const SWAGGER = 'apiDefinition.swagger.json';

/**
 * `validate --base dev`, every rule on, on a pull request that makes `edit` on the swagger of the
 * valid connector (after `base`, made on dev): every finding, the new ones, and the changes.
 */
export async function validateEdit(edit: (swagger: Json) => void, base: (swagger: Json) => void = () => {}) {
  const repo = createRepository('dev');
  const files = validConnectorFiles() as Json;
  base(files[SWAGGER]);
  repo.write(connectorFiles(FOLDER, files));
  repo.commitAll('dev: the connector');
  repo.git('checkout', '--quiet', '-b', 'pr');
  edit(files[SWAGGER]);
  repo.write(connectorFiles(FOLDER, files));
  repo.commitAll('pr: the edit');
  const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, concurrency: 1 });
  return {
    all: result.findings,
    findings: result.findings.filter((finding) => finding.baseline === 'new'),
    changes: result.diffs.flatMap((diff) => diff.diff?.changes ?? []),
  };
}
