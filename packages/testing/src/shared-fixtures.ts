import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe } from '@jest/globals';
import { REPO_ROOT } from './run-action.js';

/** Real solution exports and their unpacked twins, kept beside the project in ../shared (see SOURCES.md). */
export const SOLUTION_FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures/solutions');

/** `describe`, or `describe.skip` with a message saying why, so a fresh clone without ../shared passes. */
export function describeWith(folder: string, what: string): typeof describe {
  if (existsSync(folder)) return describe;
  console.warn(`Skipping the ${what} tests: ${folder} is absent (it sits beside the project in ../shared).`);
  return describe.skip as typeof describe;
}
