import { describe, expect, it } from '@jest/globals';
import { describeProblem, describeUserError, locationPrefix, UserError } from '../src/errors.js';

describe('describeUserError puts the location first, in one fixed form', () => {
  it('writes file:line:column: before the message and the hint after it', () => {
    const error = new UserError('invalid JSON: value expected.', {
      location: { file: 'a/b.json', line: 3, column: 1 },
      hint: 'Fix the JSON.',
    });
    expect(describeUserError(error)).toBe('a/b.json:3:1: invalid JSON: value expected. Fix the JSON.');
  });

  it('writes as much of the location as is known: file and line, or the file alone', () => {
    const line = new UserError('is empty.', { location: { file: 'c.yml', line: 4 } });
    expect(describeUserError(line)).toBe('c.yml:4: is empty.');
    const file = new UserError('has no <Version>.', { location: { file: '/w/src/Other/Solution.xml' } });
    expect(describeUserError(file)).toBe('/w/src/Other/Solution.xml: has no <Version>.');
  });

  it('writes the message and hint alone when there is no location', () => {
    const error = new UserError('The solution zips must have different file names.', { hint: 'Rename one.' });
    expect(describeUserError(error)).toBe('The solution zips must have different file names. Rename one.');
  });

  it('does not read the message: a message that names a file gets the location all the same', () => {
    // The old formatter left the location out when the message seemed to name it; now the throw
    // sites keep it out of the message (see no-repeated-location.test.ts in the cli package).
    const error = new UserError('x.json is in the way.', { location: { file: 'x.json' } });
    expect(describeUserError(error)).toBe('x.json: x.json is in the way.');
  });
});

describe('the parts of describeUserError, for reporters that show the location themselves', () => {
  const error = new UserError('unknown rule.', {
    location: { file: 'c.json', line: 3, column: 7 },
    hint: 'See rules.',
  });

  it('locationPrefix is the location and a colon, or nothing', () => {
    expect(locationPrefix(error)).toBe('c.json:3:7: ');
    expect(locationPrefix(new UserError('x'))).toBe('');
  });

  it('describeProblem is what is wrong and what to do, without where', () => {
    expect(describeProblem(error)).toBe('unknown rule. See rules.');
    expect(describeProblem(new UserError('x.'))).toBe('x.');
  });
});
