import { describe, expect, it } from '@jest/globals';
import { counterpartPointer, deletionPlace, deletionPointer } from '../../src/diff/counterpart-pointer.js';

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

  it('gives the place itself when it is still there', () => {
    expect(deletionPointer(before, before, '/paths/~1b/get')).toBe('/paths/~1b/get');
    const list = { list: [1, 2], next: 0 };
    expect(deletionPointer(list, list, '/list/0')).toBe('/list/0');
  });

  it('places a deletion below a deleted member where the deleted member left its place', () => {
    const nested = { definitions: { A: { properties: { x: { properties: { y: {} } }, z: {} } } } };
    const after = { definitions: { A: { properties: { z: {} } } } };
    expect(deletionPointer(nested, after, '/definitions/A/properties/x/properties/y')).toBe(
      '/definitions/A/properties/z',
    );
    // The last member of an object in an object still there: what follows the enclosing object.
    const last = { definitions: { A: { properties: { x: {}, y: {} }, required: [] } } };
    const lastGone = { definitions: { A: { properties: { x: {} }, required: [] } } };
    expect(deletionPointer(last, lastGone, '/definitions/A/properties/y/type')).toBe(
      '/definitions/A/required',
    );
  });
});

describe('deletionPlace: a deleted last member at the end of the member before it', () => {
  it('gives the end of the member before a deleted last one, the line that lost its comma, not what follows its object', () => {
    const before = { definitions: { A: { properties: { x: {}, y: {} }, required: [] } } };
    const after = { definitions: { A: { properties: { x: {} }, required: [] } } };
    expect(deletionPlace(before, after, '/definitions/A/properties/y/type')).toEqual({
      pointer: '/definitions/A/properties/x',
      atValueEnd: true,
    });
    expect(deletionPlace({ list: [1, 2, 3] }, { list: [1, 2] }, '/list/2')).toEqual({
      pointer: '/list/1',
      atValueEnd: true,
    });
  });

  it('gives the start of a following member, of an emptied object and of a part still there, as deletionPointer does', () => {
    const before = { paths: { '/a': { get: {}, post: {} } }, definitions: {} };
    const first = { paths: { '/a': { post: {} } }, definitions: {} };
    expect(deletionPlace(before, first, '/paths/~1a/get')).toEqual({
      pointer: '/paths/~1a/post',
      atValueEnd: false,
    });
    const emptied = { paths: { '/a': {} }, definitions: {} };
    expect(deletionPlace(before, emptied, '/paths/~1a/post')).toEqual({
      pointer: '/paths/~1a',
      atValueEnd: false,
    });
    expect(deletionPlace(before, before, '/paths/~1a/get')).toEqual({
      pointer: '/paths/~1a/get',
      atValueEnd: false,
    });
  });

  it('gives what follows the object when only members the base did not have are left in it', () => {
    const before = { paths: { '/a': { get: {} } }, definitions: {} };
    const after = { paths: { '/a': { put: {} } }, definitions: {} };
    expect(deletionPlace(before, after, '/paths/~1a/get')).toEqual({
      pointer: '/definitions',
      atValueEnd: false,
    });
  });
});

