import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Real solution exports shared by the team; tests using them skip, saying so, when they are absent. */
export const SOLUTION_FIXTURES = path.resolve(process.cwd(), '../shared/fixtures/solutions');

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
