import { childPointer } from '../../json/pointer.js';
import type { RuleContext } from '../../model/rule.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { asObject, has } from '../../swagger/json-values.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { nameExcerpt } from '../../text/message-values.js';
import {
  inputsOf,
  readsOnlyNames,
  sourceInput,
  type OperationInputs,
  type SourceInput,
} from './dynamic-call-operations.js';
import { kindOf, type OperationKind } from './user-kinds.js';
import type { DynamicCall } from './dynamic-index.js';
import { sectionOf } from '../swagger/reference-places.js';

type Unknown = Extract<SourceInput, { kind: 'unknown' }>;

/**
 * The references of a call (`{"parameter": X}`, `{"parameterReference": X}`) that name no input of
 * an operation that shows it: the designer then sends nothing for them, and the dropdown or schema
 * fails when the maker opens it. Each reference is checked in each operation that shows the call's
 * holder (DynamicCall.users), and told once per operation it fails in, with the input it is closest to:
 *
 * - where it fails in every one (always so for a holder written in an operation), the reference is
 *   what is wrong, and one finding at it says so: a misspelt reference in a definition that thirty
 *   operations list is one edit, not thirty findings on one line;
 * - where it fails in some only, the reference is not wrong as written: each operation it fails in
 *   is told at its own listing of the holder (its `$ref` entry, else the operation), where the maker
 *   gives it the input or its own parameter. No line gets two findings of one reference.
 *
 * A reference of one step is judged once per kind of user (user-kinds.ts), one with steps once per
 * user of the same inputs; the users are listed only to count them, or to tell those it fails in.
 */
export function reportUnknownReferences(
  model: SwaggerModel,
  call: DynamicCall,
  report: RuleContext['report'],
): void {
  if (call.kinds.length === 0) return;
  const given = asObject(call.call.parameters);
  // Listed once per call, when a reference with steps or a finding needs them.
  let users: readonly OperationInfo[] | undefined;
  let byInputs: InputsKind[] | undefined;
  for (const name in given) {
    if (!has(given, name)) continue;
    const entry = asObject(given[name]);
    if (!entry) continue;
    const key = typeof entry.parameter === 'string' ? 'parameter' : 'parameterReference';
    const reference = entry[key];
    if (typeof reference !== 'string') continue;
    let failing: Failing | undefined;
    if (readsOnlyNames(reference)) failing = failingKinds(model, call, reference);
    else {
      users ??= call.users;
      failing = failingInputs(model, (byInputs ??= userKinds(model, users)), users, reference);
    }
    if (!failing) continue;
    if (failing.everyUser) {
      // Every user fails: the first kind holds the first user.
      const { operation, input } = failing.first;
      const count = (users ??= call.users).length;
      const others =
        count === 1
          ? ''
          : count === 2
            ? ' Nor is it one in the other operation that shows it.'
            : ` Nor is it one in the ${count - 1} other operations that show it.`;
      report({
        pointer: childPointer(call.pointer, 'parameters', name, key),
        message: unknownMessage(reference, operation, input) + others,
      });
      continue;
    }
    for (const { operation, input } of failing.users()) {
      report({
        pointer: listingPointer(call, operation),
        message: `${unknownMessage(reference, operation, input)} It is passed by the ${call.extension} at '${nameExcerpt(call.holderPointer)}', which this operation shows: give the operation that input, or ${ownInPlace(call)}.`,
      });
    }
  }
}

/** A user a reference fails in, with its answer. */
type FailingUser = { operation: OperationInfo; input: Unknown };

/** Of a reference that fails in some users: whether in every one, the first, and each (in the users' order). */
type Failing =
  { everyUser: true; first: FailingUser } | { everyUser: false; users: () => readonly FailingUser[] };

/**
 * A reference that reads only names, judged once per kind of user (user-kinds.ts): the users it
 * fails in are listed only when some others do not fail, to tell each at its listing.
 */
function failingKinds(model: SwaggerModel, call: DynamicCall, reference: string): Failing | undefined {
  const kinds = call.kinds;
  const failing = new Set<OperationKind>();
  let first: FailingUser | undefined;
  for (const { kind, first: operation } of kinds) {
    const input = sourceInput(model, operation, reference);
    if (input.kind !== 'unknown') continue;
    failing.add(kind);
    first ??= { operation, input };
  }
  if (!first) return undefined;
  if (failing.size === kinds.length) return { everyUser: true, first };
  const users = (): FailingUser[] => {
    const told: FailingUser[] = [];
    for (const operation of call.users) {
      if (!failing.has(kindOf(model, operation))) continue;
      const input = sourceInput(model, operation, reference);
      if (input.kind === 'unknown') told.push({ operation, input });
    }
    return told;
  };
  return { everyUser: false, users };
}

