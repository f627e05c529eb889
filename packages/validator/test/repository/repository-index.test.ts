import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { loadConnectorFolder } from '../../src/loader/connector-folder.js';
import { readRepositoryIndex, swaggerFileName } from '../../src/repository/read-repository-index.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';
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

// Of two case twins the loader reads the canonical name (session 34); the index took the first
// listed, ApiDefinition.swagger.json, and so read a title and a host from a file validation did not.
describe('readRepositoryIndex of a folder with case twins', () => {
  it('reads the swagger the loader reads', async () => {
    const topLevel = temporaryFolder('index-twins-');
    const folder = path.join(topLevel, 'certified-connectors', 'Contoso');
    mkdirSync(folder, { recursive: true });
    const swaggerOf = (title: string, host: string) =>
      JSON.stringify({ ...validSwagger(), info: { title }, host });
    writeFileSync(
      path.join(folder, 'ApiDefinition.swagger.json'),
      swaggerOf('Contoso Old', 'old.contoso.com'),
    );
    writeFileSync(
      path.join(folder, 'apiDefinition.swagger.json'),
      swaggerOf('Contoso Tasks', 'api.contoso.com'),
    );
    writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties()));

    const loaded = await loadConnectorFolder(folder);
    expect(loaded.files.swagger?.name).toBe('apiDefinition.swagger.json');
    const index = await readRepositoryIndex(topLevel, new Set(['connector-titles']));
    expect(index.connectors).toEqual([
      { repositoryPath: 'certified-connectors/Contoso', title: 'Contoso Tasks', host: 'api.contoso.com' },
    ]);
  });

  it('chooses as the loader does, whatever the order of the names', () => {
    expect(swaggerFileName(['apiDefinition.swagger.json', 'ApiDefinition.swagger.json'])).toBe(
      'apiDefinition.swagger.json',
    );
    // An exact name wins over a misnamed X.swagger.json, listed before it or after.
    expect(swaggerFileName(['Contoso.swagger.json', 'APIDEFINITION.SWAGGER.JSON'])).toBe(
      'APIDEFINITION.SWAGGER.JSON',
    );
    expect(swaggerFileName(['readme.md'])).toBeUndefined();
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
