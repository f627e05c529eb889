import { childPointer, valueAtPointer } from '../json/pointer.js';
import { asString, has } from '../swagger/json-values.js';
import type { SwaggerModel } from '../swagger/swagger-model.js';
import type { OperationInfo, ParameterInfo } from '../swagger/operation-info.js';
import { CASE_RULES, CHANGE_RULES } from './change-rules.js';
import type { ChangeRule } from './change-rule-type.js';
import { reportSchemaChanges, type SwaggerDiffContext } from './diff-context.js';
import { operationLabel } from '../swagger/operation-label.js';
import { jsonEqual } from './json-equal.js';
import { hasRequiredFields, isFilledForFlows, whyUnfollowed } from './schema-view.js';
import { normalizeTitle } from '../text/normalize-title.js';
import { excerpt, nameExcerpt, quoted } from '../text/message-values.js';
import { secretParameterDeletion } from './secret-deletion.js';
import { notificationUrlDeletion } from './notification-url-deletion.js';
import { isNotificationUrl } from '../swagger/notification-url.js';
import { isMeantTrue } from '../swagger/meant-boolean.js';
import { sameType } from './same-type.js';

/** Keys of a parameter object that this module compares itself. */
const PARAMETER_KEYS: ReadonlySet<string> = new Set(['name', 'in', 'required', 'schema']);

/**
 * Compares the effective parameters of one operation in two versions, matched by name and location.
 * A parameter that only moved (same name, other `in`) is a location change, and a parameter that
 * disappeared while a required one of the same location and type appeared, with a like name or a text
 * kept (isRequiredRename), is a rename; so is an optional one alone in its location that came back
 * under another name with its type and text. Otherwise they are a deletion and an addition.
 */
