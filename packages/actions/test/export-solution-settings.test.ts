import { afterEach, describe, expect, it } from '@jest/globals';
import { temporaryFolder } from '@connector-alm/testing';
import { readExportSolutionInputs } from '../src/export-solution/inputs.js';

// The export-* inputs of powerplatform-actions, each the Export* flag of ExportSolution it sets. No
// test set one: an input read under another name, or mapped onto the wrong flag, exported without the
// setting asked for, and without a word.
const FLAG_OF_INPUT: Record<string, string> = {
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

/** The environment variable the runner passes input `name` in (as @actions/core reads it). */
const inputVariable = (name: string) => `INPUT_${name.toUpperCase()}`;

const REQUIRED: Record<string, string> = {
  'environment-url': 'https://contoso.crm.dynamics.com',
  'app-id': '00000000-0000-0000-0000-000000000001',
  'tenant-id': '00000000-0000-0000-0000-000000000002',
  'client-secret': 'unused',
  'solution-name': 'ContosoConnectors',
  'solution-output-file': 'out/ContosoConnectors.zip',
};

const set: string[] = [];
function setInputs(inputs: Record<string, string>): void {
  process.env.GITHUB_WORKSPACE = temporaryFolder('export-settings-');
  set.push('GITHUB_WORKSPACE');
  for (const [name, value] of Object.entries(inputs)) {
    process.env[inputVariable(name)] = value;
    set.push(inputVariable(name));
  }
}
afterEach(() => {
  for (const variable of set.splice(0)) delete process.env[variable];
});

describe('export-solution settings inputs', () => {
  it.each(Object.entries(FLAG_OF_INPUT))('%s: true sets %s of the export, and no other', (input, flag) => {
    const others = Object.fromEntries(Object.keys(FLAG_OF_INPUT).map((name) => [name, 'false']));
    setInputs({ ...REQUIRED, ...others, [input]: 'true' });
    const settings = readExportSolutionInputs().settings;
    expect(Object.entries(settings).filter(([, value]) => value)).toEqual([[flag, true]]);
    expect(Object.keys(settings).sort()).toEqual(Object.values(FLAG_OF_INPUT).sort());
  });
});
