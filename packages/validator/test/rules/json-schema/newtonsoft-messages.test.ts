import { describe, expect, it } from '@jest/globals';
import { fileSchemaValidator } from './file-schema-validator.js';
import { MAX_VALUE_LENGTH } from '../../../src/text/message-values.js';

// The messages in Newtonsoft.Json.Schema's wording quote the value that failed: as an excerpt, like
// every other value a message quotes (text/message-values.ts), on one line whatever it holds.

const validate = fileSchemaValidator({
  type: 'object',
  properties: {
    short: { type: 'string', maxLength: 5 },
    word: { type: 'string', pattern: '^[a-z]+$' },
    small: { type: 'number', maximum: 10 },
  },
});

describe('Newtonsoft-worded schema messages', () => {
  it('quote a long string as an excerpt of MAX_VALUE_LENGTH characters', () => {
    const [problem] = validate({ short: 'a'.repeat(5000) });
    expect(problem!.message).toBe(
      `String '${'a'.repeat(MAX_VALUE_LENGTH - 1)}…' exceeds maximum length of 5.`,
    );
  });

  it('quote a string with a line feed on one line', () => {
    const [problem] = validate({ word: 'two\nlines' });
    expect(problem!.message).toBe("String 'two\\nlines' does not match regex pattern '^[a-z]+$'.");
  });

  it('quote a number as it is written', () => {
    const [problem] = validate({ small: 12.5 });
    expect(problem!.message).toBe('Float 12.5 exceeds maximum value of 10.');
  });
});
