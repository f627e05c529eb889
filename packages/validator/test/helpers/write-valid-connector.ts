import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validApiProperties, validReadme, validSwagger } from './valid-connector.js';

/**
 * Writes the valid connector's three files into `folder` (made when missing), with `swagger` in place
 * of the valid one: the usual start of a test that commits a connector and changes it.
 */
export function writeValidConnector(folder: string, swagger: object = validSwagger()): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  writeFileSync(path.join(folder, 'readme.md'), validReadme());
}
