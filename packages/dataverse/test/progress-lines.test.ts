import { expect, it } from '@jest/globals';
import { createMemoryLogger } from '@connector-alm/core';
import { progressLines } from '../src/operations/follow-import-job.js';

// The import job is read every few seconds, and its progress often stays where it was: each
// percentage is logged once, and a read that reports none (a job just created) logs nothing.
it('logs each percentage of the import job once, and nothing for a read without progress', () => {
  const logger = createMemoryLogger();
  const progress = progressLines(logger);
  for (const percent of [undefined, 10, 10, 40, undefined, 40, 100]) progress(percent);
  expect(logger.lines).toEqual(['Import: 10%', 'Import: 40%', 'Import: 100%']);
});
