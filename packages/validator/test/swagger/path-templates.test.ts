import { describe, expect, it } from '@jest/globals';
import { parsePathTemplate } from '../../src/rules/operations/path-templates.js';

describe('parsePathTemplate', () => {
  it.each([
    ['/plain/path', [], [false, false, false], '/plain/path'],
    ['/a/{id}/b/{id}', ['id'], [false, false, true, false, true], '/a/{}/b/{}'],
    // A variable across segments or inside one still names a variable, but is no variable segment.
    ['/x{y}z/{a/b}/{}', ['y', 'a/b', ''], [false, false, false, false, true], '/x{}z/{}/{}'],
    ['/{{a}}/{b', ['a'], [false, false, false], '/{{}}/{b'],
    ['/{version=v1}/tasks', ['version=v1'], [false, true, false], '/{}/tasks'],
  ])('%s', (path, variables, variableSegments, route) => {
    const template = parsePathTemplate(path);
    expect(template.variables).toEqual(variables);
    expect(template.segments).toEqual(path.split('/'));
    expect(template.variableSegments).toEqual(variableSegments);
    expect(template.variableSegmentCount).toBe(variableSegments.filter(Boolean).length);
    expect(template.route).toBe(route);
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
