/**
 * `x-ms-visibility: internal` in any capitalization: the platform hides an operation, parameter or
 * property written `Internal` (2 in the corpus) as it hides one written `internal`.
 * SWG-VISIBILITY-ENUM asks for the lowercase value; the model, the rules and the diff all read a
 * capitalized one as what it means, so one file is never told both "hidden" and "visible".
 */
export function isInternalVisibility(value: unknown): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'internal';
}
