import type { ImportSolutionOptions } from '../../src/index.js';

/** Import options as the import-solution action's defaults give them, with the test's overrides. */
export const importOptions = (
  file: string,
  overrides: Partial<ImportSolutionOptions> = {},
): ImportSolutionOptions => ({
  file,
  asynchronous: 'auto',
  maxAsyncWaitMs: 60 * 60_000,
  overwriteUnmanagedCustomizations: false,
  publishWorkflows: true,
  convertToManaged: false,
  skipDependencyCheck: false,
  holdingSolution: false,
  stageAndUpgrade: false,
  skipLowerVersion: false,
  publishChanges: false,
  ...overrides,
});
