/** The extensions that call another operation for a parameter's or schema's values. */
export const DYNAMIC_EXTENSIONS = [
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-properties',
  'x-ms-dynamic-tree',
] as const;
export type DynamicExtension = (typeof DYNAMIC_EXTENSIONS)[number];
