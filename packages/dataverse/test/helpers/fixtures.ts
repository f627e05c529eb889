import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SOLUTION_FIXTURES } from '@connector-alm/testing';

/** A real solution export shared by the team; undefined, saying so, when it is absent (the test skips). */
export function solutionFixture(relative: string): Uint8Array | undefined {
  const file = path.join(SOLUTION_FIXTURES, relative);
  if (!existsSync(file)) {
    console.warn(`skipping: fixture ${file} is absent`);
    return undefined;
  }
  return new Uint8Array(readFileSync(file));
}

export function solutionFixturePath(relative: string): string | undefined {
  const file = path.join(SOLUTION_FIXTURES, relative);
  return existsSync(file) ? file : undefined;
}
