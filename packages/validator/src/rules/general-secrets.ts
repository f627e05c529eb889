import { nameExcerpt } from '../text/message-values.js';
import { findColons } from '../json/colons.js';
import { JsonDocument } from '../json/json-document.js';
import type { TextDocument } from '../loader/text-document.js';
import type { FileKind } from '../model/finding.js';
import { sameLevels, type RuleDefinition } from '../model/rule.js';
import { maskSecret } from './general-secrets/placeholders.js';
import { findTextSecrets, type TextSecret } from './general-secrets/text-secrets.js';
import { secretParameterDefaults } from './general-secrets/parameter-defaults.js';
import { secretPropertyDefaults, type SecretPropertyDefault } from './general-secrets/property-defaults.js';
import { SecretsByValue } from './general-secrets/once-per-value.js';
import { policySecrets } from './general-secrets/policy-secrets.js';
import { asString, type JsonObject } from '../swagger/json-values.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';

const TEXT_KINDS = ['swagger', 'apiProperties', 'settings', 'readme', 'script'] as const;

/**
 * The colons of a file's text that a secret name may end before: a JSON document has them found
 * once for this rule and the duplicate-key screen; a readme's or script's are found here.
 */
function colonsAfterSecretName(document: JsonDocument | TextDocument): readonly number[] {
  return (document instanceof JsonDocument ? document.colons : findColons(document.text)).afterSecretName;
}

/** Adds the secrets written in a file's text to `secrets`, each place with the report of it. */
function scanFile(
  kind: Exclude<FileKind, 'folder' | 'icon'>,
  document: JsonDocument | TextDocument,
  secrets: SecretsByValue,
): void {
  const found = findTextSecrets(document.text, colonsAfterSecretName(document), {
    fileLinks: kind === 'readme',
    // apiProperties' clientSecret is PROP-OAUTH-SECRET's.
    skipsKey: kind === 'apiProperties' ? (key) => /^client_?secret$/i.test(key) : undefined,
  });
  for (const secret of found) {
    secrets.add(secret.value, secret.offset, () => ({
      file: kind,
      offset: secret.offset,
      length: secret.length,
      message: secretMessage(secret),
    }));
  }
}

/** What a finding says of a secret of a file's text, by what told it. */
function secretMessage(secret: TextSecret): string {
  const masked = maskSecret(secret.value);
  switch (secret.kind) {
    case 'format':
      return `This looks like ${secret.format} (${masked}). Never commit secrets: replace it with a placeholder and revoke it, since it stays in the git history.`;
    case 'assignment':
      return `The ${secret.key} ${masked} looks like a real secret. Replace it with a placeholder such as "[[DUMMY]]" and revoke it, since it stays in the git history.`;
    case 'url': {
      const what =
        secret.parameter === undefined
          ? 'a password in its user information'
          : `its ${secret.parameter} in the query`;
      return `This URL carries ${what} (${masked}), which looks like a real secret: anyone who reads the file can use it. Replace it with a placeholder such as "{apiKey}" and revoke it, since it stays in the git history.`;
    }
  }
}

/** The advice on a secret default that users send: theirs should be their own. */
const REMOVE_SENT_DEFAULT =
  'Remove the default, let each user give their own key in a connection parameter, and revoke this one, since it stays in the git history.';

/**
 * Adds the secrets hard-coded as the defaults of secret-named swagger parameters and schema
 * properties to `secrets`, each reported at its default, and placed where the default is in the
 * text (all located in one pass).
 */
function addDefaults(swagger: SwaggerModel, document: JsonDocument, secrets: SecretsByValue): void {
  const parameters = secretParameterDefaults(swagger);
  const properties = secretPropertyDefaults(swagger);
  if (parameters.length === 0 && properties.length === 0) return;
  const places = document.locateAll([...parameters, ...properties].map((secret) => secret.pointer));
  for (const secret of parameters) {
    secrets.add(secret.value, places.get(secret.pointer)?.offset ?? 0, () => ({
      pointer: secret.pointer,
      message: `The default of the ${secret.in ? `${secret.in} ` : ''}parameter '${nameExcerpt(secret.name)}' looks like a real secret (${maskSecret(secret.value)}): every user of the connector would send it. ${REMOVE_SENT_DEFAULT}`,
    }));
  }
  for (const secret of properties) {
    secrets.add(secret.value, places.get(secret.pointer)?.offset ?? 0, () => ({
      pointer: secret.pointer,
      message: propertyDefaultMessage(secret),
    }));
  }
}

/**
 * Adds the secrets that setheader and setqueryparameter policies send under a credential's name
 * (policy-secrets.ts) to `secrets`, each reported at its value, all located in one pass.
 */
