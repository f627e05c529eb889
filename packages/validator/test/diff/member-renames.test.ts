import { describe, expect, it } from '@jest/globals';
import { memberRenames, renameNote } from '../../src/diff/member-renames.js';

/** The renames of `before` made `after`, as [deleted, added, kind] triples. */
function renames(before: string[], after: string[], alike?: (was: string, is: string) => boolean) {
  return [...memberRenames(before, after, alike)].map(([was, rename]) => [was, rename.to, rename.kind]);
}

describe('memberRenames: the deleted members of an object that look renamed to one added in their place', () => {
  it('pairs a name whose letter case changed in place, at the start, in the middle and at the end', () => {
    expect(renames(['id', 'viewEventURL', 'date'], ['id', 'viewEventUrl', 'date'])).toEqual([
      ['viewEventURL', 'viewEventUrl', 'letterCase'],
    ]);
    expect(renames(['Id', 'date'], ['id', 'date'])).toEqual([['Id', 'id', 'letterCase']]);
    expect(renames(['id', 'Date'], ['id', 'date'])).toEqual([['Date', 'date', 'letterCase']]);
  });

  it('pairs the one added name a slip away (one edit, a swap, letter case aside) among others added there', () => {
    expect(renames(['id', 'colour', 'date'], ['id', 'link', 'Color', 'date'])).toEqual([
      ['colour', 'Color', 'lookAlike'],
    ]);
    expect(renames(['id', 'stauts', 'date'], ['id', 'link', 'status', 'date'])).toEqual([
      ['stauts', 'status', 'lookAlike'],
    ]);
  });

  it('pairs the one member deleted with the one added in its place, when `alike` lets it', () => {
    expect(renames(['id', 'due', 'date'], ['id', 'deadline', 'date'])).toEqual([['due', 'deadline', 'only']]);
    expect(renames(['id', 'due', 'date'], ['id', 'deadline', 'date'], () => false)).toEqual([]);
    // A look-alike needs no `alike`: its name tells it.
    expect(renames(['id', 'Due'], ['id', 'due'], () => false)).toEqual([['Due', 'due', 'letterCase']]);
  });

  it('pairs nothing added elsewhere, nor where the kept members around it moved', () => {
    // 'deadline' is after 'date', not between 'id' and 'date' where 'due' was.
    expect(renames(['id', 'due', 'date'], ['id', 'date', 'deadline'])).toEqual([]);
    expect(renames(['id', 'due', 'date'], ['date', 'Due', 'id'])).toEqual([]);
    expect(renames(['id', 'due'], ['id'])).toEqual([]);
  });

  it('pairs no name with two alike on the other side, nor two unlike deleted with two added', () => {
    expect(renames(['a', 'name1', 'name2', 'z'], ['a', 'name', 'z'])).toEqual([]);
    expect(renames(['a', 'due', 'owner', 'z'], ['a', 'deadline', 'assignee', 'z'])).toEqual([]);
    // Each of two deleted names with its own look-alike.
    expect(renames(['a', 'First', 'Last', 'z'], ['a', 'first', 'last', 'z'])).toEqual([
      ['First', 'first', 'letterCase'],
      ['Last', 'last', 'letterCase'],
    ]);
  });

  it('prefers the letter-case twin to a one-edit look-alike, on either side', () => {
    // Flows read a field by its exact name: a case-only change is the likelier rename.
    expect(renames(['a', 'item', 'z'], ['a', 'items', 'Item', 'z'])).toEqual([
      ['item', 'Item', 'letterCase'],
    ]);
    expect(renames(['a', 'Item', 'items', 'z'], ['a', 'item', 'z'])).toEqual([
      ['Item', 'item', 'letterCase'],
    ]);
    // The names the twins leave are paired as look-alikes among themselves, each with one only.
    expect(renames(['a', 'Name', 'colour', 'z'], ['a', 'name', 'color', 'colours', 'z'])).toEqual([
      ['Name', 'name', 'letterCase'],
    ]);
    expect(renames(['a', 'Name', 'colour', 'z'], ['a', 'name', 'color', 'z'])).toEqual([
      ['Name', 'name', 'letterCase'],
      ['colour', 'color', 'lookAlike'],
    ]);
    // Two twins are as ambiguous as two look-alikes.
    expect(renames(['a', 'id', 'z'], ['a', 'ID', 'Id', 'z'])).toEqual([]);
  });

  it('looks only for a change of letter case in a slot of too many pairs to measure each', () => {
    const deleted = Array.from({ length: 30 }, (_, at) => `f${at}`);
    const added = [...Array.from({ length: 30 }, (_, at) => `g${at}`), 'F5'];
    expect(renames(['a', ...deleted, 'z'], ['a', ...added, 'z'])).toEqual([['f5', 'F5', 'letterCase']]);
    // 'stauts' is one edit from 'status', which a smaller slot pairs.
    const many = (name: string, prefix: string) => [
      name,
      ...Array.from({ length: 30 }, (_, at) => `${prefix}${at}`),
    ];
    expect(renames(['a', ...many('status', 'f'), 'z'], ['a', ...many('stauts', 'g'), 'z'])).toEqual([]);
    expect(renames(['a', 'status', 'z'], ['a', 'stauts', 'z'])).toEqual([['status', 'stauts', 'lookAlike']]);
  });
});

describe('renameNote', () => {
  it('says that only the letter case changed, or what the field looks renamed to', () => {
    expect(renameNote({ to: 'viewEventUrl', kind: 'letterCase' }, 'read')).toBe(
      "Only the letter case of its name changed, to 'viewEventUrl': flows read a field by its exact name.",
    );
    expect(renameNote({ to: 'deadline', kind: 'only' }, 'send')).toBe(
      "It looks renamed: 'deadline' has been added in its place.",
    );
  });
});
