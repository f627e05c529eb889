import type { OperationInfo } from '../../swagger/swagger-model.js';

/**
 * Which DELETE operations can remove a webhook's subscription. The platform calls DELETE on the URL of
 * the registration's Location header, so the swagger needs a DELETE for it; a visible DELETE on an
 * unrelated path (DeleteTask on /tasks/{id}) is a user action that cannot serve. Accepted, as the
 * merged connectors write it (corpus: 148 of 200 webhooks with a DELETE have an internal one):
 * an internal DELETE, one under the webhook's own path, or one whose path or operationId names a
 * subscription. The 46 merged webhooks left (6 connectors, e.g. Shopranos, HuddoBoards) have
 * only unrelated user DELETEs, so their subscriptions can never be removed.
 */
const SUBSCRIPTION_WORDS = /hook|subscri|notif|callback|regist|listen|trigger|watch/i;

export function removesSubscription(deletion: OperationInfo, webhookPath: string): boolean {
  if (deletion.isInternal) return true;
  if (templateShape(deletion.path).startsWith(templateShape(webhookPath))) return true;
  return SUBSCRIPTION_WORDS.test(deletion.path) || SUBSCRIPTION_WORDS.test(deletion.operationId ?? '');
}

/** The path in lower case with every template variable written `{}`, without a trailing slash. */
function templateShape(path: string): string {
  return path
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/+$/, '')
    .toLowerCase();
}
