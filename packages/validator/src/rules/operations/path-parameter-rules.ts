import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { has } from '../../swagger/json-values.js';
import { nameExcerpt } from '../../text/message-values.js';
import { writtenParameters } from './parameter-index.js';
import { pathTemplates } from './path-templates.js';
import { once } from './report-once.js';
import { fill } from './rule-kit.js';
import { isMeantTrue } from '../../swagger/meant-boolean.js';

export const pathParameterRequiredRule: RuleDefinition = {
  id: 'SWG-PATH-PARAM-REQUIRED',
  file: 'swagger',
  title: 'Mark path parameters as required.',
  description:
    'A URL cannot be built without its path variables (Swagger 2.0; SVR PathParameterMustBeRequired).',
  levels: sameLevels('error'),
  msCode: 'PathParameterMustBeRequired',
  msMessage:
    "The parameter must be marked as required as it is used in the operation path. Include the 'required' property, with the value 'true'.",
  example: {
    placement: 'pathParameter',
    bad: '{ "name": "taskId", "in": "path", "type": "string" }',
    good: '{ "name": "taskId", "in": "path", "type": "string", "required": true }',
  },
  check({ swagger, report, isRuleOn }) {
    // `"required": "true"` is meant true: one slip, which SWG-JSONTYPE tells where it is on (and
    // validate --fix writes); asking for 'true' where "true" is written would only puzzle.
    const stringsToldElsewhere = isRuleOn('SWG-JSONTYPE');
    for (const parameter of swagger ? writtenParameters(swagger) : []) {
      const required = parameter.value.required;
      const meantRequired = stringsToldElsewhere ? isMeantTrue(required) : required === true;
      if (parameter.in !== 'path' || meantRequired) continue;
      report({
        pointer: has(parameter.value, 'required')
          ? childPointer(parameter.pointer, 'required')
          : parameter.pointer,
        message:
          "The parameter must be marked as required as it is used in the operation path. Include the 'required' property, with the value 'true'.",
      });
    }
  },
};

export const pathParameterInTemplateRule: RuleDefinition = {
  id: 'SWG-PATH-PARAM-IN-TEMPLATE',
  file: 'swagger',
  title: 'Use every path parameter in the path template.',
  description:
    'An `in: path` parameter whose name is not a `{variable}` of the path is never sent (SVR PathParameterNotDefinedInTemplate).',
  levels: sameLevels('error'),
  msCode: 'PathParameterNotDefinedInTemplate',
  msMessage: "The 'path' parameter '{0}' is not defined in the URI path template.",
  example: {
    placement: 'paths',
    bad: '"/tasks": { "get": { "parameters": [{ "name": "taskId", "in": "path" }] } }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    const first = once();
    const templates = pathTemplates(swagger);
    const operations = swagger.operations;
    for (let index = 0; index < operations.length; index++) {
      const operation = operations[index]!;
      const variables = templates[index]!.variables;
      for (const parameter of operation.parameters) {
        if (parameter.in !== 'path' || parameter.name === undefined || variables.includes(parameter.name))
          continue;
        if (!first(parameter.pointer)) continue;
        report({
          pointer: parameter.pointer,
          message: `${fill("The 'path' parameter '{0}' is not defined in the URI path template.", nameExcerpt(parameter.name))} The path is '${nameExcerpt(operation.path)}'.`,
        });
      }
    }
  },
};
