import type { JsonObject } from '../../swagger/json-values.js';
import type { LazyPointer, OperationInfo } from '../../swagger/operation-info.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { inputsOf } from './operation-inputs.js';
import { perModel } from './rule-kit.js';

/*
 * The users of a dynamic call's holder (the operations that show it, HolderUsers) in kinds: users
 * that every question the dynamic rules ask of a user answers alike. A plain reference (`site`) is
 * known by the names of the user's inputs, a source parameter judged by its `type` and
 * `x-ms-visibility` (firstWrongSource), the names two parameters share read from their names, and
 * internal users are left out beside visible ones (shownUsers): operations alike in all of these are
 * one kind, whatever their body's schema is (a reference with steps, `body/site`, follows the
 * schema, and is judged per user).
 *
 * Why: a chain of n definitions, each holding a dropdown and sent by its own operation, shows the
 * dropdowns in n^2/2 (holder, operation) pairs: judged in each, 4,000 definitions took 14 s and
 * 1.4 GB. Their operations are of one kind, and each call is judged once per kind
 * (bench/dynamic-definition-users.ts).
 */

/** Operations alike for every question of the dynamic rules (see the top); one instance per kind. */
export class OperationKind {
  constructor(readonly internal: boolean) {}
}

/** A kind among a call's users, with its first user (in the model's order). */
export interface UserKind {
  readonly kind: OperationKind;
  readonly first: OperationInfo;
}

/**
 * The users of a call: listed (for the findings told per user), and in kinds (for the questions
 * asked of each user). Listing a holder in `definitions` builds its users at each question; the
 * kinds are kept.
 */
export interface CallUsers {
  /** Each user once, in the model's order, internal ones only when none is visible (shownUsers). */
  list(): readonly OperationInfo[];
  /** The kinds of list()'s users, in the order of their first users. */
  kinds(): readonly UserKind[];
  /** A user's own `$ref` that leads to a holder in `definitions`. */
  listing?(operation: OperationInfo): LazyPointer | undefined;
}

/**
 * Held by the model, as its other indexes are, so that they die with it. `byList` was a module-level
 * WeakMap: V8's scavenger keeps the values of a WeakMap in the old generation alive (see
 * ConnectorCache), and these kinds hold the operations, so every connector with a dynamic call kept
 * its document through every scavenge until a full collection. With callSources (dynamic-call-
 * operations.ts) held by the model too, a warm corpus run promotes ~10 MB instead of ~12.2, and
 * ~10.5 MB survive its scavenges instead of ~13.5 (--trace-gc-nvp, 3 x 6 runs).
 */
const kindsByModel = perModel(() => ({
  byOperation: new Map<OperationInfo, OperationKind>(),
  byKey: new Map<string, OperationKind>(),
  byList: new Map<readonly OperationInfo[], readonly UserKind[]>(),
  objectIds: new WeakMap<object, number>(),
  nextId: { value: 0 },
}));

/** The kind of an operation (see the top), one instance per kind in a model. */
export function kindOf(model: SwaggerModel, operation: OperationInfo): OperationKind {
  const known = kindsByModel(model);
  const kind = known.byOperation.get(operation);
  if (kind) return kind;
  const key = kindKey(model, operation, (value) => {
    let id = known.objectIds.get(value);
    if (id === undefined) known.objectIds.set(value, (id = known.nextId.value++));
    return id;
  });
  let shared = known.byKey.get(key);
  if (!shared) known.byKey.set(key, (shared = new OperationKind(operation.isInternal)));
  known.byOperation.set(operation, shared);
  return shared;
}

/**
 * What the dynamic rules read of an operation: whether it is internal; each parameter's location,
 * name, `type` and `x-ms-visibility`; the names of its inputs (inputsOf: parameters and the body's
 * top-level properties), or that they cannot all be read. The type and visibility as written: a
 * written value has one meaning (meantType), so two operations of one kind mean the same; `"String"`
 * and `"string"` make two kinds judged alike (firstWrongSource reads the type meant), never one kind
 * of two meanings.
 */
function kindKey(model: SwaggerModel, operation: OperationInfo, idOf: (value: object) => number): string {
  let key = operation.isInternal ? 'i' : 'v';
  const field = (value: unknown): string =>
    typeof value === 'object' && value !== null ? `#${idOf(value)}` : (JSON.stringify(value) ?? '-');
  for (const parameter of operation.parameters) {
    const value: JsonObject = parameter.value;
    key += `\u0001${field(parameter.in)}\u0000${field(parameter.name)}\u0000${field(value.type)}\u0000${field(value['x-ms-visibility'])}`;
  }
  const inputs = inputsOf(model, operation);
  return `${key}\u0002${inputs ? inputs.listed.join('\u0000') : '\u0003'}`;
}

/** The kinds of listed users, in the order of their first users; kept per list (lists are shared). */
export function kindsOfList(model: SwaggerModel, users: readonly OperationInfo[]): readonly UserKind[] {
  const { byList } = kindsByModel(model);
  const known = byList.get(users);
  if (known) return known;
  const byKind = new Map<OperationKind, UserKind>();
  for (const operation of users) {
    const kind = kindOf(model, operation);
    if (!byKind.has(kind)) byKind.set(kind, { kind, first: operation });
  }
  const kinds = [...byKind.values()];
  byList.set(users, kinds);
  return kinds;
}

/** Users given as a list: of an operation, a shared parameter, a path item. */
export class ListedUsers implements CallUsers {
  constructor(
    private readonly model: SwaggerModel,
    private readonly users: readonly OperationInfo[],
  ) {}

  list(): readonly OperationInfo[] {
    return this.users;
  }

  kinds(): readonly UserKind[] {
    return kindsOfList(this.model, this.users);
  }
}
