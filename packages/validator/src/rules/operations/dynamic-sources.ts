import type { OperationInfo } from '../../swagger/operation-info.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { targetOf } from './dynamic-call-operations.js';
import { dynamicCalls } from './dynamic-index.js';
import { perModel } from './rule-kit.js';

/**
 * The operations an x-ms-dynamic-* call of the document targets: the dropdown and schema helpers
 * the designer calls behind a card, not cards of their own. One pass a model.
 */
export const dynamicSources = perModel((model: SwaggerModel): ReadonlySet<OperationInfo> => {
  const sources = new Set<OperationInfo>();
  for (const call of dynamicCalls(model)) {
    const target = targetOf(model, call);
    if (target) sources.add(target);
  }
  return sources;
});
