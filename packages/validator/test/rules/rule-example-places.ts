import type { RuleExamplePlacement } from '../../src/model/rule-example-place.js';
import type { ExampleFiles, ExamplePlace, PlacementPointer } from './rule-example-connector.js';
import { addWebhook, validSettings } from '../helpers/valid-connector.js';

// Pointers into the valid connector (test/helpers/valid-connector.ts).
const LIST_TASKS_ITEM = '/paths/~1tasks';
const LIST_TASKS = '/paths/~1tasks/get';
const LIST_TASKS_RESPONSES = `${LIST_TASKS}/responses`;
const LIST_TASKS_200 = `${LIST_TASKS_RESPONSES}/200`;
const STATUS_PARAMETER = `${LIST_TASKS}/parameters/0`;
const CREATE_TASK = '/paths/~1tasks/post';
const BODY_PARAMETER = `${CREATE_TASK}/parameters/0`;
const BODY_SCHEMA = `${BODY_PARAMETER}/schema`;
const GET_TASK = '/paths/~1tasks~1{taskId}/get';
const TASK_ID_PARAMETER = `${GET_TASK}/parameters/0`;
const GET_TASK_SCHEMA = `${GET_TASK}/responses/200/schema`;
const TASK = '/definitions/Task';
const TASK_TITLE = `${TASK}/properties/title`;
const METADATA = '/x-ms-connector-metadata';
const CONNECTION_PARAMETERS = '/properties/connectionParameters';
const API_KEY = `${CONNECTION_PARAMETERS}/api_key`;

const swagger = (at: string, more: Partial<ExamplePlace> = {}): ExamplePlace => ({
  file: 'swagger',
  at,
  ...more,
});
const apiProperties = (at: string, more: Partial<ExamplePlace> = {}): ExamplePlace => ({
  file: 'apiProperties',
  at,
  ...more,
});
const settings = (more: Partial<ExamplePlace> = {}): ExamplePlace => ({
  file: 'settings',
  context: (files) => {
    files.settings = validSettings();
  },
  ...more,
});
const README: ExamplePlace = { file: 'readme' };
const SCRIPT: ExamplePlace = { file: 'script' };
const FOLDER: ExamplePlace = { file: 'folder' };

/** Several rules whose examples go to the same place. */
function each(ids: readonly string[], place: Partial<ExamplePlace>): Record<string, Partial<ExamplePlace>> {
  return Object.fromEntries(ids.map((id) => [id, place]));
}

/** The connection parameter is an OAuth one (its example shows only oAuthSettings). */
function oauthConnection(files: ExampleFiles): void {
  files.apiProperties.properties.connectionParameters = {
    token: {
      type: 'oauthSetting',
      oAuthSettings: {
        identityProvider: 'oauth2',
        clientId: 'contoso-client',
        scopes: [],
        redirectMode: 'GlobalPerConnector',
        redirectUrl: 'https://global.consent.azure-apim.net/redirect/contoso',
        properties: {},
        customParameters: {
          authorizationUrl: { value: 'https://login.contoso.com/authorize' },
          tokenUrl: { value: 'https://login.contoso.com/token' },
          refreshUrl: { value: 'https://login.contoso.com/token' },
        },
      },
    },
  };
}
const OAUTH_SETTINGS = `${CONNECTION_PARAMETERS}/token/oAuthSettings`;

/** A script that passes every CSX-* rule. */
const MINIMAL_SCRIPT = `public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);
    }
}
`;

/** The helpers' webhook trigger POST /hooks (OnTaskCreated) and the internal DELETE that removes it. */
function webhook(files: ExampleFiles): void {
  addWebhook(files.swagger);
}
const HOOK = '/paths/~1hooks/post';
const HOOK_BODY = `${HOOK}/parameters/0`;

/**
 * The targets of dynamic calls: ListFolders (of a site) and ListProjects, both answering
 * `{ "value": [{ "id", "name" }] }`; ListTasks gets the site parameter and a folder parameter, which
 * the examples' calls are put on.
 */
