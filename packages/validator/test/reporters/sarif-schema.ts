import { expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';

/**
 * The official SARIF 2.1.0 schema, as shipped by @microsoft/jest-sarif. It is written for draft-04
 * (`id`), which Ajv 8 reads as draft-07 once the root id is renamed; it uses no other draft-04 syntax.
 * Its `language` pattern has a stray `]` that is only valid without the regular expressions' `u` flag.
 */
function sarifSchemaValidator() {
  const require = createRequire(import.meta.url);
  const schemaPath = path.join(
    path.dirname(require.resolve('@microsoft/jest-sarif/package.json')),
    'lib/schemas/sarif-2.1.0-rtm.5.json',
  );
  const { id, $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $id: id, ...schema });
}
export const validateSarif = sarifSchemaValidator();

export function expectValidSarif(log: Log): void {
  const valid = validateSarif(JSON.parse(JSON.stringify(log)));
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}
