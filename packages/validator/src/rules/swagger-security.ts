import { nameExcerpt, quoteList, quoted } from '../text/message-values.js';
import { childPointer } from '../json/pointer.js';
import { DOCUMENT_ROOT } from '../json/pointer-place.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../model/rule.js';
import {
  asArray,
  asObject,
  asString,
  entriesOf,
  has,
  isObject,
  type JsonObject,
} from '../swagger/json-values.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import { OperationKey } from '../swagger/operation-keys.js';
import { perModel } from './operations/rule-kit.js';
import { OBJECT_FIELDS } from './swagger/structure/swagger-fields.js';
import { structureOf } from './swagger/structure.js';

/**
 * One scheme of a security requirement: `{ "<name>": [scopes] }`, with where it is written. The
 * pointer is built when read: three rules read every use of every operation, and report a few.
 */
class RequirementUse {
  constructor(
    readonly name: string,
    readonly scopes: unknown,
    /** The document root or the operation whose `security` lists it. */
    private readonly owner: { readonly pointer: string },
    private readonly index: number,
  ) {}

  get pointer(): string {
    return childPointer(this.owner.pointer, 'security', this.index, this.name);
  }
}

/** Every use, once per document for the three rules (it was built by each, with a pointer per operation). */
const requirementUsesOf = perModel((model: SwaggerModel): RequirementUse[] => {
  const uses: RequirementUse[] = [];
  const addList = (list: unknown, owner: { readonly pointer: string }): void => {
    const requirements = asArray(list);
    if (!requirements) return;
    for (let index = 0; index < requirements.length; index++) {
      for (const [name, scopes] of entriesOf(requirements[index])) {
        uses.push(new RequirementUse(name, scopes, owner, index));
      }
    }
  };
  addList(model.root.security, DOCUMENT_ROOT);
  for (const operation of model.operations)
    if ((operation.keys & OperationKey.security) !== 0) addList(operation.operation.security, operation);
  return uses;
});

function requirementUses(context: RuleContext): RequirementUse[] {
  return context.swagger ? requirementUsesOf(context.swagger) : [];
}

function securityDefinitions(context: RuleContext): JsonObject {
  return asObject(context.swagger?.root.securityDefinitions) ?? {};
}

/** Per type: properties required and allowed (besides `type`, `description` and extensions). */
const SCHEME_SHAPES: Record<string, { required: string[]; allowed: string[] }> = {
  basic: { required: [], allowed: [] },
  apiKey: { required: ['name', 'in'], allowed: ['name', 'in'] },
  'oauth2:implicit': {
    required: ['flow', 'authorizationUrl'],
    allowed: ['flow', 'authorizationUrl', 'scopes'],
  },
  'oauth2:password': { required: ['flow', 'tokenUrl'], allowed: ['flow', 'tokenUrl', 'scopes'] },
  'oauth2:application': { required: ['flow', 'tokenUrl'], allowed: ['flow', 'tokenUrl', 'scopes'] },
  'oauth2:accessCode': {
    required: ['flow', 'authorizationUrl', 'tokenUrl'],
    allowed: ['flow', 'authorizationUrl', 'tokenUrl', 'scopes'],
  },
  oauth2: { required: ['flow'], allowed: ['flow', 'authorizationUrl', 'tokenUrl', 'scopes'] },
};
const OAUTH_FLOWS = ['implicit', 'password', 'application', 'accessCode'];
const SCHEME_TYPES = ['basic', 'apiKey', 'oauth2'];

/** The lower-case types and names of the connection parameters of apiProperties. */
interface ConnectionParameterKinds {
  readonly types: Set<unknown>;
  readonly names: Set<string>;
}

/**
 * Of all connection parameters, single-auth or from every multi-auth parameter set. Read in place:
 * a copy of each parameter object with its name was ~0.6 MB a corpus run, for two fields.
 */
function connectionParameterKinds(context: RuleContext): ConnectionParameterKinds {
  const kinds = { types: new Set<unknown>(), names: new Set<string>() };
  const properties = asObject(context.apiProperties?.properties);
  if (!properties) return kinds;
  addConnectionParameters(properties.connectionParameters, kinds);
  for (const set of asArray(asObject(properties.connectionParameterSets)?.values) ?? []) {
    addConnectionParameters(asObject(set)?.parameters, kinds);
  }
  return kinds;
}

function addConnectionParameters(list: unknown, kinds: ConnectionParameterKinds): void {
  if (!isObject(list)) return;
  for (const name in list) {
    if (!has(list, name)) continue;
    // Lower-cased, as the platform reads the type (RamQuest Actions - UAT writes "oAuthSetting").
    const type = asObject(list[name])?.type;
    kinds.types.add(typeof type === 'string' ? type.toLowerCase() : type);
    kinds.names.add(name.toLowerCase());
  }
}

