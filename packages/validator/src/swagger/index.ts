export * from './json-values.js';
export * from './swagger-model.js';
export { MAX_SCHEMA_WALK_DEPTH, SchemaNode, type SchemaStep } from './schema-walk.js';
export { HTTP_METHODS, type HttpMethod } from './path-item-methods.js';
export type { Located } from './local-refs.js';
export type { LazyPointer, OperationInfo, ParameterInfo, ResponseInfo } from './operation-info.js';
export { OperationKey } from './operation-keys.js';
export type { WrittenSchema } from './written-schema.js';
