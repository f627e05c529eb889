import { describe, expect, it } from '@jest/globals';
import { isNotificationUrl } from '../../src/swagger/notification-url.js';
import { diffEdited, withRule } from '../diff/diff-fixture.js';
import type { Json } from '../helpers/swagger-cases.js';

/** ListTasks with a new required query parameter `callback`, its mark `x-ms-notification-url` as given. */
function callbackAdded(mark: unknown) {
  return (swagger: Json): void => {
    swagger.paths['/tasks'].get.parameters.push({
      name: 'callback',
      in: 'query',
      type: 'string',
      required: true,
      'x-ms-notification-url': mark,
    });
  };
}

describe('x-ms-notification-url: the webhook callback address the platform fills in', () => {
  it('is marked by the boolean true alone, for the one function the rules and the diff share', () => {
    expect(isNotificationUrl({ 'x-ms-notification-url': true })).toBe(true);
    expect(
      [
        { 'x-ms-notification-url': 'true' },
        { 'x-ms-notification-url': 1 },
        { 'x-ms-notification-url': false },
        {},
        [true],
        true,
        undefined,
      ].map(isNotificationUrl),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it('makes a required input no one that existing flows must send, in the diff, only when true', () => {
    expect(withRule(diffEdited(callbackAdded(true)), 'BRK-REQ-PARAM-ADDED')).toEqual([]);
    expect(withRule(diffEdited(callbackAdded('true')), 'BRK-REQ-PARAM-ADDED')).toHaveLength(1);
  });
});
