import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { toRepositoryPath } from '../../src/git/repository-paths.js';

describe('toRepositoryPath', () => {
  const top = path.resolve('/work/repo');
  it.each([
    [top, '.'],
    [path.join(top, 'certified-connectors', 'Contoso'), 'certified-connectors/Contoso'],
    // A name that only starts with two dots is inside: it was taken for a step out of the repository.
    [path.join(top, '..config', '.connector-alm.yml'), '..config/.connector-alm.yml'],
    [path.resolve('/work/repo-other/x'), undefined],
    [path.resolve('/work'), undefined],
  ])('%s is %j', (absolute, expected) => {
    expect(toRepositoryPath(top, absolute)).toBe(expected);
  });
});