export const swaggerSecurityRules: RuleDefinition[] = [
  {
    id: 'SWG-SEC-DEFINED',
    file: 'swagger',
    title: 'Define every security requirement in securityDefinitions.',
    description:
      'A `security` requirement names a scheme of `securityDefinitions` (SVR lists an undefined name as an error). A warning here: Microsoft keeps merging connectors with undefined names (32 upstream in September 2025, 15 of them added since 2023, such as GlaassPro and Explorium AgentSource in 2025), so an error would fail pull requests that Microsoft accepts.',
    // Calibrated on all of upstream (session 20), not only the corpus: see the description.
    levels: sameLevels('warning'),
    msCode: 'SecurityRequirementNotDefined',
    msMessage: "The security requirement '{0}' is not defined in the 'securityDefinitions' object.",
    example: {
      bad: '{ "securityDefinitions": { "api_key": {…} }, "security": [{ "apiKey": [] }] }',
      good: '{ "securityDefinitions": { "api_key": {…} }, "security": [{ "api_key": [] }] }',
    },
    check(context) {
      const definitions = securityDefinitions(context);
      for (const use of requirementUses(context)) {
        if (has(definitions, use.name)) continue;
        // The defined names: NetDocuments' 59 findings name 'nd_auth' where 'oauth2_auth' is defined.
        const defined = Object.keys(definitions);
        const fix =
          defined.length > 0
            ? `Use the name of a defined scheme: ${quoteList(defined)}.`
            : 'Define the scheme there, or remove the requirement.';
        context.report({
          pointer: use.pointer,
          message: `The security requirement '${nameExcerpt(use.name)}' is not defined in the 'securityDefinitions' object. ${fix}`,
        });
      }
    },
  },
  {
    id: 'SWG-SEC-SCOPE',
    file: 'swagger',
    title: "Request only OAuth scopes the definition's scopes list.",
    description:
      "Each scope of an OAuth 2.0 security requirement must be a key of the definition's `scopes` (SVR).",
    levels: sameLevels('error'),
    msCode: 'SecurityRequirementScopeNotDefined',
    msMessage:
      "The OAuth security requirement '{0}' refers to scope name '{1}', but this is not defined in the 'securityDefinitions' object.",
    example: {
      bad: '{ "security": [{ "oauth2": ["tasks.write"] }] } with scopes { "tasks.read": "…" }',
      good: '{ "security": [{ "oauth2": ["tasks.read"] }] }',
    },
    check(context) {
      const definitions = securityDefinitions(context);
      for (const use of requirementUses(context)) {
        const definition = asObject(definitions[use.name]);
        if (definition?.type !== 'oauth2') continue;
        const scopes = asObject(definition.scopes) ?? {};
        const defined = Object.keys(scopes);
        (asArray(use.scopes) ?? []).forEach((scope, index) => {
          if (typeof scope !== 'string' || has(scopes, scope)) return;
          const name = nameExcerpt(use.name);
          // The defined scopes: Talkdesk's requirement holds a pasted "scope": "description" pair.
          const fix =
            defined.length > 0
              ? `Use a scope that securityDefinitions '${name}' lists: ${quoteList(defined)}; or add '${nameExcerpt(scope)}' to its scopes.`
              : `Add '${nameExcerpt(scope)}' to the scopes of securityDefinitions '${name}'.`;
          context.report({
            pointer: childPointer(use.pointer, index),
            message: `The OAuth security requirement '${name}' refers to scope name '${nameExcerpt(scope)}', but this is not defined in the 'securityDefinitions' object. ${fix}`,
          });
        });
      }
    },
  },
  {
    id: 'SWG-SEC-EMPTY',
    file: 'swagger',
    title: 'Give non-OAuth security requirements an empty scope list.',
    description:
      'Only OAuth 2.0 requirements list scopes; basic and apiKey requirements must be `[]`, and every requirement needs a value (SVR).',
    levels: sameLevels('error'),
    msCode: 'SecurityRequirementScopesNotAllowed',
    msMessage: "The security requirement '{0}' cannot specify any scopes, an empty array should be provided.",
    example: {
      bad: '{ "security": [{ "api_key": ["read"] }] }',
      good: '{ "security": [{ "api_key": [] }] }',
    },
    check(context) {
      const definitions = securityDefinitions(context);
      for (const use of requirementUses(context)) {
        if (use.scopes === null) {
          context.report({
            pointer: use.pointer,
            message: `The security requirement '${nameExcerpt(use.name)}' must have have a value. Provide an empty array if no OAuth scopes are required.`,
          });
          continue;
        }
        const type = asObject(definitions[use.name])?.type;
        const scopes = asArray(use.scopes);
        if (type === undefined || type === 'oauth2' || !scopes || scopes.length === 0) continue;
        context.report({
          pointer: use.pointer,
          message: `The security requirement '${nameExcerpt(use.name)}' cannot specify any scopes, an empty array should be provided.`,
        });
      }
    },
  },
  {
    id: 'SWG-SEC-PROPS',
    file: 'swagger',
    title: 'Give each security definition the properties of its type.',
    description:
      'basic takes only `type`; apiKey needs `name` and `in` (header or query); oauth2 needs a `flow` (implicit, password, application, accessCode) and the URLs of that flow: authorizationUrl for implicit and accessCode, tokenUrl for the others and accessCode (SVR; the repo schema).',
    levels: sameLevels('error'),
    msCode: 'SecurityDefinitionPropertyRequired',
    msMessage: "The security definition property '{0}' is required for definitions of type '{1}'.",
    example: {
      placement: 'securityDefinition',
      bad: '{ "type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://login.contoso.com/authorize" }',
      good: '{ "type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://login.contoso.com/authorize", "tokenUrl": "https://login.contoso.com/token" }',
    },
    check(context) {
      for (const [name, value] of entriesOf(securityDefinitions(context))) {
        const definition = asObject(value);
        if (!definition) continue;
        const at = childPointer('/securityDefinitions', name);
        const type = asString(definition.type);
        if (type === undefined) {
          context.report({ pointer: childPointer(at, 'type'), message: "The 'type' property is required." });
          continue;
        }
        if (!SCHEME_TYPES.includes(type)) {
          context.report({
            pointer: childPointer(at, 'type'),
            message: `The property value must be one of the following: ${SCHEME_TYPES.join(', ')}.`,
          });
          continue;
        }
        const flow = asString(definition.flow);
        if (type === 'oauth2' && flow !== undefined && !OAUTH_FLOWS.includes(flow)) {
          context.report({
            pointer: childPointer(at, 'flow'),
            message: `The property value must be one of the following: ${OAUTH_FLOWS.join(', ')}.`,
          });
        }
        if (
          type === 'apiKey' &&
          typeof definition.in === 'string' &&
          !['header', 'query'].includes(definition.in)
        ) {
          context.report({
            pointer: childPointer(at, 'in'),
            message: 'The property value must be one of the following: header, query.',
          });
        }
        const shape =
          SCHEME_SHAPES[type === 'oauth2' && flow && OAUTH_FLOWS.includes(flow) ? `oauth2:${flow}` : type]!;
        for (const key of shape.required) {
          if (has(definition, key)) continue;
          context.report({
            pointer: childPointer(at, key),
            message: `The security definition property '${key}' is required for definitions of type '${type}'${type === 'oauth2' && flow ? ` with flow ${quoted(flow)}` : ''}.`,
          });
        }
        for (const key of Object.keys(definition)) {
          // Unknown keys are SWG-ADDL-PROP's; here only keys of another type.
          if (!has(OBJECT_FIELDS.securityScheme, key) || ['type', 'description'].includes(key)) continue;
          if (shape.allowed.includes(key)) continue;
          context.report({
            pointer: childPointer(at, key),
            message: `The security definition property '${key}' is not valid for definitions of type '${type}'${type === 'oauth2' && flow ? ` with flow ${quoted(flow)}` : ''}.`,
          });
        }
      }
    },
  },
  {
    id: 'SWG-SEC-PROPS-CONSISTENCY',
    file: 'swagger',
    title: 'Match security definitions with the connection parameters of apiProperties.',
    description:
      'Beyond Microsoft: an oauth2 security definition only works with an `oauthSetting` connection parameter in apiProperties.json (one merged connector lacks it), and a basic one with `username` and `password` parameters. The apiKey definition name need not match the parameter name: the platform maps it to `api_key` (432 merged connectors differ).',
    levels: sameLevels('warning'),
    example: {
      bad: 'securityDefinitions { "oauth2": { "type": "oauth2", … } } with connectionParameters { "api_key": { "type": "securestring" } }',
      good: 'connectionParameters { "token": { "type": "oauthSetting", "oAuthSettings": {…} } }',
    },
    check(context) {
      if (!context.swagger || !context.apiProperties) return;
      // Most connectors have no oauth2 or basic definition: their parameters are not read.
      let kinds: ConnectionParameterKinds | undefined;
      for (const node of structureOf(context.swagger).byKind.get('securityScheme') ?? []) {
        const type = node.value.type;
        if (type !== 'oauth2' && type !== 'basic') continue;
        kinds ??= connectionParameterKinds(context);
        const { types, names } = kinds;
        if (type === 'oauth2' && !types.has('oauthsetting')) {
          context.report({
            pointer: childPointer(node.pointer, 'type'),
            message:
              "This oauth2 security definition has no connection parameter of type 'oauthSetting' in apiProperties.json; users could not sign in.",
          });
        }
        if (type === 'basic' && !(names.has('username') && names.has('password'))) {
          context.report({
            pointer: childPointer(node.pointer, 'type'),
            message:
              "This basic security definition needs 'username' and 'password' connection parameters in apiProperties.json.",
          });
        }
      }
    },
  },
];
