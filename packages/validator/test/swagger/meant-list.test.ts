import { describe, expect, it } from '@jest/globals';
import { listMeantAt, meantEntryPointer, meantList } from '../../src/swagger/meant-list.js';

// A `consumes`, `produces` or `schemes` written as a string is read as the list the maker meant, and
// SWG-JSONTYPE names (and --fix writes) the list a string stands for where it is sure of it.

describe('meantList', () => {
  it('reads a list as written, and a string as the entries its commas separate, trimmed', () => {
    const written = ['application/json', 42];
    expect(meantList(written)).toBe(written);
    expect(meantList('application/json')).toEqual(['application/json']);
    expect(meantList(' application/json ,text/plain, ')).toEqual(['application/json', 'text/plain']);
  });

  it('reads no list in a string that names no entry, nor in any other value', () => {
    for (const written of ['', ' , ', { type: 'application/json' }, 1, null, undefined]) {
      expect(meantList(written)).toBeUndefined();
    }
  });
});

describe('meantEntryPointer', () => {
  it('points at the entry of a list, and at the string that stands for one', () => {
    expect(meantEntryPointer('/paths/~1a/get/produces', ['a/b', 'json'], 1)).toBe(
      '/paths/~1a/get/produces/1',
    );
    expect(meantEntryPointer('/paths/~1a/get/produces', 'a/b, json', 1)).toBe('/paths/~1a/get/produces');
  });
});

describe('listMeantAt', () => {
  const task = { type: 'object', properties: { id: {}, title: {} } };

  it('names the MIME types and schemes a string lists, the schemes Swagger spells in lower case', () => {
    expect(listMeantAt('/consumes', 'application/json', {})).toEqual(['application/json']);
    expect(listMeantAt('/paths/~1a/get/produces', 'a/b,c/d', {})).toEqual(['a/b', 'c/d']);
    expect(listMeantAt('/schemes', 'HTTPS, Http, wss', {})).toEqual(['https', 'http', 'wss']);
  });

  it("names an operation's one tag as written, comma and all, and no list for the document's tags", () => {
    expect(listMeantAt('/paths/~1a/get/tags', 'Tasks, lists', {})).toEqual(['Tasks, lists']);
    expect(listMeantAt('/paths/~1a/get/tags', ' ', {})).toBeUndefined();
    expect(listMeantAt('/tags', 'Tasks', {})).toBeUndefined();
  });

  it("names a schema's required properties only where the schema defines each", () => {
    expect(listMeantAt('/definitions/Task/required', 'id, title', task)).toEqual(['id', 'title']);
    expect(listMeantAt('/definitions/Task/required', 'id, owner', task)).toBeUndefined();
    expect(listMeantAt('/definitions/Task/properties/id/required', 'true', {})).toBeUndefined();
    expect(listMeantAt('/definitions/Task/required', 'toString', { properties: {} })).toBeUndefined();
  });

  it('names no list for any other key, such as an enum, whose entries may be of any type', () => {
    expect(listMeantAt('/definitions/Task/properties/status/enum', 'open', {})).toBeUndefined();
  });
});
