import { describe, expect, it } from '@jest/globals';
import { boundedMessage, MAX_MESSAGE_LENGTH } from '../../src/text/message-length.js';

describe('boundedMessage: the one bound on a message, whatever its template quotes', () => {
  it('leaves a message up to the bound as it is, line feeds and all', () => {
    const message = `First line.\n${'x'.repeat(MAX_MESSAGE_LENGTH - 12)}`;
    expect(message).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(boundedMessage(message)).toBe(message);
  });

  it('cuts a longer one to an excerpt that says it was cut and how long it was, within the bound', () => {
    const message = `The value '${'v'.repeat(50_000)}' is wrong.`;
    const bounded = boundedMessage(message);
    expect(bounded.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(bounded.length).toBeGreaterThan(MAX_MESSAGE_LENGTH - 10);
    expect(bounded).toMatch(
      /^The value 'v+… \(Message cut: it had 50,022 characters; a message shows at most 8,000\.\)$/,
    );
  });

  it('shows the control characters of a cut message as escapes: it stays one line', () => {
    const bounded = boundedMessage(`a\nb${'c'.repeat(MAX_MESSAGE_LENGTH)}`);
    expect(bounded.startsWith('a\\nbc')).toBe(true);
    expect(bounded).not.toContain('\n');
  });
});
