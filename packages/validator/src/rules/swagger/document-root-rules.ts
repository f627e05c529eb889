import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, has } from '../../swagger/json-values.js';

export const swaggerVersionRule: RuleDefinition = {
  id: 'SWG-VERSION',
  file: 'swagger',
  title: 'Declare "swagger": "2.0".',
  description:
    'Custom connectors are OpenAPI 2.0 (Swagger) documents; OpenAPI 3 is not accepted by the connector platform or the certification validator (SVR: SpecificationVersionIncorrect).',
  levels: sameLevels('error'),
  msCode: 'SpecificationVersionIncorrect',
  msMessage: 'The \'swagger\' property must have the string value "2.0".',
  example: { bad: '{ "openapi": "3.0.1" }', good: '{ "swagger": "2.0" }' },
  check(context) {
    const root = context.swagger?.root;
    if (!root || !has(root, 'swagger')) {
      if (root && has(root, 'openapi')) {
        context.report({
          pointer: '/openapi',
          message:
            'The \'swagger\' property must have the string value "2.0". This is an OpenAPI 3 document; convert it to Swagger 2.0 first.',
        });
      }
      return;
    }
    if (root.swagger !== '2.0') {
      context.report({
        pointer: '/swagger',
        message: 'The \'swagger\' property must have the string value "2.0".',
      });
    }
  },
};

export const requiredRootRule: RuleDefinition = {
  id: 'SWG-REQUIRED-ROOT',
  file: 'swagger',
  title: 'Give swagger, info, paths, info.title and info.version.',
  description:
    'The Swagger 2.0 schema requires these properties; the validator reports each missing one (SVR: RequiredPropertyMissing).',
  levels: sameLevels('error'),
  msCode: 'RequiredPropertyMissing',
  msMessage: "The '{0}' property is required.",
  example: {
    bad: '{ "swagger": "2.0", "paths": {} }',
    good: '{ "swagger": "2.0", "info": {…}, "paths": {} }',
  },
  check(context) {
    const root = context.swagger?.root;
    if (!root) return;
    for (const key of ['swagger', 'info', 'paths']) {
      if (!has(root, key))
        context.report({ pointer: childPointer('', key), message: `The '${key}' property is required.` });
    }
    const info = asObject(root.info);
    if (!info) return;
    for (const key of ['title', 'version']) {
      if (!has(info, key))
        context.report({
          pointer: childPointer('/info', key),
          message: `The '${key}' property is required.`,
        });
    }
  },
};
