import { describe, expect, it } from '@jest/globals';
import { counterpartPointer, deletionPointer } from '../../src/diff/counterpart-pointer.js';

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

describe('deletionPointer: where a deleted member left its place in the new version', () => {
  const operation = (operationId: string) => ({ operationId });
  const before = {
    swagger: '2.0',
    paths: {
      '/a': { get: operation('GetA'), post: operation('AddA') },
      '/b': { get: operation('GetB') },
      '/c': { get: operation('GetC'), delete: operation('DeleteC') },
    },
    definitions: {},
  };
  const without = (edit: (copy: typeof before) => void) => {
    const copy = structuredClone(before);
    edit(copy);
    return copy;
  };

  it('gives the member that now follows a deleted one, not its enclosing object', () => {
    const after = without((copy) => delete (copy.paths as Record<string, unknown>)['/b']);
    expect(deletionPointer(before, after, '/paths/~1b/get')).toBe('/paths/~1c');
    const method = without((copy) => delete (copy.paths['/c'] as Record<string, unknown>).get);
    expect(deletionPointer(before, method, '/paths/~1c/get')).toBe('/paths/~1c/delete');
  });

  it("gives what follows the enclosing object after its last member: the next path item, the key after 'paths'", () => {
    const lastMethod = without((copy) => delete (copy.paths['/a'] as Record<string, unknown>).post);
    expect(deletionPointer(before, lastMethod, '/paths/~1a/post')).toBe('/paths/~1b');
    const lastItem = without((copy) => delete (copy.paths as Record<string, unknown>)['/c']);
    expect(deletionPointer(before, lastItem, '/paths/~1c/delete')).toBe('/definitions');
  });

  it('gives the object when the deletion left it empty, and the member before it when nothing follows', () => {
    const { definitions: _, ...noDefinitions } = before;
    const last = structuredClone(noDefinitions) as Record<string, any>;
    delete last.paths['/c'];
    expect(deletionPointer(noDefinitions, last, '/paths/~1c/get')).toBe('/paths/~1b');
    const empty = { swagger: '2.0', paths: {} };
    expect(deletionPointer(noDefinitions, empty, '/paths/~1c/get')).toBe('/paths');
    // A path item whose one operation went, left as `"/b": {}`: that line is where the deletion is.
    const emptied = without((copy) => delete (copy.paths['/b'] as Record<string, unknown>).get);
    expect(deletionPointer(before, emptied, '/paths/~1b/get')).toBe('/paths/~1b');
  });

  it('gives the place itself when it is still there, and the array for an element that is gone', () => {
    expect(deletionPointer(before, before, '/paths/~1b/get')).toBe('/paths/~1b/get');
    expect(deletionPointer({ list: [1, 2], next: 0 }, { list: [2], next: 0 }, '/list/0')).toBe('/list');
  });
});
