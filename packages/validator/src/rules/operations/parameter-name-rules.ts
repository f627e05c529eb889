import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asArray, asObject, asString, entriesOf } from '../../swagger/json-values.js';
import { nameExcerpt } from '../../text/message-values.js';
import { writtenParameters } from './parameter-index.js';
import { fill } from './rule-kit.js';

/* Rules on the names of written parameters: the names a location or the platform does not allow. */

export const formDataAsciiNameRule: RuleDefinition = {
  id: 'SWG-PARAM-FORMDATA-ASCII',
  file: 'swagger',
  title: 'Name form fields with US-ASCII characters.',
  description: 'Form field names go into multipart headers and URL-encoded bodies, which are ASCII (SVR).',
  levels: sameLevels('error'),
  msMessage:
    "The form data parameter name '{0}' is invalid. All characters must be part of the US-ASCII character set.",
  example: {
    placement: 'parameter',
    bad: '{ "name": "fichier_é", "in": "formData", "type": "file" }',
    good: '{ "name": "file", "in": "formData", "type": "file" }',
  },
  check({ swagger, report }) {
    for (const parameter of swagger ? writtenParameters(swagger) : []) {
      if (
        parameter.in !== 'formData' ||
        parameter.name === undefined ||
        /^[\x20-\x7e]*$/.test(parameter.name)
      )
        continue;
      report({
        pointer: childPointer(parameter.pointer, 'name'),
        message: fill(
          "The form data parameter name '{0}' is invalid. All characters must be part of the US-ASCII character set.",
          nameExcerpt(parameter.name),
        ),
      });
    }
  },
};

export const connectionIdNameRule: RuleDefinition = {
  id: 'SWG-PARAM-CONNECTIONID',
  file: 'swagger',
  title: "Do not name a parameter 'connectionId'.",
  description:
    'The platform uses connectionId for the connection itself (SVR ConnectionIdParameterNotAllowed).',
  levels: sameLevels('error'),
  msCode: 'ConnectionIdParameterNotAllowed',
  msMessage: "A parameter cannot be named as 'connectionId'.",
  example: {
    placement: 'parameter',
    bad: '{ "name": "connectionId", "in": "query", "type": "string" }',
    good: '{ "name": "accountId", "in": "query", "type": "string" }',
  },
  check({ swagger, report }) {
    for (const parameter of swagger ? writtenParameters(swagger) : []) {
      if (parameter.name?.toLowerCase() !== 'connectionid') continue;
      report({
        pointer: childPointer(parameter.pointer, 'name'),
        message: "A parameter cannot be named as 'connectionId'.",
      });
    }
  },
};

/**
 * The headers the connection sets, lower-cased, each with the sentence that names what sets it: an
 * oauth2 or basic security definition sets Authorization, an apiKey one in a header its `name`. The
 * first definition wins. With no security definitions, the connection's auth is apiProperties.json's:
 * an `oauthSetting` connection parameter (single-auth or in a parameter set) sets Authorization.
 */
function headersSetByConnection(
  root: Record<string, unknown>,
  apiProperties: Record<string, unknown> | undefined,
): Map<string, string> {
  const headers = new Map<string, string>();
  const set = (header: string, by: string): void => {
    if (!headers.has(header)) headers.set(header, by);
  };
  const definitions = entriesOf(root.securityDefinitions);
  for (const [name, definition] of definitions) {
    const scheme = asObject(definition);
    const type = scheme?.type;
    const by = `The connection's security definition '${nameExcerpt(name)}' (${String(type)}) sets it.`;
    if (type === 'oauth2' || type === 'basic') set('authorization', by);
    else if (type === 'apiKey' && scheme?.in === 'header') {
      const header = asString(scheme.name);
      if (header !== undefined && header !== '') set(header.toLowerCase(), by);
    }
  }
  if (definitions.length > 0) return headers;
  const properties = asObject(apiProperties?.properties);
  const parameterLists = [properties?.connectionParameters];
  for (const parameterSet of asArray(asObject(properties?.connectionParameterSets)?.values) ?? []) {
    parameterLists.push(asObject(parameterSet)?.parameters);
  }
  for (const list of parameterLists) {
    for (const [name, parameter] of entriesOf(list)) {
      // Lower-cased, as the platform reads the type (RamQuest Actions - UAT writes "oAuthSetting").
      const type = asString(asObject(parameter)?.type);
      if (type?.toLowerCase() !== 'oauthsetting') continue;
      set(
        'authorization',
        `The connection parameter '${nameExcerpt(name)}' (oauthSetting) of apiProperties.json sets it.`,
      );
    }
  }
  return headers;
}

export const reservedNameRule: RuleDefinition = {
  id: 'SWG-PARAM-RESERVED',
  file: 'swagger',
  title: 'Do not declare a header that the connection sets as a parameter.',
  description:
    "The platform sets the connection's credentials in the request (SVR ReservedParameterIsUsed): an oauth2 or basic security definition sets the Authorization header, an apiKey definition `in: header` the header it names (compared in any case). A header parameter of that name would be overwritten, or conflict with it, and asks makers for what the connection already has. With no security definitions, an `oauthSetting` connection parameter of apiProperties.json sets Authorization. An Authorization parameter beside an apiKey definition in another header (or in the query) is no conflict, and is left alone. Microsoft does not publish its reserved list, so it is a warning.",
  levels: sameLevels('warning'),
  msCode: 'ReservedParameterIsUsed',
  msMessage: "The parameter '{0}' is reserved and cannot be used in '{1}'.",
  example: {
    placement: 'parameter',
    bad: '"securityDefinitions": { "oauth": { "type": "oauth2" } }, … { "name": "Authorization", "in": "header" }',
  },
  check({ swagger, apiProperties, report }) {
    if (!swagger) return;
    const headers = headersSetByConnection(swagger.root, apiProperties);
    if (headers.size === 0) return;
    for (const parameter of writtenParameters(swagger)) {
      if (parameter.in !== 'header' || parameter.name === undefined) continue;
      const by = headers.get(parameter.name.toLowerCase());
      if (by === undefined) continue;
      report({
        pointer: childPointer(parameter.pointer, 'name'),
        message: `${fill("The parameter '{0}' is reserved and cannot be used in '{1}'.", nameExcerpt(parameter.name), 'header')} ${by}`,
      });
    }
  },
};
