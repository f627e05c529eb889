import { excerpt, nameExcerpt } from '../../text/message-values.js';
import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString, has, type JsonObject } from '../../swagger/json-values.js';
import {
  OperationKey,
  type OperationInfo,
  type ParameterInfo,
  type SwaggerModel,
} from '../../swagger/swagger-model.js';
import {
  callArgument,
  callArguments,
  DYNAMIC_EXTENSIONS,
  dynamicCalls,
  type DynamicCall,
  type DynamicExtension,
} from './dynamic-index.js';
import { writtenParameters } from './parameter-index.js';
import { fill, isInternalVisibility, successSchema, valueMatchesType } from './rule-kit.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { arrayItems, followSchemaPath } from './schema-path.js';

const NOT_FOUND = "The 'operationId' could not be found in this swagger document.";

/**
 * Calls `visit` with every operationId reference outside dynamic extensions: notifications,
 * capabilities, simulate. `at` is the holder's place, its pointer built only to report: this runs
 * for every operation, and a few have such a reference.
 */
function forEachOtherOperationReference(
  model: SwaggerModel,
  visit: (operationId: unknown, at: () => string) => void,
): void {
  const visitHolder = (holder: unknown, at: () => string): void => {
    const object = asObject(holder);
    if (object && has(object, 'operationId'))
      visit(object.operationId, () => childPointer(at(), 'operationId'));
  };
  // Indexed, and no closure made in the loop's body: a closure over `operation` there made a context
  // for every operation, and each step of a for…of an iterator result (~0.45 MB a corpus run).
  const operations = model.operations;
  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index]!;
    if ((operation.keys & (OperationKey.notification | OperationKey.operationContext)) === 0) continue;
    const body = operation.operation;
    if (has(body, 'x-ms-notification')) visitHolder(body['x-ms-notification'], notificationAt(operation));
    const context = asObject(body['x-ms-operation-context']);
    if (context) visitHolder(context.simulate, simulateAt(operation));
  }
  const capabilities = asObject(model.root['x-ms-capabilities']);
  const filePicker = asObject(capabilities?.['file-picker']);
  for (const part of ['open', 'browse'])
    visitHolder(filePicker?.[part], () => childPointer('/x-ms-capabilities', 'file-picker', part));
  visitHolder(capabilities?.testConnection, () => childPointer('/x-ms-capabilities', 'testConnection'));
}

function notificationAt(operation: OperationInfo): () => string {
  return () => childPointer(operation.pointer, 'x-ms-notification');
}

function simulateAt(operation: OperationInfo): () => string {
  return () => childPointer(operation.pointer, 'x-ms-operation-context', 'simulate');
}

function operationIdAt(call: DynamicCall): () => string {
  return () => childPointer(call.pointer, 'operationId');
}

function argumentPointer(call: DynamicCall, name: string): string {
  return childPointer(call.pointer, 'parameters', name);
}

function targetOf(model: SwaggerModel, call: DynamicCall): OperationInfo | undefined {
  const id = asString(call.call.operationId);
  return id === undefined ? undefined : model.operationById(id);
}

/** Whether the schema of an operation's body parameter has a top-level property of this name. */
function hasBodyProperty(model: SwaggerModel, operation: OperationInfo, name: string): boolean {
  const body = operation.parameters.find((parameter) => parameter.in === 'body');
  const properties = asObject(asObject(model.resolve(body?.value.schema, '').value)?.properties);
  return properties !== undefined && has(properties, name);
}

/**
 * The parameter of this name, the last one if several (as a map by name kept it). A loop rather
 * than a map per call: operations have a few parameters, and calls name one or two.
 */
function parameterNamed(operation: OperationInfo, name: string): ParameterInfo | undefined {
  const parameters = operation.parameters;
  for (let index = parameters.length - 1; index >= 0; index--) {
    if (parameters[index]!.name === name) return parameters[index];
  }
  return undefined;
}

/** The source operation's parameter of this name, when exactly one has it. */
function sourceParameter(call: DynamicCall, name: string): JsonObject | undefined {
  let match: JsonObject | undefined;
  for (const parameter of call.source?.parameters ?? []) {
    if (parameter.name !== name) continue;
    if (match !== undefined) return undefined;
    match = parameter.value;
  }
  return match;
}

