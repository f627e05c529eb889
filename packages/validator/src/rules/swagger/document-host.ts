import { childPointer } from '../../json/pointer.js';
import { certificationLevels, sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { asArray, has, type JsonObject } from '../../swagger/json-values.js';
import { meantEntryPointer, meantList } from '../../swagger/meant-list.js';
import { policyInstances } from '../api-properties/policy-instances.js';
import { OPERATION_NAME_PARAMETER } from '../api-properties/policy-templates.js';
import { DOCUMENT_ROOT } from '../../json/pointer-place.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { OperationKey } from '../../swagger/operation-keys.js';
import { quoted } from '../../text/message-values.js';
import { valueWrite } from '../value-write-advice.js';

/**
 * Calls `visit` with each `schemes` list as meant (meantList: `"https"` is the list of it): the
 * root's, then each operation's that the structure walk lists (those not under an `x-` path key),
 * with its owner and the object holding it. Operations
 * are read only when the index saw a `schemes` key on them: looking up that key, absent from most,
 * on each of the corpus's ~6,100 operations (objects of hundreds of shapes) was most of the two
 * rules' time.
 */
function forEachSchemesList(
  model: SwaggerModel,
  visit: (schemes: readonly unknown[], owner: { readonly pointer: string }, holder: JsonObject) => void,
): void {
  const root = meantList(model.root.schemes);
  if (root) visit(root, DOCUMENT_ROOT, model.root);
  const operations = model.operations;
  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index]!;
    if ((operation.keys & OperationKey.schemes) === 0 || operation.path.startsWith('x-')) continue;
    const schemes = meantList(operation.operation.schemes);
    if (schemes) visit(schemes, operation, operation.operation);
  }
}

/** The repo schema's host pattern: a name or IP, an optional port, no scheme, path or template. */
const HOST_PATTERN = /^[^{}/ :\\]+(?::\d+)?$/;

/** Host names that point at a non-production environment (CERT step 4). */
const NON_PRODUCTION_HOST =
  /(?:^|[.-])(?:dev|devel|develop|development|staging|stage|stg|test|testing|qa|uat|preprod|sandbox)\d*(?=[.-])|localhost|ngrok|^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$/i;

const SUPPORTED_SCHEMES = ['http', 'https'];

/**
 * The host a `host` written as a URL plainly means: `https://api.contoso.com` or
 * `https://api.contoso.com/` is `api.contoso.com`. Undefined where more than the scheme (and a last
 * '/') is to be taken away: a path belongs in basePath, which is the maker's to write.
 */
function hostMeant(host: string): string | undefined {
  const bare = /^https?:\/\/([^/]*)\/?$/i.exec(host)?.[1];
  return bare !== undefined && HOST_PATTERN.test(bare) ? bare : undefined;
}

/**
 * The host name (and port) in a `host` as written, a URL's included (`https://dev.contoso.com/v1`
 * names `dev.contoso.com`): SWG-HOST says the rest is wrong, and the host is still judged.
 */
function hostNamed(host: string): string {
  const bare = host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const path = bare.indexOf('/');
  return path === -1 ? bare : bare.slice(0, path);
}

/**
 * Whether dynamichosturl policies send every operation to the connection's host, so that the
 * swagger's host is a placeholder ("test.com" in Delinea Secret Server, "test.inserve-api.nl" in
 * Inserve): a policy without an operation list applies to all of them.
 */
function hostReplacedEverywhere(context: RuleContext): boolean {
  const covered = new Set<unknown>();
  for (const policy of policyInstances(context.apiProperties)) {
    if (policy.template !== 'dynamichosturl') continue;
    const operations = asArray(policy.parameters?.[OPERATION_NAME_PARAMETER]);
    if (!operations) return true;
    for (const name of operations) covered.add(name);
  }
  if (covered.size === 0) return false;
  return (context.swagger?.operations ?? []).every((operation) => covered.has(operation.operationId));
}

