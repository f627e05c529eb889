import { describe, expect, it } from '@jest/globals';
import { describeUserError, UserError } from '../src/errors.js';

describe('describeUserError says each fact once', () => {
  it('adds the file when the message does not name it', () => {
    const error = new UserError('The deployment settings file is not valid JSON.', {
      location: { file: 'settings.json' },
      hint: 'Fix it.',
    });
    expect(describeUserError(error)).toBe(
      'The deployment settings file is not valid JSON. (settings.json) Fix it.',
    );
  });

  it('adds file, line and column when the message names none of them', () => {
    const error = new UserError('Unknown rule.', { location: { file: 'c.json', line: 3, column: 7 } });
    expect(describeUserError(error)).toBe('Unknown rule. (c.json:3:7)');
  });

  it('leaves the file out when the message names it', () => {
    const error = new UserError('/w/src/Other/Solution.xml: has no <Version>.', {
      location: { file: '/w/src/Other/Solution.xml' },
      hint: 'Restore it.',
    });
    expect(describeUserError(error)).toBe('/w/src/Other/Solution.xml: has no <Version>. Restore it.');
  });

  it('leaves file and line out when the message names both', () => {
    const error = new UserError('a/b.json is not valid JSON: value expected at line 3, column 1.', {
      location: { file: 'a/b.json', line: 3, column: 1 },
    });
    expect(describeUserError(error)).toBe('a/b.json is not valid JSON: value expected at line 3, column 1.');
  });

  it('adds only the line and column when the message names the file alone', () => {
    const error = new UserError('a/b.xml: unclosed tag.', {
      location: { file: 'a/b.xml', line: 2, column: 5 },
    });
    expect(describeUserError(error)).toBe('a/b.xml: unclosed tag. (line 2, column 5)');
  });

  it('does not take a longer path in the message for the file', () => {
    const error = new UserError('/w/src/x.json.bak is in the way.', { location: { file: '/w/src/x.json' } });
    expect(describeUserError(error)).toBe('/w/src/x.json.bak is in the way. (/w/src/x.json)');
  });
});