/** References the service cannot resolve without the newer extension: property paths or names in two locations. */
function ambiguousReferences(call: DynamicCall): string[] {
  const names: string[] = [];
  for (const [, entry] of callArguments(call.call)) {
    const argument = callArgument(entry);
    if (argument.kind !== 'reference') continue;
    const sameName =
      call.source?.parameters.filter((parameter) => parameter.name === argument.name).length ?? 0;
    if (argument.name.includes('/') || sameName > 1) names.push(argument.name);
  }
  return names;
}

function ambiguityRule(
  id: string,
  legacy: 'x-ms-dynamic-values' | 'x-ms-dynamic-schema',
  modern: 'x-ms-dynamic-list' | 'x-ms-dynamic-properties',
): RuleDefinition {
  return {
    id,
    file: 'swagger',
    title: `Use ${modern} when ${legacy} refers to body properties or ambiguous names.`,
    description: `${legacy} can only pass plain parameters; references to properties inside a parameter, or names used in two locations, need ${modern} (SVR; openapi-extensions doc).`,
    levels: sameLevels('error'),
    msMessage: `The '${legacy}' extension references ambiguous parameter references. You need to define the '${modern}' extension.`,
    example: {
      placement: 'parameter',
      bad: `"${legacy}": { "operationId": "ListFolders", "parameters": { "site": { "parameter": "body/site" } } }`,
    },
    check({ swagger, report }) {
      for (const call of swagger ? dynamicCalls(swagger) : []) {
        if (call.extension !== legacy || has(call.holder, modern)) continue;
        const ambiguous = ambiguousReferences(call);
        if (ambiguous.length === 0) continue;
        const properties = ambiguous.some((name) => name.includes('/'));
        report({
          pointer: childPointer(call.pointer, 'parameters'),
          message: properties
            ? `The '${legacy}' extension references properties within parameters. You need to define the '${modern}' extension.`
            : `The '${legacy}' extension references ambiguous parameter references. You need to define the '${modern}' extension.`,
        });
      }
    },
  };
}

/*
 * Where a call names the parts of its target's response, read in place: SWG-DYN-RESULT asks every
 * call with a target, and listing them as a record of key/path pairs cost ~1 MB a corpus run.
 */

/** The path of the array to list, '' for the response itself; undefined when the call lists none. */
function collectionPath(call: DynamicCall): string | undefined {
  const body = call.call;
  switch (call.extension) {
    case 'x-ms-dynamic-values':
      return asString(body['value-collection']) ?? '';
    case 'x-ms-dynamic-list':
      return asString(body.itemsPath) ?? '';
    case 'x-ms-dynamic-tree':
      return asString(body.itemsPath);
    default:
      return undefined;
  }
}

const VALUES_ITEM_KEYS: readonly string[] = ['value-path', 'value-title'];
const LIST_ITEM_KEYS: readonly string[] = ['itemValuePath', 'itemTitlePath'];
const NO_KEYS: readonly string[] = [];

/** The keys of a call whose paths are read from each listed item, in the order they are checked. */
function itemPathKeys(call: DynamicCall): readonly string[] {
  if (call.extension === 'x-ms-dynamic-values') return VALUES_ITEM_KEYS;
  if (call.extension === 'x-ms-dynamic-list' || call.extension === 'x-ms-dynamic-tree') return LIST_ITEM_KEYS;
  return NO_KEYS;
}

/** The key of a schema or properties call that names one property of the response. */
function propertyPathKey(call: DynamicCall): string | undefined {
  if (call.extension === 'x-ms-dynamic-schema') return 'value-path';
  if (call.extension === 'x-ms-dynamic-properties') return 'itemValuePath';
  return undefined;
}

/** The non-empty path a call holds at this key. */
function pathAt(call: DynamicCall, key: string): string | undefined {
  return asString(call.call[key]) || undefined;
}

/**
 * SWG-DYN-RESULT's message for a list that is not where the call reads it. Without a collection key
 * the path is '' (12 of the corpus findings), which says nothing to a maker: say what it means.
 */
function expectsArray(call: DynamicCall, collection: string, label: string): string {
  const message = fill(EXPECTS_ARRAY, nameExcerpt(collection), label);
  if (collection !== '') return message;
  const key = call.extension === 'x-ms-dynamic-values' ? 'value-collection' : 'itemsPath';
  return `${message} Without '${key}' the response itself must be the array: name the property that holds the list in '${key}'.`;
}

