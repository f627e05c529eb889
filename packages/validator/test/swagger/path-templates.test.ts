import { describe, expect, it } from '@jest/globals';
import {
  parsePathTemplate,
  partiallyDuplicates,
  routeHash,
} from '../../src/rules/operations/path-templates.js';

describe('parsePathTemplate', () => {
  it.each([
    ['/plain/path', [], [false, false, false], '/plain/path'],
    ['/a/{id}/b/{id}', ['id'], [false, false, true, false, true], '/a/{}/b/{}'],
    // A variable across segments or inside one still names a variable, but is no variable segment.
    ['/x{y}z/{a/b}/{}', ['y', 'a/b', ''], [false, false, false, false, true], '/x{}z/{}/{}'],
    ['/{{a}}/{b', ['a'], [false, false, false], '/{{}}/{b'],
    ['/{version=v1}/tasks', ['version=v1'], [false, true, false], '/{}/tasks'],
    ['{a}', ['a'], [true], '{}'],
    ['{a}/', ['a'], [true, false], '{}/'],
    ['', [], [false], ''],
    ['//{}/{x}', ['', 'x'], [false, false, true, true], '//{}/{}'],
  ])('%s', (path, variables, variableSegments, route) => {
    const template = parsePathTemplate(path);
    expect(template.variables).toEqual(variables);
    // Counted in place, without splitting the key.
    expect(template.segmentCount).toBe(path.split('/').length);
    expect(template.variableSegmentCount).toBe(variableSegments.filter(Boolean).length);
    expect(template.route).toBe(route);
    expect(routeHash(path)).toBe(routeHash(route));
  });

  it.each(['{a}{b}/{c', '}{x}{', '/{a}/{a}/{b}/{a', '/{{{x}}}', '/{a{b}c}', '{}', '/a/{'])(
    'finds what the regular expression /\\{([^{}]*)\\}/g finds in %s',
    (path) => {
      const names = [...new Set([...path.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]))];
      expect(parsePathTemplate(path).variables).toEqual(names);
      expect(parsePathTemplate(path).route).toBe(path.replace(/\{[^{}]*\}/g, '{}'));
    },
  );
});

describe('partiallyDuplicates', () => {
  it.each([
    ['/items/{id}', '/items/search', true],
    ['/items/search', '/items/{id}', true],
    ['/items/{id}', '/items/{itemId}', false],
    ['/items/search', '/items/search', false],
    ['/items/{id}', '/items/search/all', false],
    ['/items/{id}', '/tasks/search', false],
    ['/{a}/x/{b}', '/y/x/z', true],
    ['/{a}/x/{b}', '/y/xx/z', false],
    ['/{a}/x/{b}', '/y/x/{c}', true],
    // Not whole-segment variables: compared as text.
    ['/x{y}z/{a', '/x{y}z/b', false],
    ['/x{y}z/{a', '/x{y}z/{a', false],
    ['/x{y}z/{a}', '/x{y}z/b', true],
    ['{a}', 'b', true],
    ['{a}/', 'b/', true],
    ['/{}/a', '/b/a', true],
    ['//{}', '/x/y', false],
    ['', '', false],
  ])('%s against %s: %s', (left, right, expected) => {
    expect(partiallyDuplicates(parsePathTemplate(left), parsePathTemplate(right))).toBe(expected);
  });
});

describe('routeHash', () => {
  // Every key up to 6 characters over these: braces matched, unmatched, nested and across segments.
  const alphabet = ['{', '}', '/', 'a', 'b'];
  const keys = [''];
  for (let length = 1, last = ['']; length <= 6; length++) {
    last = last.flatMap((key) => alphabet.map((character) => key + character));
    keys.push(...last);
  }

  it('is the same for keys of the same route, so that equal hashes are all SWG-PATH-DUP must check', () => {
    const hashOfRoute = new Map<string, number>();
    for (const key of keys) {
      const route = parsePathTemplate(key).route;
      const hash = routeHash(key);
      expect([key, hash]).toEqual([key, hashOfRoute.get(route) ?? hash]);
      hashOfRoute.set(route, hash);
    }
    expect(hashOfRoute.size).toBeGreaterThan(1000);
  });

  it('tells apart most routes', () => {
    const routes = new Set(keys.map((key) => parsePathTemplate(key).route));
    const hashes = new Set([...routes].map((route) => routeHash(route)));
    expect(hashes.size).toBe(routes.size);
  });
});
