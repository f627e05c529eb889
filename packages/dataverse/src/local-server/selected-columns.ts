import { CODES, ODataFailure } from './http-kit.js';

/** The `$select`ed columns of a row; a column the entity lacks is the Web API's 400, as it words it. */
export function selectedColumns(
  row: Record<string, unknown>,
  columns: readonly string[],
  entity: string,
): Record<string, unknown> {
  const unknown = columns.find((column) => !(column in row));
  if (unknown)
    throw new ODataFailure(
      400,
      CODES.badRequest,
      `Could not find a property named '${unknown}' on type 'Microsoft.Dynamics.CRM.${entity}'.`,
    );
  return Object.fromEntries(columns.map((column) => [column, row[column]]));
}
