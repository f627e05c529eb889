import { has } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { NOTIFICATION_CONTENT } from '../../swagger/notification-content.js';

/**
 * A trigger whose path item has `x-ms-notification-content`: read on the path item the operation
 * was read from (SwaggerModel.pathItemOf), as the diff reads it.
 */
export function isWebhookSubscription(model: SwaggerModel, operation: OperationInfo): boolean {
  if (!operation.isTrigger) return false;
  const pathItem = model.pathItemOf(operation);
  return pathItem !== undefined && has(pathItem, NOTIFICATION_CONTENT);
}
