/**
 * The path item's extension that holds a webhook's payload: the schema of what the service posts to
 * the trigger (its outputs), written beside the trigger's method. The rules, the structure walk and
 * the index of dynamic calls read it there, by this one name.
 */
export const NOTIFICATION_CONTENT = 'x-ms-notification-content';
