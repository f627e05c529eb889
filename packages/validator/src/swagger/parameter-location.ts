import { asString } from './json-values.js';

/** Where Swagger 2.0 lets a parameter be (`in`), as it spells them. */
export const PARAMETER_LOCATIONS = ['query', 'header', 'path', 'formData', 'body'] as const;

const SPELLED: ReadonlySet<string> = new Set(PARAMETER_LOCATIONS);

const BY_LOWER_CASE = new Map<string, string>(
  PARAMETER_LOCATIONS.map((location) => [location.toLowerCase(), location]),
);

/**
 * The location a parameter's `in` means: as written, or the Swagger location it writes in other case
 * (`Path`, `formdata`). The platform refuses the latter (SWG-PARAM-IN-ENUM says so, and `validate
 * --fix` writes it as Swagger spells it), but the other rules read the parameter where it is meant:
 * read as written, a path parameter `"in": "Path"` was also told missing from its operation
 * (SWG-PATH-MISSING-PARAM), and its own problems (a missing x-ms-url-encoding) came one run later.
 */
export function meantLocation(written: unknown): string | undefined {
  const location = asString(written);
  // Nearly every parameter writes its location as Swagger spells it: the model reads one for each of
  // the corpus's ~13,900 parameters, and lower-casing each was a string made for nothing.
  if (location === undefined || SPELLED.has(location)) return location;
  return BY_LOWER_CASE.get(location.toLowerCase()) ?? location;
}
