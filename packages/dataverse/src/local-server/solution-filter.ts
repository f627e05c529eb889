import { CODES, ODataFailure } from './http-kit.js';

/** The columns of `solutions` that the local server serves. */
export const SOLUTION_COLUMNS = ['solutionid', 'uniquename', 'friendlyname', 'version', 'ismanaged'];

/** Those that its $filter may compare. */
const FILTERED_COLUMNS = ['uniquename', 'friendlyname'] as const;
export type FilteredColumn = (typeof FILTERED_COLUMNS)[number];

/** `column eq 'literal'`: OData puts one or more spaces around `eq`, and doubles a quote in a literal. */
const EQUALS_LITERAL = /^\s*([A-Za-z_]\w*)\s+eq\s+'((?:[^']|'')*)'\s*$/;

/**
 * The comparison a `$filter` of `solutions` makes: `uniquename eq '…'` or `friendlyname eq '…'`, the
 * lookups clients make. Compared without regard to case, as Dataverse's collation does. A column the
 * entity lacks is the Web API's 400, as it words it; any other filter is refused, not guessed.
 */
export function solutionFilter(filter: string): { column: FilteredColumn; value: string } {
  const match = EQUALS_LITERAL.exec(filter);
  const column = match?.[1];
  if (column !== undefined && !SOLUTION_COLUMNS.includes(column))
    throw new ODataFailure(
      400,
      CODES.badRequest,
      `Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.solution'.`,
    );
  if (!match || !FILTERED_COLUMNS.includes(column as FilteredColumn))
    throw new ODataFailure(
      400,
      CODES.badRequest,
      `The local server supports only $filter=uniquename eq '…' or friendlyname eq '…'; got '${filter}'.`,
    );
  return { column: column as FilteredColumn, value: match[2]!.replace(/''/g, "'") };
}
