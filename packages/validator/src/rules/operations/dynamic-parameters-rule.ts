import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleContext, type RuleDefinition } from '../../model/rule.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { asObject, asString, has } from '../../swagger/json-values.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { excerpt, nameExcerpt } from '../../text/message-values.js';
import {
  hasBodyProperty,
  parameterNamed,
  sourceInput,
  sourceParameter,
  targetOf,
} from './dynamic-call-operations.js';
import { callArgument, dynamicCalls, type DynamicCall } from './dynamic-index.js';
import { fill, valueMatchesType } from './rule-kit.js';
import { isInternalVisibility } from '../../swagger/visibility.js';

function argumentPointer(call: DynamicCall, name: string): string {
  return childPointer(call.pointer, 'parameters', name);
}

/**
 * The references of a call (`{"parameter": X}`, `{"parameterReference": X}`) that name no input of
 * the operation it is written in: the designer then sends nothing for them, and the dropdown or
 * schema fails when the maker opens it. Reported at the reference, with the input it is closest to.
 */
function reportUnknownReferences(
  model: SwaggerModel,
  call: DynamicCall,
  source: OperationInfo,
  report: RuleContext['report'],
): void {
  const given = asObject(call.call.parameters);
  for (const name in given) {
    if (!has(given, name)) continue;
    const entry = asObject(given[name]);
    if (!entry) continue;
    const key = typeof entry.parameter === 'string' ? 'parameter' : 'parameterReference';
    const reference = entry[key];
    if (typeof reference !== 'string') continue;
    const input = sourceInput(model, source, reference);
    if (input.kind !== 'unknown') continue;
    const meant = input.inputs.closest(input.first);
    const step = input.first === reference ? '' : ` (its first step '${nameExcerpt(input.first)}')`;
    report({
      pointer: childPointer(argumentPointer(call, name), key),
      message:
        `The parameter reference '${nameExcerpt(reference)}'${step} is not a parameter of operation '${operationLabel(source)}', nor a property of its body: the designer sends nothing for it.` +
        (meant === undefined ? '' : ` Did you mean '${nameExcerpt(meant)}'?`),
    });
  }
}

export const dynamicParametersRule: RuleDefinition = {
  id: 'SWG-DYN-PARAMS',
  file: 'swagger',
  title: "Pass a dynamic call the target operation's parameters.",
  description:
    'The parameters of a dynamic call are checked against the target operation: names must exist, required inputs must be given, and types must match (SVR). Body properties of the target count as names. Each reference (`{"parameter": X}`, `{"parameterReference": X}`) must name an input of the operation the call is written in (a webhook\'s payload: its trigger): a parameter or a top-level property of its body, or, in the path form (`body/boardId`), a first step that is one; the designer sends nothing for any other.',
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
      if (call.source) reportUnknownReferences(swagger, call, call.source, report);
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
        const type = asString(parameter.value.type);
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
          const source = sourceParameter(call, argument.name);
          const sourceType = asString(source?.type);
          if (
            sourceType !== undefined &&
            sourceType !== type &&
            !(sourceType === 'integer' && type === 'number')
          ) {
            report({
              pointer: argumentPointer(call, name),
              message: fill(
                "The parameter has type '{0}', but operation '{1}' is providing a parameter of type '{2}'.",
                excerpt(type),
                call.source ? operationLabel(call.source) : '',
                excerpt(sourceType),
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
          value.required !== true ||
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
