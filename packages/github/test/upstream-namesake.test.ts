import { describe, expect, it } from '@jest/globals';
import { type OpenPullRequestOptions } from '../src/index.js';
import {
  CONNECTOR,
  connectorFiles,
  connectorFilesWithSwagger,
  contributorFork,
  mergeUpstream,
  writeConnector,
} from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

// extract-connectors names a folder after the connector's display name (`Airtable [DEPRECATED]`),
// where the upstream may keep the same connector as `Airtable`: the default target folder would then
// add a second copy of it, which reviewers reject.

const scenario = scenarioForEachTest();

const run = (overrides: Partial<OpenPullRequestOptions> = {}) => submitConnector(scenario, overrides);

const writes = () => scenario.github.requests.filter((request) => request.method !== 'GET');
const blobReads = () => scenario.github.requests.filter((request) => request.operationId === 'git/get-blob');

/** The upstream folder of the Contoso Tasks connector, named as the maker's folder is not. */
const UPSTREAM_FOLDER = 'certified-connectors/ContosoTasks';
/** A host that names a service (api.contoso.com is a placeholder, which says nothing of the connector). */
const REAL_HOST = 'api.contosotasks.io';

describe('a new folder for a connector the upstream has in another folder', () => {
  it('is refused before anything is written, naming the upstream folder', async () => {
    await mergeUpstream(scenario, connectorFiles(), UPSTREAM_FOLDER);
    const { promise, logger } = run();
    const result = await promise;
    expect(result).toMatchObject({
      operation: 'refused',
      refusal: 'namesake',
      targetFolder: CONNECTOR,
      upstreamFolder: UPSTREAM_FOLDER,
      reason: `microsoft/PowerPlatformConnectors@dev has this connector in ${UPSTREAM_FOLDER} (the same title "Contoso Tasks"), and ${CONNECTOR} would be a second copy: nothing was pushed, no pull request opened or updated`,
    });
    expect(result.number).toBeUndefined();
    expect(writes()).toEqual([]);
    expect(contributorFork(scenario)).toBeUndefined();
    expect(logger.lines).toContain(
      `## Look for Contoso Tasks in other folders of microsoft/PowerPlatformConnectors@dev`,
    );
  });

  it("finds it for a folder named after the extraction's display name, with its state in brackets", async () => {
    const extracted = 'certified-connectors/Contoso Tasks [DEPRECATED]';
    const files = connectorFilesWithSwagger((swagger) => {
      swagger.info.title = 'Contoso Tasks [DEPRECATED]';
      swagger.host = REAL_HOST;
    });
    await mergeUpstream(scenario, files, CONNECTOR);
    writeConnector(scenario.workspace, files, extracted);
    const result = await run({ connector: extracted }).promise;
    expect(result).toMatchObject({
      operation: 'refused',
      refusal: 'namesake',
      upstreamFolder: CONNECTOR,
      reason: expect.stringContaining(
        `in ${CONNECTOR} (the same title "Contoso Tasks [DEPRECATED]" and host ${REAL_HOST}), and ${extracted} would be a second copy`,
      ),
    });
    expect(writes()).toEqual([]);
  });

  it('finds it by its host alone, in another top folder', async () => {
    await mergeUpstream(
      scenario,
      connectorFilesWithSwagger((swagger) => {
        swagger.info.title = 'Contoso Work';
        swagger.host = REAL_HOST;
      }),
      'independent-publisher-connectors/Contoso Tasks (Independent Publisher)',
    );
    writeConnector(
      scenario.workspace,
      connectorFilesWithSwagger((swagger) => {
        swagger.host = REAL_HOST;
      }),
    );
    expect(await run().promise).toMatchObject({
      operation: 'refused',
      refusal: 'namesake',
      upstreamFolder: 'independent-publisher-connectors/Contoso Tasks (Independent Publisher)',
      reason: expect.stringContaining(`(the same host ${REAL_HOST})`),
    });
  });

  it('is found past an alike-named folder that is another connector, read first', async () => {
    // Both folders' names are like the connector's: the first read (in the target's top folder) calls
    // another service, so the next one must be read too.
    await mergeUpstream(
      scenario,
      connectorFilesWithSwagger((swagger) => {
        swagger.info.title = 'Contoso Task Board';
        swagger.host = 'api.taskboard.io';
      }),
      UPSTREAM_FOLDER,
    );
    const copy = 'independent-publisher-connectors/Contoso Tasks (Independent Publisher)';
    await mergeUpstream(
      scenario,
      connectorFilesWithSwagger((swagger) => {
        swagger.info.title = 'Contoso Work';
        swagger.host = REAL_HOST;
      }),
      copy,
    );
    writeConnector(
      scenario.workspace,
      connectorFilesWithSwagger((swagger) => {
        swagger.host = REAL_HOST;
      }),
    );
    expect(await run().promise).toMatchObject({
      operation: 'refused',
      refusal: 'namesake',
      upstreamFolder: copy,
    });
    expect(blobReads()).toHaveLength(2);
  });

  it('submits a connector whose alike-named upstream folder is another connector, reading only that swagger', async () => {
    // Another title, and a placeholder host: the same api.contoso.com tells nothing.
    await mergeUpstream(
      scenario,
      connectorFilesWithSwagger((swagger) => {
        swagger.info.title = 'Contoso Tasks Pro';
      }),
      'certified-connectors/Contoso-Tasks',
    );
    await mergeUpstream(scenario, connectorFiles(), 'certified-connectors/Northwind Orders');
    const before = scenario.github.requests.length;
    const result = await run().promise;
    expect(result).toMatchObject({ operation: 'created', number: 1 });
    const read = blobReads().filter((request) => scenario.github.requests.indexOf(request) >= before);
    expect(read).toHaveLength(1);
  });

  it('submits a connector titled as one in another top folder that calls a host of its own', async () => {
    // As upstream's independent-publisher "Jira" (flowyco.atlassian.net) and certified "JIRA"
    // (a placeholder host): two connectors of one title.
    await mergeUpstream(
      scenario,
      connectorFilesWithSwagger((swagger) => {
        swagger.host = REAL_HOST;
      }),
      'independent-publisher-connectors/Contoso Tasks',
    );
    expect(await run().promise).toMatchObject({ operation: 'created', targetFolder: CONNECTOR });
  });

  it('submits a connector titled as one in its own top folder when their real hosts differ', async () => {
    await mergeUpstream(
      scenario,
      connectorFilesWithSwagger((swagger) => {
        swagger.host = 'tasks.fabrikam.io';
      }),
      UPSTREAM_FOLDER,
    );
    writeConnector(
      scenario.workspace,
      connectorFilesWithSwagger((swagger) => {
        swagger.host = REAL_HOST;
      }),
    );
    expect(await run().promise).toMatchObject({ operation: 'created', targetFolder: CONNECTOR });
  });

  it('is submitted to the folder the maker gives, and the advice to update the upstream folder works', async () => {
    await mergeUpstream(scenario, connectorFiles(), UPSTREAM_FOLDER);
    // The upstream folder as the refusal advises: it equals the maker's connector.
    expect(await run({ targetFolder: UPSTREAM_FOLDER }).promise).toMatchObject({
      operation: 'none',
      targetFolder: UPSTREAM_FOLDER,
    });
    // The new folder, given: the maker chose a second connector.
    const given = await run({ targetFolder: CONNECTOR }).promise;
    expect(given).toMatchObject({ operation: 'created', targetFolder: CONNECTOR });
    expect(blobReads()).toEqual([]);
  });

  it('is not looked for when the upstream has the target folder, as for every update', async () => {
    await mergeUpstream(scenario, connectorFiles(), UPSTREAM_FOLDER);
    await mergeUpstream(scenario, connectorFiles(), CONNECTOR);
    writeConnector(
      scenario.workspace,
      connectorFiles('A description the maker changed, long enough for it.'),
    );
    const { promise, logger } = run();
    expect(await promise).toMatchObject({ operation: 'created' });
    expect(logger.lines.filter((line) => line.includes('in other folders'))).toEqual([]);
  });
});
