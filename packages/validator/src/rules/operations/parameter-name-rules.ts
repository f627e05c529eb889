import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { entriesOf } from '../../swagger/json-values.js';
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

export const reservedNameRule: RuleDefinition = {
  id: 'SWG-PARAM-RESERVED',
  file: 'swagger',
  title:
    'Do not declare the Authorization header as a parameter when the connector has security definitions.',
  description:
    'The platform sets the Authorization header from the connection (SVR ReservedParameterIsUsed). Microsoft does not publish its reserved list; only this case is certain, so it is a warning.',
  levels: sameLevels('warning'),
  msCode: 'ReservedParameterIsUsed',
  msMessage: "The parameter '{0}' is reserved and cannot be used in '{1}'.",
  example: {
    placement: 'parameter',
    bad: '"securityDefinitions": { "oauth": { "type": "oauth2" } }, … { "name": "Authorization", "in": "header" }',
  },
  check({ swagger, report }) {
    if (!swagger || entriesOf(swagger.root.securityDefinitions).length === 0) return;
    for (const parameter of writtenParameters(swagger)) {
      if (parameter.in !== 'header' || parameter.name?.toLowerCase() !== 'authorization') continue;
      report({
        pointer: childPointer(parameter.pointer, 'name'),
        message: `${fill("The parameter '{0}' is reserved and cannot be used in '{1}'.", parameter.name, 'header')} The connection's security definition sets it.`,
      });
    }
  },
};
