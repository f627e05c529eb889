import type { OperationInfo } from './operation-info.js';
import { declaredVersion } from './operation-versions.js';
import type { SwaggerModel } from './swagger-model.js';

/**
 * The first operation that is not deprecated at each revision of each `x-ms-api-annotation` family,
 * by `family` and `revision` joined: the active member a maker may have taken for a newer version of
 * a deprecated one at the same revision. One lookup a question: searching the operations for each
 * deprecated one was quadratic (1,000 deprecated among 1,000 kept read the operations 3 million times).
 */
const indexes = new WeakMap<SwaggerModel, ReadonlyMap<string, OperationInfo>>();

/** The first active operation of `family` at `revision`, if any; the index is built at the first question. */
export function activeMemberAt(
  model: SwaggerModel,
  family: string,
  revision: number,
): OperationInfo | undefined {
  let index = indexes.get(model);
  if (!index) {
    index = buildIndex(model);
    indexes.set(model, index);
  }
  return index.get(memberKey(family, revision));
}

function buildIndex(model: SwaggerModel): ReadonlyMap<string, OperationInfo> {
  const members = new Map<string, OperationInfo>();
  for (const operation of model.operations) {
    if (operation.isDeprecated) continue;
    const { family, revision } = declaredVersion(operation);
    if (family === undefined || revision === undefined) continue;
    const key = memberKey(family, revision);
    if (!members.has(key)) members.set(key, operation);
  }
  return members;
}

function memberKey(family: string, revision: number): string {
  return `${family}\u0000${revision}`;
}
