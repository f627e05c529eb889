import { childPointer } from '../../json/pointer.js';
import type { RuleContext } from '../../model/rule.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { asObject, has } from '../../swagger/json-values.js';
import { operationLabel } from '../../swagger/operation-label.js';
import { nameExcerpt } from '../../text/message-values.js';
import { inputsOf, sourceInput, type OperationInputs, type SourceInput } from './dynamic-call-operations.js';
import type { DynamicCall } from './dynamic-index.js';

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
 */
export function reportUnknownReferences(
  model: SwaggerModel,
  call: DynamicCall,
  report: RuleContext['report'],
): void {
  const users = call.users;
  if (users.length === 0) return;
  const given = asObject(call.call.parameters);
  let kinds: UserKind[] | undefined;
  for (const name in given) {
    if (!has(given, name)) continue;
    const entry = asObject(given[name]);
    if (!entry) continue;
    const key = typeof entry.parameter === 'string' ? 'parameter' : 'parameterReference';
    const reference = entry[key];
    if (typeof reference !== 'string') continue;
    kinds ??= userKinds(model, users);
    const failing: { kind: UserKind; input: Unknown }[] = [];
    let failingUsers = 0;
    for (const kind of kinds) {
      const input = sourceInput(model, kind.operations[0]!, reference);
      if (input.kind !== 'unknown') continue;
      failing.push({ kind, input });
      failingUsers += kind.operations.length;
    }
    if (failing.length === 0) continue;
    if (failingUsers === users.length) {
      // Every user fails: the first kind holds the first user.
      const { kind, input } = failing[0]!;
      const others =
        users.length === 1
          ? ''
          : users.length === 2
            ? ' Nor is it one in the other operation that shows it.'
            : ` Nor is it one in the ${users.length - 1} other operations that show it.`;
      report({
        pointer: childPointer(call.pointer, 'parameters', name, key),
        message: unknownMessage(reference, kind.operations[0]!, input) + others,
      });
      continue;
    }
    for (const { operation, input } of inUsersOrder(failing)) {
      report({
        pointer: listingPointer(call, operation),
        message: `${unknownMessage(reference, operation, input)} It is passed by the ${call.extension} at '${nameExcerpt(call.holderPointer)}', which this operation shows: give the operation that input, or its own parameter in place of the shared one.`,
      });
    }
  }
}

/** Users whose inputs are the same (one OperationInputs), for which each reference has one answer. */
interface UserKind {
  readonly operations: OperationInfo[];
  /** The index of each in the users. */
  readonly at: number[];
}

/** The failing users, in the users' order, each with its kind's answer. */
function inUsersOrder(
  failing: readonly { kind: UserKind; input: Unknown }[],
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
function userKinds(model: SwaggerModel, users: readonly OperationInfo[]): UserKind[] {
  const kinds = new Map<OperationInputs, UserKind>();
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
 * Where an operation shows the call's holder: its own entry of a parameter it lists (the `$ref` to a
 * `#/parameters/x` definition), its own `$ref` that leads to a schema in `definitions`, else the
 * operation (a path item's parameter, a payload schema).
 */
function listingPointer(call: DynamicCall, operation: OperationInfo): string {
  const listing = call.listing?.(operation);
  if (listing) return listing.pointer;
  if (call.holderKind === 'parameter') {
    for (const parameter of operation.parameters) {
      if (parameter.value === call.holder && parameter.level === 'operation') return parameter.pointer;
    }
  }
  return operation.pointer;
}
