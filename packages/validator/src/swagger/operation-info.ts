import type { JsonObject } from './json-values.js';
import type { HttpMethod } from './path-item-methods.js';

export interface ParameterInfo {
  /** Where the parameter is listed: an entry of an operation's or path item's `parameters`. */
  readonly pointer: string;
  /** Where its definition is: the same as `pointer`, or the `#/parameters/…` target of a `$ref`. */
  readonly definitionPointer: string;
  /**
   * The place of `definitionPointer`: one object for every listing of a definition (a path item's
   * entry in each of its operations, each `$ref` to one target), so indexes can key on it without
   * building pointer strings.
   */
  readonly definitionPlace: LazyPointer;
  /** The resolved parameter object ({} when the entry is not an object or the `$ref` is broken). */
  readonly value: JsonObject;
  readonly name: string | undefined;
  readonly in: string | undefined;
  readonly level: 'path' | 'operation';
  /** The parameter, or its operation, has `x-ms-visibility: internal`. */
  readonly isInternal: boolean;
}

export interface ResponseInfo {
  readonly code: string;
  readonly pointer: string;
  readonly definitionPointer: string;
  readonly value: JsonObject;
}

export interface OperationInfo {
  readonly path: string;
  readonly method: HttpMethod;
  /** `/paths/<path>/<method>` */
  readonly pointer: string;
  readonly pathItemPointer: string;
  readonly operation: JsonObject;
  readonly operationId: string | undefined;
  /** The raw `x-ms-visibility` value, if any. */
  readonly visibility: unknown;
  readonly isInternal: boolean;
  readonly isTrigger: boolean;
  readonly isDeprecated: boolean;
  /**
   * It carries `x-ms-agentic-protocol`: Copilot Studio reads it as the connector's MCP server, whose
   * JSON-RPC replies go to the agent, not to the flow designer. Rules about what the designer shows
   * (output schemas) leave it alone: this flag is the one place that says which operation is one.
   */
  readonly isMcp: boolean;
  /** Its own `parameters` list, or its path item's, has an entry with a `$ref` string. */
  readonly listsParameterRefs: boolean;
  /**
   * Which of OperationKey's keys the operation object has (own or inherited enumerable keys, as
   * for…in lists them): a rule reads such a key only when its bit is set.
   */
  readonly keys: number;
  /** Effective parameters: the path item's, overridden by the operation's of the same name and location. */
  readonly parameters: ParameterInfo[];
  readonly responses: ResponseInfo[];
}

/**
 * Something whose RFC 6901 pointer is built when first read. The entries below implement it
 * themselves instead of extending PointerPlace: each subclass is one more hidden class at
 * PointerPlace's field initializer, and past four that store goes megamorphic for every place of
 * every walk (measured: SWG-VISIBILITY-ENUM's schema list took 105 -> 175 ms a corpus run).
 */
export interface LazyPointer {
  readonly pointer: string;
}