export function diffParameters(
  context: SwaggerDiffContext,
  before: OperationInfo,
  after: OperationInfo,
): void {
  const label = operationLabel(after);
  const report = (
    rule: ChangeRule,
    side: 'old' | 'new',
    parameter: ParameterInfo,
    detail?: string,
    pointer = parameter.pointer,
  ): void =>
    context.sink.add({
      rule,
      file: 'swagger',
      side,
      pointer,
      operationId: after.operationId,
      valuePath: parameterValuePath(label, parameter),
      detail,
    });

  const oldByKey = byKey(before.parameters);
  const newByKey = byKey(after.parameters);
  let added = after.parameters.filter((parameter) => !oldByKey.has(parameterKey(parameter)));
  let removed = before.parameters.filter((parameter) => !newByKey.has(parameterKey(parameter)));
  // Found by name and location, not by a search of the other list per parameter: an operation of
  // 20,000 parameters, each in a location of its own, took 24 s.
  const paired = new Set<ParameterInfo>();
  const unpaired = (parameters: readonly ParameterInfo[]) =>
    parameters.filter((parameter) => !paired.has(parameter));

  // Each name's added parameters, taken in order: the first that no earlier one moved to.
  const addedByName = groupedBy(added, (parameter) => parameter.name);
  const taken = new Map<string, number>();
  for (const previous of removed) {
    if (previous.name === undefined) continue;
    const next = taken.get(previous.name) ?? 0;
    const moved = addedByName.get(previous.name)?.[next];
    if (!moved) continue;
    taken.set(previous.name, next + 1);
    report(
      CHANGE_RULES.parameterLocation,
      'new',
      moved,
      `${quoted(moved.name)} moved from ${excerpt(previous.in ?? '?')} to ${excerpt(moved.in ?? '?')}.`,
      childPointer(moved.definitionPointer, 'in'),
    );
    paired.add(moved);
    paired.add(previous);
  }
  added = unpaired(added);
  removed = unpaired(removed);

  const addedIn = groupedBy(added, (parameter) => parameter.in);
  for (const [location, gone] of groupedBy(removed, (parameter) => parameter.in)) {
    const came = (addedIn.get(location) ?? []).filter((parameter) => mustBeSent(context.new, parameter));
    if (gone.length !== 1 || came.length !== 1) continue;
    const [previous, renamed] = [gone[0]!, came[0]!];
    if (!isRequiredRename(previous, renamed)) continue;
    report(
      CHANGE_RULES.parameterRenamed,
      'new',
      renamed,
      `${quoted(previous.name)} is now ${quoted(renamed.name)}.`,
    );
    paired.add(renamed);
    paired.add(previous);
  }
  added = unpaired(added);
  removed = unpaired(removed);

  const stillAddedIn = groupedBy(added, (parameter) => parameter.in);
  for (const [location, gone] of groupedBy(removed, (parameter) => parameter.in)) {
    const came = stillAddedIn.get(location) ?? [];
    if (gone.length !== 1 || came.length !== 1) continue;
    const [previous, renamed] = [gone[0]!, came[0]!];
    if (!isOptionalRename(context.new, previous, renamed)) continue;
    report(
      CHANGE_RULES.optionalParameterRenamed,
      'new',
      renamed,
      `${quoted(previous.name)} is now ${quoted(renamed.name)}.`,
    );
    paired.add(renamed);
    paired.add(previous);
  }
  added = unpaired(added);
  removed = unpaired(removed);

  // An entry whose `$ref` cannot be followed has no name to match it by: it is told as what it is,
  // not as a new optional parameter or a deleted one.
  for (const parameter of added) {
    const why = unfollowed(context.new, parameter);
    if (why) report(CHANGE_RULES.other, 'new', parameter, `The parameter was not compared: ${why}.`);
    else if (mustBeSent(context.new, parameter))
      report(CHANGE_RULES.requiredParameterAdded, 'new', parameter);
    else report(CHANGE_RULES.parameterAdded, 'new', parameter);
  }
  for (const parameter of removed) {
    const why = unfollowed(context.old, parameter);
    if (why) {
      report(
        CHANGE_RULES.other,
        'old',
        parameter,
        `The parameter was not compared: in the base version, ${why}.`,
      );
    } else {
      const { rule, detail } = deletion(context.old, parameter);
      report(rule, 'old', parameter, detail);
    }
  }

  for (const parameter of after.parameters) {
    const previous = oldByKey.get(parameterKey(parameter));
    if (!previous || parameter !== newByKey.get(parameterKey(parameter))) continue;
    const valuePath = parameterValuePath(label, parameter);
    const requiredPointer = childPointer(parameter.definitionPointer, 'required');
    const wasRequired = isMeantTrue(previous.value.required);
    if (!wasRequired && mustBeSent(context.new, parameter)) {
      const alreadySent = bodyWasAlwaysSent(context.old, previous);
      report(
        alreadySent ? CHANGE_RULES.other : CHANGE_RULES.optionalToRequired,
        'new',
        parameter,
        alreadySent
          ? 'Changed: required, on a body that had required fields, so flows already send it.'
          : undefined,
        requiredPointer,
      );
    } else if (wasRequired !== isMeantTrue(parameter.value.required)) {
      // Not breaking, but the file changed: left out, the update would read "no change".
      report(CHANGE_RULES.other, 'new', parameter, requiredEdit(parameter), requiredPointer);
    }
    const own = context.schemas.compare(
      previous.value,
      previous.definitionPointer,
      parameter.value,
      parameter.definitionPointer,
      'input',
      PARAMETER_KEYS,
    );
    reportSchemaChanges(context, own, after, valuePath);
    if (has(previous.value, 'schema') || has(parameter.value, 'schema')) {
      const schema = context.schemas.compare(
        previous.value.schema,
        childPointer(previous.definitionPointer, 'schema'),
        parameter.value.schema,
        childPointer(parameter.definitionPointer, 'schema'),
        'input',
      );
      reportSchemaChanges(context, schema, after, `${valuePath}/schema`);
      if (has(previous.value, 'schema') !== has(parameter.value, 'schema')) {
        context.sink.add({
          rule: CHANGE_RULES.other,
          file: 'swagger',
          side: 'new',
          pointer: parameter.definitionPointer,
          operationId: after.operationId,
          valuePath,
          detail: 'Changed: schema.',
        });
      }
    }
  }
}

/**
 * How the deletion of a base version's parameter is told. A path parameter is kept only with its
 * placeholder, which BRK-PATH-CHANGED tells of. A parameter whose default was a secret (GEN-SECRETS'
 * own test) is rightly deleted: the advice to keep it would keep the leaked key (upstream #3269). A
 * webhook's callback URL is no input of flows (notification-url-deletion.ts).
 */
function deletion(model: SwaggerModel, parameter: ParameterInfo): { rule: ChangeRule; detail?: string } {
  const secret =
    parameter.name === undefined
      ? undefined
      : secretParameterDeletion(parameter.name, parameter.value, asString(model.root.host));
  if (secret !== undefined) return secret;
  const callbackUrl = notificationUrlDeletion('parameter', parameter.name ?? '?', parameter.value);
  if (callbackUrl !== undefined) return callbackUrl;
  return { rule: parameter.in === 'path' ? CASE_RULES.pathParameterDeleted : CHANGE_RULES.parameterDeleted };
}

/** Texts that tell users what a parameter is: a renamed one keeps at least one of them. */
const PARAMETER_TEXTS = ['x-ms-summary', 'description'] as const;

/**
 * True when an optional parameter that disappeared and one that appeared, alone in their location,
 * are one parameter under a new name: same type, and the same text where both have one (a summary or
 * description both have and that differs says another parameter came). A body is matched by its
 * schema, not its type, and a path parameter is always required: neither is paired here.
 */
