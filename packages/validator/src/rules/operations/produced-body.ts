import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { effectiveMimeTypes } from './rule-kit.js';

/**
 * The schema that describes what an operation returns when it produces no JSON at all, as its
 * `produces` says (its own, else the document's): a text (`text/plain`, XML) is a string, and a file
 * (`application/octet-stream`, `image/png`, a PDF) a binary string, which the designer passes on as
 * the file's content. Undefined when it may return JSON (or says nothing), where "describe its
 * properties" is the advice. Upstream, 27 findings of SWG-RESP-DEFINED and SWG-RESP-EMPTY-SCHEMA are
 * on such operations, and describing properties is no advice for a file.
 */
export function nonJsonBodySchema(model: SwaggerModel, operation: OperationInfo): string | undefined {
  const produces = effectiveMimeTypes(model, operation, 'produces');
  if (!produces || produces.length === 0) return undefined;
  let binary = false;
  for (const written of produces) {
    const type = written.split(';', 1)[0]!.trim().toLowerCase();
    if (mayBeJson(type)) return undefined;
    if (!isText(type)) binary = true;
  }
  return binary ? '{ "type": "string", "format": "binary" }' : '{ "type": "string" }';
}

/** JSON, or any type, which may be JSON: `*\/*`, `application/*`. */
function mayBeJson(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json') || type === 'text/json' || type.endsWith('/*');
}

function isText(type: string): boolean {
  return (
    type.startsWith('text/') ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'application/text'
  );
}
