import { decodeSegment } from '../../json/pointer.js';
import { asObject, type JsonObject } from '../../swagger/json-values.js';
import type { OperationInfo } from '../../swagger/operation-info.js';
import type { SwaggerModel } from '../../swagger/swagger-model.js';
import { NOTIFICATION_CONTENT } from '../../swagger/notification-content.js';
import { perModel } from './rule-kit.js';
import { DefinitionUsers } from './definition-users.js';
import { ListedUsers, type CallUsers } from './user-kinds.js';
import { shownUsers } from './shown-users.js';

/*
 * The operations that show a dynamic extension's holder in their form, and so whose inputs its calls
 * pass: the designer reads a reference (`{"parameter": "site"}`) among the inputs of the operation
 * being filled in. A holder written once can be shown by several: a `#/parameters/x` definition that
 * operations `$ref`, a path item's parameter (each of its operations), a webhook payload (each
 * trigger of its path item). Checked against the first of them only, Alemba ITSM's `entity_type`
 * passed `categoryId`, which four of the nine operations that list it lack.
 *
 * An internal operation is left out when a visible one shows the holder too: the designer never shows
 * an internal operation's form, and the operation that calls it fills its inputs, so its dropdowns are
 * never opened there. Alemba ITSM's four that lack `categoryId` are internal (dynamic sources); with
 * them counted, SWG-DYN-PARAMS told four errors that need no fix. Where every user is internal they
 * all stay: the holder is then checked where it is written.
 *
 * A schema's users depend on the call: a dynamic schema (`x-ms-dynamic-schema`, `-properties`) is
 * asked for with the operation's inputs wherever the schema is, in a body or in a response; a
 * dropdown (`x-ms-dynamic-values`, `-list`, `-tree`) is opened only in an input's form, and one in a
 * response or a webhook's payload, an output, is never called: it has no users there.
 */

const NONE: readonly OperationInfo[] = [];
const PATHS_PREFIX = '/paths/';
const PARAMETERS_PREFIX = '/parameters/';
const DEFINITIONS_PREFIX = '/definitions/';
const RESPONSES_PREFIX = '/responses/';

/** The users of a schema holder, by the kind of call (see the top). */
export interface SchemaUsers {
  /** Who asks for a dynamic schema written there: operations whose inputs or outputs show it. */
  readonly all: CallUsers;
  /** Who opens a dropdown written there: operations whose inputs show it. */
  readonly inputs: CallUsers;
}

const SLASH = 0x2f;

/**
 * The index in `model.operations` of each path's first operation: the model lists a path item's
 * operations one after the other. Searching every operation for each path instead cost paths x
 * operations on a swagger of thousands of paths (bench/dynamic-owners.ts).
 */
const firstOperationOfPath = perModel((model: SwaggerModel): Map<string, number> => {
  const first = new Map<string, number>();
  const operations = model.operations;
  for (let index = 0; index < operations.length; index++) {
    const path = operations[index]!.path;
    if (!first.has(path)) first.set(path, index);
  }
  return first;
});

/** The operations of one path, in the model's order, that `keep` keeps. */
function operationsOfPath(
  model: SwaggerModel,
  path: string,
  keep: (operation: OperationInfo) => boolean,
): readonly OperationInfo[] {
  const operations = model.operations;
  const first = firstOperationOfPath(model).get(path);
  if (first === undefined) return NONE;
  let kept: OperationInfo[] | undefined;
  for (let index = first; index < operations.length && operations[index]!.path === path; index++) {
    const operation = operations[index]!;
    if (keep(operation)) (kept ??= []).push(operation);
  }
  return kept ? shownUsers(kept) : NONE;
}

/**
 * The users of the holders of one document: of each parameter object, the operations that list it;
 * of each schema, by where it is written. A schema in `definitions` (or `#/responses`) has those
 * whose `$ref`s reach it (DefinitionUsers); one that no operation reaches has none, and goes unchecked.
 */
export class HolderUsers {
  /** The operations listing each parameter object asked about, built on the first question. */
  private listings: Map<JsonObject, OperationInfo[]> | undefined;
  /**
   * The part of the last schema answered's pointer that says who shows it (ownerPart): `/parameters/<name>`,
   * `/definitions/<name>`, `/responses/<name>`, `/paths/<path>/<segment>`, or for an operation
   * `/paths/<path>/<method>/<part>` (`responses` or another member).
   */
  private prefix = '';
  private users: SchemaUsers | undefined;
  /** The reach of the document's entries, built on the first schema asked about in one. */
  private entries: DefinitionUsers | undefined;

  constructor(
    private readonly model: SwaggerModel,
    /** The parameter objects whose users are asked for: the listings of no other are kept. */
    private readonly asked: ReadonlySet<JsonObject>,
  ) {}

