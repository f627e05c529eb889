import { describe, expect, it } from '@jest/globals';
import { asyncOutcome, asyncStatus } from '../src/web-api/async-operation.js';
import type { AsyncOperationRecord } from '../src/web-api/types.js';

// A system job (asyncoperation) as the Web API answers it: statecode 0 Ready, 1 Suspended, 2 Locked,
// 3 Completed; statuscode as Microsoft's asyncoperation entity reference lists them.
const job = (statecode: number, statuscode: number, messages: Partial<AsyncOperationRecord> = {}) => ({
  asyncoperationid: '5f1c2a3e-0000-4000-8000-00000000000a',
  statecode,
  statuscode,
  message: null,
  friendlymessage: null,
  completedon: null,
  ...messages,
});

describe("a system job's status", () => {
  it.each([
    [0, 0, 'waiting for resources'],
    [1, 10, 'waiting'],
    [2, 20, 'in progress'],
    [2, 21, 'pausing'],
    [2, 22, 'canceling'],
    [0, 99, 'status 99'],
  ])('statecode %i, statuscode %i: not done, %s', (statecode, statuscode, status) => {
    expect(asyncStatus(job(statecode, statuscode))).toBe(status);
    expect(asyncOutcome(job(statecode, statuscode))).toEqual({ done: false, status });
  });

  it('completed as succeeded (30)', () => {
    expect(asyncOutcome(job(3, 30))).toEqual({ done: true, succeeded: true });
  });

  it.each([
    [31, 'the system job ended as failed'],
    [32, 'the system job ended as canceled'],
    [77, 'the system job ended as status 77'],
  ])('completed as %i without a message: failed, its status said', (statuscode, reason) => {
    expect(asyncOutcome(job(3, statuscode))).toEqual({ done: true, succeeded: false, reason });
  });

  it("completed as failed: the friendly message first, then the message, as Dataverse's reason", () => {
    expect(
      asyncOutcome(job(3, 31, { message: 'Technical detail.', friendlymessage: 'Said for people.' })),
    ).toEqual({
      done: true,
      succeeded: false,
      reason: 'Said for people.',
    });
    expect(asyncOutcome(job(3, 31, { message: 'Technical detail.', friendlymessage: '' }))).toMatchObject({
      reason: 'Technical detail.',
    });
  });
});
