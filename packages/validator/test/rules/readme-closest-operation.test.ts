import { describe, expect, it } from '@jest/globals';
import { closestOperationName, type OperationCandidate } from '../../src/rules/readme/closest-operation.js';
import { normalizeTitle } from '../../src/text/normalize-title.js';
import { levenshteinDistance } from '@connector-alm/core';
import { randomText, withEdits } from '@connector-alm/testing';
import { seededPick } from '../helpers/seeded-random.js';

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

/**
 * The rules of closestOperationName as its comment states them, with every name's full edit distance:
 * no length or letter bound, no table cut short. The closest name that is close enough (at most one
 * edit per five characters of the longer name; the first of equals), then no other operation's name
 * within the margin (twice its edits, and three more).
 */
function closestByFullDistance(
  heading: string,
  operations: readonly OperationCandidate[],
): string | undefined {
  if (heading.length < 4) return undefined;
  let best: OperationCandidate | undefined;
  let bestDistance = Infinity;
  for (const candidate of operations) {
    for (const name of candidate.names) {
      const edits = levenshteinDistance(heading, name.normalized);
      const closeEnough = edits <= Math.floor(Math.max(heading.length, name.normalized.length) / 5);
      if (closeEnough && edits < bestDistance) {
        best = candidate;
        bestDistance = edits;
      }
    }
  }
  if (!best || best.hasHeading) return undefined;
  const margin = Math.max(2 * bestDistance, bestDistance + 3);
  const rival = operations.some(
    (candidate) =>
      candidate !== best &&
      candidate.names.some((name) => levenshteinDistance(heading, name.normalized) < margin),
  );
  return rival ? undefined : best.shownAs;
}

describe('the operation a stale readme heading means, next to a search by full edit distance', () => {
  it('is the same on seeded headings and operations, though most names are set aside by their length or letters', () => {
    const pick = seededPick(29);
    // A small alphabet, so that names share letters and lengths, as the names of one connector do.
    const letters = 'abcdeos12';
    const word = () => randomText(2 + pick(6), letters, pick);
    const name = () => Array.from({ length: 1 + pick(4) }, word).join('');
    let suggested = 0;
    const differing: string[] = [];
    for (let round = 0; round < 5000; round++) {
      const operations: OperationCandidate[] = Array.from({ length: 1 + pick(12) }, () => {
        const names = [name(), name()].slice(0, 1 + pick(2));
        return {
          names: names.map((written) => ({ written, normalized: written })),
          shownAs: names[0]!,
          hasHeading: pick(6) === 0,
        };
      });
      const meant = operations[pick(operations.length)]!.names[0]!.normalized;
      const heading = pick(5) === 0 ? name() : withEdits(meant, pick(5), letters, pick);
      const expected = closestByFullDistance(heading, operations);
      if (expected !== undefined) suggested++;
      const found = closestOperationName(heading, operations);
      if (found !== expected) differing.push(`round ${round}: ${heading} -> ${found}, not ${expected}`);
    }
    expect(differing).toEqual([]);
    // Suggestions and refusals both, or this proves little.
    expect(suggested).toBeGreaterThan(1000);
    expect(suggested).toBeLessThan(4500);
  });
});
