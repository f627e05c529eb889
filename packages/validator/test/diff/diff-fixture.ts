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

/** One version of a connector: either file may be missing, as in a real folder. */
export interface ConnectorJson {
  swagger?: Json;
  apiProperties?: Json;
}

/** Diffs two connectors of a swagger and an apiProperties each, written as pretty JSON. */
export function diffConnectors(before: ConnectorJson, after: ConnectorJson): DiffResult {
  const version = (files: ConnectorJson) => ({
    ...(files.swagger ? { swagger: JsonDocument.parse(JSON.stringify(files.swagger, null, 2)) } : {}),
    ...(files.apiProperties
      ? { apiProperties: JsonDocument.parse(JSON.stringify(files.apiProperties, null, 2)) }
      : {}),
  });
  return diffConnectorFiles(version(before), version(after));
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