/** Where a missing collection is reported: the key that names it, or the call. */
function collectionPointer(call: DynamicCall): string {
  if (has(call.call, 'value-collection')) return childPointer(call.pointer, 'value-collection');
  if (has(call.call, 'itemsPath')) return childPointer(call.pointer, 'itemsPath');
  return call.pointer;
}

const EXPECTS_ARRAY =
  "The dynamic operation expects an array on the specified path '{0}' which should be defined in the successful response of the invoked operation '{1}'.";
const EXPECTS_PROPERTY =
  "The dynamic operation expects a property on the specified path '{0}' which should be defined in the successful response of the invoked operation '{1}'.";

/** A path the target's response lacks: the key to report at (undefined: where the list is named). */
interface PathProblem {
  readonly key: string | undefined;
  readonly message: string;
}

const NO_PROBLEMS: readonly PathProblem[] = [];

/** What is wrong with the paths a call reads from its target's 2xx response (`list`: its first path). */
function resultProblems(
  model: SwaggerModel,
  target: OperationInfo,
  call: DynamicCall,
  list: string,
): readonly PathProblem[] {
  const response = successSchema(target);
  if (!response) return NO_PROBLEMS;
  const label = operationLabel(target);
  const propertyKey = propertyPathKey(call);
  const found = followSchemaPath(model, response, list);
  if (propertyKey !== undefined) {
    if (found.kind !== 'missing') return NO_PROBLEMS;
    return [{ key: propertyKey, message: fill(EXPECTS_PROPERTY, nameExcerpt(list), label) }];
  }
  if (found.kind === 'missing') return [{ key: undefined, message: expectsArray(call, list, label) }];
  if (found.kind !== 'found') return NO_PROBLEMS;
  const items = arrayItems(model, found.schema);
  if (items.kind === 'not-array') return [{ key: undefined, message: expectsArray(call, list, label) }];
  if (items.kind !== 'found') return NO_PROBLEMS;
  const problems: PathProblem[] = [];
  // Indexed: a for…of over these shared lists makes an iterator per call.
  const keys = itemPathKeys(call);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const path = pathAt(call, key);
    if (path === undefined || followSchemaPath(model, items.schema, path).kind !== 'missing') continue;
    problems.push({ key, message: fill(EXPECTS_PROPERTY, nameExcerpt(path), label) });
  }
  return problems;
}

/** One distinct question: the paths a call of this extension reads from its target's response. */
class ResultAnswer {
  constructor(
    readonly extension: DynamicExtension,
    readonly list: string,
    readonly firstItemPath: string | undefined,
    readonly secondItemPath: string | undefined,
    readonly problems: readonly PathProblem[],
  ) {}
}

/**
 * SWG-DYN-RESULT's answers in one document, by target: the corpus's ~2,300 calls with a target ask
 * only ~670 distinct questions (one picker written on many operations), and following the paths of
 * each call again cost ~1 ms a corpus run. The answers hold no pointer: the place is each call's own.
 */
class ResultAnswers {
  private readonly byTarget = new Map<OperationInfo, ResultAnswer[]>();

  constructor(private readonly model: SwaggerModel) {}

  problemsOf(target: OperationInfo, call: DynamicCall): readonly PathProblem[] {
    const propertyKey = propertyPathKey(call);
    const list = propertyKey === undefined ? collectionPath(call) : pathAt(call, propertyKey);
    if (list === undefined) return NO_PROBLEMS;
    const itemKeys = itemPathKeys(call);
    const first = itemKeys.length > 0 ? pathAt(call, itemKeys[0]!) : undefined;
    const second = itemKeys.length > 1 ? pathAt(call, itemKeys[1]!) : undefined;
    let answers = this.byTarget.get(target);
    if (answers === undefined) {
      answers = [];
      this.byTarget.set(target, answers);
    }
    for (let index = 0; index < answers.length; index++) {
      const answer = answers[index]!;
      if (
        answer.extension === call.extension &&
        answer.list === list &&
        answer.firstItemPath === first &&
        answer.secondItemPath === second
      )
        return answer.problems;
    }
    const problems = resultProblems(this.model, target, call, list);
    answers.push(new ResultAnswer(call.extension, list, first, second, problems));
    return problems;
  }
}

