import { describe, expect, it } from '@jest/globals';
import { UsageError, UserError, userErrorsTogether } from '../src/errors.js';

describe('userErrorsTogether reports the mistakes of several inputs as one error', () => {
  it('gives a single mistake as it is', () => {
    const only = new UserError('invalid JSON.', { location: { file: 'a.json', line: 1, column: 2 } });
    expect(userErrorsTogether([only])).toBe(only);
  });

  it('keeps the order, the first read as it would alone and the others after it', () => {
    const first = new UserError('invalid JSON.', { location: { file: 'a.json', line: 1 }, hint: 'Fix it.' });
    const second = new UserError('has no info.title.', { location: { file: 'b.json' } });
    const together = userErrorsTogether([first, second]);
    expect(together).not.toBeInstanceOf(UsageError);
    expect(together).toMatchObject({ message: first.message, hint: 'Fix it.', location: first.location });
    expect(together.also).toEqual([second]);
  });

  it('is a usage error (exit code 2) when any of them is one, wherever it comes', () => {
    const content = new UserError('invalid JSON.', { location: { file: 'a.json' } });
    const usage = new UsageError('is not a connector folder.', { location: { file: 'notes' } });
    expect(userErrorsTogether([content, usage])).toBeInstanceOf(UsageError);
    expect(userErrorsTogether([usage, content])).toBeInstanceOf(UsageError);
  });

  it("brings each one's further mistakes along, in their place", () => {
    const inner = new UsageError('unknown rule.', { location: { file: 'c.yml', line: 3 } });
    const first = new UserError('one.', { also: [inner] });
    const last = new UserError('last.');
    expect(userErrorsTogether([first, last]).also).toEqual([inner, last]);
    expect(userErrorsTogether([first, last])).toBeInstanceOf(UsageError);
  });
});