export const documentHostRules: RuleDefinition[] = [
  {
    id: 'SWG-HOST',
    file: 'swagger',
    title: 'Give "host" as a bare host name, without scheme or path.',
    description:
      'Swagger 2.0 `host` is a name or IP with an optional port. A scheme (`https://`), a path or a template placeholder is rejected (SVR: HostNameNotValid). Put the path in `basePath`; for per-connection hosts use the dynamichosturl policy. `validate --fix` takes the scheme away from a host written as a URL without a path (`https://api.contoso.com`).',
    levels: sameLevels('error'),
    msCode: 'HostNameNotValid',
    msMessage: "The 'host' property, if present, must be a valid URI host without a scheme or path.",
    example: {
      bad: '{ "host": "https://api.contoso.com/v1" }',
      good: '{ "host": "api.contoso.com", "basePath": "/v1" }',
    },
    namesFixes: 'valueWrites',
    check(context) {
      const host = context.swagger?.root.host;
      if (typeof host !== 'string' || HOST_PATTERN.test(host)) return;
      const meant = hostMeant(host);
      context.report({
        pointer: '/host',
        message: `The 'host' property, if present, must be a valid URI host without a scheme or path.${meant === undefined ? '' : ` Write ${quoted(meant)}.`}`,
        ...(meant === undefined ? {} : valueWrite(context, 'swagger', meant)),
      });
    },
  },
  {
    id: 'SWG-HOST-PROD',
    file: 'swagger',
    title: 'Point "host" at the production service.',
    description:
      'Certification requires a production host: "Staging, dev, and test host URLs aren\'t allowed" (CERT step 4). Flagged heuristically: host names with dev, staging, test, qa, uat, sandbox labels, localhost, ngrok tunnels and raw IP addresses. A host that dynamichosturl policies replace for every operation is a placeholder and is not judged.',
    levels: certificationLevels('warning', 'off'),
    example: { bad: '{ "host": "api-staging.contoso.com" }', good: '{ "host": "api.contoso.com" }' },
    check(context) {
      const host = context.swagger?.root.host;
      if (typeof host !== 'string' || !NON_PRODUCTION_HOST.test(hostNamed(host))) return;
      if (hostReplacedEverywhere(context)) return;
      context.report({
        pointer: '/host',
        message: `The host ${quoted(host)} looks like a development, test or staging host. Certified connectors must use the production host.`,
      });
    },
  },
  {
    id: 'SWG-BASEPATH',
    file: 'swagger',
    title: 'Start "basePath" with a slash.',
    description:
      "Swagger 2.0 `basePath` is an absolute path (SVR: BasePathNotValid). `validate --fix` writes the '/' a basePath such as `v1` lacks.",
    levels: sameLevels('error'),
    msCode: 'BasePathNotValid',
    msMessage: "The 'basePath' property, if present, must start with a '/' character.",
    example: { bad: '{ "basePath": "v1" }', good: '{ "basePath": "/v1" }' },
    namesFixes: 'valueWrites',
    check(context) {
      const basePath = context.swagger?.root.basePath;
      if (typeof basePath !== 'string' || basePath.startsWith('/')) return;
      // `v1` is plainly `/v1`; an empty basePath or one of white space may be meant otherwise.
      const meant = basePath.trim() === basePath && basePath !== '' ? `/${basePath}` : undefined;
      context.report({
        pointer: '/basePath',
        message: `The 'basePath' property, if present, must start with a '/' character.${meant === undefined ? '' : ` Write ${quoted(meant)}.`}`,
        ...(meant === undefined ? {} : valueWrite(context, 'swagger', meant)),
      });
    },
  },
  {
    id: 'SWG-SCHEMES-EMPTY',
    file: 'swagger',
    title: 'List at least one scheme in "schemes".',
    description:
      'An empty `schemes` array is rejected (SVR: SchemesArrayEmpty). The repo templates ship `"schemes": []`, so a template left unchanged fails.',
    levels: sameLevels('error'),
    msCode: 'SchemesArrayEmpty',
    msMessage: "The 'schemes' array requires at least one value.",
    example: { bad: '{ "schemes": [] }', good: '{ "schemes": ["https"] }' },
    check(context) {
      if (!context.swagger) return;
      forEachSchemesList(context.swagger, (schemes, owner) => {
        if (schemes.length === 0) {
          context.report({
            pointer: childPointer(owner.pointer, 'schemes'),
            message: "The 'schemes' array requires at least one value.",
          });
        }
      });
    },
  },
  {
    id: 'SWG-SCHEMES-VALID',
    file: 'swagger',
    title: 'Use only https (or http) in "schemes".',
    description:
      'Connectors support only HTTP transfer protocols: WebSocket schemes are not supported (SVR: SchemeNotSupported) and anything else is invalid (SVR: SchemeNotValid). Beyond Microsoft: an API reachable only over plain http gets a warning, since credentials and data would travel unencrypted (9 merged connectors). `validate --fix` writes a scheme in other case (`HTTPS`) in lower case.',
    levels: sameLevels('error'),
    msCode: 'SchemeNotValid',
    namesFixes: 'valueWrites',
    msMessage: "The 'schemes' property must only contain transfer protocols from the list: {0}.",
    example: { bad: '{ "schemes": ["wss"] }', good: '{ "schemes": ["https"] }' },
    check(context) {
      if (!context.swagger) return;
      forEachSchemesList(context.swagger, (schemes, owner, holder) => {
        const at = childPointer(owner.pointer, 'schemes');
        const listWritten = Array.isArray(holder.schemes);
        schemes.forEach((scheme, index) => {
          if (typeof scheme === 'string' && SUPPORTED_SCHEMES.includes(scheme)) return;
          // `HTTPS` is plainly `https`, which validate --fix writes. In a list written as a string,
          // SWG-JSONTYPE names the list meant with it so (listMeantAt), which --fix writes.
          const lower = typeof scheme === 'string' ? scheme.toLowerCase() : undefined;
          const meant = lower !== undefined && SUPPORTED_SCHEMES.includes(lower) ? lower : undefined;
          if (meant !== undefined && !listWritten && context.isRuleOn('SWG-JSONTYPE')) return;
          context.report({
            pointer: meantEntryPointer(at, holder.schemes, index),
            message:
              lower === 'ws' || lower === 'wss'
                ? 'The WebSocket transfer protocol schemes are not supported.'
                : `The 'schemes' property must only contain transfer protocols from the list: ${SUPPORTED_SCHEMES.join(', ')}.${meant === undefined ? '' : ` Write ${quoted(meant)}.`}`,
            ...(meant === undefined || !listWritten ? {} : valueWrite(context, 'swagger', meant)),
          });
        });
        if (schemes.length > 0 && schemes.every((scheme) => scheme === 'http') && has(holder, 'schemes')) {
          context.report({
            pointer: at,
            severity: 'warning',
            message:
              "The API is reachable only over plain 'http'; use 'https' so that credentials and data are encrypted.",
          });
        }
      });
    },
  },
];
