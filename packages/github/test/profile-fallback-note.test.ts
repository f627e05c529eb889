import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG } from '@connector-alm/validator';
import { copyConnector } from './helpers/scenario.js';
import { scenarioForEachTest } from './helpers/scenario-hooks.js';
import { submitConnector } from './helpers/submit-connector.js';

const scenario = scenarioForEachTest();

// The walkthrough's paconn folder outside the layout went to custom-connectors/, checked with the
// relaxed rules, without the note validate gives the same folder.
describe('a connector folder outside the layout, with no profile chosen', () => {
  it("gets validate's note on the relaxed custom rules, before anything is pushed", async () => {
    copyConnector(scenario.workspace, 'paconn/airmeet');
    const { promise, logger } = submitConnector(scenario, { connector: 'paconn/airmeet' });
    const result = await promise;
    const note =
      'paconn/airmeet was checked with the relaxed custom rules, being outside certified-connectors/ and independent-publisher-connectors/. To check it as a submission, set "profile: certified" (or independent-publisher) in .connector-alm.yml, which also sends it to certified-connectors/ (or independent-publisher-connectors/); to keep the custom rules without this note, set "profile: custom" in .connector-alm.yml.';
    expect(result).toMatchObject({ targetFolder: 'custom-connectors/airmeet', operation: 'created' });
    expect(result.warnings).toEqual([note]);
    const warned = logger.lines.indexOf(`warning: ${note}`);
    expect(warned).toBeGreaterThan(-1);
    expect(warned).toBeLessThan(
      logger.lines.findIndex((line) => line.startsWith('## Find or create the fork')),
    );
  });

  it('gets no note when the configuration chooses the profile, nor inside the layout', async () => {
    copyConnector(scenario.workspace, 'paconn/airmeet');
    const chosen = await submitConnector(scenario, {
      connector: 'paconn/airmeet',
      config: { ...DEFAULT_CONFIG, profile: 'certified' },
    }).promise;
    expect(chosen).toMatchObject({ targetFolder: 'certified-connectors/airmeet', warnings: [] });
    expect((await submitConnector(scenario).promise).warnings).toEqual([]);
  });
});
