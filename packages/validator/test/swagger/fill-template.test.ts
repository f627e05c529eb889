import { describe, expect, it } from '@jest/globals';
import { fill } from '../../src/rules/operations/rule-kit.js';

/** What fill did with a regular expression: the reference its faster scan must agree with. */
function byPattern(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

describe('fill', () => {
  const cases: [string, (string | number)[]][] = [
    ["The operation '{0}' has the path template '{1}'.", ['GetTask', '/tasks/{id}']],
    ['{0}{1}{0}', ['a', 'b']],
    ['no placeholder', ['a']],
    ['{2} is missing, {0} is not', ['zero']],
    ['{} {x} {0x} {-1} {01} {1', ['A', 'B']],
    ['{{0}} {0}}', ['A']],
    ['${0} $& $1 {0}', ['$&', 2]],
    ['{10} {1}', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'ten']],
    ['', []],
    ['{0}', [0]],
    ['ends with {', []],
  ];
  it.each(cases)('fills %j as the pattern did', (template, args) => {
    expect(fill(template, ...args)).toBe(byPattern(template, ...args));
  });

  it('writes the arguments in', () => {
    expect(fill("'{0}' should be '{1}'", 'string', 'integer')).toBe("'string' should be 'integer'");
  });
});
