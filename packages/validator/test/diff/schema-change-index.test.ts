import { describe, expect, it } from '@jest/globals';
import { CHANGE_RULES } from '../../src/diff/change-rules.js';
import { SchemaChangeIndex } from '../../src/diff/schema-change-index.js';
import type { SchemaChange } from '../../src/diff/schema-change.js';

// hasPathUnder tells report-overlap which reports above a ValuePath may repeat a change below it: a
// wrong "no" there drops a duplicate's dedupe, a wrong "yes" only costs a lookup.

const requiredAdded = (...path: string[]): SchemaChange => ({
  rule: CHANGE_RULES.requiredFieldAdded,
  side: 'new',
  pointer: `/definitions/D/required/0`,
  path,
});

const edited = (...path: string[]): SchemaChange => ({
  rule: CHANGE_RULES.textEdited,
  side: 'new',
  pointer: '/definitions/D/description',
  path,
  impact: 'major',
});

describe('SchemaChangeIndex.hasPathUnder', () => {
  it('finds a breaking change at the path itself, where no other path is under it', () => {
    const list = [requiredAdded('items', 'a'), requiredAdded('items', 'b')];
    const index = new SchemaChangeIndex();
    expect(index.hasPathUnder(list, '/items/a')).toBe(true);
    expect(index.hasPathUnder(list, '/items/b')).toBe(true);
  });

  it('finds a breaking change below the path, not one that only shares its first letters', () => {
    const index = new SchemaChangeIndex();
    expect(index.hasPathUnder([requiredAdded('items', 'a')], '/items')).toBe(true);
    expect(index.hasPathUnder([requiredAdded('itemsX', 'a')], '/items')).toBe(false);
    expect(index.hasPathUnder([requiredAdded()], '')).toBe(true);
    expect(index.hasPathUnder([requiredAdded('items')], '')).toBe(true);
  });

  it('does not count a change that breaks nothing, nor a path above or beside', () => {
    const index = new SchemaChangeIndex();
    expect(index.hasPathUnder([edited('items', 'a')], '/items/a')).toBe(false);
    const list = [requiredAdded('items')];
    expect(index.hasPathUnder(list, '/items/a')).toBe(false);
    expect(index.hasPathUnder(list, '/other')).toBe(false);
  });
});