function dynamicTargets(files: ExampleFiles): void {
  const site = () => ({
    name: 'site',
    in: 'query',
    type: 'string',
    required: true,
    'x-ms-summary': 'Site',
    description: 'The site of the folders.',
  });
  const list = (operationId: string, summary: string, parameters: object[]) => ({
    get: {
      operationId,
      summary,
      description: `${summary} for a dynamic list.`,
      'x-ms-visibility': 'internal',
      parameters,
      responses: {
        '200': {
          description: 'OK',
          schema: {
            type: 'object',
            properties: {
              value: {
                type: 'array',
                items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
  });
  files.swagger.paths['/folders'] = list('ListFolders', 'List folders', [site()]);
  files.swagger.paths['/projects'] = list('ListProjects', 'List projects', []);
  files.swagger.paths['/tasks'].get.parameters.push(site(), {
    name: 'folder',
    in: 'query',
    type: 'string',
    'x-ms-summary': 'Folder',
    description: 'The folder of the tasks.',
  });
}
const FOLDER_PARAMETER = `${LIST_TASKS}/parameters/2`;

/** An OAuth 2.0 definition named oauth2, with one scope, required by the swagger. */
function oauthDefinition(files: ExampleFiles): void {
  files.swagger.securityDefinitions = {
    oauth2: {
      type: 'oauth2',
      flow: 'accessCode',
      authorizationUrl: 'https://login.contoso.com/authorize',
      tokenUrl: 'https://login.contoso.com/token',
      scopes: { 'tasks.read': 'Read tasks' },
    },
  };
  files.swagger.security = [{ oauth2: ['tasks.read'] }];
}

/** Words after a fragment, in parentheses: "(ListFolders has no siteUrl)". */
const REMARK = /\s*\([^()]*\)$/;
/** Words before a fragment that say what is elsewhere: `"produces": [...], … { … }`. */
const BEFORE_ELLIPSIS = /^[^…]*…\s*/;

/**
 * Where each placement of a rule's example (src/model/rule-example-place.ts) is in the valid
 * connector, with what the words of the placement say is there (an OAuth connection parameter, a
 * webhook trigger). A Record over the placements, so a new one does not compile without its place.
 */
export const PLACEMENT_POINTERS: Record<RuleExamplePlacement, PlacementPointer> = {
  paths: { file: 'swagger', at: '/paths' },
  pathItem: { file: 'swagger', at: LIST_TASKS_ITEM },
  operation: { file: 'swagger', at: LIST_TASKS },
  deprecatedAnnotation: {
    file: 'swagger',
    at: `${LIST_TASKS}/x-ms-api-annotation`,
    context: (files) => {
      files.swagger.paths['/tasks'].get.deprecated = true;
    },
  },
  parameter: { file: 'swagger', at: STATUS_PARAMETER },
  pathParameter: { file: 'swagger', at: TASK_ID_PARAMETER },
  bodyParameter: { file: 'swagger', at: BODY_PARAMETER },
  bodySchema: { file: 'swagger', at: BODY_SCHEMA },
  dynamicValues: { file: 'swagger', at: `${FOLDER_PARAMETER}/x-ms-dynamic-values`, context: dynamicTargets },
  responses: { file: 'swagger', at: LIST_TASKS_RESPONSES },
  response: { file: 'swagger', at: LIST_TASKS_200 },
  responseSchema: { file: 'swagger', at: GET_TASK_SCHEMA },
  definition: { file: 'swagger', at: TASK },
  schemaProperty: { file: 'swagger', at: TASK_TITLE },
  webhookBody: { file: 'swagger', at: HOOK_BODY, context: webhook },
  webhookBodyProperties: { file: 'swagger', at: `${HOOK_BODY}/schema/properties`, context: webhook },
  info: { file: 'swagger', at: '/info' },
  contact: { file: 'swagger', at: '/info/contact' },
  connectorMetadata: { file: 'swagger', at: `${METADATA}/0` },
  securityDefinition: { file: 'swagger', at: '/securityDefinitions/API_Key' },
  apiProperties: { file: 'apiProperties', at: '/properties' },
  connectionParameters: { file: 'apiProperties', at: CONNECTION_PARAMETERS },
  connectionParameter: { file: 'apiProperties', at: API_KEY },
  uiDefinition: { file: 'apiProperties', at: `${API_KEY}/uiDefinition` },
  oauthConnectionParameter: {
    file: 'apiProperties',
    at: `${CONNECTION_PARAMETERS}/token`,
    context: oauthConnection,
  },
  oauthSettings: { file: 'apiProperties', at: OAUTH_SETTINGS, context: oauthConnection },
  policyTemplate: {
    file: 'apiProperties',
    at: '/properties/policyTemplateInstances/0',
    context: (files) => {
      files.apiProperties.properties.policyTemplateInstances = [
        {
          templateId: 'setheader',
          title: 'Set header',
          parameters: {
            'x-ms-apimTemplateParameter.name': 'Accept',
            'x-ms-apimTemplateParameter.value': 'application/json',
            'x-ms-apimTemplateParameter.existsAction': 'override',
            'x-ms-apimTemplate-policySection': 'Request',
          },
        },
      ];
    },
  },
};

/**
 * How each rule's example is put into the connector. A rule whose example has a placement takes its
 * file and pointer from PLACEMENT_POINTERS: its entry says only how the fragment combines, and
 * anything its words say beyond the placement (`at` only where the placement's first such thing is
 * not the one the example means). A rule without one gives its place here: the root of a file, or
 * a place its words name (`cut`). A rule with an example is here, or in UNCHECKED_EXAMPLES with the
 * reason its example cannot be put into a connector; the test fails on a rule in neither.
 */
export const RULE_EXAMPLE_PLACES: Record<string, Partial<ExamplePlace>> = {
  'GEN-JSON-PARSE': swagger('', { mode: 'replace' }),
  'GEN-JSON-DUPLICATE-KEY': { mode: 'replace' },
  'GEN-SECRETS': swagger(''),
  'SWG-VERSION': swagger('', { mode: 'replace' }),
  ...each(['SWG-REQUIRED-ROOT', 'SWG-META-REQ', 'SWG-CONSUMES'], swagger('', { mode: 'only' })),
  ...each(
    [
      'SWG-ADDL-PROP',
      'SWG-REQUIRED-EMPTY',
      'SWG-HOST',
      'SWG-HOST-PROD',
      'SWG-BASEPATH',
      'SWG-SCHEMES-EMPTY',
      'SWG-SCHEMES-VALID',
      'SWG-TAG-DUP',
      'SWG-API-STATUS',
      'SWG-PATH-SLASH',
      'SWG-MIME-SUPPORTED',
      'SWG-REF-LOOP',
      'SWG-SEC-DEFINED',
    ],
    swagger(''),
  ),
  'SWG-SEC-EMPTY': swagger('', {
    context: (files) => {
      files.swagger.securityDefinitions = { api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } };
      files.swagger.security = [{ api_key: [] }];
    },
  }),
  ...each(['SWG-INFO-DESC-REQ', 'SWG-INFO-CONTACT'], swagger('', { mode: 'set' })),
  ...each(
    [
      'SWG-INFO-TITLE-LEN',
      'SWG-INFO-TITLE-WORDS',
      'SWG-INFO-TITLE-END',
      'SWG-INFO-TITLE-PLACEHOLDER',
      'SWG-INFO-DESC-LEN',
      'SWG-INFO-DESC-PLACEHOLDER',
      'SWG-INFO-DESC-WORDS',
      'SWG-INFO-CONTACT-EMAIL',
    ],
    {},
  ),
  'SWG-INFO-CONTACT-FIELDS': { mode: 'set' },
  // Each replaces the metadata item it is about: website, privacy policy, categories.
  'SWG-META-URL': { mode: 'replace' },
  'SWG-META-PROPS': { mode: 'replace', at: `${METADATA}/1` },
  ...each(['SWG-META-CATEGORY', 'SWG-META-CATEGORY-MAX'], { mode: 'replace', at: `${METADATA}/2` }),
  ...each(
    [
      'SWG-KEYWORD',
      'SWG-JSONENUM',
      'SWG-DEFAULT-TYPE',
      'SWG-ENUM-NONEMPTY',
      'SWG-ENUM-TYPE',
      'SWG-FORMAT',
      'SWG-ARRAY-ITEMS',
      'SWG-NUMERIC',
      'SWG-PATTERN',
      'SWG-EDITOR',
    ],
    { mode: 'replace' },
  ),
  // Labels of properties, and capabilities of response properties.
  ...each(['SWG-FIELD-LEN', 'SWG-FILTERFUNCTIONS', 'SWG-TEXT-EMPTY', 'SWG-DESC-IS-NAME'], {}),
  ...each(
    [
      'SWG-EXT-NAME',
      'SWG-ARRAY-DUP',
      'SWG-END-ALNUM',
      'SWG-VISIBILITY-ENUM',
      'SWG-PARAM-XMS-SUMMARY-LEN',
      'SWG-ENUMVALUES',
    ],
    {},
  ),
  ...each(
    [
      'SWG-PARAM-XMS-SUMMARY',
      'SWG-PARAM-DESC',
      'SWG-QUERY-ENCODING',
      'SWG-PARAM-FILE',
      'SWG-PARAM-FORMDATA-ASCII',
      'SWG-PARAM-CONNECTIONID',
      'SWG-COLLECTIONFORMAT',
      'SWG-INTERNAL-DEFAULT',
      'SWG-NOTIF-URL-POS',
    ],
    { mode: 'replace' },
  ),
  'SWG-PARAM-REF': {
    mode: 'replace',
    context: (files) => {
      files.swagger.parameters = {
        TaskId: {
          name: 'taskId',
          in: 'query',
          type: 'string',
          'x-ms-summary': 'Task ID',
          description: 'A task.',
        },
      };
    },
  },
  ...each(
    [
      'SWG-XMS-UNKNOWN',
      'SWG-PATH-PARAM-REQUIRED',
      'SWG-PATH-PARAM-ENCODING',
      'SWG-URL-ENCODING-ENUM',
      'SWG-PARAM-ALLOWEMPTY',
      'SWG-PARAM-IN-ENUM',
    ],
    { mode: 'replace' },
  ),
  ...each(['SWG-JSONTYPE', 'SWG-DISCRIMINATOR'], { mode: 'replace' }),
  ...each(['SWG-REQ-EMPTY', 'SWG-REQ-UNDEFINED', 'SWG-REQ-NONOBJECT', 'SWG-REQ-READONLY', 'SWG-BINARY-POS'], {
    mode: 'replace',
  }),
  ...each(['SWG-PARAM-BODY-SCHEMA', 'SWG-DYN-ON-BODY'], { mode: 'replace' }),
  ...each(['SWG-REF-ADJACENT', 'SWG-JSONPOINTER'], { mode: 'replace' }),
  ...each(
    [
      'GEN-ENGLISH',
      'SWG-OPID-SANITIZED',
      'SWG-OPID-LEN',
      'SWG-OP-SUMMARY-LEN',
      'SWG-OP-SUMMARY-CHARS',
      'SWG-OP-TEXT-WORDS',
      'SWG-OP-SUMMARY-END',
      'SWG-OP-SUMMARY-SENTENCE',
      'SWG-OP-DESC-SENTENCE',
      'SWG-TRIGGER-ENUM',
      'SWG-PAGEABLE',
      'SWG-CAPABILITIES',
      'SWG-MCP-PROTOCOL',
      'SWG-MCP-METHOD',
      'SWG-MCP-PLACE',
      'SWG-ANN-REPL-DEPRECATED',
      'SWG-REV-EMPTY',
      'SWG-OPID-REV-SUFFIX',
      'SWG-DEPRECATED-LABEL',
      'SWG-PARAM-DUP',
      'SWG-PARAM-MULTI-BODY',
      'SWG-PARAM-BODY-FORM',
    ],
    {},
  ),
  ...each(['SWG-OP-RESP-SUCCESS', 'SWG-RESP-CODE', 'SWG-RESP-SCHEMA-200'], { mode: 'set' }),
  'SWG-REF-RESPONSE': {
    context: (files) => {
      files.swagger.responses = { NotFound: { description: 'No such task.' } };
    },
  },
  ...each(['SWG-ANN-REPL-API', 'SWG-ANN-REPL-OPID', 'SWG-ANN-REPL-TARGET'], {}),
  ...each(['SWG-RESP-DEFAULT-SCHEMA', 'SWG-RESP-MULTI-SCHEMA', 'SWG-RESP-EMPTY-SCHEMA', 'SWG-RESP-DEFINED'], {
    mode: 'replace',
  }),
  ...each(['SWG-RESP-HEADERS', 'SWG-REF-SCHEMA'], {}),
  ...each(['SWG-OPID-REQ', 'SWG-OP-SUMMARY-REQ', 'SWG-OP-DESC-REQ', 'SWG-OP-RESP-REQ'], { mode: 'set' }),
  'SWG-GET-BODY': {},
  // Both are about a body: the operation with one, POST /tasks.
  ...each(['SWG-MIME-COMPAT', 'SWG-FORMURLENC'], { at: CREATE_TASK }),
  'SWG-OP-EMPTY': { mode: 'set' },
  ...each(
    [
      'SWG-OPID-UNIQUE',
      'SWG-PATH-QUERY',
      'SWG-PATH-WILDCARD',
      'SWG-PATH-TEMPLATE',
      'SWG-PATH-VAR-DEFAULT',
      'SWG-PATH-DUP',
      'SWG-PATH-PARTIAL-DUP',
      'SWG-PATH-CASE',
      'SWG-PATH-REF',
      'SWG-PATH-MISSING-PARAM',
      'SWG-PATH-PARAM-IN-TEMPLATE',
      'SWG-FAMILY-DUP-REV',
      'SWG-FAMILY-ACTIVE',
      'SWG-FAMILY-PROD',
      'SWG-FAMILY-EMPTY-REV',
      'SWG-OPID-SUFFIX-FAMILY',
    ],
    {},
  ),
  'SWG-SEC-PROPS': { mode: 'replace' },

  'SWG-RESP-EXAMPLE': { cut: BEFORE_ELLIPSIS },
  'SWG-PARAM-RESERVED': {
    mode: 'replace',
    cut: BEFORE_ELLIPSIS,
    context: oauthDefinition,
  },
  'SWG-SEC-SCOPE': swagger('', { cut: / with scopes .*$/, context: oauthDefinition }),
  'SWG-SEC-PROPS-CONSISTENCY': apiProperties(CONNECTION_PARAMETERS, {
    mode: 'only',
    cut: /^(securityDefinitions .* with )?connectionParameters /,
    context: (files) => {
      oauthDefinition(files);
      oauthConnection(files);
    },
  }),
  // The folder parameter of ListTasks, where dynamic calls have targets.
  ...each(
    [
      'SWG-DYN-LIST-AMBIG',
      'SWG-DYN-PROPS-AMBIG',
      'SWG-DYN-PROPS-PATH',
      'SWG-DYN-FORMS-AGREE',
      'SWG-DYN-TREE',
      'SWG-DYN-OPID',
    ],
    { at: FOLDER_PARAMETER, context: dynamicTargets },
  ),
  ...each(['SWG-DYN-PARAMS', 'SWG-DYN-RESULT'], {
    at: FOLDER_PARAMETER,
    context: dynamicTargets,
    cut: REMARK,
  }),
  'SWG-DYN-INTERNAL-SRC': {
    cut: / where site has .*$/,
    context: (files) => {
      dynamicTargets(files);
      const parameters = files.swagger.paths['/tasks'].get.parameters;
      parameters[1]['x-ms-visibility'] = 'internal';
      parameters[2]['x-ms-dynamic-values'] = {
        operationId: 'ListFolders',
        'value-collection': 'value',
        'value-path': 'id',
      };
    },
  },
  ...each(['SWG-WH-NOTIF-URL', 'SWG-NOTIF-URL-REQUIRED'], { mode: 'set' }),
  ...each(['SWG-NOTIF-URL-INTERNAL', 'SWG-NOTIF-URL-STRING'], { mode: 'set' }),
  'SWG-WH-NOTIF-CONTENT': { mode: 'set', context: webhook },
  'SWG-WH-DELETE': { mode: 'only', cut: REMARK, context: webhook },
  'SWG-NOTIF-EXT': { context: webhook },

  // The bad example's OAuth settings are on its api_key parameter.
  'PROP-SCHEMA': apiProperties('', {
    mode: 'replace',
    goodFixesBad: true,
    goodAt: `${API_KEY}/oAuthSettings`,
  }),
  'PROP-ROOT': apiProperties('', { mode: 'replace' }),
  'PROP-BRAND-REQ': apiProperties('', { mode: 'replace', goodFixesBad: true }),
  'PROP-UNKNOWN-KEYS': apiProperties(''),
  'PROP-PUBLISHER': apiProperties('', { mode: 'set', goodMode: 'merge' }),
  ...each(
    [
      'PROP-BRAND-FORMAT',
      'PROP-BRAND-FORBIDDEN',
      'PROP-PUBLISHER-TEMPLATE',
      'PROP-PUBLISHER-OWNER',
      'PROP-CAPABILITIES',
    ],
    {},
  ),
  // The valid connector's publisher is its stackOwner, as a certified connector's usually is.
  'PROP-PUBLISHER-OWNER': {
    context: (files) => {
      files.apiProperties.properties.publisher = 'Jane Doe';
    },
  },
  'PROP-BRAND-IP': {
    context: (files) => {
      files.apiProperties.properties.iconBrandColor = '#da3b01';
    },
  },
  'PROP-SCRIPTOPS': {
    context: (files) => {
      files.script = MINIMAL_SCRIPT;
      files.apiProperties.properties.scriptOperations = ['ListTasks'];
    },
  },
  'PROP-CP-NAME': { mode: 'replace' },
  'PROP-TENANTID': {},
  'PROP-CP-TYPE': {},
  ...each(['PROP-CP-UI', 'PROP-CP-HIDDEN-TYPE'], {}),
  'PROP-OAUTH-IDP': { mode: 'set' },
  'PROP-OAUTH-SECRET': {},
  'PROP-OAUTH-REDIRECT': {
    context: (files) => {
      oauthConnection(files);
      delete files.apiProperties.properties.connectionParameters.token.oAuthSettings.redirectMode;
    },
  },
  'PROP-POLICY': { mode: 'replace' },

  ...each(
    [
      'README-SECTIONS-CERT',
      'README-SECTIONS-IP',
      'README-PLACEHOLDER',
      'README-OPS-MATCH',
      'README-PRODUCT-NAMES',
      'GEN-MERGE-CONFLICT',
    ],
    README,
  ),
  'README-OAUTH-STEPS': {
    ...README,
    context: (files) => {
      oauthConnection(files);
      files.readme = files.readme.replace(
        'Sign in to Contoso, open Settings, API keys, and create a key.',
        'Register an app at https://developer.contoso.com with the redirect URL https://global.consent.azure-apim.net/redirect/contoso.',
      );
    },
  },
  // The example's OAuth parameter signs in through its own URL, …/redirect/contoso.
  'README-OAUTH-REDIRECT': { ...README, context: oauthConnection },
  ...each(
    ['CSX-CLASS', 'CSX-EXECUTE', 'CSX-NAMESPACES', 'CSX-HTTPCLIENT', 'CSX-TIMEOUT', 'CSX-OPIDS'],
    SCRIPT,
  ),
  ...each(['SET-SCHEMA'], settings({ mode: 'replace' })),
  ...each(['SET-ENV'], settings()),
  // The valid connector has no icon.png.
  'SET-FILES-EXIST': settings({ cut: / without icon\.png in the folder$/ }),
  'CSX-NO-GATEWAY': {
    cut: /^script\.csx with | in apiProperties\.json$/g,
    context: (files) => {
      files.script = MINIMAL_SCRIPT;
    },
  },
  ...each(['REPO-TOP-FOLDER', 'REPO-FILENAMES', 'CSX-ONE', 'SET-NOT-IN-PR', 'ICON-IN-REPO'], FOLDER),
  'REPO-EXTRA-FILES': { ...FOLDER, goodInWords: 'only the connector files' },
  'REPO-REQUIRED-FILES': FOLDER,
  'README-PRESENT': { ...FOLDER, goodInWords: 'readme.md beside them' },
  // Named as its title, so that the folder is named well before the example renames it.
  'REPO-FOLDER-NAME': {
    ...FOLDER,
    context: (files) => {
      files.name = 'Contoso Tasks';
    },
  },
  'ICON-IP-NONE': { ...FOLDER, profile: 'independent-publisher', goodInWords: 'no icon.png' },
};

/**
 * Rules whose example is words, not a fragment a test can put into a connector: a new rule's
 * example goes into RULE_EXAMPLE_PLACES instead, unless it is of the same kind as these.
 */
export const UNCHECKED_EXAMPLES: Record<string, string> = {
  // A state of a file that a code block cannot hold: its bytes, its size, a link.
  'GEN-ENCODING': 'a file in another encoding',
  'GEN-BINARY': 'a binary file',
  'GEN-FILE-TOO-LARGE': 'a file of 100 MB',
  'GEN-SYMLINK': 'a symbolic link',
  'GEN-UNREADABLE': 'a broken symbolic link',
  'SWG-SIZE': 'a swagger of 1.2 MB',
  'SWG-OPS-MAX': 'a swagger of 300 operations',
  'SWG-SCHEMA-COUNT': 'a response of 20,000 schemas',
  'SWG-SCHEMA-DEPTH': 'a schema 40 levels deep',
  'CSX-SIZE': 'a script of 1.2 MB',
  'ICON-PNG': 'an image',
  'ICON-SIZE': 'an image',
  'ICON-BG': 'an image',
  // Two operations linked by x-ms-notification, shown by one parameter each.
  'SWG-SAME-NAME-FETCH-SUB': 'a polling trigger and its webhook, by their parameters',
  // Repository rules run on a change in a repository (other connectors, a pull request), not on a folder.
  'REPO-ONE-PER-PR': 'a pull request',
  'REPO-TARGET-DEV': 'a pull request',
  'REPO-PR-TITLE-IP': 'a pull request title',
  'SWG-INFO-TITLE-UNIQUE': 'another connector of the repository',
  'REPO-NOT-EXISTING': 'another connector of the repository',
  'ICON-UNIQUE': 'another connector of the repository',
  'REPO-CONFIG-LOOSENED': 'a change to the configuration file, compared with the base',
  'REPO-CONFIG-IGNORE-UNMATCHED': 'a configuration file and the repository its patterns search',
  'REPO-CONFIG-OVERRIDE-UNMATCHED': 'a configuration file and the repository its globs search',
};
