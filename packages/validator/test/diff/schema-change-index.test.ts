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

describe('SchemaChangeIndex.isDistinct', () => {
  // A list that is not distinct is searched for an earlier change like each of its own: a wrong
  // "yes" keeps a repeated change, a wrong "no" costs a lookup per change.
  it('tells a list distinct when its breaking changes of one rule and place differ by path, not when two share one', () => {
    const index = new SchemaChangeIndex();
    expect(index.isDistinct([requiredAdded('a'), requiredAdded('b'), edited('a'), edited('a')])).toBe(true);
    expect(index.isDistinct([requiredAdded('a'), requiredAdded('b'), requiredAdded('a')])).toBe(false);
  });
});

describe('SchemaChangeIndex.find', () => {
  // find hands dedupe the earlier changes of a change's group in one list: one of another rule or
  // side costs a build and a compare each, for every change looked up.
  it("finds each breaking change of the change's rule, side, pointer and path, and no other at its place", () => {
    const old: SchemaChange = { ...requiredAdded('a'), side: 'old' };
    const required: SchemaChange = { ...requiredAdded('a'), rule: CHANGE_RULES.optionalToRequired };
    const list = [
      requiredAdded('a'),
      old,
      required,
      requiredAdded('b'),
      requiredAdded('a'),
      requiredAdded('a'),
    ];
    const index = new SchemaChangeIndex();
    expect(index.find(list, requiredAdded(), '/a')).toEqual([0, 4, 5]);
    expect(index.find(list, old, '/a')).toEqual([1]);
    expect(index.find(list, required, '/a')).toEqual([2]);
    expect(index.find(list, requiredAdded(), '/b')).toEqual([3]);
    expect(index.find(list, requiredAdded(), '')).toEqual([]);
    expect(index.find([edited('a'), edited('a')], edited(), '/a')).toEqual([]);
  });

  it('tells apart two places that one key stands for, names holding the separator', () => {
    // '/definitions/D\u0000/x' at '' and '/definitions/D' at '/x\u0000' have one place key.
    const first: SchemaChange = { ...requiredAdded(), pointer: '/definitions/D\u0000/x' };
    const second: SchemaChange = { ...requiredAdded('x\u0000'), pointer: '/definitions/D' };
    const index = new SchemaChangeIndex();
    expect([...index.placeKeys([first, second])]).toHaveLength(1);
    expect(index.find([first, second], first, '')).toEqual([0]);
    expect(index.find([first, second], second, '/x\u0000')).toEqual([1]);
  });
});
