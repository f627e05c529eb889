import { describe, expect, it } from '@jest/globals';
import { CHANGE_RULES } from '../../src/diff/change-rules.js';
import { ChangeSink } from '../../src/diff/change-sink.js';
import { diffSwaggers, type Json } from './diff-fixture.js';
import { dagSwagger } from '../helpers/reference-graph.js';

const at = (pointer: string, file: 'swagger' | 'apiProperties' = 'swagger') => ({
  rule: CHANGE_RULES.other,
  file,
  side: 'new' as const,
  pointer,
});

describe('ChangeSink.touches', () => {
  it('is true at a change and above it, not beside it nor below it, and per file', () => {
    const sink = new ChangeSink();
    sink.add(at('/definitions/Task/properties/id'));
    sink.add(at('/connectionParameters/api_key', 'apiProperties'));
    for (const pointer of ['/definitions/Task/properties/id', '/definitions/Task', '/definitions', ''])
      expect([pointer, sink.touches(pointer)]).toEqual([pointer, true]);
    for (const pointer of [
      '/definitions/Tas',
      '/definitions/TaskList',
      '/definitions/Task/properties/id/type',
    ])
      expect([pointer, sink.touches(pointer)]).toEqual([pointer, false]);
    expect(sink.touches('/connectionParameters')).toBe(false);
    expect(sink.touches('/connectionParameters', 'apiProperties')).toBe(true);
  });

  it('sees changes added after it was first asked, and empty segments as written', () => {
    const sink = new ChangeSink();
    expect(sink.touches('/definitions/A')).toBe(false);
    sink.add(at('/definitions/A//x'));
    expect(sink.touches('/definitions/A')).toBe(true);
    expect(sink.touches('/definitions/A/')).toBe(true);
    sink.add(at('no-slash'));
    expect(sink.touches('no-slash')).toBe(true);
    expect(sink.touches('')).toBe(true);
  });
});

describe('definitions no operation reaches', () => {
  it('lists each of 20,000 edited ones once (asking whether a change touched each scanned them all)', () => {
    const unused = (description: string): Json => {
      const swagger = dagSwagger(2);
      for (let index = 0; index < 20_000; index++)
        swagger.definitions[`U${index}`] = { type: 'object', description };
      return swagger;
    };
    const result = diffSwaggers(unused('d'), unused('edited'));
    // The diff lists 1,000 changes of a rule (change-cap.ts) and counts the other 19,000 in one more.
    expect(result.changes).toHaveLength(1_001);
    expect(new Set(result.changes.map((change) => change.pointer)).size).toBe(1_001);
    expect(result.changes[999]).toMatchObject({
      ruleId: 'CHG-OTHER',
      pointer: '/definitions/U999',
      message: "Other properties have been changed. The definitions entry 'U999' has been changed.",
    });
    expect(result.changes[1_000]).toMatchObject({
      ruleId: 'CHG-OTHER',
      pointer: '/definitions/U1000',
      message: '19,000 more changes of this rule are not listed: a rule lists at most 1,000 for a connector.',
    });
  });
});
