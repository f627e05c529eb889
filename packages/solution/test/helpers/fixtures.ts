import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from '@jest/globals';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Real exports and their unpacked twins, kept beside the project in ../shared (see SOURCES.md). */
export const SOLUTION_FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures/solutions');
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

/** `describe`, or `describe.skip` with a message saying why, so a fresh clone without ../shared passes. */
export function describeWith(folder: string, what: string): typeof describe {
  if (existsSync(folder)) return describe;
  console.warn(`Skipping the ${what} tests: ${folder} is absent (it sits beside the project in ../shared).`);
  return describe.skip as typeof describe;
}
