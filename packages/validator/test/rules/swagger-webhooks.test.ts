import { describeRule, VALID, type Json, type SwaggerEdit } from '../helpers/swagger-cases.js';
import { addWebhook } from '../helpers/valid-connector.js';

const HOOK = '/paths/~1hooks/post';
const URL_PROPERTY = `${HOOK}/parameters/0/schema/properties/callbackUrl`;

/** The helpers' webhook trigger POST /hooks (OnTaskCreated) with a DELETE, then `change` applied to it. */
function webhook(change: (operation: Json, swagger: Json) => void = () => {}): SwaggerEdit {
  return (s) => {
    addWebhook(s);
    change(s.paths['/hooks'].post, s);
  };
}
const urlProperty = (s: Json) => s.paths['/hooks'].post.parameters[0].schema.properties.callbackUrl;

describeRule(
  'SWG-WH-NOTIF-URL',
  [
    {
      name: 'on a webhook without a notification URL',
      edit: webhook((_, s) => delete urlProperty(s)['x-ms-notification-url']),
      pointer: HOOK,
      message: /'OnTaskCreated' is missing notification URL/,
    },
  ],
  [VALID, { name: 'on a complete webhook', edit: webhook() }],
);

describeRule(
  'SWG-WH-NOTIF-CONTENT',
  [
    {
      name: 'on a webhook without x-ms-notification-content',
      edit: webhook((_, s) => delete s.paths['/hooks']['x-ms-notification-content']),
      pointer: '/paths/~1hooks',
      message: /has '1' properties marked as notification URL/,
    },
    {
      // Not missing but one level too deep: the platform reads the path item's only.
      name: 'on x-ms-notification-content written on the operation, at that key, asking to move it up',
      edit: webhook((operation, s) => {
        operation['x-ms-notification-content'] = s.paths['/hooks']['x-ms-notification-content'];
        delete s.paths['/hooks']['x-ms-notification-content'];
      }),
      pointer: `${HOOK}/x-ms-notification-content`,
      message:
        /^The operation 'OnTaskCreated' is missing notification content extension as it has '1' properties marked as notification URL\. 'x-ms-notification-content' is written on the operation; move it up to the path item '\/hooks', beside 'post'\.$/,
    },
    {
      name: 'counting the notification URL properties',
      edit: webhook((operation, s) => {
        delete s.paths['/hooks']['x-ms-notification-content'];
        operation.parameters[0].schema.properties.otherUrl = { ...urlProperty(s) };
      }),
      pointer: '/paths/~1hooks',
      message: /has '2' properties marked as notification URL/,
    },
  ],
  [
    { name: 'on a complete webhook', edit: webhook() },
    {
      // Only a trigger registers a webhook.
      name: 'on an action whose body has a notification URL',
      edit: (s) =>
        (s.paths['/tasks'].post.parameters[0].schema.properties.title['x-ms-notification-url'] = true),
    },
  ],
);

describeRule(
  'SWG-NOTIF-URL-POS',
  [
    {
      name: 'on a query parameter',
      edit: (s) =>
        s.paths['/tasks'].get.parameters.push({
          name: 'cb',
          in: 'query',
          type: 'string',
          'x-ms-notification-url': true,
        }),
      pointer: '/paths/~1tasks/get/parameters/1/x-ms-notification-url',
    },
    {
      name: 'on a response schema',
      edit: (s) => (s.paths['/tasks'].get.responses['200'].schema['x-ms-notification-url'] = true),
      pointer: '/paths/~1tasks/get/responses/200/schema/x-ms-notification-url',
    },
    {
      name: 'on a shared response schema',
      edit: (s) =>
        (s.responses = {
          Error: { description: 'Error', schema: { type: 'string', 'x-ms-notification-url': true } },
        }),
      pointer: '/responses/Error/schema/x-ms-notification-url',
    },
  ],
  [
    { name: 'in the request body', edit: webhook() },
    {
      name: 'on the body parameter itself',
      edit: webhook((operation) => (operation.parameters[0]['x-ms-notification-url'] = true)),
    },
  ],
);

describeRule(
  'SWG-NOTIF-URL-INTERNAL',
  [
    {
      name: 'on a visible notification URL',
      edit: webhook((_, s) => delete urlProperty(s)['x-ms-visibility']),
      pointer: `${URL_PROPERTY}/x-ms-notification-url`,
    },
  ],
  [
    { name: 'on an internal property', edit: webhook() },
    {
      name: 'when the body parameter is internal',
      edit: webhook((operation, s) => {
        delete urlProperty(s)['x-ms-visibility'];
        operation.parameters[0]['x-ms-visibility'] = 'internal';
      }),
    },
  ],
);

