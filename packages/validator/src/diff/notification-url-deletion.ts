import { quoted } from '../text/message-values.js';
import { CHANGE_RULES } from './change-rules.js';
import type { ChangeRule } from './change-rule-type.js';
import { isNotificationUrl } from '../swagger/notification-url.js';

/**
 * How the deletion of a webhook's callback URL input is told, a parameter or a body field marked
 * `x-ms-notification-url: true` (`field` resolved): not as BRK-PARAM-DELETED, whose advice to keep it
 * would keep a webhook's registration in a trigger turned polling. The platform fills it in when it
 * registers the webhook: flows never send it, as a new one is no required parameter either
 * (BRK-REQ-PARAM-ADDED). A trigger that stopped being a webhook is BRK-TRIGGER-KIND's; the deletion
 * is listed as CHG-OTHER, so that the edit is not lost. Undefined for any other input.
 */
export function notificationUrlDeletion(
  what: 'parameter' | 'input field',
  name: string,
  field: unknown,
): { rule: ChangeRule; detail: string } | undefined {
  if (!isNotificationUrl(field)) return undefined;
  return {
    rule: CHANGE_RULES.other,
    detail: `Removed: the ${what} ${quoted(name)}, the webhook's x-ms-notification-url, which the platform fills in: flows never send it.`,
  };
}