  /** The operations that list this parameter object (written in place, `$ref`ed, or on their path item). */
  ofParameter(value: JsonObject): readonly OperationInfo[] {
    this.listings ??= this.listOperations();
    return this.listings.get(value) ?? NONE;
  }

  /**
   * The users of a schema written at this pointer: under an operation, that one; under a path
   * item's parameter, its operations; under `x-ms-notification-content`, its triggers; under a
   * `#/parameters/x` definition, that parameter's; under a definition or a `#/responses` entry,
   * those that reach it. Those that show it in a response or a payload show an output. The schemas
   * under one of these come one after the other in walk order: the answer for the last one is kept
   * while the pointers start with it.
   */
  ofSchema(pointer: string): SchemaUsers {
    const prefix = this.prefix;
    if (
      prefix !== '' &&
      pointer.startsWith(prefix) &&
      (pointer.length === prefix.length || pointer.charCodeAt(prefix.length) === SLASH)
    )
      return this.users!;
    const found = this.ownerPart(pointer);
    if (!found) return this.noUsers();
    this.prefix = found.prefix;
    this.users = found.users;
    return found.users;
  }

  /**
   * The part of the pointer that says who shows the schema, and their users: the segment after
   * `parameters`, `definitions` or `responses`, or the two after `paths` (three for an operation,
   * whose `responses` are outputs).
   */
  private ownerPart(pointer: string): { prefix: string; users: SchemaUsers } | undefined {
    if (pointer.startsWith(PARAMETERS_PREFIX)) {
      const nameEnd = segmentEnd(pointer, PARAMETERS_PREFIX.length);
      const name = decodeSegment(pointer.slice(PARAMETERS_PREFIX.length, nameEnd));
      const value = asObject(asObject(this.model.root.parameters)?.[name]);
      return {
        prefix: pointer.slice(0, nameEnd),
        users: this.inputUsers(value ? this.ofParameter(value) : NONE),
      };
    }
    if (pointer.startsWith(DEFINITIONS_PREFIX) || pointer.startsWith(RESPONSES_PREFIX)) {
      const prefix = pointer.slice(0, segmentEnd(pointer, pointer.indexOf('/', 1) + 1));
      const users = (this.entries ??= new DefinitionUsers(this.model)).of(prefix);
      return { prefix, users };
    }
    if (!pointer.startsWith(PATHS_PREFIX)) return undefined;
    const pathEnd = pointer.indexOf('/', PATHS_PREFIX.length);
    if (pathEnd === -1) return undefined;
    const segmentStop = segmentEnd(pointer, pathEnd + 1);
    const path = decodeSegment(pointer.slice(PATHS_PREFIX.length, pathEnd));
    const segment = decodeSegment(pointer.slice(pathEnd + 1, segmentStop));
    if (segment === 'parameters') {
      const users = operationsOfPath(this.model, path, () => true);
      return { prefix: pointer.slice(0, segmentStop), users: this.inputUsers(users) };
    }
    if (segment === NOTIFICATION_CONTENT) {
      const users = operationsOfPath(this.model, path, (operation) => operation.isTrigger);
      return { prefix: pointer.slice(0, segmentStop), users: this.outputUsers(users) };
    }
    const users = operationsOfPath(this.model, path, (operation) => operation.method === segment);
    const partStop = segmentEnd(pointer, segmentStop + 1);
    const output = pointer.slice(segmentStop + 1, partStop) === 'responses';
    return {
      prefix: pointer.slice(0, partStop),
      users: output ? this.outputUsers(users) : this.inputUsers(users),
    };
  }

  private inputUsers(users: readonly OperationInfo[]): SchemaUsers {
    const listed = new ListedUsers(this.model, users);
    return { all: listed, inputs: listed };
  }

  private outputUsers(users: readonly OperationInfo[]): SchemaUsers {
    return { all: new ListedUsers(this.model, users), inputs: this.noUsers().inputs };
  }

  private noUsers(): SchemaUsers {
    return this.inputUsers(NONE);
  }

  /**
   * One pass over every operation's parameters; only the objects asked about get a list. An
   * operation that lists one object twice is its user once.
   */
  private listOperations(): Map<JsonObject, OperationInfo[]> {
    const listings = new Map<JsonObject, OperationInfo[]>();
    const asked = this.asked;
    for (const operation of this.model.operations) {
      const parameters = operation.parameters;
      for (let index = 0; index < parameters.length; index++) {
        const value = parameters[index]!.value;
        if (!asked.has(value)) continue;
        const users = listings.get(value);
        if (!users) listings.set(value, [operation]);
        else if (users[users.length - 1] !== operation) users.push(operation);
      }
    }
    for (const [value, users] of listings) listings.set(value, shownUsers(users));
    return listings;
  }
}

function segmentEnd(pointer: string, start: number): number {
  const end = pointer.indexOf('/', start);
  return end === -1 ? pointer.length : end;
}