/** A reference with steps, judged once per user of the same inputs (one OperationInputs). */
function failingInputs(
  model: SwaggerModel,
  kinds: readonly InputsKind[],
  users: readonly OperationInfo[],
  reference: string,
): Failing | undefined {
  const failing: { kind: InputsKind; input: Unknown }[] = [];
  let failingUsers = 0;
  for (const kind of kinds) {
    const input = sourceInput(model, kind.operations[0]!, reference);
    if (input.kind !== 'unknown') continue;
    failing.push({ kind, input });
    failingUsers += kind.operations.length;
  }
  if (failing.length === 0) return undefined;
  if (failingUsers === users.length) {
    const { kind, input } = failing[0]!;
    return { everyUser: true, first: { operation: kind.operations[0]!, input } };
  }
  return { everyUser: false, users: () => inUsersOrder(failing) };
}

/** Users whose inputs are the same (one OperationInputs), for which each reference has one answer. */
interface InputsKind {
  readonly operations: OperationInfo[];
  /** The index of each in the users. */
  readonly at: number[];
}

/** The failing users, in the users' order, each with its kind's answer. */
function inUsersOrder(
  failing: readonly { kind: InputsKind; input: Unknown }[],
): { operation: OperationInfo; input: Unknown; at: number }[] {
  const told: { operation: OperationInfo; input: Unknown; at: number }[] = [];
  for (const { kind, input } of failing) {
    for (let index = 0; index < kind.operations.length; index++) {
      told.push({ operation: kind.operations[index]!, input, at: kind.at[index]! });
    }
  }
  if (failing.length > 1) told.sort((a, b) => a.at - b.at);
  return told;
}

/**
 * The users in kinds, in the order of each kind's first user: each reference is judged once per
 * kind, not once per user (most users of a shared parameter are alike). Users whose inputs cannot
 * all be read are undecided for every reference, and left out.
 */
function userKinds(model: SwaggerModel, users: readonly OperationInfo[]): InputsKind[] {
  const kinds = new Map<OperationInputs, InputsKind>();
  for (let at = 0; at < users.length; at++) {
    const operation = users[at]!;
    const inputs = inputsOf(model, operation);
    if (!inputs) continue;
    const kind = kinds.get(inputs);
    if (!kind) kinds.set(inputs, { operations: [operation], at: [at] });
    else {
      kind.operations.push(operation);
      kind.at.push(at);
    }
  }
  return [...kinds.values()];
}

function unknownMessage(reference: string, operation: OperationInfo, input: Unknown): string {
  const label = operationLabel(operation);
  const closest = input.meant();
  const meant = closest === undefined ? '' : ` Did you mean '${nameExcerpt(closest)}'?`;
  if (input.before !== '') {
    return `The parameter reference '${nameExcerpt(reference)}' leads nowhere in operation '${label}': '${nameExcerpt(input.before)}' has no property '${nameExcerpt(input.step)}', so the designer sends nothing for it.${meant}`;
  }
  const step = input.step === reference ? '' : ` (its first step '${nameExcerpt(input.step)}')`;
  return `The parameter reference '${nameExcerpt(reference)}'${step} is not a parameter of operation '${label}', nor a property of its body: the designer sends nothing for it.${meant}`;
}

/**
 * The advice's other way: the operation's own copy of what it shares. A schema in `definitions` or
 * `#/responses` is shared by `$ref`s, and the operation is given its own schema, not a parameter.
 */
function ownInPlace(call: DynamicCall): string {
  const section = sectionOf(call.holderPointer);
  if (section === 'definitions') return 'its own schema in place of the shared definition';
  if (section === 'responses') return 'its own schema in place of the shared response';
  return 'its own parameter in place of the shared one';
}

/**
 * Where an operation shows the call's holder: its own entry of a parameter it lists (the `$ref` to a
 * `#/parameters/x` definition), its own `$ref` that leads to a schema in `definitions`, else the
 * operation (a path item's parameter, a payload schema).
 */
function listingPointer(call: DynamicCall, operation: OperationInfo): string {
  const listing = call.listing(operation);
  if (listing) return listing.pointer;
  if (call.holderKind === 'parameter') {
    for (const parameter of operation.parameters) {
      if (parameter.value === call.holder && parameter.level === 'operation') return parameter.pointer;
    }
  }
  return operation.pointer;
}