describeRule(
  'SWG-NOTIF-URL-REQUIRED',
  [
    {
      name: 'on an optional notification URL',
      edit: webhook((operation) => (operation.parameters[0].schema.required = [])),
      pointer: `${URL_PROPERTY}/x-ms-notification-url`,
    },
  ],
  [{ name: 'on a required property', edit: webhook() }],
);

describeRule(
  'SWG-NOTIF-URL-STRING',
  [
    {
      name: 'on an object',
      edit: webhook((_, s) => (urlProperty(s).type = 'object')),
      pointer: `${URL_PROPERTY}/x-ms-notification-url`,
    },
  ],
  [{ name: 'on a string', edit: webhook() }],
);

describeRule(
  'SWG-NOTIF-EXT',
  [
    {
      name: 'on an action',
      edit: webhook(
        (_, s) => (s.paths['/tasks'].post['x-ms-notification'] = { operationId: 'OnTaskCreated' }),
      ),
      pointer: '/paths/~1tasks/post/x-ms-notification',
      message: /trigger operations only/,
    },
    {
      name: 'on a webhook',
      edit: webhook((operation) => (operation['x-ms-notification'] = { operationId: 'OnTaskCreated' })),
      pointer: `${HOOK}/x-ms-notification`,
      message: /must not be defined in a webhook operation/,
    },
    {
      name: 'when the target is not a webhook',
      edit: (s) => {
        s.paths['/tasks'].get['x-ms-trigger'] = 'batch';
        s.paths['/tasks'].get['x-ms-notification'] = { operationId: 'GetTask' };
      },
      pointer: '/paths/~1tasks/get/x-ms-notification/operationId',
    },
  ],
  [
    VALID,
    {
      name: 'on a polling trigger pointing at a webhook',
      edit: webhook((_, s) => {
        s.paths['/tasks'].get['x-ms-trigger'] = 'batch';
        s.paths['/tasks'].get['x-ms-notification'] = { operationId: 'OnTaskCreated' };
      }),
    },
  ],
);

