import type { RuleContext, RuleDefinition } from '../../model/rule.js';
import { asObject, entriesOf } from '../../swagger/json-values.js';
import { hasParameterType } from '../api-properties/connection-parameters.js';
import { outline, type ReadmeHeading, type ReadmeOutline } from './outline.js';
import { CREDENTIALS_HEADING, findSection } from './sections.js';

/** Words of the steps that register an OAuth app. */
const REGISTRATION_STEPS = /redirect|regist|client\s*id|create\s+an?\s+(oauth\s+)?app|app\s+registration/i;

/** A heading about the app or its sign-in (normalized): "createazureadapp", "aadauthentication". */
const APP_HEADING = /app|oauth|auth/;

function explainsRegistration(readme: ReadmeOutline, heading: ReadmeHeading): boolean {
  if (heading.depth > 3 || !APP_HEADING.test(heading.normalized)) return false;
  return REGISTRATION_STEPS.test(readme.text.slice(heading.bodyStart, heading.bodyEnd));
}

function usesOAuth(context: RuleContext): boolean {
  if (hasParameterType(context.apiProperties, 'oauthSetting')) return true;
  return entriesOf(context.swagger?.root.securityDefinitions).some(
    ([, definition]) => asObject(definition)?.type === 'oauth2',
  );
}

export const oauthStepsRule: RuleDefinition = {
  id: 'README-OAUTH-STEPS',
  file: 'readme',
  title: 'For OAuth, the readme explains how to create the OAuth app.',
  description:
    'With OAuth, the readme must give detailed steps to register the OAuth app, including the redirect URL ("The Microsoft Certification Team will use those instructions"; PR template, independent-publisher certification). Checked: an "Obtaining Credentials" section that mentions registering an app or the redirect URL, or, without one, a section named for the app, OAuth or authentication that does.',
  levels: { certified: 'info', 'independent-publisher': 'warning', custom: 'off' },
  example: {
    bad: '## Obtaining Credentials\nSign in with your account.',
    good: '## Obtaining Credentials\nRegister an app at https://developer.contoso.com with the redirect URL https://global.consent.azure-apim.net/redirect …',
  },
  check(context) {
    const readme = outline(context);
    if (!readme || !usesOAuth(context)) return;
    const section = findSection(readme.headings, CREDENTIALS_HEADING);
    const body = section ? readme.text.slice(section.bodyStart, section.bodyEnd) : '';
    if (REGISTRATION_STEPS.test(body)) return;
    // Without a credentials section, the steps may stand under the app's own heading ("Registering
    // an Azure Active Directory application" in Office 365 Users, "Create Azure AD app").
    if (!section && readme.headings.some((heading) => explainsRegistration(readme, heading))) return;
    const where = section ?? readme.headings[0];
    context.report({
      ...(where ? { offset: where.offset, length: where.length } : { line: 1 }),
      message: section
        ? 'The connector uses OAuth, but "Obtaining Credentials" does not explain how to register the OAuth app and its redirect URL (https://global.consent.azure-apim.net/redirect). The certification team follows these steps.'
        : 'The connector uses OAuth, but the readme has no "Obtaining Credentials" section with the steps to register the OAuth app and its redirect URL.',
    });
  },
};
