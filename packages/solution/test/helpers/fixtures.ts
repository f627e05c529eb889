import path from 'node:path';
import { REPO_ROOT, SOLUTION_FIXTURES } from '@connector-alm/testing';
import type { BuildSolutionOptions } from '../../src/index.js';

export { describeWith, SOLUTION_FIXTURES } from '@connector-alm/testing';
/** PowerPlatformConnectors connector folders, also in ../shared. */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

export interface FixtureExport {
  /** Folder under SOLUTION_FIXTURES. */
  name: string;
  zip: string;
  /** The SolutionPackager twin, when the source repository had one. */
  twin?: string;
  connectors: string[];
  managed: '0' | '1';
}

export const FIXTURE_EXPORTS: FixtureExport[] = [
  {
    name: 'customHIL',
    zip: 'customHIL/customHIL_1_0_0_3.zip',
    twin: 'customHIL/unpacked',
    connectors: ['cat_human-2din-2dthe-2dloop'],
    managed: '0',
  },
  {
    name: 'AzureOpenAIServiceCustomConnector',
    zip: 'AzureOpenAIServiceCustomConnector/AzureOpenAIServiceCustomConnector_1_0_0_1_managed.zip',
    twin: 'AzureOpenAIServiceCustomConnector/unpacked/src',
    connectors: ['ppchal_azureopenaiservice'],
    managed: '1',
  },
  {
    name: 'InstagramBasicDisplay',
    zip: 'InstagramBasicDisplay/InstagramBasicDisplay.zip',
    connectors: ['cr715_5Finstagrampost'],
    managed: '0',
  },
  {
    name: 'CodeInterpreterControl',
    zip: 'CodeInterpreterControl/CodeInterpreterControlSolution.zip',
    connectors: [],
    managed: '1',
  },
  {
    name: 'ColumnLevelSecurity',
    zip: 'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution.zip',
    connectors: [],
    managed: '0',
  },
  {
    name: 'ColumnLevelSecurity (managed)',
    zip: 'ColumnLevelSecurity/ColumnLevelSecuritySampleSolution_managed.zip',
    connectors: [],
    managed: '1',
  },
];

export const NOT_A_SOLUTION = path.join(SOLUTION_FIXTURES, 'not-a-solution/PatternTry-Catch-Finally.zip');

export function fixturePath(relative: string): string {
  return path.join(SOLUTION_FIXTURES, relative);
}

/** A connector-only solution of Contoso's, as the extract tests build one from a connector folder. */
export const CONTOSO_BUILD: BuildSolutionOptions = {
  uniqueName: 'ContosoConnectors',
  version: '1.0.0.0',
  publisher: { uniqueName: 'Contoso', prefix: 'contoso' },
};
