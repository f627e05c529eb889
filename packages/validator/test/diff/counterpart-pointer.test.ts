import { describe, expect, it } from '@jest/globals';
import {
  counterpartPointer,
  deletionPlace,
  memberDeletionPlace,
  type DeletionPlace,
} from '../../src/diff/counterpart-pointer.js';

/** A deletion shown at the start of what `pointer` names. */
const start = (pointer: string) => ({ pointer, atValueEnd: false });
/** A deletion shown at the end of the value `pointer` names: a deleted last member, after the one before it. */
const end = (pointer: string) => ({ pointer, atValueEnd: true });

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

describe('deletionPlace: where a deleted member left its place in the new version', () => {
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
    expect(deletionPlace(before, after, '/paths/~1b/get')).toEqual(start('/paths/~1c'));
    const method = without((copy) => delete (copy.paths['/c'] as Record<string, unknown>).get);
    expect(deletionPlace(before, method, '/paths/~1c/get')).toEqual(start('/paths/~1c/delete'));
  });

  it('gives the end of the member before a deleted last one, the line that lost its comma, not what follows its object', () => {
    const lastMethod = without((copy) => delete (copy.paths['/a'] as Record<string, unknown>).post);
    expect(deletionPlace(before, lastMethod, '/paths/~1a/post')).toEqual(end('/paths/~1a/get'));
    const lastItem = without((copy) => delete (copy.paths as Record<string, unknown>)['/c']);
    expect(deletionPlace(before, lastItem, '/paths/~1c/delete')).toEqual(end('/paths/~1b'));
    const properties = { definitions: { A: { properties: { x: {}, y: {} }, required: [] } } };
    const lastGone = { definitions: { A: { properties: { x: {} }, required: [] } } };
    expect(deletionPlace(properties, lastGone, '/definitions/A/properties/y/type')).toEqual(
      end('/definitions/A/properties/x'),
    );
    expect(deletionPlace({ list: [1, 2, 3] }, { list: [1, 2] }, '/list/2')).toEqual(end('/list/1'));
  });

  it('gives the object when the deletion left it empty', () => {
    const { definitions: _, ...noDefinitions } = before;
    const empty = { swagger: '2.0', paths: {} };
    expect(deletionPlace(noDefinitions, empty, '/paths/~1c/get')).toEqual(start('/paths'));
    // A path item whose one operation went, left as `"/b": {}`: that line is where the deletion is.
    const emptied = without((copy) => delete (copy.paths['/b'] as Record<string, unknown>).get);
    expect(deletionPlace(before, emptied, '/paths/~1b/get')).toEqual(start('/paths/~1b'));
  });

  it('gives a member the base did not have where the deleted one was: {a, b} made {a, c} shows c, not the end of a above the change', () => {
    const renamed = { properties: { a: {}, c: {} } };
    expect(deletionPlace({ properties: { a: {}, b: {} } }, renamed, '/properties/b')).toEqual(
      start('/properties/c'),
    );
    // Before a member that is still there too, and as the first member.
    const middle = { properties: { a: {}, c: {}, d: {} } };
    expect(deletionPlace({ properties: { a: {}, b: {}, d: {} } }, middle, '/properties/b')).toEqual(
      start('/properties/c'),
    );
    const first = { paths: { '/a': { put: {} } }, definitions: {} };
    expect(deletionPlace({ paths: { '/a': { get: {} } }, definitions: {} }, first, '/paths/~1a/get')).toEqual(
      start('/paths/~1a/put'),
    );
    // A member added elsewhere is not where the deleted one was.
    const elsewhere = { properties: { c: {}, a: {} } };
    expect(deletionPlace({ properties: { a: {}, b: {} } }, elsewhere, '/properties/b')).toEqual(
      end('/properties/a'),
    );
  });

  it('gives the member a deleted one looks renamed to, of several added where it was, not the first', () => {
    const before = { properties: { id: {}, viewEventURL: {}, date: {} } };
    const after = { properties: { id: {}, link: {}, viewEventUrl: {}, date: {} } };
    expect(deletionPlace(before, after, '/properties/viewEventURL')).toEqual(
      start('/properties/viewEventUrl'),
    );
    // Without a look-alike, the first one added there.
    const unlike = { properties: { id: {}, link: {}, uri: {}, date: {} } };
    expect(deletionPlace(before, unlike, '/properties/viewEventURL')).toEqual(start('/properties/link'));
  });

  it('gives the place itself when it is still there', () => {
    expect(deletionPlace(before, before, '/paths/~1b/get')).toEqual(start('/paths/~1b/get'));
    const list = { list: [1, 2], next: 0 };
    expect(deletionPlace(list, list, '/list/0')).toEqual(start('/list/0'));
  });

  it('places a deletion below a deleted member where the deleted member left its place', () => {
    const nested = { definitions: { A: { properties: { x: { properties: { y: {} } }, z: {} } } } };
    const after = { definitions: { A: { properties: { z: {} } } } };
    expect(deletionPlace(nested, after, '/definitions/A/properties/x/properties/y')).toEqual(
      start('/definitions/A/properties/z'),
    );
  });

  it('places a member of an object that is elsewhere in the new version under its new pointer', () => {
    const was = { summary: 'Get', 'x-ms-trigger': 'single' };
    const is = { summary: 'Get' };
    expect(memberDeletionPlace(was, is, '/paths/~1b/get', 'x-ms-trigger')).toEqual(
      end('/paths/~1b/get/summary'),
    );
    expect(memberDeletionPlace(['x', 'y', 'z'], ['x', 'z'], '/enum', 1)).toEqual(start('/enum/1'));
  });
});

