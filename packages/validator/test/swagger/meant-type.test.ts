import { describe, expect, it } from '@jest/globals';
import { meantType, meantTypeOf, sameMeantType, typeOfList } from '../../src/swagger/meant-type.js';

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

describe('meantTypeOf', () => {
  it("reads an object's type as meant, and none of no object", () => {
    expect(meantTypeOf({ type: 'Array' })).toBe('array');
    expect(meantTypeOf({ type: ['object', 'null'] })).toBe('object');
    expect(meantTypeOf({ items: {} })).toBeUndefined();
    expect(meantTypeOf(undefined)).toBeUndefined();
  });
});

describe('sameMeantType', () => {
  it('takes a type and the one it is written as meant for one', () => {
    expect(sameMeantType('Integer', 'integer')).toBe(true);
    expect(sameMeantType(['string', 'null'], 'String')).toBe(true);
    expect(sameMeantType('guid', 'guid')).toBe(true);
    expect(sameMeantType(undefined, undefined)).toBe(true);
  });

  it('tells apart other types, a type and none, and lists that mean no one type', () => {
    expect(sameMeantType('integer', 'number')).toBe(false);
    expect(sameMeantType('string', undefined)).toBe(false);
    expect(sameMeantType(['string', 'integer'], ['string', 'integer'])).toBe(false);
    expect(sameMeantType('Guid', 'guid')).toBe(false);
  });
});
