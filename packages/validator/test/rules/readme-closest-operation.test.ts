import { describe, expect, it } from '@jest/globals';
import { closestOperationName, type OperationCandidate } from '../../src/rules/readme/closest-operation.js';
import { normalizeTitle } from '../../src/text/normalize-title.js';

/** An operation by its summary and operationId, listed under a heading of its own or not. */
function operation(summary: string, operationId: string, hasHeading = false): OperationCandidate {
  return {
    names: [summary, operationId].map((written) => ({ written, normalized: normalizeTitle(written) })),
    shownAs: summary,
    hasHeading,
  };
}

const closest = (heading: string, operations: OperationCandidate[]) =>
  closestOperationName(normalizeTitle(heading), operations);

describe('the operation a stale readme heading means', () => {
  it('is the one a few edits away, by its summary or its operationId', () => {
    // Zoho ZeptoMail, Notion, Exact Online Time & Billing (summary and operationId as close: the
    // summary, which users see).
    const mail = [operation('Send mail', 'SendMail'), operation('Send template mail', 'SendTemplateMail')];
    expect(closest('Send email', mail)).toBe('Send mail');
    expect(closest('Send template email', mail)).toBe('Send template mail');
    expect(closest('Retrieve a user', [operation('Retrieve User', 'Retrieveuser')])).toBe('Retrieve User');
    expect(
      closest('TimeAndBillingEntryAccounts', [
        operation('Get time and billing entry accounts', 'GetTimeAndBillingEntryAccounts'),
        operation('Get time and billing entry accounts by date', 'GetTimeAndBillingEntryAccountsByDate'),
      ]),
    ).toBe('Get time and billing entry accounts');
    // Azure Communication Services Chat: the operationId is closer than the summary, and the
    // summary is what makers see the operation by.
    expect(
      closest('Add Participant', [
        operation('Add chat thread participants', 'AddParticipants'),
        operation('List chat thread participants', 'ListParticipants'),
      ]),
    ).toBe('Add chat thread participants');
  });
  it('is at most one edit per five characters away', () => {
    // "getatsk" is one edit from "getatask" (8 characters); "getonetask" three from it (10).
    expect(closest('Get a tsk', [operation('Get a task', 'GetTask')])).toBe('Get a task');
    expect(closest('Get one task', [operation('Get a task', 'GetTask')])).toBeUndefined();
    // Morta: close as characters, another operation as words.
    expect(
      closest('Create a New Document', [
        operation('Create New Comment', 'CreateComment'),
        operation('Create new document table', 'CreateTable'),
        operation('Create a New Process Section', 'CreateProcessSection'),
      ]),
    ).toBeUndefined();
    // Too short for any edit.
    expect(closest('Me', [operation('Get me', 'GetMe')])).toBeUndefined();
  });
  it('is none when another operation is nearly as close', () => {
    // Exact Online Time & Billing's "ProjectRestrictionRebillings": its Get and its Update (Put).
    const rebillings = [
      operation('Get project restriction rebillings', 'GetProjectRestrictionRebillings'),
      operation('Update project restriction rebillings', 'PutProjectRestrictionRebillings'),
    ];
    expect(closest('ProjectRestrictionRebillings', rebillings)).toBeUndefined();
    // One edit to "Get a task", two to "Set a task": twice as far, but not three edits more.
    const tasks = [operation('Get a task', 'GetTask'), operation('Set a task', 'SetTask')];
    expect(closest('Gett a task', tasks)).toBeUndefined();
    expect(closest('Gett a task', [tasks[0]!, operation('Delete a task', 'DeleteTask')])).toBe('Get a task');
  });
  it('is none when the closest operation has its own heading', () => {
    const tasks = [operation('Get a task', 'GetTask', true), operation('Delete a task', 'DeleteTask')];
    expect(closest('Gett a task', tasks)).toBeUndefined();
    // An operation without summary or operationId has no name to suggest.
    expect(closest('Gett a task', [{ names: [], shownAs: '', hasHeading: false }])).toBeUndefined();
  });
});
