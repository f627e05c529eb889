import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { excerpt } from '../../text/message-values.js';
import { parameterRedirectsOf, type ParameterRedirect } from '../api-properties/redirect-url.js';
import { redirectUrlMentions, type RedirectUrlMention } from './redirect-url-mentions.js';
import { mentionIsUsed, onTestHost, TEST_HOST, usedRedirect } from './redirect-url-use.js';
import { redirectUrlWords } from './redirect-url-words.js';

/** A parameter's redirect, and its URL read as the readme's are. */
interface KnownRedirect extends ParameterRedirect {
  used: RedirectUrlMention;
}

function knownRedirects(apiProperties: Record<string, unknown> | undefined): KnownRedirect[] {
  const known: KnownRedirect[] = [];
  for (const redirect of parameterRedirectsOf(apiProperties)) {
    const used = usedRedirect(redirect.url);
    if (used) known.push({ ...redirect, used });
  }
  return known;
}

/** "under redirectMode GlobalPerConnector", where every OAuth parameter has the same mode. */
function modeWords(redirects: readonly KnownRedirect[]): string {
  const modes = new Set(redirects.map(({ mode }) => mode));
  if (modes.size > 1) return '';
  const [mode] = modes;
  return mode === undefined ? 'with no redirectMode ' : `under redirectMode ${excerpt(mode)} `;
}

function message(mention: RedirectUrlMention, redirects: readonly KnownRedirect[]): string {
  const test = mention.host === TEST_HOST;
  const urls = [...new Set(redirects.map(({ url }) => (test ? onTestHost(url) : url)))];
  const who = test ? "the certification team's tests sign in" : 'the connector signs in';
  return `The readme gives ${excerpt(mention.written)} as the redirect URL, but ${modeWords(redirects)}${who} through ${redirectUrlWords(urls)}. Write ${urls.length > 1 ? 'the one these steps are for' : 'that URL'}: an OAuth app that allows only the one written rejects every sign-in.`;
}

/** The same URL again on the line (a link whose text is its address): one finding for one fix. */
function repeatsOnLine(
  previous: RedirectUrlMention | undefined,
  mention: RedirectUrlMention,
  lineStart: number,
): boolean {
  if (!previous || previous.written.toLowerCase() !== mention.written.toLowerCase()) return false;
  return previous.offset >= lineStart;
}

export const oauthRedirectRule: RuleDefinition = {
  id: 'README-OAUTH-REDIRECT',
  file: 'readme',
  title: "Give the redirect URL that the connector's redirectMode signs in through.",
  description:
    'The readme tells makers which redirect URL to allow in their OAuth app; if the connector signs in through another, every sign-in fails ("The redirect_uri doesn\'t match the client registered redirect_uri", issue #3212). apiProperties.json decides which one: under `redirectMode: GlobalPerConnector` the connector\'s own, the `redirectUrl` written (https://global.consent.azure-apim.net/redirect/zohocalendar) or, without one, https://global.consent.azure-apim.net/redirect/ and its API name, which its Security tab shows once it is created; under Global, or with no redirectMode and no `redirectUrl`, the shared https://global.consent.azure-apim.net/redirect; otherwise the `redirectUrl` written (Direct: a regional one). Reported: each redirect URL the readme writes that none of the connector\'s OAuth parameters signs in through: the shared URL under GlobalPerConnector (merged certified Zellis and Cognite Data Fusion), another connector\'s own URL, a connector\'s own URL under Global, an `http://` one. Accepted: a placeholder for the API name (`…/redirect/<API name>`) under GlobalPerConnector, any API name where the file writes no `redirectUrl` (its name is not known before the connector is created), and the test counterpart of the right URL on global-test.consent.azure-apim.net. Not asked: that the readme also name the test URL (https://global-test.consent.azure-apim.net/redirect). Microsoft asks publishers to allow it on the OAuth app they give the certification team when they submit a certified connector (certification-submission, "Submit to ISV Studio", which independent publishers skip), not to write it in the readme, which makers follow and whose connections never sign in through it; no readme of the 373 merged connectors studied names it (18 readmes name the shared URL, 6 of them of independent publishers). A warning: 2 merged connectors give the wrong URL. The example\'s connector has `"redirectMode": "GlobalPerConnector", "redirectUrl": "https://global.consent.azure-apim.net/redirect/contoso"`.',
  levels: sameLevels('warning'),
  example: {
    bad: '## Obtaining Credentials\nRegister an app at https://developer.contoso.com with the redirect URL https://global.consent.azure-apim.net/redirect.',
    good: '## Obtaining Credentials\nRegister an app at https://developer.contoso.com with the redirect URL https://global.consent.azure-apim.net/redirect/contoso.',
  },
  check(context) {
    const document = context.connector.files.readme?.document;
    if (document === undefined) return;
    const mentions = redirectUrlMentions(document.firstSideText);
    if (mentions.length === 0) return;
    const redirects = knownRedirects(context.apiProperties);
    if (redirects.length === 0) return;
    let reported: RedirectUrlMention | undefined;
    for (const mention of mentions) {
      if (mention.tail.kind === 'unclear') continue;
      if (redirects.some(({ used }) => mentionIsUsed(mention, used))) continue;
      // The readme's line index, which places the findings too: asked in text order, it reads each
      // line once, where searching back from each repeat for its line read a long line again (quadratic).
      if (repeatsOnLine(reported, mention, document.lineStartOf(mention.offset))) continue;
      reported = mention;
      context.report({
        offset: mention.offset,
        length: mention.length,
        message: message(mention, redirects),
      });
    }
  },
};