describe('deletionPlace: where a deleted array element left its place', () => {
  const query = (name: string) => ({ name, in: 'query', type: 'string' });
  const operation = (...names: string[]) => ({
    paths: { '/a': { get: { parameters: names.map(query), responses: {} } } },
  });
  const parameter = (index: number) => `/paths/~1a/get/parameters/${index}`;

  it('gives the element that now follows a deleted first or middle one, by its name, not the one now at its index', () => {
    expect(deletionPlace(operation('a', 'b', 'c'), operation('b', 'c'), parameter(0))).toEqual(
      start(parameter(0)),
    );
    // 'c' moved into the deleted one's index: 'b' is what followed 'a'.
    expect(deletionPlace(operation('a', 'b', 'c'), operation('c', 'b'), parameter(0))).toEqual(
      start(parameter(1)),
    );
  });

  it('gives an element added where the deleted one was, on the lines the diff changed', () => {
    // 'new' was written in place of the deleted 'b', between the 'a' and 'c' still there.
    expect(deletionPlace(operation('a', 'b', 'c'), operation('a', 'new', 'c'), parameter(1))).toEqual(
      start(parameter(1)),
    );
    expect(deletionPlace(operation('a', 'b'), operation('a', 'new'), parameter(1))).toEqual(
      start(parameter(1)),
    );
    // Nothing added: what followed 'b', 'c'.
    expect(deletionPlace(operation('a', 'b', 'c'), operation('a', 'c'), parameter(1))).toEqual(
      start(parameter(1)),
    );
  });

  it('gives the end of the element before a deleted last one', () => {
    expect(deletionPlace(operation('a', 'b', 'c'), operation('a', 'b'), parameter(2))).toEqual(
      end(parameter(1)),
    );
    expect(deletionPlace({ enum: ['x', 'y', 'z'] }, { enum: ['x', 'y'] }, '/enum/2')).toEqual(end('/enum/1'));
  });

  it('gives the array when the deletion left it empty', () => {
    expect(deletionPlace(operation('a'), operation(), parameter(0))).toEqual(
      start('/paths/~1a/get/parameters'),
    );
  });

  it('follows unnamed elements by their value: an enum value gone from the middle or the start', () => {
    const values = { enum: ['x', 'y', 'z'] };
    expect(deletionPlace(values, { enum: ['x', 'z'] }, '/enum/1')).toEqual(start('/enum/1'));
    expect(deletionPlace(values, { enum: ['y', 'z'] }, '/enum/0')).toEqual(start('/enum/0'));
    expect(deletionPlace(values, { enum: ['z', 'y'] }, '/enum/0')).toEqual(start('/enum/1'));
  });

  it('places a deletion inside an element that moved, or below one that is gone', () => {
    const before = { parameters: [query('a'), { ...query('b'), enum: [1, 2, 3] }] };
    const after = { parameters: [query('new'), query('a'), { ...query('b'), enum: [1, 3] }] };
    expect(deletionPlace(before, after, '/parameters/1/enum/1')).toEqual(start('/parameters/2/enum/1'));
    // 'new' took the place of the deleted 'a'.
    const gone = { parameters: [query('new'), { ...query('b'), enum: [1, 2, 3] }] };
    expect(deletionPlace(before, gone, '/parameters/0/type')).toEqual(start('/parameters/0'));
    const moved = { parameters: [{ ...query('b'), enum: [1, 2, 3] }, query('new')] };
    expect(deletionPlace(before, moved, '/parameters/0/type')).toEqual(start('/parameters/0'));
  });
});

