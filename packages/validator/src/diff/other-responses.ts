import type { ResponseInfo } from '../swagger/operation-info.js';
import { has } from '../swagger/json-values.js';
import { differingKeys } from './json-equal.js';

/** A response other than the success one whose description alone was edited. */
export interface RedescribedResponse {
  readonly was: ResponseInfo;
  readonly is: ResponseInfo;
}

/** Responses other than the success one that changed alike: their codes, in order, and how. */
export interface ResponseChangeGroup {
  readonly codes: readonly string[];
  /** "added", "removed", or the keys edited ("schema added", "description, headers"). */
  readonly move: string;
}

export interface OtherResponseChanges {
  /** Edits of a description alone: a minor update, as the success response's are. */
  readonly redescribed: readonly RedescribedResponse[];
  /** Every other change, grouped by how the response changed, the groups in the order of their first code. */
  readonly changed: readonly ResponseChangeGroup[];
}

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * How an operation's responses other than its success one (the codes in `skip`) changed. Microsoft's
 * criteria of a minor update list response descriptions, so an edit of a description alone is told
 * apart; "Changed: responses 400." said neither that nor what else changed, and made such an edit a
 * major update (Cognito Forms' 17d43ad1 gave five error responses a schema: now "400, 401, 403, 404,
 * 500 (schema added)").
 */
export function otherResponseChanges(
  before: readonly ResponseInfo[],
  after: readonly ResponseInfo[],
  skip: ReadonlySet<string | undefined>,
): OtherResponseChanges {
  // Looked up by code, not searched for: an operation of 20,000 codes took a search of each per code.
  const wasByCode = firstByCode(before);
  const isByCode = firstByCode(after);
  const codes = new Set([...wasByCode.keys(), ...isByCode.keys()].filter((code) => !skip.has(code)));
  const redescribed: RedescribedResponse[] = [];
  const groups = new Map<string, string[]>();
  for (const code of [...codes].sort()) {
    const was = wasByCode.get(code);
    const is = isByCode.get(code);
    const edited = was && is ? differingKeys(was.value, is.value, NO_KEYS) : [];
    if (was && is && edited.length === 0) continue;
    if (was && is && edited.length === 1 && edited[0] === 'description') {
      redescribed.push({ was, is });
      continue;
    }
    const move = !was ? 'added' : !is ? 'removed' : editOf(was, is, edited);
    const grouped = groups.get(move);
    if (grouped) grouped.push(code);
    else groups.set(move, [code]);
  }
  return { redescribed, changed: [...groups].map(([move, grouped]) => ({ codes: grouped, move })) };
}

/** The keys a response kept under its code has edited, as the message names them. */
function editOf(was: ResponseInfo, is: ResponseInfo, edited: readonly string[]): string {
  return edited.map((key) => (key === 'schema' ? schemaMove(was, is) : key)).join(', ');
}

function schemaMove(was: ResponseInfo, is: ResponseInfo): string {
  if (!has(was.value, 'schema')) return 'schema added';
  return has(is.value, 'schema') ? 'schema' : 'schema removed';
}

/** The first response of each code (as `find` took it). */
function firstByCode(responses: readonly ResponseInfo[]): Map<string, ResponseInfo> {
  const byCode = new Map<string, ResponseInfo>();
  for (const response of responses) if (!byCode.has(response.code)) byCode.set(response.code, response);
  return byCode;
}
