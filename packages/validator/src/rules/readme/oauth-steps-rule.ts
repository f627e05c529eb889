import type { RuleContext, RuleDefinition } from '../../model/rule.js';
import { redirectUrlsOf } from '../api-properties/redirect-url.js';
import { outline, type ReadmeHeading, type ReadmeOutline } from './outline.js';
import { redirectUrlWords } from './redirect-url-words.js';
import { CREDENTIALS_HEADING, CREDENTIALS_SECTION, findSection } from './sections.js';
import { usesOAuth } from './uses-oauth.js';

/** Words of the steps that register an OAuth app. */
const REGISTRATION_STEPS = /redirect|regist|client\s*id|create\s+an?\s+(oauth\s+)?app|app\s+registration/i;

/** A heading about the app or its sign-in (normalized): "createazureadapp", "aadauthentication". */
const APP_HEADING = /app|oauth|auth/;

function explainsRegistration(readme: ReadmeOutline, heading: ReadmeHeading): boolean {
  if (heading.depth > 3 || !APP_HEADING.test(heading.normalized)) return false;
  return REGISTRATION_STEPS.test(readme.text.slice(heading.bodyStart, heading.bodyEnd));
}

/**
 * The steps stand under the app's own heading ("Registering an Azure Active Directory application"
 * in Office 365 Users, "Create Azure AD app").
 */
export function explainsRegistrationUnderAppHeading(readme: ReadmeOutline): boolean {
  return readme.headings.some((heading) => explainsRegistration(readme, heading));
}

/**
 * The redirect URL the registration has to allow, as the connector sets it (redirectUrlOf), in
 * brackets after "its redirect URL"; nothing where apiProperties.json does not say (OAuth declared
 * in the swagger only). Not always the shared URL: under GlobalPerConnector, which
 * PROP-OAUTH-REDIRECT asks for, an app that allows only the shared one fails to sign in.
 */
function namedRedirectUrls(context: RuleContext): string | undefined {
  const urls = redirectUrlsOf(context.apiProperties);
  return urls.length === 0 ? undefined : `The redirect URL to explain is ${redirectUrlWords(urls)}.`;
}

export const oauthStepsRule: RuleDefinition = {
  id: 'README-OAUTH-STEPS',
  file: 'readme',
  title: 'For OAuth, the readme explains how to create the OAuth app.',
  description:
    'With OAuth, the readme must give detailed steps to register the OAuth app, including the redirect URL ("The Microsoft Certification Team will use those instructions"; PR template, independent-publisher certification). Checked: an "Obtaining Credentials" section that mentions registering an app or the redirect URL, or, without one, a section named for the app, OAuth or authentication that does. A readme with no credentials section at all is left to README-SECTIONS-CERT and README-SECTIONS-IP, which ask for the section and, for OAuth, for these steps in it. The message names the redirect URL that apiProperties.json makes the connector use: under `redirectMode: GlobalPerConnector` its own, the `redirectUrl` written (https://global.consent.azure-apim.net/redirect/zohocalendar), else https://global.consent.azure-apim.net/redirect/ and its API name, which the connector\'s Security tab shows once it is created; under Global, or with no redirectMode and no redirectUrl, the shared https://global.consent.azure-apim.net/redirect; otherwise the `redirectUrl` written (Direct: a regional one).',
  levels: { certified: 'info', 'independent-publisher': 'warning', custom: 'off' },
  example: {
    bad: '## Obtaining Credentials\nSign in with your account.',
    good: '## Obtaining Credentials\nRegister an app at https://developer.contoso.com with the redirect URL https://global.consent.azure-apim.net/redirect/contoso …',
  },
  check(context) {
    const readme = outline(context);
    if (!readme || !usesOAuth(context)) return;
    // A readme without any credentials section is told so by README-SECTIONS-CERT or -IP, whose
    // message then asks for these steps there: one finding for one fix. This rule speaks for a
    // section that exists (or a readme that names it otherwise) but does not give the steps.
    if (!findSection(readme.headings, CREDENTIALS_SECTION)) return;
    const section = findSection(readme.headings, CREDENTIALS_HEADING);
    const body = section ? readme.text.slice(section.bodyStart, section.bodyEnd) : '';
    if (REGISTRATION_STEPS.test(body)) return;
    // Without a credentials section, the steps may stand under the app's own heading.
    if (!section && explainsRegistrationUnderAppHeading(readme)) return;
    const where = section ?? readme.headings[0];
    context.report({
      ...(where ? { offset: where.offset, length: where.length } : { line: 1 }),
      message: section
        ? 'The connector uses OAuth, but "Obtaining Credentials" does not explain how to register the OAuth app and its redirect URL. The certification team follows these steps.'
        : 'The connector uses OAuth, but the readme has no "Obtaining Credentials" section with the steps to register the OAuth app and its redirect URL.',
      // The URL follows apiProperties.json: a redirectMode changed as PROP-OAUTH-REDIRECT asks
      // leaves the readme's problem as it was, which `validate --base` then still calls existing.
      transientNote: namedRedirectUrls(context),
    });
  },
};