describe('deletionPointer: where a deleted array element left its place', () => {
  const query = (name: string) => ({ name, in: 'query', type: 'string' });
  const operation = (...names: string[]) => ({
    paths: { '/a': { get: { parameters: names.map(query), responses: {} } } },
  });
  const parameter = (index: number) => `/paths/~1a/get/parameters/${index}`;

  it('gives the element that now follows a deleted first or middle one, by its name, not the one now at its index', () => {
    expect(deletionPointer(operation('a', 'b', 'c'), operation('b', 'c'), parameter(0))).toBe(parameter(0));
    // 'c' moved into the deleted one's index: 'b' is what followed 'a'.
    expect(deletionPointer(operation('a', 'b', 'c'), operation('c', 'b'), parameter(0))).toBe(parameter(1));
    // 'new' sits at the index of the deleted 'b'; 'c' followed it.
    expect(deletionPointer(operation('a', 'b', 'c'), operation('a', 'new', 'c'), parameter(1))).toBe(
      parameter(2),
    );
  });

  it('gives what follows the array after its last element, else the element before it', () => {
    expect(deletionPointer(operation('a', 'b', 'c'), operation('a', 'b'), parameter(2))).toBe(
      '/paths/~1a/get/responses',
    );
    expect(deletionPointer({ enum: ['x', 'y', 'z'] }, { enum: ['x', 'y'] }, '/enum/2')).toBe('/enum/1');
  });

  it('gives the array when the deletion left it empty', () => {
    expect(deletionPointer(operation('a'), operation(), parameter(0))).toBe('/paths/~1a/get/parameters');
  });

  it('follows unnamed elements by their value: an enum value gone from the middle or the start', () => {
    const values = { enum: ['x', 'y', 'z'] };
    expect(deletionPointer(values, { enum: ['x', 'z'] }, '/enum/1')).toBe('/enum/1');
    expect(deletionPointer(values, { enum: ['y', 'z'] }, '/enum/0')).toBe('/enum/0');
    expect(deletionPointer(values, { enum: ['z', 'y'] }, '/enum/0')).toBe('/enum/1');
  });

  it('places a deletion inside an element that moved, or below one that is gone', () => {
    const before = { parameters: [query('a'), { ...query('b'), enum: [1, 2, 3] }] };
    const after = { parameters: [query('new'), query('a'), { ...query('b'), enum: [1, 3] }] };
    expect(deletionPointer(before, after, '/parameters/1/enum/1')).toBe('/parameters/2/enum/1');
    const gone = { parameters: [query('new'), { ...query('b'), enum: [1, 2, 3] }] };
    expect(deletionPointer(before, gone, '/parameters/0/type')).toBe('/parameters/1');
  });
});

describe('deletionPointer: many deletions from a long array (hostile input must not hang a run)', () => {
  // Placing a thousand deletions at the end of 3,000 parameters took more than two minutes when
  // each deleted element's followers were searched against the whole new array, far past the
  // suite's 60 s timeout; now it takes milliseconds (bench/deletion-placement.ts measures it).
  const count = 3000;
  const deleted = 1000;

  const placeAll = (before: unknown, after: unknown, list: string, from: number, to: number) => {
    const places = new Set<string>();
    for (let index = from; index < to; index++)
      places.add(deletionPointer(before, after, `${list}/${index}`));
    return [...places];
  };

  it('places every deleted parameter of a run where the run left its place', () => {
    const query = (index: number) => ({ name: `p${index}`, in: 'query', type: 'string' });
    const parameters = Array.from({ length: count }, (_, index) => query(index));
    const before = { parameters, responses: {} };
    const atEnd = { parameters: structuredClone(parameters.slice(0, count - deleted)), responses: {} };
    const end = placeAll(before, atEnd, '/parameters', count - deleted, count);
    expect(end).toEqual(['/responses']);
    // A run deleted from the middle, the rest reversed: the element after the run (p2000), at its new index.
    const middle = {
      parameters: structuredClone([...parameters.slice(0, 1000), ...parameters.slice(2000).reverse()]),
      responses: {},
    };
    const run = placeAll(before, middle, '/parameters', 1000, 2000);
    expect(run).toEqual(['/parameters/1999']);
  });

  it('places every deleted unnamed element by its value, and the last ones after the one before them', () => {
    const list = Array.from({ length: count }, (_, index) => ({ value: index, tags: [index, 'x'] }));
    const before = { list };
    // The same values with their keys in another order: still the same elements.
    const reordered = list.slice(0, count - deleted).map(({ value, tags }) => ({ tags: [...tags], value }));
    const end = placeAll(before, { list: reordered }, '/list', count - deleted, count);
    expect(end).toEqual([`/list/${count - deleted - 1}`]);
    // One changed element is another element: a deletion before it is placed after it.
    const changed = structuredClone(list.slice(0, count - deleted));
    changed[0] = { value: 0, tags: [0, 'y'] };
    expect(deletionPointer(before, { list: changed }, '/list/0')).toBe('/list/1');
  });
});
