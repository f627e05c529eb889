import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { CHANGE_RULES } from '../../src/diff/change-rules.js';
import type { ConnectorVersion } from '../../src/diff/connector-version.js';
import { MAX_COMPARED } from '../../src/diff/repeat-check.js';
import { reportedChanges } from '../../src/diff/reported-changes.js';
import { SchemaChangeIndex } from '../../src/diff/schema-change-index.js';
import type { SchemaChange } from '../../src/diff/schema-change.js';
import { expandEntries, type RawEntry, type SchemaReport } from '../../src/diff/schema-report.js';
import { excerpt, MAX_NAME_LENGTH } from '../../src/text/message-values.js';

// Dedupe looks a report's breaking change up in the lists of the earlier reports that may repeat it
// (report-overlap.ts, earlier-changes.ts). Those were every earlier report at or above its ValuePath
// that shared a place, each looked into for each change: quadratic in the reports of one operation
// whose ValuePaths nest or are cut alike. Counted here by lookups, not timed.

const FIELDS = 5;
const REPORTS = 200;

function version(): ConnectorVersion {
  const properties: Record<string, object> = {};
  for (let index = 0; index < FIELDS; index++) properties[`p${index}`] = { type: 'string' };
  const swagger = { swagger: '2.0', definitions: { D: { type: 'object', properties } } };
  return { swagger: JsonDocument.parse(JSON.stringify(swagger, null, 2)), swaggerPath: 'api.json' };
}

/**
 * The list of parameter `index`, an array whose description is edited and whose items are D, its
 * fields made required: the parameter's own change and D's, `path` below the parameter's ValuePath.
 */
function parameterList(index: number, path: string[] = ['items']): SchemaChange[] {
  return [
    {
      rule: CHANGE_RULES.textEdited,
      side: 'new',
      pointer: `/paths/~1op/get/parameters/${index}`,
      path: [],
      impact: 'major',
    },
    ...Array.from({ length: FIELDS }, (_, field) => ({
      rule: CHANGE_RULES.requiredFieldAdded,
      side: 'new' as const,
      pointer: `/definitions/D/required/${field}`,
      path: [...path, `p${field}`],
    })),
  ];
}

const report = (schemaChanges: SchemaChange[], valuePath: string): SchemaReport => ({
  schemaChanges,
  operationId: 'Get',
  valuePath: `operation/Get/parameter/${valuePath}`,
});

/** reportedChanges, with the number of times a list was looked into for a change like another. */
function counted(entries: readonly RawEntry[]) {
  const find = jest.spyOn(SchemaChangeIndex.prototype, 'find');
  const before = version();
  const after = version();
  const changes = reportedChanges(entries, before, after);
  const lookups = find.mock.calls.length;
  find.mockRestore();
  return { changes, lookups, expected: reportedChanges([...expandEntries(entries)], before, after) };
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('dedupe of overlapping schema reports', () => {
  it('does not look into the reports above one whose lists hold nothing at its ValuePath', () => {
    // Parameters named 'x', 'x/x', 'x/x/x', …: each ValuePath begins the next, but no list above
    // holds a path under 'x': no change of one can be another's (each was looked up in every list above).
    const entries = Array.from({ length: REPORTS }, (_, index) =>
      report(
        parameterList(index),
        Array(index + 1)
          .fill('x')
          .join('/'),
      ),
    );
    const { changes, lookups, expected } = counted(entries);
    expect(changes).toEqual(expected);
    expect(changes.filter((change) => change.breaking)).toHaveLength(REPORTS * FIELDS);
    expect(lookups).toBe(0);
  });

  it('looks for a change repeated by reports at one ValuePath until the first that repeats it', () => {
    // Parameters whose names are one after the cut: one ValuePath, each change repeated by the first
    // parameter's (each was looked up in every earlier list).
    const name = (index: number) => excerpt(`${'n'.repeat(MAX_NAME_LENGTH)}${index}`, MAX_NAME_LENGTH);
    const entries = Array.from({ length: REPORTS }, (_, index) => report(parameterList(index), name(index)));
    const { changes, lookups, expected } = counted(entries);
    expect(changes).toEqual(expected);
    expect(changes.filter((change) => change.breaking)).toHaveLength(FIELDS);
    expect(lookups).toBe((REPORTS - 1) * FIELDS);
  });

  it('keeps the messages of a group of changes that do not repeat each other, past a few compared', () => {
    // Parameters named alike up to the cut, whose lists tell one field with another message each
    // (as counts of ValuePaths not listed do): each change was built and compared with every earlier one.
    const name = (index: number) => excerpt(`${'n'.repeat(MAX_NAME_LENGTH)}${index}`, MAX_NAME_LENGTH);
    const told = (index: number): SchemaChange[] => [
      { ...parameterList(index)[1]!, detail: `Told ${index % 150} ways.` },
    ];
    const entries = Array.from({ length: REPORTS * 2 }, (_, index) => report(told(index), name(index)));
    const { changes, lookups, expected } = counted(entries);
    expect(changes).toEqual(expected);
    // 150 messages, each twice: the second of each dropped.
    expect(changes.filter((change) => change.breaking)).toHaveLength(150);
    // One lookup a change, and those of the first few compared before the group kept its messages
    // (each was looked up in the lists of all earlier ones: 27,550).
    expect(lookups).toBeLessThan(REPORTS * 2 + MAX_COMPARED ** 2);
  });

  it('still finds the change of a report above that a report below repeats', () => {
    // 'x' lists D's fields at 'x/items/pN'; a parameter named 'x/items' reaches D directly.
    const entries = [report(parameterList(0), 'x'), report(parameterList(1, []), 'x/items')];
    const { changes, expected } = counted(entries);
    expect(changes).toEqual(expected);
    expect(changes.filter((change) => change.breaking)).toHaveLength(FIELDS);
  });
});
