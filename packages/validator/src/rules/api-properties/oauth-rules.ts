import { childPointer } from '../../json/pointer.js';
import { jsonExcerpt, nameExcerpt } from '../../text/message-values.js';
import { inOtherCase } from '../../text/other-case.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString, entriesOf, has } from '../../swagger/json-values.js';
import { isPlaceholderSecret, maskSecret } from '../general-secrets/placeholders.js';
import { connectionParametersOf, oAuthSettingsOf } from './connection-parameters.js';
import { SHARED_REDIRECT_URL } from './redirect-url.js';
import { isInHouseConnector } from '../in-house-connector.js';
import { reportSchemaProblems } from './schema-problems.js';
import { REDIRECT_MODES } from './schema.js';

const TENANT_UI: Record<string, string> = {
  displayName: 'Tenant',
  description: 'The tenant ID of for the Azure Active Directory application',
};

/** Custom parameters each identity provider accepts (schema); `undefined` means not restricted. */
const ALLOWED_CUSTOM_PARAMETERS: Record<string, readonly string[] | undefined> = {
  oauth2: ['authorizationUrl', 'tokenUrl', 'refreshUrl'],
};

/** Written once: the rule runs on every connector, and nearly all have no redirectMode problem. */
const REDIRECT_MODE_ADVICE = `Use one of: ${REDIRECT_MODES.join(', ')} (case-sensitive).`;

