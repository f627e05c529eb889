import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, has } from '../../swagger/json-values.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { excerpt, nameExcerpt } from '../../text/message-values.js';
import {
  firstWrongSource,
  hasBodyProperty,
  parameterNamed,
  targetOf,
  type SourceFields,
} from './dynamic-call-operations.js';
import { reportUnknownReferences } from './dynamic-unknown-references.js';
import { callArgument, dynamicCalls, type DynamicCall } from './dynamic-index.js';
import { fill, valueMatchesType } from './rule-kit.js';
import { isInternalVisibility } from '../../swagger/visibility.js';
import { isMeantTrue } from '../../swagger/meant-boolean.js';
import { meantType, meantTypeOf } from '../../swagger/meant-type.js';

function argumentPointer(call: DynamicCall, name: string): string {
  return childPointer(call.pointer, 'parameters', name);
}

/** A source parameter of no type, of the target's, or an integer given for a number, fits. */
function typeFits(source: SourceFields, type: string): boolean {
  const sourceType = meantType(source.type);
  return sourceType === undefined || sourceType === type || (sourceType === 'integer' && type === 'number');
}

export const dynamicParametersRule: RuleDefinition = {
  id: 'SWG-DYN-PARAMS',
  file: 'swagger',
  title: "Pass a dynamic call the target operation's parameters.",
  description:
    'The parameters of a dynamic call are checked against the target operation: names must exist, required inputs must be given, and types must match (SVR). Body properties of the target count as names. Each reference (`{"parameter": X}`, `{"parameterReference": X}`) must name an input of each operation that shows the call (the one it is written in; each operation that lists a shared `#/parameters` definition or path item parameter; a webhook\'s payload: its triggers; a schema in `definitions`: each operation whose body parameter or, for `x-ms-dynamic-schema` and `x-ms-dynamic-properties`, responses reach it through `$ref`s, directly or through other definitions, a dropdown in an output being never opened; of these, internal operations only when none is visible, as the designer never shows their form; a definition no operation reaches is not checked): a parameter or a top-level property of its body, or, in the path form (`body/WebHook/LifecycleId`, dotted `WebHook.LifecycleId`), a path whose every step names one, through the body schema\'s properties (`$ref` followed; the properties of `allOf` members count); the designer sends nothing for any other. A schema made with `allOf`, or with `additionalProperties` or a dynamic schema, is taken as open: a step it does not list is not reported, nor any reference of an operation whose body schema is made with `allOf`. A reference that fails in every such operation is reported once, at the reference; one that fails in some only, at each of those operations\' listing of the shared parameter (its `$ref` that leads to the definition).',
  levels: sameLevels('error'),
  msMessage: "The parameter could not be found in operation '{0}'.",
  example: {
    placement: 'parameter',
    bad: '"x-ms-dynamic-values": { "operationId": "ListFolders", "parameters": { "siteUrl": { "parameter": "site" } } } (ListFolders has no siteUrl)',
    good: '"x-ms-dynamic-values": { "operationId": "ListFolders", "parameters": { "site": { "parameter": "site" } } }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    const calls = dynamicCalls(swagger);
    for (let index = 0; index < calls.length; index++) {
      const call = calls[index]!;
      reportUnknownReferences(swagger, call, report);
      const target = targetOf(swagger, call);
      if (!target) continue;
      const label = operationLabel(target);
      const given = asObject(call.call.parameters);
      // Read in place (the order of Object.entries): listing the entries of every call, with a
      // closure per entry for its pointer, and an iterator result per call, cost ~0.5 MB a corpus run.
      for (const name in given) {
        if (!has(given, name)) continue;
        const entry = given[name];
        const parameter = parameterNamed(target, name);
        if (!parameter) {
          if (!name.includes('/') && !hasBodyProperty(swagger, target, name)) {
            report({
              pointer: argumentPointer(call, name),
              message: `${fill("The parameter could not be found in operation '{0}'.", label)} '${nameExcerpt(name)}' is not one of its parameters.`,
            });
          }
          continue;
        }
        const type = meantTypeOf(parameter.value);
        const argument = callArgument(entry);
        if (type === undefined) continue;
        if (
          argument.kind === 'static' &&
          typeof argument.value !== 'string' &&
          !valueMatchesType(argument.value, type)
        ) {
          report({
            pointer: argumentPointer(call, name),
            message: `The parameter has type '${excerpt(type)}', but a static value is provided of type '${typeof argument.value}'.`,
          });
        } else if (argument.kind === 'reference') {
          const wrong = firstWrongSource(swagger, call, argument.name, (source) => !typeFits(source, type));
          if (wrong) {
            report({
              pointer: argumentPointer(call, name),
              message: fill(
                "The parameter has type '{0}', but operation '{1}' is providing a parameter of type '{2}'.",
                excerpt(type),
                operationLabel(wrong.operation),
                excerpt(meantTypeOf(wrong.parameter) ?? ''),
              ),
            });
          }
        }
      }
      for (const parameter of target.parameters) {
        const value = parameter.value;
        if (parameter.name === undefined || (given && has(given, parameter.name)) || parameter.in === 'body')
          continue;
        if (
          !isMeantTrue(value.required) ||
          has(value, 'default') ||
          isInternalVisibility(value['x-ms-visibility'])
        )
          continue;
        report({
          pointer: childPointer(call.pointer, has(call.call, 'parameters') ? 'parameters' : 'operationId'),
          message: `${fill("The target operation requires parameter '{0}'.", nameExcerpt(parameter.name))} Pass it in the parameters of the call to '${label}'.`,
        });
      }
    }
  },
};
