import type { JsonObject } from './json-values.js';

/**
 * Keys that most operations lack, as bits of OperationInfo.keys. Why: a rule asking each operation
 * for an absent key looks it up on objects of hundreds of shapes, which V8's caches of where a key
 * sits do not hold, and ~10 rules did so for each of the corpus's ~6,100 operations; the index reads
 * each operation's keys once instead.
 */
export const OperationKey = {
  consumes: 1,
  produces: 2,
  security: 4,
  /** `x-ms-api-annotation` */
  annotation: 8,
  /** `x-ms-pageable` */
  pageable: 16,
  /** `x-ms-capabilities` */
  capabilities: 32,
  /** `x-ms-notification` */
  notification: 64,
  /** `x-ms-operation-context` */
  operationContext: 128,
  /** `x-ms-trigger-metadata` */
  triggerMetadata: 256,
  /** `x-ms-visibility` */
  visibility: 512,
  /** `x-ms-trigger` */
  trigger: 1024,
  deprecated: 2048,
  schemes: 4096,
  /** `x-ms-agentic-protocol` */
  agenticProtocol: 8192,
} as const;

/** A key's OperationKey bit, 0 for others: by length first, then one comparison of interned strings. */
function operationKeyBit(key: string): number {
  switch (key.length) {
    case 7:
      return key === 'schemes' ? OperationKey.schemes : 0;
    case 8:
      if (key === 'consumes') return OperationKey.consumes;
      if (key === 'produces') return OperationKey.produces;
      return key === 'security' ? OperationKey.security : 0;
    case 10:
      return key === 'deprecated' ? OperationKey.deprecated : 0;
    case 12:
      return key === 'x-ms-trigger' ? OperationKey.trigger : 0;
    case 13:
      return key === 'x-ms-pageable' ? OperationKey.pageable : 0;
    case 15:
      return key === 'x-ms-visibility' ? OperationKey.visibility : 0;
    case 17:
      if (key === 'x-ms-capabilities') return OperationKey.capabilities;
      return key === 'x-ms-notification' ? OperationKey.notification : 0;
    case 19:
      return key === 'x-ms-api-annotation' ? OperationKey.annotation : 0;
    case 21:
      if (key === 'x-ms-trigger-metadata') return OperationKey.triggerMetadata;
      return key === 'x-ms-agentic-protocol' ? OperationKey.agenticProtocol : 0;
    case 22:
      return key === 'x-ms-operation-context' ? OperationKey.operationContext : 0;
    default:
      return 0;
  }
}

/** The OperationKey bits of an operation object's keys. */
export function operationKeys(operation: JsonObject): number {
  let keys = 0;
  for (const key in operation) keys |= operationKeyBit(key);
  return keys;
}