export const dynamicRules: RuleDefinition[] = [
  {
    id: 'SWG-DYN-ON-BODY',
    file: 'swagger',
    title: 'Put dynamic extensions in the body schema, not on the body parameter.',
    description: 'The platform reads dynamic values and schemas of a body from its schema (SVR).',
    levels: sameLevels('error'),
    msMessage:
      'Dynamic extensions are not allowed to be defined on the body parameter. It should be in the schema.',
    example: {
      placement: 'bodyParameter',
      bad: '{ "name": "body", "in": "body", "x-ms-dynamic-schema": { … }, "schema": { "type": "object" } }',
      good: '{ "name": "body", "in": "body", "schema": { "type": "object", "x-ms-dynamic-schema": { … } } }',
    },
    check({ swagger, report }) {
      for (const parameter of swagger ? writtenParameters(swagger) : []) {
        if (parameter.in !== 'body') continue;
        for (const extension of DYNAMIC_EXTENSIONS) {
          if (!has(parameter.value, extension)) continue;
          report({
            pointer: childPointer(parameter.pointer, extension),
            message:
              'Dynamic extensions are not allowed to be defined on the body parameter. It should be in the schema.',
          });
        }
      }
    },
  },
  ambiguityRule('SWG-DYN-LIST-AMBIG', 'x-ms-dynamic-values', 'x-ms-dynamic-list'),
  ambiguityRule('SWG-DYN-PROPS-AMBIG', 'x-ms-dynamic-schema', 'x-ms-dynamic-properties'),
  {
    id: 'SWG-DYN-PROPS-PATH',
    file: 'swagger',
    title: 'Point x-ms-dynamic-properties at the same place as x-ms-dynamic-schema.',
    description:
      "x-ms-dynamic-properties.itemValuePath is x-ms-dynamic-schema's value-path without its trailing 'properties' (SVR).",
    levels: sameLevels('error'),
    msMessage:
      "The 'x-ms-dynamic-properties' extension should have the same item value path as 'x-ms-dynamic-schema' extension without 'properties' ending. The expected path is '{0}'.",
    example: {
      placement: 'parameter',
      bad: '"x-ms-dynamic-schema": { "value-path": "schema/properties" }, "x-ms-dynamic-properties": { "itemValuePath": "data" }',
      good: '"x-ms-dynamic-schema": { "value-path": "schema/properties" }, "x-ms-dynamic-properties": { "itemValuePath": "schema" }',
    },
    check({ swagger, report }) {
      for (const call of swagger ? dynamicCalls(swagger) : []) {
        if (call.extension !== 'x-ms-dynamic-properties') continue;
        const valuePath = asString(asObject(call.holder['x-ms-dynamic-schema'])?.['value-path']);
        const itemValuePath = asString(call.call.itemValuePath);
        if (valuePath === undefined || itemValuePath === undefined) continue;
        const expected = valuePath.replace(/\/?properties$/, '');
        if (itemValuePath === expected) continue;
        report({
          pointer: childPointer(call.pointer, 'itemValuePath'),
          message: fill(
            "The 'x-ms-dynamic-properties' extension should have the same item value path as 'x-ms-dynamic-schema' extension without 'properties' ending. The expected path is '{0}'.",
            nameExcerpt(expected),
          ),
        });
      }
    },
  },
  {
    id: 'SWG-DYN-TREE',
    file: 'swagger',
    title: 'Define x-ms-dynamic-tree for file pickers.',
    description:
      "A file picker (x-ms-dynamic-values with capability 'file-picker') needs x-ms-dynamic-tree to browse (SVR).",
    levels: sameLevels('error'),
    msMessage: "The 'x-ms-dynamic-tree' extension must be defined to enable file picker support.",
    example: { placement: 'parameter', bad: '"x-ms-dynamic-values": { "capability": "file-picker", … }' },
    check({ swagger, report }) {
      for (const call of swagger ? dynamicCalls(swagger) : []) {
        if (call.extension !== 'x-ms-dynamic-values' || call.call.capability !== 'file-picker') continue;
        if (has(call.holder, 'x-ms-dynamic-tree')) continue;
        report({
          pointer: call.pointer,
          message: "The 'x-ms-dynamic-tree' extension must be defined to enable file picker support.",
        });
      }
    },
  },
  {
    id: 'SWG-DYN-OPID',
    file: 'swagger',
    title: 'Reference operations that exist.',
    description:
      'Dynamic values, lists, schemas, properties and trees, x-ms-notification, x-ms-capabilities and x-ms-operation-context call other operations by operationId; a missing one breaks the designer (SVR OperationIdNotFound).',
    levels: sameLevels('error'),
    msCode: 'OperationIdNotFound',
    msMessage: NOT_FOUND,
    example: {
      placement: 'parameter',
      bad: '"x-ms-dynamic-values": { "operationId": "ListProjcts" }',
      good: '"x-ms-dynamic-values": { "operationId": "ListProjects" }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const checkReference = (operationId: unknown, at: () => string): void => {
        if (typeof operationId === 'string' && swagger.operationById(operationId)) return;
        report({
          pointer: at(),
          message: `${NOT_FOUND} '${nameExcerpt(String(operationId))}' is not the operationId of any operation.`,
        });
      };
      // Indexed, and the pointer's closure made by a function: a closure over `call` in the loop
      // made a context for every call.
      const calls = dynamicCalls(swagger);
      for (let index = 0; index < calls.length; index++) {
        const call = calls[index]!;
        if (has(call.call, 'operationId')) checkReference(call.call.operationId, operationIdAt(call));
      }
      forEachOtherOperationReference(swagger, checkReference);
    },
  },
  {
    id: 'SWG-DYN-PARAMS',
    file: 'swagger',
    title: "Pass a dynamic call the target operation's parameters.",
    description:
      'The parameters of a dynamic call are checked against the target operation: names must exist, required inputs must be given, and types must match (SVR). Body properties of the target count as names.',
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
          if (
            parameter.name === undefined ||
            (given && has(given, parameter.name)) ||
            parameter.in === 'body'
          )
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
  },
  {
    id: 'SWG-DYN-RESULT',
    file: 'swagger',
    title: "Point value-collection, value-path and itemsPath into the target's response.",
    description:
      "The designer reads the list (value-collection, itemsPath) and each item's value and title (value-path, value-title, itemValuePath, itemTitlePath) from the target operation's 2xx response schema (SVR). Paths into open or dynamic schemas are not judged, and names match case-insensitively. 19 merged certified connectors have paths their documented responses do not have (the real responses often do), so this is a warning.",
    levels: sameLevels('warning'),
    msMessage: EXPECTS_ARRAY,
    example: {
      placement: 'parameter',
      bad: '"x-ms-dynamic-values": { "operationId": "ListProjects", "value-collection": "items" } (the response has "value")',
      good: '"x-ms-dynamic-values": { "operationId": "ListProjects", "value-collection": "value", "value-path": "id", "value-title": "name" }',
    },
    check({ swagger, report }) {
      if (!swagger) return;
      const answers = new ResultAnswers(swagger);
      const calls = dynamicCalls(swagger);
      for (let index = 0; index < calls.length; index++) {
        const call = calls[index]!;
        const target = targetOf(swagger, call);
        if (!target) continue;
        const problems = answers.problemsOf(target, call);
        for (let at = 0; at < problems.length; at++) {
          const problem = problems[at]!;
          const pointer =
            problem.key === undefined ? collectionPointer(call) : childPointer(call.pointer, problem.key);
          report({ pointer, message: problem.message });
        }
      }
    },
  },
  {
    id: 'SWG-DYN-INTERNAL-SRC',
    file: 'swagger',
    title: 'Do not feed dynamic calls from internal parameters.',
    description:
      'A dynamic call that reads a parameter the maker cannot see gets no value at design time (SVR SourcePropertyInternal).',
    levels: sameLevels('error'),
    msCode: 'SourcePropertyInternal',
    msMessage:
      "The parameter reference '{0}' in the source operation '{1}' is internal or one of its parent(s) are internal.",
    example: {
      placement: 'dynamicValues',
      bad: '"parameters": { "site": { "parameter": "site" } } where site has "x-ms-visibility": "internal"',
    },
    check({ swagger, report }) {
      for (const call of swagger ? dynamicCalls(swagger) : []) {
        if (!call.source) continue;
        for (const [name, entry] of callArguments(call.call)) {
          const argument = callArgument(entry);
          if (argument.kind !== 'reference') continue;
          const source = sourceParameter(call, argument.name);
          if (!source || !isInternalVisibility(source['x-ms-visibility'])) continue;
          report({
            pointer: childPointer(call.pointer, 'parameters', name),
            message: fill(
              "The parameter reference '{0}' in the source operation '{1}' is internal or one of its parent(s) are internal.",
              nameExcerpt(argument.name),
              operationLabel(call.source),
            ),
          });
        }
      }
    },
  },
];