export const apiPropertiesOAuthRules: RuleDefinition[] = [
  {
    id: 'PROP-TENANTID',
    file: 'apiProperties',
    title: '`token:TenantId` must have its exact fixed shape.',
    description:
      'The `token:TenantId` claim parameter is a fixed object: type string, metadata.sourceType AzureActiveDirectoryTenant, constraints hidden "true" and required "false", and, if given, displayName "Tenant" and the description "The tenant ID of for the Azure Active Directory application" (sic). The apiProperties pipeline reports anything else in connectionParameters as Critical (PR #1421, #3097). In a `connectionParameterSets` entry only the type and metadata are fixed: a service-principal set asks the user for the tenant, visible and required (two certified connectors).',
    levels: certificationLevels('error'),
    msMessage: 'Invalid value for the {0} property within the UI Definition object.',
    example: {
      placement: 'connectionParameters',
      bad: '"token:TenantId": { "type": "string", "metadata": { "sourceType": "AzureActiveDirectoryTenant" }, "uiDefinition": { "description": "Your tenant", "constraints": { "hidden": "true", "required": "false" } } }',
      good: '"token:TenantId": { "type": "string", "metadata": { "sourceType": "AzureActiveDirectoryTenant" }, "uiDefinition": { "constraints": { "hidden": "true", "required": "false" } } }',
    },
    check(context) {
      for (const parameter of connectionParametersOf(context.apiProperties)) {
        if (parameter.name !== 'token:TenantId') continue;
        const { value, pointer } = parameter;
        if (value.type !== 'string') {
          context.report({
            pointer: childPointer(pointer, 'type'),
            message: 'The type of token:TenantId must be "string".',
          });
        }
        if (asObject(value.metadata)?.sourceType !== 'AzureActiveDirectoryTenant') {
          context.report({
            pointer: childPointer(pointer, 'metadata'),
            message: 'token:TenantId must have "metadata": { "sourceType": "AzureActiveDirectoryTenant" }.',
          });
        }
        // The fixed texts and constraints are connectionParameters' (PR #1421, #3097): a parameter set
        // for a service principal asks the user for the tenant, visible and required with its own
        // texts (certified 3E Events and Azure Communication Services SMS Events; Microsoft's own
        // service-principal connections pass token:TenantId with the client id and secret).
        if (parameter.inSet) continue;
        const ui = asObject(value.uiDefinition);
        const uiPointer = childPointer(pointer, 'uiDefinition');
        for (const [key, given] of entriesOf(ui)) {
          if (key === 'constraints') continue;
          if (TENANT_UI[key] === undefined || given !== TENANT_UI[key]) {
            context.report({
              pointer: childPointer(uiPointer, key),
              message: `Invalid value for the ${nameExcerpt(key)} property within the UI Definition object.${TENANT_UI[key] === undefined ? ' Remove it.' : ` Write "${TENANT_UI[key]}" or leave it out.`}`,
            });
          }
        }
        const constraints = asObject(ui?.constraints);
        for (const [key, expected] of [
          ['hidden', 'true'],
          ['required', 'false'],
        ] as const) {
          const given = constraints?.[key];
          if (String(given) !== expected) {
            context.report({
              pointer: childPointer(uiPointer, 'constraints', key),
              message: `Invalid value for the constraints.${key} property within the UI Definition object. token:TenantId needs "${key}": "${expected}".`,
            });
          }
        }
      }
    },
  },
  {
    id: 'PROP-OAUTH-IDP',
    file: 'apiProperties',
    title: 'Use a known OAuth identity provider with its required settings.',
    description:
      'oAuthSettings.identityProvider is one of oauth2, oauth2generic, aad, aadcertificate, facebook (schema), or the first-party DocuSign (2 merged connectors). aad and aadcertificate need customParameters.resourceUri (cased otherwise, as "ResourceUri" in a certified connector merged in 2025: a warning); aadcertificate also needs properties.IsFirstParty "True"; oauth2 accepts only authorizationUrl, tokenUrl and refreshUrl as custom parameters. IsFirstParty is the string "True" or "False" (10 merged files write a boolean: warning). A value written in other case of one of them (`AAD`, `direct`, `oAuthSetting`) is written right by `validate --fix`.',
    levels: certificationLevels('error'),
    namesFixes: 'valueWrites',
    msMessage: 'Value {0} is not defined in enum.',
    example: {
      placement: 'oauthConnectionParameter',
      bad: '"oAuthSettings": { "identityProvider": "aad", "clientId": "…" }',
      good: '"oAuthSettings": { "identityProvider": "aad", "clientId": "…", "customParameters": { "resourceUri": { "value": "https://graph.microsoft.com" } } }',
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-OAUTH-IDP');
      for (const { settings, pointer } of oAuthSettingsOf(context.apiProperties)) {
        const provider = asString(settings.identityProvider);
        const customParameters = asObject(settings.customParameters);
        const customPointer = childPointer(pointer, 'customParameters');
        if (
          (provider === 'aad' || provider === 'aadcertificate') &&
          !has(customParameters ?? {}, 'resourceUri')
        ) {
          // "ResourceUri" (certified Riverbed IQ Assist, merged in 2025; a parameter set of Azure
          // Communication Services SMS Events) is there, only cased unlike the schema: as for oauth2's
          // parameters below, that is worth a warning, not a missing-parameter error.
          const cased = inOtherCase('resourceUri', Object.keys(customParameters ?? {}));
          context.report(
            cased
              ? {
                  pointer: childPointer(customPointer, cased),
                  severity: 'warning',
                  message: `Write the custom parameter '${cased}' as 'resourceUri', the name the schema defines.`,
                }
              : {
                  pointer: childPointer(customPointer, 'resourceUri'),
                  message: `The identity provider ${provider} requires customParameters.resourceUri: the resource (audience) to get tokens for.`,
                },
          );
        }
        const properties = asObject(settings.properties);
        const firstParty = properties?.IsFirstParty;
        if (provider === 'aadcertificate' && firstParty !== 'True') {
          context.report({
            pointer: childPointer(pointer, 'properties', 'IsFirstParty'),
            message:
              'The identity provider aadcertificate requires "properties": { "IsFirstParty": "True" }.',
          });
        } else if (firstParty !== undefined && firstParty !== 'True' && firstParty !== 'False') {
          context.report({
            pointer: childPointer(pointer, 'properties', 'IsFirstParty'),
            severity: 'warning',
            message: `Value ${jsonExcerpt(firstParty)} is not defined in enum. IsFirstParty is the string "True" or "False".`,
          });
        }
        const allowed = provider === undefined ? undefined : ALLOWED_CUSTOM_PARAMETERS[provider];
        if (!allowed) continue;
        for (const [name] of entriesOf(customParameters)) {
          if (allowed.includes(name)) continue;
          const intended = inOtherCase(name, allowed);
          if (intended) {
            context.report({
              pointer: childPointer(customPointer, name),
              severity: 'warning',
              message: `Write the custom parameter '${nameExcerpt(name)}' as '${intended}', the name the schema defines.`,
            });
            continue;
          }
          context.report({
            pointer: childPointer(customPointer, name),
            message: `The identity provider ${provider} does not accept the custom parameter '${nameExcerpt(name)}' (only ${allowed.join(', ')}). Use oauth2generic for other parameters.`,
          });
        }
      }
    },
  },
  {
    id: 'PROP-OAUTH-REDIRECT',
    file: 'apiProperties',
    title: 'Use the per-connector redirect URL (`redirectMode: GlobalPerConnector`).',
    description:
      'redirectMode is Global, GlobalPerConnector or Direct. Reviewers ask for GlobalPerConnector, the per-connector redirect URI (30 merged connectors), although the apiProperties pipeline still answers `Value "GlobalPerConnector" is not defined in enum.` (PR #3097): that message can be ignored. `Global` is the legacy shared redirect URI: warning (for a custom connector outside the PowerPlatformConnectors layout, the message gives the platform\'s reason, not the reviewers\'). Values are case-sensitive. A value written in other case of one of them (`AAD`, `direct`, `oAuthSetting`) is written right by `validate --fix`.',
    levels: certificationLevels('error', 'warning'),
    namesFixes: 'valueWrites',
    msMessage: 'Value {0} is not defined in enum.',
    example: {
      placement: 'oauthSettings',
      bad: '"redirectMode": "Global"',
      good: '"redirectMode": "GlobalPerConnector"',
      goodNote:
        "Microsoft's apiProperties pipeline rejects the value, which the platform accepts, and the note says that this error can be ignored",
    },
    check(context) {
      reportSchemaProblems(context, 'PROP-OAUTH-REDIRECT', REDIRECT_MODE_ADVICE);
      for (const { settings, pointer } of oAuthSettingsOf(context.apiProperties)) {
        const mode = settings.redirectMode;
        const modePointer = childPointer(pointer, 'redirectMode');
        if (mode === 'Global') {
          context.report({
            pointer: modePointer,
            severity: 'warning',
            message: `redirectMode Global uses the shared redirect URI ${SHARED_REDIRECT_URL}; use GlobalPerConnector, the per-connector redirect URI ${isInHouseConnector(context) ? 'that the platform recommends over the legacy shared one' : 'that reviewers ask for'}.`,
          });
        } else if (mode === 'GlobalPerConnector' && !isInHouseConnector(context)) {
          // A note about the upstream's pipeline, which a company's own connector never goes through.
          context.report({
            pointer: modePointer,
            severity: 'info',
            message:
              'Microsoft\'s apiProperties pipeline reports `Value "GlobalPerConnector" is not defined in enum.` for this value, but the platform accepts it and reviewers ask for it (PR #3097): that pipeline error can be ignored.',
          });
        }
      }
    },
  },
  {
    id: 'PROP-OAUTH-SECRET',
    file: 'apiProperties',
    title: 'Never commit a real OAuth client secret.',
    description:
      'clientSecret should be absent or a placeholder: paconn takes the secret with `--secret`, and the repository README says to replace secrets with dummy values (CredScan breaks the security build). Every merged clientSecret is a placeholder such as `[[DUMMY]]` or `YOUR_CLIENT_SECRET`.',
    levels: certificationLevels('error'),
    example: {
      placement: 'oauthSettings',
      bad: '"clientSecret": "q8R~x0P2mD3vN9bK7cL1zW4yT6uH5jF0gS8aE2"',
      good: '"clientSecret": "[[DUMMY]]"',
    },
    check(context) {
      for (const { settings, pointer } of oAuthSettingsOf(context.apiProperties)) {
        for (const key of ['clientSecret', 'ClientSecret', 'clientsecret']) {
          const secret = asString(settings[key]);
          if (secret === undefined || isPlaceholderSecret(secret)) continue;
          context.report({
            pointer: childPointer(pointer, key),
            message: `The ${key} ${maskSecret(secret)} looks like a real secret. Replace it with a placeholder such as "[[DUMMY]]", pass the secret with paconn --secret, and revoke it: it is in the git history.`,
          });
        }
      }
    },
  },
];
