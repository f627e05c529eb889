import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asArray, asObject, asString, entriesOf, has, isObject } from '../../swagger/json-values.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { OperationKey } from '../../swagger/operation-keys.js';
import type { OperationInfo, ParameterInfo } from '../../swagger/operation-info.js';
import { excerpt, nameExcerpt } from '../../text/message-values.js';
import { once } from './report-once.js';
import { fill } from './rule-kit.js';
import { sameMeantType } from '../../swagger/meant-type.js';

/*
 * Rules on the parameters lists of operations and path items: what an operation's effective list
 * holds together (repeats, bodies), what its written entries refer to, and how it compares with the
 * list of a webhook operation.
 */

/**
 * Whether two named parameters may have the same `in`+NUL+`name` key: two with one name, or a NUL
 * that could join different parts into one key. Most operations have neither, and are passed
 * without a set and a key per parameter (~1.5 MB a corpus run).
 */
function mayRepeatKeys(parameters: readonly ParameterInfo[]): boolean {
  for (let index = 0; index < parameters.length; index++) {
    const name = parameters[index]!.name;
    if (name === undefined) continue;
    if (name.includes('\u0000') || parameters[index]!.in?.includes('\u0000')) return true;
    for (let earlier = 0; earlier < index; earlier++) if (parameters[earlier]!.name === name) return true;
  }
  return false;
}

export const duplicateParameterRule: RuleDefinition = {
  id: 'SWG-PARAM-DUP',
  file: 'swagger',
  title: 'Define each parameter (name and location) once per operation.',
  description:
    'Two parameters with the same name and location are ambiguous (Swagger 2.0; SVR). Merged: 4 (ITGlue).',
  levels: sameLevels('error'),
  msMessage: "The operation '{0}' contains duplicate parameters with name '{1}', location '{2}'.",
  example: {
    placement: 'operation',
    bad: '"parameters": [{ "name": "id", "in": "query" }, { "name": "id", "in": "query" }]',
  },
  check({ swagger, report }) {
    const first = once();
    for (const operation of swagger?.operations ?? []) {
      if (!mayRepeatKeys(operation.parameters)) continue;
      const seen = new Set<string>();
      for (const parameter of operation.parameters) {
        if (parameter.name === undefined) continue;
        const key = `${parameter.in}\u0000${parameter.name}`;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        if (!first(parameter.pointer)) continue;
        const template =
          parameter.level === 'path'
            ? "The path '{0}' contains duplicate parameters with name '{1}', location '{2}'."
            : "The operation '{0}' contains duplicate parameters with name '{1}', location '{2}'.";
        report({
          pointer: parameter.pointer,
          message: fill(
            template,
            parameter.level === 'path' ? nameExcerpt(operation.path) : operationLabel(operation),
            nameExcerpt(parameter.name),
            excerpt(parameter.in ?? ''),
          ),
        });
      }
    }
  },
};

export const multipleBodyRule: RuleDefinition = {
  id: 'SWG-PARAM-MULTI-BODY',
  file: 'swagger',
  title: 'Give an operation at most one body parameter.',
  description: 'A request has one body (Swagger 2.0; SVR).',
  levels: sameLevels('error'),
  msMessage:
    "The operation '{0}' contains multiple parameters in the location 'body', at most one is allowed.",
  example: {
    placement: 'operation',
    bad: '"parameters": [{ "name": "a", "in": "body" }, { "name": "b", "in": "body" }]',
  },
  check({ swagger, report }) {
    const first = once();
    for (const operation of swagger?.operations ?? []) {
      // Counted in a loop: no list of bodies for each operation, which has one at most.
      let bodies = 0;
      for (const extra of operation.parameters) {
        if (extra.in !== 'body' || bodies++ === 0) continue;
        if (!first(extra.pointer)) continue;
        report({
          pointer: extra.pointer,
          message: fill(
            "The operation '{0}' contains multiple parameters in the location 'body', at most one is allowed.",
            operationLabel(operation),
          ),
        });
      }
    }
  },
};

export const bodyAndFormDataRule: RuleDefinition = {
  id: 'SWG-PARAM-BODY-FORM',
  file: 'swagger',
  title: 'Use either a body parameter or formData parameters, not both.',
  description: 'A request body is either a document or a form (Swagger 2.0; SVR).',
  levels: sameLevels('error'),
  msMessage:
    "The 'parameters' list defines both a 'body' parameter, and a 'formData' parameter. Only one of these location types can be used in an operation.",
  example: {
    placement: 'operation',
    bad: '"parameters": [{ "name": "body", "in": "body" }, { "name": "file", "in": "formData" }]',
  },
  check({ swagger, report }) {
    for (const operation of swagger?.operations ?? []) {
      const body = operation.parameters.find((parameter) => parameter.in === 'body');
      if (!body || !operation.parameters.some((parameter) => parameter.in === 'formData')) continue;
      report({
        pointer: body.pointer,
        message:
          "The 'parameters' list defines both a 'body' parameter, and a 'formData' parameter. Only one of these location types can be used in an operation.",
      });
    }
  },
};