describe('deletionPlace: many deletions from a long array (hostile input must not hang a run)', () => {
  // Placing a thousand deletions at the end of 3,000 parameters took more than two minutes when
  // each deleted element's followers were searched against the whole new array, far past the
  // suite's 60 s timeout; now it takes milliseconds (bench/deletion-placement.ts measures it).
  const count = 3000;
  const deleted = 1000;

  const placeAll = (before: unknown, after: unknown, list: string, from: number, to: number) => {
    const places = new Map<string, DeletionPlace>();
    for (let index = from; index < to; index++) {
      const place = deletionPlace(before, after, `${list}/${index}`);
      places.set(JSON.stringify(place), place);
    }
    return [...places.values()];
  };

  it('places every deleted parameter of a run where the run left its place', () => {
    const query = (index: number) => ({ name: `p${index}`, in: 'query', type: 'string' });
    const parameters = Array.from({ length: count }, (_, index) => query(index));
    const before = { parameters, responses: {} };
    const atEnd = { parameters: structuredClone(parameters.slice(0, count - deleted)), responses: {} };
    expect(placeAll(before, atEnd, '/parameters', count - deleted, count)).toEqual([
      end(`/parameters/${count - deleted - 1}`),
    ]);
    // A run deleted from the middle, the rest reversed: the element after the run (p2000), at its new index.
    const middle = {
      parameters: structuredClone([...parameters.slice(0, 1000), ...parameters.slice(2000).reverse()]),
      responses: {},
    };
    expect(placeAll(before, middle, '/parameters', 1000, 2000)).toEqual([start('/parameters/1999')]);
    // A run renamed: each on the first of the new names, where the run was.
    const renamed = {
      parameters: structuredClone([...parameters.slice(0, 1000), query(-1), ...parameters.slice(2000)]),
      responses: {},
    };
    expect(placeAll(before, renamed, '/parameters', 1000, 2000)).toEqual([start('/parameters/1000')]);
  });

  it('places every deleted unnamed element by its value, and the last ones after the one before them', () => {
    const list = Array.from({ length: count }, (_, index) => ({ value: index, tags: [index, 'x'] }));
    const before = { list };
    // The same values with their keys in another order: still the same elements.
    const reordered = list.slice(0, count - deleted).map(({ value, tags }) => ({ tags: [...tags], value }));
    expect(placeAll(before, { list: reordered }, '/list', count - deleted, count)).toEqual([
      end(`/list/${count - deleted - 1}`),
    ]);
    // One changed element is another element, added where the deleted one was.
    const changed = structuredClone(list.slice(0, count - deleted));
    changed[0] = { value: 0, tags: [0, 'y'] };
    expect(deletionPlace(before, { list: changed }, '/list/0')).toEqual(start('/list/0'));
  });
});
