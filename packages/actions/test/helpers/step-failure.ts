import { expect } from '@jest/globals';
import type { ActionRun } from '@connector-alm/testing';

/** The step failed (exit code 1) with exactly these annotations, in this order. */
export function expectFailedWith(run: ActionRun, ...annotations: unknown[]): void {
  expect(run.exitCode).toBe(1);
  expect(run.annotations).toEqual(annotations);
}

/** An error annotation whose message contains `text`, wherever the annotation is shown. */
export function errorContaining(text: string): unknown {
  return expect.objectContaining({ level: 'error', message: expect.stringContaining(text) });
}