export const parameterRefRule: RuleDefinition = {
  id: 'SWG-PARAM-REF',
  file: 'swagger',
  title: "Point parameter '$ref's at an existing '#/parameters/…' entry.",
  description:
    'Parameter references must be local JSON pointers into `parameters`, and a shared parameter may not itself be a reference (SVR).',
  levels: sameLevels('error'),
  msMessage: "The parameter reference '{0}' could not be found in the swagger document.",
  example: {
    placement: 'parameter',
    bad: '{ "$ref": "#/parameters/Missing" }',
    good: '{ "$ref": "#/parameters/TaskId" }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    for (const [name, value] of entriesOf(swagger.root.parameters)) {
      if (isObject(value) && has(value, '$ref')) {
        report({
          pointer: childPointer('/parameters', name, '$ref'),
          message: "The parameter definition may not use a '$ref' to point to another definition.",
        });
      }
    }
    // The raw lists, as written: a path item's list is shared by its operations, so it is visited
    // once, before the list of its first operation. The pointer of a list is built only to report.
    const checkList = (list: unknown, operation: OperationInfo, ofPathItem: boolean): void => {
      const entries = asArray(list);
      if (!entries) return;
      for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        const ref = isObject(entry) ? asString(entry.$ref) : undefined;
        if (ref === undefined) continue;
        const message = !ref.startsWith('#/parameters/')
          ? `The parameter reference '${nameExcerpt(ref)}' is not valid. Parameter references must start with '#/parameters/' and be valid JSON Pointers.`
          : swagger.resolveRef(ref)
            ? undefined
            : fill(
                "The parameter reference '{0}' could not be found in the swagger document.",
                nameExcerpt(ref),
              );
        if (message === undefined) continue;
        const owner = ofPathItem ? operation.pathItemPointer : operation.pointer;
        report({ pointer: childPointer(owner, 'parameters', index, '$ref'), message });
      }
    };
    const visitedPaths = new Set<string>();
    for (const operation of swagger.operations) {
      // Most operations list no reference: their lists need not be read again.
      if (!operation.listsParameterRefs) continue;
      if (!visitedPaths.has(operation.path)) {
        visitedPaths.add(operation.path);
        checkList(swagger.pathItemOf(operation)?.parameters, operation, true);
      }
      checkList(operation.operation.parameters, operation, false);
    }
  },
};

export const fetchSubscribeAlikeRule: RuleDefinition = {
  id: 'SWG-SAME-NAME-FETCH-SUB',
  file: 'swagger',
  title: 'Keep parameters shared by a polling trigger and its webhook alike.',
  description:
    'When a trigger names a webhook operation in x-ms-notification, the designer shows one set of inputs for both, so parameters of the same name need the same type and visibility (SVR).',
  levels: sameLevels('error'),
  msMessage:
    'Parameters of the same name in fetch and subscribe operations must be of the same type and visibility.',
  example: {
    bad: 'fetch: { "name": "folder", "type": "string" } / subscribe: { "name": "folder", "type": "integer" }',
  },
  check({ swagger, report }) {
    if (!swagger) return;
    for (const fetch of swagger.operations) {
      if ((fetch.keys & OperationKey.notification) === 0) continue;
      const targetId = asString(asObject(fetch.operation['x-ms-notification'])?.operationId);
      const subscribe = targetId === undefined ? undefined : swagger.operationById(targetId);
      if (!subscribe) continue;
      const byName = new Map(subscribe.parameters.map((parameter) => [parameter.name, parameter]));
      for (const parameter of fetch.parameters) {
        const other = byName.get(parameter.name);
        if (!other || parameter.in === 'body') continue;
        const sameType = sameMeantType(parameter.value.type, other.value.type);
        const sameVisibility =
          (parameter.value['x-ms-visibility'] ?? '') === (other.value['x-ms-visibility'] ?? '');
        if (sameType && sameVisibility) continue;
        report({
          pointer: parameter.pointer,
          message: `Parameters of the same name in fetch and subscribe operations must be of the same type and visibility. '${nameExcerpt(parameter.name)}' differs in '${operationLabel(subscribe)}'.`,
        });
      }
    }
  },
};
