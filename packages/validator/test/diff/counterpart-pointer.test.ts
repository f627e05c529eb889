import { describe, expect, it } from '@jest/globals';
import { counterpartPointer } from '../../src/diff/counterpart-pointer.js';

describe('counterpartPointer: the place of the new version that is the old one', () => {
  const query = (name: string) => ({ name, in: 'query', type: 'string' });

  it('follows object keys, and stops at the last one still there', () => {
    const before = { definitions: { Task: { properties: { id: {}, status: {} } } } };
    const after = { definitions: { Task: { properties: { id: {} } } } };
    expect(counterpartPointer(before, after, '/definitions/Task/properties/status')).toBe(
      '/definitions/Task/properties',
    );
  });

  it('follows a parameter by name and location, or by $ref, to its new index', () => {
    const before = { parameters: [query('a'), { $ref: '#/parameters/top' }, query('b')] };
    const after = { parameters: [query('new'), query('b'), { $ref: '#/parameters/top' }] };
    expect(counterpartPointer(before, after, '/parameters/2/type')).toBe('/parameters/1/type');
    expect(counterpartPointer(before, after, '/parameters/1')).toBe('/parameters/2');
  });

  it('stops at the array for an element that is gone, even when another sits at its index', () => {
    const before = { parameters: [query('a'), query('b')] };
    const after = { parameters: [query('b')] };
    expect(counterpartPointer(before, after, '/parameters/0')).toBe('/parameters');
    // The same name in another location is another parameter.
    const header = { parameters: [{ ...query('a'), in: 'header' }] };
    expect(counterpartPointer(before, header, '/parameters/0')).toBe('/parameters');
  });

  it('follows an element without a name only when it is unchanged', () => {
    const before = { schemes: ['http', 'https'], tags: [{ x: 1 }, { y: 2 }] };
    const after = { schemes: ['https'], tags: [{ y: 3 }, { x: 1 }] };
    expect(counterpartPointer(before, after, '/schemes/1')).toBe('/schemes/0');
    expect(counterpartPointer(before, after, '/tags/0')).toBe('/tags/1');
    expect(counterpartPointer(before, after, '/tags/1/y')).toBe('/tags');
  });

  it('gives the root for a pointer whose first step is gone, and for an index that is not one', () => {
    expect(counterpartPointer({ a: 1 }, { b: 1 }, '/a')).toBe('');
    expect(counterpartPointer({ list: [1] }, { list: [1] }, '/list/x')).toBe('/list');
  });
});
