import { asObject, has } from '../../swagger/json-values.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { NOTIFICATION_CONTENT } from '../../swagger/notification-content.js';

export function isWebhookSubscription(model: SwaggerModel, operation: OperationInfo): boolean {
  const pathItem = asObject(model.paths?.[operation.path]);
  return operation.isTrigger && pathItem !== undefined && has(pathItem, NOTIFICATION_CONTENT);
}
