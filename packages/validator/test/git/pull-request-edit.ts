import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';
import type { Json } from '../diff/diff-fixture.js';
import { connectorFiles, createRepository } from './repository-fixture.js';

/**
 * A pull request that edits one connector, as `validate --base dev` sees it: `base` committed at
 * `folder` on dev, then the files as `edit` leaves them committed on a pull-request branch. No rule
 * runs but the comparison, so the findings are the changes. Returns the result and the edited files,
 * whose lines the tests place findings on (see `lineOf`).
 */
export async function validateEditAgainstDev(
  folder: string,
  edit: (files: Json) => void,
  base: Json = validConnectorFiles(),
) {
  const repo = createRepository('dev');
  repo.write(connectorFiles(folder, base));
  repo.commitAll('dev: the connector');
  repo.git('checkout', '--quiet', '-b', 'pr');
  const files = structuredClone(base);
  edit(files);
  repo.write(connectorFiles(folder, files));
  repo.commitAll('pr: the edit');
  const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: [] });
  return { result, files };
}

/**
 * `validate --base dev`, every rule on, on a pull request that commits `head` at `folder` over `base`,
 * committed there on dev; `dir`, the repository's.
 */
export async function validateFilesAgainstDev(folder: string, base: Json, head: Json) {
  const repo = createRepository('dev');
  repo.write(connectorFiles(folder, base));
  repo.commitAll('dev: the connector');
  repo.git('checkout', '--quiet', '-b', 'pr');
  repo.write(connectorFiles(folder, head));
  repo.commitAll('pr: the edit');
  return { result: await validateAgainstBase(['.'], 'dev', { cwd: repo.dir }), dir: repo.dir };
}

/**
 * The line (1-based) of the first `needle` at or after the first `after` in the JSON as the
 * repository holds it (written pretty, two spaces a level).
 */
export function lineOf(value: Json, needle: string, after = ''): number {
  const text = JSON.stringify(value, null, 2);
  const at = text.indexOf(needle, text.indexOf(after));
  return text.slice(0, at).split('\n').length;
}