describeRule(
  'SWG-WH-DELETE',
  [
    {
      name: 'when no DELETE exists',
      edit: webhook((_, s) => delete s.paths['/hooks/{hookId}']),
      pointer: HOOK,
      severity: 'warning',
      message: /no matching DELETE/,
    },
    {
      // A DELETE trigger under the webhook's path removes nothing (SWG-TRIGGER-ENUM warns of it).
      name: "when the only DELETE under the webhook's path is itself a trigger",
      edit: webhook((_, s) => {
        delete s.paths['/hooks/{hookId}'];
        s.paths['/hooks'].delete = {
          operationId: 'OnHookDeleted',
          'x-ms-trigger': 'single',
          responses: { '200': { description: 'OK' } },
        };
      }),
      pointer: HOOK,
      severity: 'warning',
      message: /has no matching DELETE operation/,
    },
    {
      name: 'when the only DELETE is a user action on another path (it cannot remove the subscription)',
      edit: webhook((_, s) => {
        delete s.paths['/hooks/{hookId}'];
        s.paths['/tasks/{taskId}'].delete = userDelete('DeleteTask', 'taskId');
      }),
      pointer: HOOK,
      severity: 'warning',
      message:
        /no DELETE operation that removes its subscription: 'DeleteTask' is a visible action on \/tasks\/\{taskId\}\. Define an internal DELETE/,
    },
    {
      name: 'when the only DELETEs are user actions on other paths, naming the first and counting the rest',
      edit: webhook((_, s) => {
        delete s.paths['/hooks/{hookId}'];
        s.paths['/tasks/{taskId}'].delete = userDelete('DeleteTask', 'taskId');
        s.paths['/items/{itemId}'] = { delete: userDelete('DeleteItem', 'itemId') };
      }),
      pointer: HOOK,
      severity: 'warning',
      message:
        /'DeleteTask' is a visible action on \/tasks\/\{taskId\} \(and 1 more DELETE operation\)\. Define an internal DELETE/,
    },
    {
      name: 'when the only visible DELETE of an /events webhook sits on another route',
      edit: webhookAtEvents('/items/{id}'),
      pointer: '/paths/~1events/post',
      severity: 'warning',
      message: /no DELETE operation that removes its subscription/,
    },
    {
      name: 'when the only visible DELETE sits on a longer route that starts with the webhook path (/eventsources)',
      edit: webhookAtEvents('/eventsources/{id}'),
      pointer: '/paths/~1events/post',
      severity: 'warning',
      message: /no DELETE operation that removes its subscription/,
    },
    {
      name: 'on a 200 registration, as info',
      edit: webhook((operation) => (operation.responses = { '200': { description: 'OK' } })),
      pointer: `${HOOK}/responses`,
      severity: 'info',
      message:
        /'OnTaskCreated' documents 200 and no 201: registration is to answer 201 with a 'Location' header/,
    },
    {
      // The 201 is there: only its header is to be added ("should return 201" said it was missing).
      name: 'on a 201 registration without a Location header, naming the header to add',
      edit: webhook((operation) => delete operation.responses['201'].headers),
      pointer: `${HOOK}/responses/201`,
      severity: 'info',
      message:
        /^The 201 response of the webhook operation 'OnTaskCreated' has no 'Location' header: add "headers": \{ "Location": \{ "type": "string" \} \} to it/,
    },
    {
      // SWG-OP-RESP-SUCCESS leaves empty responses to SWG-OP-RESP-REQ, so the hint is this rule's.
      name: 'on empty responses, as info',
      edit: webhook((operation) => (operation.responses = {})),
      pointer: `${HOOK}/responses`,
      severity: 'info',
      message: /'OnTaskCreated' documents no response: registration is to answer 201/,
    },
  ],
  [
    { name: 'on a complete webhook', edit: webhook() },
    {
      // SWG-OP-RESP-SUCCESS gives the same advice there, as a warning: one finding for one fix.
      name: 'on a registration with error responses only (SWG-OP-RESP-SUCCESS asks for the 201)',
      edit: webhook((operation) => (operation.responses = { '400': { description: 'Bad request' } })),
    },
    {
      name: 'when a visible DELETE sits under the webhook path',
      edit: webhook((_, s) => delete s.paths['/hooks/{hookId}'].delete['x-ms-visibility']),
    },
    {
      // No word of the paths or operationIds names a subscription: only the paths' routes decide.
      name: 'when a visible DELETE sits under an /events webhook path, in another case and with a trailing slash',
      edit: webhookAtEvents('/Events/{eventId}/'),
    },
    {
      // /events and RemoveItem name no subscription: only the route decides.
      name: 'when a visible DELETE sits at the webhook path itself',
      edit: webhook((_, s) => {
        s.paths['/events'] = s.paths['/hooks'];
        delete s.paths['/hooks'];
        delete s.paths['/hooks/{hookId}'];
        s.paths['/events'].delete = { ...userDelete('RemoveItem', 'id'), parameters: [] };
      }),
    },
    {
      name: 'when a visible DELETE sits under a webhook path written with a trailing slash',
      edit: webhook((_, s) => {
        s.paths['/events/'] = s.paths['/hooks'];
        delete s.paths['/hooks'];
        delete s.paths['/hooks/{hookId}'];
        s.paths['/events/{id}'] = { delete: userDelete('RemoveItem', 'id') };
      }),
    },
    {
      name: 'when a visible DELETE names the subscription (path or operationId)',
      edit: webhook((_, s) => {
        delete s.paths['/hooks/{hookId}'];
        s.paths['/subscriptions/{id}'] = { delete: userDelete('RemoveSubscription', 'id') };
        s.paths['/tasks/{taskId}'].delete = userDelete('UnregisterWebhook', 'taskId');
      }),
    },
    {
      name: 'when a visible DELETE names the subscription in its path alone, in capitals',
      edit: webhook((_, s) => {
        delete s.paths['/hooks/{hookId}'];
        s.paths['/Subscriptions/{id}'] = { delete: userDelete('RemoveItem', 'id') };
      }),
    },
    {
      name: 'when a visible DELETE names the subscription in its operationId alone',
      edit: webhook((_, s) => {
        delete s.paths['/hooks/{hookId}'];
        s.paths['/tasks/{taskId}'].delete = userDelete('RemoveSubscription', 'taskId');
      }),
    },
    {
      name: 'when an internal DELETE sits on an unrelated path',
      edit: webhook((_, s) => {
        delete s.paths['/hooks/{hookId}'];
        s.paths['/tasks/{taskId}'].delete = {
          ...userDelete('RemoveTask', 'taskId'),
          'x-ms-visibility': 'internal',
        };
      }),
    },
  ],
);

/** The webhook at /events instead of /hooks, with a visible DELETE RemoveItem at `deletePath` only. */
function webhookAtEvents(deletePath: string): SwaggerEdit {
  return webhook((_, s) => {
    s.paths['/events'] = s.paths['/hooks'];
    delete s.paths['/hooks'];
    delete s.paths['/hooks/{hookId}'];
    const parameter = /\{(\w+)\}/.exec(deletePath)![1]!;
    s.paths[deletePath] = { delete: userDelete('RemoveItem', parameter) };
  });
}

/** A visible DELETE operation with one path parameter. */
function userDelete(operationId: string, parameter: string): Json {
  return {
    operationId,
    summary: 'Delete an item',
    description: 'Deletes the item.',
    parameters: [
      {
        name: parameter,
        in: 'path',
        required: true,
        type: 'string',
        'x-ms-url-encoding': 'single',
        'x-ms-summary': 'ID',
        description: 'The ID.',
      },
    ],
    responses: { '204': { description: 'Deleted' } },
  };
}