function isOptionalRename(model: SwaggerModel, previous: ParameterInfo, renamed: ParameterInfo): boolean {
  if (previous.name === undefined || renamed.name === undefined) return false;
  if (previous.in === 'body' || previous.in === 'path' || mustBeSent(model, renamed)) return false;
  if (!sameType(previous.value.type, renamed.value.type)) return false;
  const shared = PARAMETER_TEXTS.filter((key) => has(previous.value, key) && has(renamed.value, key));
  const written = PARAMETER_TEXTS.filter((key) => has(previous.value, key) || has(renamed.value, key));
  if (written.length === 0) return true;
  return shared.some((key) => jsonEqual(previous.value[key], renamed.value[key]));
}

/**
 * True when a parameter that disappeared and a required one that appeared, alone in their location,
 * are one parameter under a new name. A path parameter of the same type is: it fills the same
 * placeholder of the address; so is a body, the one an operation has (HubSpot CRM's 'body' became
 * 'deal', PowerPlatformConnectors f0ebbda2). A header, query or form parameter of the same type is
 * not on that alone: ConnectWise PSA (2fad1790) dropped its optional 'Content-Type' header and added a
 * required 'Authorization' one, two strings that are not one parameter. It also takes a name that is
 * the old one written another way or contains it ('task_id' or 'id' for 'taskId'), or a summary or
 * description kept.
 */
function isRequiredRename(previous: ParameterInfo, renamed: ParameterInfo): boolean {
  if (!sameType(previous.value.type, renamed.value.type)) return false;
  if (previous.in === 'path' || previous.in === 'body') return true;
  const textKept = PARAMETER_TEXTS.some(
    (key) => has(previous.value, key) && jsonEqual(previous.value[key], renamed.value[key]),
  );
  return textKept || similarNames(previous.name, renamed.name);
}

/** Two names that are one written another way ('api_key', 'apiKey', 'API-Key'), or one inside the other. */
function similarNames(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const [x, y] = [normalizeTitle(a), normalizeTitle(b)];
  if (x.length < 2 || y.length < 2) return false;
  return x.includes(y) || y.includes(x);
}

/** Why a parameter's list entry cannot be followed to a parameter object, if it cannot. */
function unfollowed(model: SwaggerModel, parameter: ParameterInfo): string | undefined {
  if (parameter.name !== undefined) return undefined;
  return whyUnfollowed(model, valueAtPointer(model.root, parameter.pointer), parameter.pointer);
}

/**
 * A required parameter that existing flows would have to send: no default, and not a body that
 * fills itself (every required field of it has a default or is filled by the platform).
 */
function mustBeSent(model: SwaggerModel, parameter: ParameterInfo): boolean {
  if (!isMeantTrue(parameter.value.required) || has(parameter.value, 'default')) return false;
  if (isNotificationUrl(parameter.value)) return false;
  return !(
    parameter.in === 'body' &&
    isFilledForFlows(model, parameter.value.schema, childPointer(parameter.definitionPointer, 'schema'))
  );
}

/** Why a `required` edit that is not BRK-OPTIONAL-TO-REQUIRED leaves existing flows working. */
function requiredEdit(parameter: ParameterInfo): string {
  if (!isMeantTrue(parameter.value.required)) return 'Changed: required (now optional).';
  return has(parameter.value, 'default')
    ? 'Changed: required, with a default that the platform sends for flows that do not.'
    : 'Changed: required, on a parameter the platform fills for flows that do not send it.';
}

/** A body whose schema has required fields: every flow that passes validation sends it. */
function bodyWasAlwaysSent(model: SwaggerModel, parameter: ParameterInfo): boolean {
  if (parameter.in !== 'body') return false;
  return hasRequiredFields(
    model,
    parameter.value.schema,
    childPointer(parameter.definitionPointer, 'schema'),
  );
}

function parameterKey(parameter: ParameterInfo): string {
  return `${parameter.in ?? ''}\u0000${parameter.name ?? ''}`;
}

/** The parameters by `key`, each list in the order given, the keys in the order first met. */
function groupedBy<K>(
  parameters: readonly ParameterInfo[],
  key: (parameter: ParameterInfo) => K,
): Map<K, ParameterInfo[]> {
  const groups = new Map<K, ParameterInfo[]>();
  for (const parameter of parameters) {
    const group = groups.get(key(parameter));
    if (group) group.push(parameter);
    else groups.set(key(parameter), [parameter]);
  }
  return groups;
}

/** The first parameter of each name and location (duplicates are a validation rule's business). */
function byKey(parameters: readonly ParameterInfo[]): Map<string, ParameterInfo> {
  const map = new Map<string, ParameterInfo>();
  for (const parameter of parameters) {
    const key = parameterKey(parameter);
    if (!map.has(key)) map.set(key, parameter);
  }
  return map;
}

/** The parameter's ValuePath, its name cut as the operation's label is (a name is a value). */
function parameterValuePath(label: string, parameter: ParameterInfo): string {
  return `operation/${label}/parameter/${nameExcerpt(parameter.name ?? '?')}`;
}
