import { joinedList } from '@connector-alm/core';
import { isObject } from '../../swagger/json-values.js';
import { nameExcerpt } from '../../text/message-values.js';
import type { OperationInfo, ResponseInfo } from '../../swagger/operation-info.js';
import { isSuccessCode } from './rule-kit.js';

/**
 * What SWG-RESP-MULTI-SCHEMA tells the maker to do with an operation's response schemas: which one to
 * keep, which to remove, and where a shared one is removed once. "Keep the schema of the success
 * response" was wrong for the 296 upstream operations whose schemas are all on errors (AIForged's
 * 400, 403 and 404) and unclear for the 339 with two success schemas (200 and 202); and 533 findings
 * in 24 connectors are fixed in one place, a `#/responses/…` definition their operations share.
 * `plan` is the operation's `schemaPlan`, which the rule's finding names its parts by too.
 */
export function multiSchemaAdvice(operation: OperationInfo, { kept, removed }: SchemaPlan): string {
  const remove = `remove the ${removed.length === 1 ? 'schema' : 'schemas'} of ${responsesNamed(removed)}`;
  // A 202's or 204's schema is no error's: "an error needs only its description" would misname it.
  const why = removed.some((response) => isSuccessCode(response.code))
    ? ''
    : ': an error needs only its description';
  const advice = kept
    ? `Keep the schema of the ${nameExcerpt(kept.code)} response, and ${remove}${why}.`
    : `No success response has one: ${remove}, and describe the output on ${outputResponse(operation)}.`;
  return `${advice}${sharedNote(removed)}`;
}

export interface SchemaPlan {
  kept?: ResponseInfo;
  removed: ResponseInfo[];
}

/**
 * Of the responses with a schema, the one whose schema stays (none when no success response has one)
 * and those whose schemas go: the advice's, and the parts of SWG-RESP-MULTI-SCHEMA's finding, so that
 * `validate --base` counts a schema removed as the advice asks as fixed, not the one it keeps.
 */
export function schemaPlan(operation: OperationInfo): SchemaPlan {
  const withSchema = operation.responses.filter((response) => isObject(response.value.schema));
  const kept = keptResponse(withSchema);
  return { kept, removed: withSchema.filter((response) => response !== kept) };
}

/** The schema the designer shows: the 200's, else the 201's, else that of the first other 2xx with a body. */
function keptResponse(withSchema: readonly ResponseInfo[]): ResponseInfo | undefined {
  return (
    withSchema.find((response) => response.code === '200') ??
    withSchema.find((response) => response.code === '201') ??
    withSchema.find((response) => isSuccessCode(response.code) && response.code !== '204')
  );
}

/** Where the output schema goes when no success response has one: the 2xx with a body, else a 200. */
function outputResponse(operation: OperationInfo): string {
  const success = operation.responses.find(
    (response) => isSuccessCode(response.code) && response.code !== '204',
  );
  return success
    ? `the ${nameExcerpt(success.code)} response`
    : 'a 200 response, if the operation returns one';
}

/** How many responses or definitions the advice names before it counts the rest. */
const MAX_NAMED = 4;

/** Response codes are keys a file may write as long as it likes: each an excerpt, a few at most. */
function responsesNamed(responses: readonly ResponseInfo[]): string {
  const codes = responses.map((response) =>
    response.code === 'default' ? "'default'" : nameExcerpt(response.code),
  );
  return `the ${joinedList(codes, { max: MAX_NAMED })} ${codes.length === 1 ? 'response' : 'responses'}`;
}

/** The `#/responses/…` definitions among those to change: one edit there serves every operation. */
function sharedNote(removed: readonly ResponseInfo[]): string {
  const shared = removed.filter((response) => response.definitionPointer !== response.pointer);
  if (shared.length === 0) return '';
  const one = shared.length === 1;
  const definitions = joinedList(
    [...new Set(shared.map((response) => nameExcerpt(`#${response.definitionPointer}`)))],
    { quote: "'", max: MAX_NAMED },
  );
  const named = responsesNamed(shared);
  return ` ${named[0]!.toUpperCase()}${named.slice(1)} ${one ? 'is' : 'are'} defined in ${definitions}: removing ${one ? 'its schema' : 'their schemas'} there fixes every operation that uses ${one ? 'it' : 'them'}.`;
}
