import { asObject, has, type JsonObject } from './json-values.js';

/** The operations a Swagger 2.0 path item may hold, by method key, in the order they are read. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Puts the path item's operations (object values of method keys) into `slots` by HTTP_METHODS
 * index, and says whether there is any. Why not ask for each of the seven methods: a path item has
 * one to three keys, and seven lookups of a key by name on objects of hundreds of shapes cost more
 * than reading its keys (~1 ms a corpus run).
 */
export function writtenMethods(pathItem: JsonObject, slots: (JsonObject | undefined)[]): boolean {
  let any = false;
  for (const key in pathItem) {
    const slot = methodSlot(key);
    if (slot === -1 || !has(pathItem, key)) continue;
    const operation = asObject(pathItem[key]);
    if (operation === undefined) continue;
    slots[slot] = operation;
    any = true;
  }
  return any;
}

/** The index of a method in HTTP_METHODS, -1 for other keys. */
function methodSlot(key: string): number {
  switch (key) {
    case 'get':
      return 0;
    case 'put':
      return 1;
    case 'post':
      return 2;
    case 'delete':
      return 3;
    case 'options':
      return 4;
    case 'head':
      return 5;
    case 'patch':
      return 6;
    default:
      return -1;
  }
}
