import type { OperationInfo } from '../../swagger/operation-info.js';
import { routeOf } from './path-templates.js';
import { withoutTrailingSlashes } from '@connector-alm/core';

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

/**
 * Whether the swagger's DELETE operations can remove the subscription of a webhook at a given path.
 * Built once per swagger: one internal or subscription-named DELETE serves every webhook, which
 * spares the path comparisons in most connectors.
 */
export function subscriptionRemover(deletions: readonly OperationInfo[]): (webhookPath: string) => boolean {
  if (deletions.some(isInternalOrNamed)) return () => true;
  const shapes = deletions.map((deletion) => templateShape(deletion.path));
  return (webhookPath) => {
    const webhookShape = templateShape(webhookPath);
    // Under the path means at it or below one of its segments: /eventsources is not under /events.
    return shapes.some((shape) => shape === webhookShape || shape.startsWith(`${webhookShape}/`));
  };
}

function isInternalOrNamed(deletion: OperationInfo): boolean {
  return (
    deletion.isInternal ||
    SUBSCRIPTION_WORDS.test(deletion.path) ||
    SUBSCRIPTION_WORDS.test(deletion.operationId ?? '')
  );
}

/** The path's route (every template variable written `{}`) in lower case, without a trailing slash. */
function templateShape(path: string): string {
  return withoutTrailingSlashes(routeOf(path)).toLowerCase();
}
