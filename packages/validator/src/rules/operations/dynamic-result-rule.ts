import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asString, has } from '../../swagger/json-values.js';
import { operationLabel } from '../../swagger/operation-label.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import { nameExcerpt } from '../../text/message-values.js';
import { targetOf } from './dynamic-call-operations.js';
import { dynamicCalls, type DynamicCall, type DynamicExtension } from './dynamic-index.js';
import { fill, successSchema } from './rule-kit.js';
import { arrayItems, followSchemaPath } from './schema-path.js';
import { arraysHint, missingStepHint } from './dynamic-result-hints.js';

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
    const hint = missingStepHint(model, found, list, 'property');
    return [{ key: propertyKey, message: `${fill(EXPECTS_PROPERTY, nameExcerpt(list), label)}${hint}` }];
  }
  if (found.kind === 'missing') {
    const hint = missingStepHint(model, found, list, 'array');
    return [{ key: undefined, message: `${expectsArray(call, list, label)}${hint}` }];
  }
  if (found.kind !== 'found') return NO_PROBLEMS;
  const items = arrayItems(model, found.schema);
  if (items.kind === 'not-array') {
    // Without a collection the response itself is read as the list: name the arrays it holds.
    const hint = list === '' ? arraysHint(model, found.schema) : '';
    return [{ key: undefined, message: `${expectsArray(call, list, label)}${hint}` }];
  }
  if (items.kind !== 'found') return NO_PROBLEMS;
  const problems: PathProblem[] = [];
  // Indexed: a for…of over these shared lists makes an iterator per call.
  const keys = itemPathKeys(call);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const path = pathAt(call, key);
    if (path === undefined) continue;
    const item = followSchemaPath(model, items.schema, path);
    if (item.kind !== 'missing') continue;
    const hint = missingStepHint(model, item, path, 'property');
    problems.push({ key, message: `${fill(EXPECTS_PROPERTY, nameExcerpt(path), label)}${hint}` });
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

export const dynamicResultRule: RuleDefinition = {
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
};
