import { describe, expect, it } from '@jest/globals';
import { meantType, typeOfList } from '../../src/swagger/meant-type.js';

// The rules that judge a value by its type read the type meant: a data type in other case, or the one
// type of a JSON-schema type list, which other rules name (and --fix writes).

describe('meantType', () => {
  it('reads a data type as written, and one in other case in lower case', () => {
    expect(meantType('integer')).toBe('integer');
    expect(meantType('Integer')).toBe('integer');
    expect(meantType('STRING')).toBe('string');
  });

  it('returns any other string as written, for the rules to judge, and no type for a value of no type', () => {
    expect(meantType('guid')).toBe('guid');
    expect(meantType('Null')).toBe('Null');
    expect(meantType(undefined)).toBeUndefined();
    expect(meantType({ type: 'string' })).toBeUndefined();
  });

  it('reads a type list as its one type', () => {
    expect(meantType(['string', 'null'])).toBe('string');
  });
});

describe('typeOfList', () => {
  it('names the one data type of a list besides "null", in lower case', () => {
    expect(typeOfList(['string'])).toBe('string');
    expect(typeOfList(['null', 'Boolean'])).toBe('boolean');
    expect(typeOfList(['object', 'null', 'null'])).toBe('object');
  });

  it('names none for two types, no type, or anything but data types', () => {
    expect(typeOfList(['string', 'integer'])).toBeUndefined();
    expect(typeOfList(['null'])).toBeUndefined();
    expect(typeOfList([])).toBeUndefined();
    expect(typeOfList(['guid'])).toBeUndefined();
    expect(typeOfList(['apiKey'])).toBeUndefined();
    expect(typeOfList([{ type: 'string' }])).toBeUndefined();
    expect(typeOfList([null, 'string'])).toBeUndefined();
  });
});
