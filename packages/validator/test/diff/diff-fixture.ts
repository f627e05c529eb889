import { JsonDocument } from '../../src/json/json-document.js';
import { diffConnectorFiles } from '../../src/diff/connector-diff.js';
import type { Change, DiffResult } from '../../src/diff/change.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

/** A swagger under edit: tests reach deep into it without narrowing. */

export type Json = Record<string, any>;

/** Diffs two swaggers written as pretty JSON, as real files are. */
export function diffSwaggers(before: Json, after: Json): DiffResult {
  return diffConnectorFiles(
    { swagger: JsonDocument.parse(JSON.stringify(before, null, 2)), swaggerPath: 'old.swagger.json' },
    { swagger: JsonDocument.parse(JSON.stringify(after, null, 2)), swaggerPath: 'new.swagger.json' },
  );
}

/** Diffs the valid connector's swagger against a copy changed by `edit`. */
export function diffEdited(edit: (swagger: Json) => void, start: Json = validSwagger()): DiffResult {
  const after = structuredClone(start);
  edit(after);
  return diffSwaggers(start, after);
}

export function diffApiProperties(
  edit: (properties: Json) => void,
  before: Json = validApiProperties(),
): DiffResult {
  const after = structuredClone(before);
  edit(after);
  return diffConnectorFiles(
    { apiProperties: JsonDocument.parse(JSON.stringify(before, null, 2)) },
    { apiProperties: JsonDocument.parse(JSON.stringify(after, null, 2)) },
  );
}

export function withRule(result: DiffResult, ruleId: string): Change[] {
  return result.changes.filter((change) => change.ruleId === ruleId);
}

/** The line of the first occurrence of `needle` in the pretty-printed JSON (1-based). */
export function lineOf(value: Json, needle: string, from = 0): number {
  const text = JSON.stringify(value, null, 2);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`${needle} not in the document`);
  return text.slice(0, at).split('\n').length;
}
