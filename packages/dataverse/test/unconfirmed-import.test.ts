import { describe, expect, it } from '@jest/globals';
import { inputWords } from '@connector-alm/core';
import { meansAbsent, nextStep, type UnconfirmedImport } from '../src/web-api/unconfirmed-import.js';

const unconfirmed = (overrides: Partial<UnconfirmedImport> = {}): UnconfirmedImport => ({
  solutionName: 'Contoso',
  environment: new URL('https://contoso.crm.dynamics.com'),
  importJobId: '3f1c5b9e-7d0a-4a6e-9b1c-2d3e4f506172',
  happened: 'HTTP 504',
  resent: false,
  asynchronous: false,
  ...overrides,
});

describe('what an import job read proves', () => {
  it("only Dataverse's own Does Not Exist proves the import job absent", () => {
    expect(meansAbsent(404, '0x80040217')).toBe(true);
    // A proxy's or a wrong path's 404 carries no Dataverse code: it proves nothing.
    expect(meansAbsent(404, undefined)).toBe(false);
    expect(meansAbsent(404, '0x80060888')).toBe(false);
    expect(meansAbsent(503, '0x80040217')).toBe(false);
  });
});

describe('the step after an import request whose answer was lost', () => {
  it('attaches to an import job that exists, even after a resend', () => {
    for (const resent of [false, true])
      expect(nextStep(unconfirmed({ resent }), { seen: 'exists' })).toEqual({
        step: 'attach',
        log: 'The answer to the import request was lost (HTTP 504), but import job 3f1c5b9e-7d0a-4a6e-9b1c-2d3e4f506172 exists: the import started, and this run waits for it.',
      });
  });

  it('sends a synchronous import once more when its import job is absent, and not a third time', () => {
    expect(nextStep(unconfirmed(), { seen: 'absent' })).toMatchObject({ step: 'resend' });
    expect(nextStep(unconfirmed({ resent: true }), { seen: 'absent' })).toEqual({
      step: 'not-started',
      message:
        "Import of solution 'Contoso' did not start: the request was sent twice, and import job 3f1c5b9e-7d0a-4a6e-9b1c-2d3e4f506172 does not exist; the last time: HTTP 504.",
      hint: 'Nothing was imported: it is safe to run the command again once https://contoso.crm.dynamics.com answers.',
    });
  });

  it("says what is safe to run again in an action's words", () => {
    expect(nextStep(unconfirmed({ resent: true }), { seen: 'absent' }, inputWords)).toMatchObject({
      hint: 'Nothing was imported: it is safe to run the job again once https://contoso.crm.dynamics.com answers.',
    });
  });

  it('knows nothing from an absent import job of an asynchronous import: its system job may still be queued', () => {
    for (const resent of [false, true])
      expect(nextStep(unconfirmed({ asynchronous: true, resent }), { seen: 'absent' })).toEqual({
        step: 'unknown',
        log: 'Import job 3f1c5b9e-7d0a-4a6e-9b1c-2d3e4f506172 does not exist 30 s after the answer was lost, which proves nothing for an asynchronous import: its system job may still be queued, and makes the import job only when it starts.',
      });
  });

  it('knows nothing when the import job cannot be read, and says why in the log', () => {
    expect(nextStep(unconfirmed(), { seen: 'unreadable', reason: 'HTTP 403' })).toEqual({
      step: 'unknown',
      log: 'Import job 3f1c5b9e-7d0a-4a6e-9b1c-2d3e4f506172 could not be read to find out whether the import started: HTTP 403',
    });
  });
});
