import { describe, expect, it } from '@jest/globals';
import { readRepositoryIndex } from '../../src/repository/read-repository-index.js';
import { RepositoryIndex } from '../../src/repository/repository-index.js';
import { CORPUS_DIR, corpusAvailable } from '../helpers/fixture.js';

describe('RepositoryIndex', () => {
  const index = new RepositoryIndex([
    { repositoryPath: 'certified-connectors/JIRA', title: 'JIRA', host: 'yourhost.yourdomain.com' },
    { repositoryPath: 'certified-connectors/Blackbaud', title: 'Blackbaud', host: 'api.sky.blackbaud.com' },
    {
      repositoryPath: 'certified-connectors/Blackbaud Gifts',
      title: 'Blackbaud Gifts',
      host: 'API.sky.blackbaud.com:443',
    },
  ]);

  it('finds other folders by title (trimmed, any case) and by host (any case, no port)', () => {
    expect(index.withTitle(' jira ', 'x').map((c) => c.repositoryPath)).toEqual([
      'certified-connectors/JIRA',
    ]);
    expect(
      index.withHost('api.sky.blackbaud.com', 'certified-connectors/Blackbaud').map((c) => c.repositoryPath),
    ).toEqual(['certified-connectors/Blackbaud Gifts']);
  });

  it('finds icons within the similarity distance, and none for a nearly flat icon', () => {
    const icons = new RepositoryIndex([
      { repositoryPath: 'a', iconHash: '00ff00ff00ff00ff' },
      { repositoryPath: 'b', iconHash: '00ff00ff00ff00fe' },
      { repositoryPath: 'flat', iconHash: '0000000000000001' },
    ]);
    expect(icons.withSimilarIcon('00ff00ff00ff00ff', 'a')).toEqual([
      { connector: icons.connectors[1], distance: 1 },
    ]);
    expect(icons.withSimilarIcon('0000000000000000', 'x')).toEqual([]);
    expect(icons.withSimilarIcon('0000000000000011', 'x')).toEqual([]);
  });

  it('never returns the folder asked about, nor matches on a placeholder host', () => {
    expect(index.withTitle('JIRA', 'certified-connectors/JIRA')).toEqual([]);
    expect(index.withHost('yourhost.yourdomain.com', 'x')).toEqual([]);
  });
});

if (!corpusAvailable) console.warn(`Skipping the repository index of the corpus: ${CORPUS_DIR} is absent.`);
const describeCorpus = corpusAvailable ? describe : describe.skip;

describeCorpus('readRepositoryIndex on the corpus', () => {
  // Its speed is measured by the repository-index benchmark (npm run bench), not asserted here.
  it('indexes every connector folder and finds the one title clash of merged connectors', async () => {
    const index = await readRepositoryIndex(CORPUS_DIR, new Set(['connector-titles', 'connector-hosts']));
    expect(index.connectors.length).toBeGreaterThan(300);
    expect(
      index.withTitle('Jira', 'independent-publisher-connectors/Atlassian Jira').map((c) => c.repositoryPath),
    ).toEqual(['certified-connectors/JIRA']);
    // Not strict JSON, yet its title is read (the tolerant parser's fallback).
    expect(
      index.connectors.find((c) => c.repositoryPath === 'independent-publisher-connectors/GIPHY')?.title,
    ).toBe('GIPHY');
  });

  it('hashes only icons when asked', async () => {
    const index = await readRepositoryIndex(CORPUS_DIR, new Set(['connector-icons']));
    expect(index.connectors.filter((c) => c.iconHash).length).toBe(4);
    expect(index.connectors.every((c) => c.title === undefined)).toBe(true);
  });
});
