import { describe, expect, it } from '@jest/globals';
import { notificationContent } from '../../src/diff/diff-context.js';
import { webhooks } from '../../src/rules/operations/notification-urls.js';
import { isWebhookSubscription } from '../../src/rules/operations/webhook-subscription.js';
import { SwaggerModel } from '../../src/swagger/swagger-model.js';

/** A webhook whose path item is a `$ref` to one under `x-paths`, where its trigger and payload are written. */
const ROOT = {
  swagger: '2.0',
  paths: {
    '/hooks': { $ref: '#/x-paths/hooks' },
  },
  'x-paths': {
    hooks: {
      'x-ms-notification-content': { schema: { type: 'object' } },
      post: { operationId: 'OnCreated', 'x-ms-trigger': 'single', responses: {} },
    },
  },
};

describe('a path item written as a $ref', () => {
  it('is read where its operations were by the webhook rules and the diff alike', () => {
    // The diff's models follow a path item's $ref (the validator's do not: SWG-PATH-REF).
    const model = new SwaggerModel(structuredClone(ROOT), true);
    const [trigger] = model.operations;
    expect(trigger?.pathItemPointer).toBe('/x-paths/hooks');
    expect(model.pathItemOf(trigger!)).toBe((model.root['x-paths'] as Record<string, unknown>).hooks);
    expect(notificationContent(model, trigger!)?.pointer).toBe('/x-paths/hooks/x-ms-notification-content');
    expect(isWebhookSubscription(model, trigger!)).toBe(true);
    expect(webhooks(model).map((webhook) => [webhook.operation, webhook.notificationContent])).toEqual([
      [trigger, true],
    ]);
  });

  it('is read as written where the model does not follow it', () => {
    const root = structuredClone(ROOT) as Record<string, any>;
    // Written beside the $ref, which JSON Reference says is not read, and the service reads alone.
    root.paths['/hooks'].post = { operationId: 'OnWritten', 'x-ms-trigger': 'single', responses: {} };
    root.paths['/hooks']['x-ms-notification-content'] = { schema: { type: 'string' } };
    const model = new SwaggerModel(root);
    const [trigger] = model.operations;
    expect(trigger?.operationId).toBe('OnWritten');
    expect(model.pathItemOf(trigger!)).toBe(root.paths['/hooks']);
    expect(notificationContent(model, trigger!)?.pointer).toBe('/paths/~1hooks/x-ms-notification-content');
    expect(isWebhookSubscription(model, trigger!)).toBe(true);
  });
});