function addPolicySecrets(
  apiProperties: JsonObject | undefined,
  host: string | undefined,
  document: JsonDocument,
  secrets: SecretsByValue,
): void {
  const found = policySecrets(apiProperties, host);
  if (found.length === 0) return;
  const places = document.locateAll(found.map((secret) => secret.pointer));
  for (const secret of found) {
    secrets.add(secret.value, places.get(secret.pointer)?.offset ?? 0, () => ({
      file: 'apiProperties',
      pointer: secret.pointer,
      message: `The ${secret.templateId} policy sets the ${secret.sets} '${nameExcerpt(secret.name)}' to what looks like a real secret (${maskSecret(secret.value)}): every call of every user of the connector sends it, and anyone who reads the connector can use it. Set it from a connection parameter instead, such as "@connectionParameters('apiKey')", and revoke this one, since it stays in the git history.`,
    }));
  }
}

/** What a secret default of a property leaks, by where its schema is written. */
function propertyDefaultMessage(secret: SecretPropertyDefault): string {
  const name = nameExcerpt(secret.name);
  const masked = maskSecret(secret.value);
  switch (secret.side) {
    case 'request':
      return `The default of the body field '${name}' looks like a real secret (${masked}): every user of the connector would send it. ${REMOVE_SENT_DEFAULT}`;
    case 'response':
      return `The default of the response field '${name}' looks like a real secret (${masked}): no request sends it, but it is published with the connector, for anyone who reads it to use. Remove the default and revoke this key, since it stays in the git history.`;
    case 'definition':
      return `The default of the field '${name}' looks like a real secret (${masked}): it is published with the connector, and every user would send it in a request body that uses this definition. ${REMOVE_SENT_DEFAULT}`;
  }
}

export const secretRules: RuleDefinition[] = [
  {
    id: 'GEN-SECRETS',
    file: 'swagger',
    title: 'Never commit real secrets.',
    description:
      'The security pipeline runs CredScan, which breaks the build on credentials, and the repository README says to replace secrets with dummy values. Known token formats (AWS, GitHub, Slack, Google, Stripe, OpenAI, private keys, Azure storage keys, SAS signatures, JWTs), secret-named values (client_secret, api_key, password, …) and credentials in URLs (`?api_key=…`, `?access_token=…`, `https://user:password@host`, also where JSON writes the `&` between parameters as `\\u0026`) are reported in every text file, as are secrets hard-coded as the default of a secret-named swagger parameter (an internal api_key or Authorization header, or a body parameter sent as a string: the default of its schema, `{"in": "body", "name": "api_key", "schema": {"type": "string", "default": …}}`, written in place or in a definition the body schema uses through `$ref`), of an Azure Function key (`code` on an azurewebsites.net host, `x-functions-key`) or of a secret-named property of a body or response schema (`"api_key": {"type": "string", "default": …}`, in the schema or in a definition it uses through `$ref`, and the items of such an array: a response does not send it, but publishes it with the connector), or written as the value a setheader or setqueryparameter policy of apiProperties.json sends under such a name (`"x-ms-apimTemplateParameter.name": "X-Api-Key"` with a literal `"x-ms-apimTemplateParameter.value"`: every user sends it with every call; a policy expression such as `@connectionParameters(\'apiKey\')` or `@headers(\'X-Api-Key\')` is filled in for each request, and is no secret), unless they look like placeholders (`[[DUMMY]]`, `YOUR_API_KEY`, `<Enter your client secret>`, `test`) or typed for documentation (an ascending run such as `123456` or `abcdef`, one character five times in a row). In a readme, the `token` of a link that shares one file for download (`download.php?id=202&token=…`, a Firebase Storage `logo.png?alt=media&token=…`) opens that file alone, and is not reported, unless the address is an API address (a host such as `api.…` or `…dropboxapi.com`, a path through `api`, `rest`, `graphql`, `services`, `webservice` or a version `v2`); in a script or the swagger such a link is a call, and its token is reported. A secret written in several places of a file is one finding, at its first place, which names the lines of the others. The secret itself is never printed.',
    levels: sameLevels('error'),
    example: {
      bad: '"api_key": "9f8c2e7d4b1a6f3e0c5d8b2a7e4f1c6d"',
      good: '"api_key": "YOUR_API_KEY"',
    },
    check(context) {
      for (const kind of TEXT_KINDS) {
        const document = context.connector.files[kind]?.document;
        if (document === undefined) continue;
        const secrets = new SecretsByValue();
        scanFile(kind, document, secrets);
        if (context.swagger && document instanceof JsonDocument && kind === 'swagger')
          addDefaults(context.swagger, document, secrets);
        if (document instanceof JsonDocument && kind === 'apiProperties')
          addPolicySecrets(context.apiProperties, asString(context.swagger?.root.host), document, secrets);
        for (const report of secrets.reports()) context.report(report);
      }
    },
  },
];
