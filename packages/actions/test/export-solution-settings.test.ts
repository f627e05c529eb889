import { describe, expect, it } from '@jest/globals';
import { runActionBundle } from '@connector-alm/testing';
import { buildSolutionZip } from '@connector-alm/dataverse/testing';
import { localDataverse } from './helpers/local-dataverse.js';

// The export-* inputs of powerplatform-actions, each the Export* setting of ExportSolution it sets. An
// input read under another name, or mapped onto the wrong setting, exported without the setting asked
// for, and without a word: the local server records the settings each export carried.
const SETTING_OF_INPUT: Record<string, string> = {
  'export-auto-numbering-settings': 'ExportAutoNumberingSettings',
  'export-calendar-settings': 'ExportCalendarSettings',
  'export-customization-settings': 'ExportCustomizationSettings',
  'export-email-tracking-settings': 'ExportEmailTrackingSettings',
  'export-external-applications-settings': 'ExportExternalApplications',
  'export-general-settings': 'ExportGeneralSettings',
  'export-isv-config': 'ExportIsvConfig',
  'export-marketing-settings': 'ExportMarketingSettings',
  'export-outlook-synchronization-settings': 'ExportOutlookSynchronizationSettings',
  'export-relationship-roles': 'ExportRelationshipRoles',
  'export-sales': 'ExportSales',
};

const local = localDataverse({
  name: 'export-settings',
  secret: 'export-settings-secret',
  subject: 'repo:contoso/connectors:ref:refs/heads/main',
  solutions: [buildSolutionZip({ uniqueName: 'ContosoConnectors', version: '1.2.0.7' })],
  // The export job is done at its first status read: the settings are this file's subject, the wait
  // for a job export-solution.test.ts's. The default 3 reads cost each of the 11 runs 3 s of sleep.
  asyncPolls: 1,
});

describe('export-solution settings inputs, run as the runner runs them', () => {
  it.each(Object.entries(SETTING_OF_INPUT))(
    '%s: true sends %s to Dataverse, and every other setting false',
    async (input, setting) => {
      const run = await runActionBundle('export-solution', {
        workspace: local.workspace,
        inputs: {
          ...local.secretSignIn(),
          'solution-name': 'ContosoConnectors',
          'solution-output-file': 'out/ContosoConnectors.zip',
          [input]: 'true',
        },
      });
      expect(run.annotations).toEqual([]);
      expect(run.exitCode).toBe(0);
      const sent = local.server.dataverse.exports.at(-1)!.settings;
      expect(Object.keys(sent).sort()).toEqual(Object.values(SETTING_OF_INPUT).sort());
      expect(Object.entries(sent).filter(([, value]) => value)).toEqual([[setting, true]]);
    },
  );
});
