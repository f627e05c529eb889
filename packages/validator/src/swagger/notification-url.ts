import { isObject } from './json-values.js';

/**
 * Whether a parameter or schema (resolved) is a webhook's callback address: `x-ms-notification-url:
 * true`. When a flow turns the webhook trigger on, the platform registers it with the service and
 * fills this input in with the address the service is to call back; flows never send it, so it is no
 * input a flow must give (a required one is filled for flows, a new or removed one breaks none), and a
 * trigger that has one is a webhook. Only the boolean `true` marks it, in every reading: the rules
 * (SWG-NOTIF-URL-*, the holder keys), the diff's required inputs and its trigger kinds, so that no
 * input is the platform's in one and the flow's in another.
 */
export function isNotificationUrl(node: unknown): boolean {
  return isObject(node) && node['x-ms-notification-url'] === true;
}
