import { describe, expect, it } from '@jest/globals';
import { isValidRefPointer } from '../../src/rules/swagger/schema-refs.js';

/** RFC 6901's grammar for a URI fragment pointer: `#`, then segments where `~` is only `~0` or `~1`. */
const FRAGMENT_POINTER = /^#(?:\/(?:[^~/]|~[01])*)*$/;

/** Every string up to `length` characters long over `alphabet`. */
function* stringsOver(alphabet: readonly string[], length: number): Generator<string> {
  yield '';
  if (length === 0) return;
  for (const shorter of stringsOver(alphabet, length - 1)) {
    if (shorter.length !== length - 1) continue;
    for (const character of alphabet) yield shorter + character;
  }
}

function allStrings(alphabet: readonly string[], maxLength: number): string[] {
  const strings: string[] = [];
  for (let length = 0; length <= maxLength; length++) {
    for (const text of stringsOver(alphabet, length)) if (text.length === length) strings.push(text);
  }
  return strings;
}

describe('isValidRefPointer', () => {
  it('takes local references that are JSON pointers, and any reference that is not local', () => {
    for (const ref of [
      '#',
      '#/',
      '#/definitions/Task',
      '#/definitions/a~0b~1c',
      '#//x',
      'other.json#x',
      '',
    ]) {
      expect([ref, isValidRefPointer(ref)]).toEqual([ref, true]);
    }
    for (const ref of ['#definitions/Task', '#/definitions/a~', '#/a~2', '#/a~~0', '#~0', '#/a/~']) {
      expect([ref, isValidRefPointer(ref)]).toEqual([ref, false]);
    }
  });

  it('agrees with the grammar on every short reference made of #, /, ~, 0, 1, a and a line break', () => {
    const disagreements = allStrings(['#', '/', '~', '0', '1', 'a', '\n'], 6)
      .map((tail) => `#${tail}`)
      .filter((ref) => isValidRefPointer(ref) !== FRAGMENT_POINTER.test(ref));
    expect(disagreements).toEqual([]);
  });
});
