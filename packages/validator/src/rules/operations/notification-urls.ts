import { childPointer } from '../../json/pointer.js';
import { asObject, has } from '../../swagger/json-values.js';
import type { OperationInfo, SwaggerModel } from '../../swagger/swagger-model.js';
import { isInternalVisibility, perModel } from './rule-kit.js';

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

export function isMarked(value: unknown): boolean {
  return asObject(value)?.['x-ms-notification-url'] === true;
}

function bodyNotificationUrls(model: SwaggerModel, operation: OperationInfo): NotificationUrl[] {
  const body = operation.parameters.find((parameter) => parameter.in === 'body');
  if (!body) return [];
  const urls: NotificationUrl[] = [];
  const internal: boolean[] = [];
  const required: boolean[] = [];
  model.walkSchema(body.value.schema, childPointer(body.definitionPointer, 'schema'), (node) => {
    // Pre-order walk: entries below `depth` are this node's ancestors.
    internal[node.depth] = isInternalVisibility(node.schema['x-ms-visibility']);
    required[node.depth] = node.depth === 0 || node.required;
    if (node.schema['x-ms-notification-url'] !== true) return;
    urls.push({
      pointer: node.pointer,
      isString: node.schema.type === 'string',
      internalChain:
        isInternalVisibility(body.value['x-ms-visibility']) ||
        internal.slice(0, node.depth + 1).some(Boolean),
      requiredChain: required.slice(0, node.depth + 1).every(Boolean),
    });
  });
  return urls;
}

/**
 * Trigger operations that register a webhook: a notification URL in their body, or
 * `x-ms-notification-content` on their path item.
 */
export const webhooks = perModel((model: SwaggerModel): WebhookInfo[] =>
  model.operations.flatMap((operation) => {
    if (!operation.isTrigger) return [];
    const urls = bodyNotificationUrls(model, operation);
    const pathItem = asObject(model.paths?.[operation.path]);
    const notificationContent = pathItem !== undefined && has(pathItem, 'x-ms-notification-content');
    if (urls.length === 0 && !notificationContent) return [];
    return [{ operation, urls, notificationContent }];
  }),
);
