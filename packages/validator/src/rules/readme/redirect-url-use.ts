import { redirectUrlMentions, type RedirectUrlMention } from './redirect-url-mentions.js';

/**
 * The host of the certification team's tests: their sign-ins go through the connector's redirect
 * URL on it (`https://global-test.consent.azure-apim.net/redirect`, PROP-OAUTH-REDIRECT-URLS), so a
 * readme may name that one too.
 */
export const TEST_HOST = 'global-test';
const GLOBAL_HOST = 'global';

/**
 * The redirect URL a connector signs in through, read as a readme's URLs are; undefined where it is
 * no Power Platform redirect URL, or says nothing of the connector's own (a `redirectUrl` that ends
 * in a bare `/`): a readme's URLs are then not judged against it.
 */
export function usedRedirect(url: string): RedirectUrlMention | undefined {
  const [used] = redirectUrlMentions(url);
  if (!used || used.offset !== 0 || used.length !== url.length) return undefined;
  return used.tail.kind === 'unclear' ? undefined : used;
}

/** True when the readme's URL is the one the connector signs in through (`used`), or its test counterpart. */
export function mentionIsUsed(mention: RedirectUrlMention, used: RedirectUrlMention): boolean {
  if (mention.insecure) return false;
  if (mention.host !== used.host && !(mention.host === TEST_HOST && used.host === GLOBAL_HOST)) return false;
  const { tail } = mention;
  switch (used.tail.kind) {
    case 'none':
      return tail.kind === 'none';
    // A placeholder stands for the connector's own URL, whichever it is: makers copy it from the
    // Security tab. So is an API name where the file does not write the URL, which we cannot know.
    case 'placeholder':
      return tail.kind === 'placeholder' || tail.kind === 'name';
    case 'name':
      return (
        tail.kind === 'placeholder' ||
        (tail.kind === 'name' && tail.name.toLowerCase() === used.tail.name.toLowerCase())
      );
    default:
      return true;
  }
}

/** The redirect URL as it reads on the test host, for a readme that names the test one. */
export function onTestHost(url: string): string {
  return url.replace(/^https:\/\/global\./i, `https://${TEST_HOST}.`);
}
