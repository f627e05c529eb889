import { validSwagger } from './valid-connector.js';

/** A swagger as pretty JSON cut just before `marker`, as a save interrupted there leaves it. */
export function swaggerCutBefore(marker: string, swagger: object = validSwagger()): string {
  const text = JSON.stringify(swagger, null, 2);
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`"${marker}" is not in the swagger`);
  return text.slice(0, at);
}
