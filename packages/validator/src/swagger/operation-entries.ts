import { childPointer } from '../json/pointer.js';
import type { PointerPlace } from '../json/pointer-place.js';
import { asString, has, type JsonObject } from './json-values.js';
import type { LazyPointer, OperationInfo, ParameterInfo, ResponseInfo } from './operation-info.js';
import { OperationKey, operationKeys } from './operation-keys.js';
import type { HttpMethod } from './path-item-methods.js';
import { meantLocation } from './parameter-location.js';
import { isInternalVisibility } from './visibility.js';
import { isMeantTrue } from './meant-boolean.js';

/*
 * The index's entries keep their flags as bits of one number, and read what rules rarely ask for
 * (an operation's raw visibility) from the document: Node 20 has no pointer compression, so every
 * field is 8 bytes on each of the corpus's ~6,000 operations and ~13,900 parameters.
 */
const INTERNAL = 1;
const TRIGGER = 2;
const DEPRECATED = 4;
const PATH_LEVEL = 8;
/** An operation: its own or its path item's parameters list has an entry with a `$ref` string. */
const LISTS_PARAMETER_REFS = 16;
/** A parameter: its list entry is an object with a `$ref` string. */
const WRITTEN_AS_REF = 32;
/** An operation with `x-ms-agentic-protocol`: an MCP server's. */
const MCP = 64;

/** Some entry of a parameters list is written as a `$ref`. */
export function anyWrittenAsRef(parameters: readonly ParameterEntry[]): boolean {
  for (let index = 0; index < parameters.length; index++) if (parameters[index]!.writtenAsRef) return true;
  return false;
}

/** The traits of an operation with these OperationKey bits: its values are read only for keys it has. */
function operationTraits(operation: JsonObject, keys: number): number {
  let traits = 0;
  if ((keys & OperationKey.visibility) !== 0 && isInternalVisibility(operation['x-ms-visibility']))
    traits |= INTERNAL;
  if ((keys & OperationKey.trigger) !== 0 && has(operation, 'x-ms-trigger')) traits |= TRIGGER;
  if ((keys & OperationKey.deprecated) !== 0 && isMeantTrue(operation.deprecated)) traits |= DEPRECATED;
  if ((keys & OperationKey.agenticProtocol) !== 0 && has(operation, 'x-ms-agentic-protocol')) traits |= MCP;
  return traits;
}

export function parameterTraits(level: 'path' | 'operation', isInternal: boolean): number {
  return (level === 'path' ? PATH_LEVEL : 0) | (isInternal ? INTERNAL : 0);
}

/** An operation of the document, `<path item>/<method>`. */
export class OperationEntry implements OperationInfo {
  readonly operationId: string | undefined;
  readonly keys: number;
  private traits: number;
  // Set by the model right after construction: the entries' places are below this one.
  parameters!: ParameterInfo[];
  responses!: ResponseInfo[];
  private text: string | undefined;

  constructor(
    readonly path: string,
    readonly method: HttpMethod,
    private readonly pathItemPlace: PointerPlace,
    readonly operation: JsonObject,
  ) {
    this.operationId = asString(operation.operationId);
    this.keys = operationKeys(operation);
    this.traits = operationTraits(operation, this.keys);
  }

  get visibility(): unknown {
    return this.operation['x-ms-visibility'];
  }

  get isInternal(): boolean {
    return (this.traits & INTERNAL) !== 0;
  }

  get isTrigger(): boolean {
    return (this.traits & TRIGGER) !== 0;
  }

  get isDeprecated(): boolean {
    return (this.traits & DEPRECATED) !== 0;
  }

  get isMcp(): boolean {
    return (this.traits & MCP) !== 0;
  }

  get listsParameterRefs(): boolean {
    return (this.traits & LISTS_PARAMETER_REFS) !== 0;
  }

  noteParameterRefs(): void {
    this.traits |= LISTS_PARAMETER_REFS;
  }

  get pointer(): string {
    this.text ??= childPointer(this.pathItemPlace.pointer, this.method);
    return this.text;
  }

  get pathItemPointer(): string {
    return this.pathItemPlace.pointer;
  }
}

/**
 * A parameter list entry: `parameters/<index>` below its path item or operation, or (inherited by
 * an operation with another visibility) the same place as the path item's entry.
 */
export class ParameterEntry implements ParameterInfo {
  readonly name: string | undefined;
  readonly in: string | undefined;
  private text: string | undefined;

  constructor(
    private readonly owner: LazyPointer,
    /** Undefined for a copy: then `owner` is the entry it is a copy of. */
    private readonly index: number | undefined,
    /** The definition's place when it is not this entry: a `$ref` target, or the entry a copy is of. */
    private readonly target: LazyPointer | undefined,
    readonly value: JsonObject,
    /** PATH_LEVEL and INTERNAL (and WRITTEN_AS_REF, noted after). */
    private traits: number,
  ) {
    this.name = asString(value.name);
    this.in = meantLocation(value.in);
  }

  get level(): 'path' | 'operation' {
    return (this.traits & PATH_LEVEL) !== 0 ? 'path' : 'operation';
  }

  get writtenAsRef(): boolean {
    return (this.traits & WRITTEN_AS_REF) !== 0;
  }

  noteWrittenAsRef(): void {
    this.traits |= WRITTEN_AS_REF;
  }

  get isInternal(): boolean {
    return (this.traits & INTERNAL) !== 0;
  }

  get pointer(): string {
    this.text ??=
      this.index === undefined
        ? this.owner.pointer
        : childPointer(this.owner.pointer, 'parameters', this.index);
    return this.text;
  }

  get definitionPlace(): LazyPointer {
    return this.target ?? this;
  }

  get definitionPointer(): string {
    return this.definitionPlace.pointer;
  }

  /** The same entry, as seen from an internal operation that inherits it. */
  asInternal(): ParameterInfo {
    if (this.isInternal) return this;
    return new ParameterEntry(this, undefined, this.definitionPlace, this.value, this.traits | INTERNAL);
  }
}

/** A response entry, `responses/<code>` below its operation. */
export class ResponseEntry implements ResponseInfo {
  private text: string | undefined;

  constructor(
    private readonly operation: LazyPointer,
    readonly code: string,
    /** The `$ref` target's place, when the definition is written elsewhere. */
    private readonly target: LazyPointer | undefined,
    readonly value: JsonObject,
  ) {}

  get pointer(): string {
    this.text ??= childPointer(this.operation.pointer, 'responses', this.code);
    return this.text;
  }

  get definitionPointer(): string {
    return (this.target ?? this).pointer;
  }
}

/**
 * The path item's parameters that the operation does not override (same name and location), then
 * the operation's own.
 */
export function effectiveParameters(
  pathParameters: ParameterEntry[],
  own: ParameterEntry[],
  operationInternal: boolean,
): ParameterInfo[] {
  // Most path items list no parameters: then there is nothing to merge, and no set of keys to build
  // for each of the document's operations.
  if (pathParameters.length === 0) return own;
  const ownKeys = new Set(own.map((p) => `${p.in}:${p.name}`));
  const inherited = pathParameters
    .filter((p) => !ownKeys.has(`${p.in}:${p.name}`))
    .map((p) => (operationInternal ? p.asInternal() : p));
  return [...inherited, ...own];
}
