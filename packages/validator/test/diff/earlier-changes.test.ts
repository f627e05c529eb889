import { describe, expect, it } from '@jest/globals';
import type { ChangedFileKind } from '../../src/diff/change.js';
import { CHANGE_RULES } from '../../src/diff/change-rules.js';
import { EarlierChanges, type EarlierChange } from '../../src/diff/earlier-changes.js';
import type { RawChange } from '../../src/diff/raw-change.js';
import { reportOverlap } from '../../src/diff/report-overlap.js';
import { SchemaChangeIndex } from '../../src/diff/schema-change-index.js';
import type { SchemaReport } from '../../src/diff/schema-report.js';

// The earlier changes offered for a report's breaking change are those of its group: rule, place
// (side, file, pointer), operation and ValuePath. Dedupe builds each one offered and compares keys,
// so one of another group costs a build and never matches.

const POINTER = '/definitions/D/required/0';
const VALUE_PATH = 'operation/Get/parameter/body';

const report: SchemaReport = {
  schemaChanges: [{ rule: CHANGE_RULES.requiredFieldAdded, side: 'new', pointer: POINTER, path: [] }],
  operationId: 'Get',
  valuePath: VALUE_PATH,
};

/** A breaking change not in a report, of `file`, at the report's change's rule, place and ValuePath. */
function change(file: ChangedFileKind): RawChange {
  return {
    rule: CHANGE_RULES.requiredFieldAdded,
    file,
    side: 'new',
    pointer: POINTER,
    operationId: 'Get',
    valuePath: VALUE_PATH,
  };
}

/** The earlier changes offered for the report's change when `earlier` come before the report. */
function offered(earlier: RawChange[]): EarlierChange[] {
  const index = new SchemaChangeIndex();
  const earlierChanges = new EarlierChanges(reportOverlap([...earlier, report], index), index);
  expect(earlierChanges.mayRepeat(report)).toBe(true);
  return [...earlierChanges.ofReported(report, 0)];
}

describe('the earlier changes a reported change may repeat', () => {
  it("offers a swagger change of the report's rule, place and ValuePath", () => {
    const swagger = change('swagger');
    expect(offered([swagger])).toEqual([swagger]);
  });

  it('does not offer one of another file at the same pointer: its dedupe key cannot be the same', () => {
    const apiProperties = change('apiProperties');
    expect(offered([apiProperties])).toEqual([]);
    const swagger = change('swagger');
    expect(offered([apiProperties, swagger])).toEqual([swagger]);
  });
});
