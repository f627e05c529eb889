import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { perModel } from './rule-kit.js';
import { isInternalVisibility } from '../../swagger/visibility.js';
import { isNotificationUrl } from '../../swagger/notification-url.js';
import { isWebhookSubscription } from './webhook-subscription.js';
import { meantTypeOf } from '../../swagger/meant-type.js';

/** A body property marked `x-ms-notification-url: true`, with what its schema chain says about it. */
export interface NotificationUrl {
  pointer: string;
  isString: boolean;
  /** The property, one of its parent schemas, or the body parameter is internal. */
  internalChain: boolean;
  /**
   * Every property from the body schema down to this one is required. The body parameter's own
   * `required` is not part of the chain: 15 merged certified webhooks leave it false.
   */
  requiredChain: boolean;
}

export interface WebhookInfo {
  operation: OperationInfo;
  urls: NotificationUrl[];
  notificationContent: boolean;
}

function bodyNotificationUrls(model: SwaggerModel, operation: OperationInfo): NotificationUrl[] {
  const body = operation.parameters.find((parameter) => parameter.in === 'body');
  if (!body) return [];
  const urls: NotificationUrl[] = [];
  const internal: boolean[] = [];
  const required: boolean[] = [];
  // Steps, not nodes: a node (and the body's pointer) is made only for a marked property.
  model.walkSchemaSteps(body.value.schema, { owner: body.definitionPlace, segment: 'schema' }, (step) => {
    // Pre-order walk: entries below `depth` are this node's ancestors.
    internal[step.depth] = isInternalVisibility(step.schema['x-ms-visibility']);
    required[step.depth] = step.depth === 0 || step.required;
    if (!isNotificationUrl(step.schema)) return;
    urls.push({
      pointer: step.node().pointer,
      isString: meantTypeOf(step.schema) === 'string',
      internalChain:
        isInternalVisibility(body.value['x-ms-visibility']) ||
        internal.slice(0, step.depth + 1).some(Boolean),
      requiredChain: required.slice(0, step.depth + 1).every(Boolean),
    });
  });
  return urls;
}

/**
 * Trigger operations that register a webhook: a notification URL in their body, or
 * `x-ms-notification-content` on their path item.
 */
export const webhooks = perModel((model: SwaggerModel): WebhookInfo[] => {
  // A loop, not flatMap: that made an empty list for each of the ~6,000 operations a corpus run
  // that are no trigger.
  const found: WebhookInfo[] = [];
  for (const operation of model.operations) {
    if (!operation.isTrigger) continue;
    const urls = bodyNotificationUrls(model, operation);
    const notificationContent = isWebhookSubscription(model, operation);
    if (urls.length === 0 && !notificationContent) continue;
    found.push({ operation, urls, notificationContent });
  }
  return found;
});
