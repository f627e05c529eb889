import { alternatives, MAX_NAME_LENGTH } from '../../text/message-values.js';
import { isPerConnectorForm } from '../api-properties/redirect-url.js';

/** A connector's OAuth parameter sets, and so its redirect URLs, are a few at most. */
const MAX_NAMED_URLS = 3;

/**
 * The redirect URLs an OAuth app has to allow, for a message: "A or B", and where one is the
 * connector's own URL that the file does not write, where makers find it.
 */
export function redirectUrlWords(urls: readonly string[]): string {
  const own = urls.some(isPerConnectorForm)
    ? ", the connector's own, which its Security tab shows once it is created"
    : '';
  return `${alternatives(urls, MAX_NAMED_URLS, MAX_NAME_LENGTH)}${own}`;
}
