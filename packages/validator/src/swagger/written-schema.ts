import type { JsonObject } from './json-values.js';

/** A schema object as written in the document (not reached through a `$ref`). */
export interface WrittenSchema {
  readonly schema: JsonObject;
  /** Built when read: iterate the list without reading it for every schema. */
  readonly pointer: string;
  /** Where the outermost schema of this tree is written. */
  readonly origin: 'definition' | 'parameter' | 'response' | 'global-parameter' | 'global-response';
  /** Nesting below that outermost schema (0 for the outermost). */
  readonly depth: number;
}
