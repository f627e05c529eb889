import { describe, expect, it } from '@jest/globals';
import { JsonDocument } from '../../src/json/json-document.js';
import { CHANGE_RULES } from '../../src/diff/change-rules.js';
import type { ConnectorVersion } from '../../src/diff/connector-diff.js';
import type { RawChange } from '../../src/diff/raw-change.js';
import { reportedChanges } from '../../src/diff/reported-changes.js';
import type { SchemaChange } from '../../src/diff/schema-diff.js';
import { expandEntries, type RawEntry, type SchemaReport } from '../../src/diff/schema-report.js';

const FIELDS = 600;

function version(): ConnectorVersion {
  const properties: Record<string, object> = {};
  for (let index = 0; index < FIELDS; index++) properties[`p${index}`] = { type: 'string' };
  const swagger = { swagger: '2.0', definitions: { D: { type: 'object', properties } } };
  return { swagger: JsonDocument.parse(JSON.stringify(swagger, null, 2)), swaggerPath: 'api.json' };
}

/** A required field added at property `index` of D, reached by `path` under the report's ValuePath. */
function field(
  index: number,
  path: string[] = [`p${index}`],
  extra: Partial<SchemaChange> = {},
): SchemaChange {
  return {
    rule: CHANGE_RULES.requiredFieldAdded,
    side: 'new',
    pointer: `/definitions/D/properties/p${index}`,
    path,
    ...extra,
  };
}

const report = (
  schemaChanges: SchemaChange[],
  operationId: string | undefined,
  valuePath: string,
): SchemaReport => ({ schemaChanges, operationId, valuePath });

/** The changes as dedupe and the cap see them when every report is written out first. */
function expanded(entries: readonly RawEntry[]): RawChange[] {
  return [...expandEntries(entries)];
}

describe('the changes of schema reports', () => {
  it('are those of the reports written out: repeats dropped, the rest counted, in report order', () => {
    const shared = [
      ...Array.from({ length: FIELDS }, (_, index) => field(index)),
      field(7, ['p7', 'again'], { unlisted: 3 }),
      {
        rule: CHANGE_RULES.textEdited,
        side: 'new' as const,
        pointer: '/definitions/D',
        path: [],
        impact: 'minor' as const,
      },
    ];
    // The same fields reached from the parameter rather than its schema: the same ValuePaths.
    const fromParameter = Array.from({ length: 10 }, (_, index) => field(index, ['schema', `p${index}`]));
    const twice = [field(1), field(1), field(2)];
    const entries: RawEntry[] = [];
    for (let operation = 0; operation < 5; operation++)
      entries.push(report(shared, `Op${operation}`, `operation/Op${operation}/parameter/body/schema`));
    entries.push(
      // The same report again; the same fields through the parameter; a change one repeats.
      report(shared, 'Op0', 'operation/Op0/parameter/body/schema'),
      report(fromParameter, 'Op1', 'operation/Op1/parameter/body'),
      {
        rule: CHANGE_RULES.requiredFieldAdded,
        file: 'swagger',
        side: 'new',
        pointer: '/definitions/D/properties/p5',
        operationId: 'Op2',
        valuePath: 'operation/Op2/parameter/body/schema/p5',
      },
      // A list that repeats a change within itself, and operations with no operationId or an empty one.
      report(twice, 'Op9', 'operation/Op9/x'),
      report(twice, undefined, 'operation/GET x'),
      report(twice, '', 'operation/GET x'),
    );
    const before = version();
    const after = version();
    const changes = reportedChanges(entries, before, after);
    expect(changes).toEqual(reportedChanges(expanded(entries), before, after));
    // 5 x 601 of the shared list, 2 of Op9's `twice` and 2 of the one without an operationId ('' is none):
    // 3,009, of which 1,000 are listed.
    expect(changes.filter((change) => change.ruleId === 'BRK-REQ-FIELD-ADDED').at(-1)!.message).toMatch(
      /^2,009 more changes of this rule are not listed/,
    );
    expect(changes.filter((change) => change.ruleId === 'CHG-TEXT-EDITED')).toHaveLength(1);
  });
});
