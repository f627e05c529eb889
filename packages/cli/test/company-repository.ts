import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '@connector-alm/testing';
import { validApiProperties, validReadme, validSwagger } from '@connector-alm/validator/testing';

/** A company's repository: connectors/<name> for each name, and `config` as `configFile`. */
export function companyRepository(names: readonly string[], configFile: string, config: string): string {
  const root = temporaryFolder('cli-company-');
  for (const name of names) {
    const folder = path.join(root, 'connectors', name);
    mkdirSync(folder, { recursive: true });
    const swagger = validSwagger();
    swagger.info.title = `Contoso ${name}`;
    writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
    writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
    writeFileSync(path.join(folder, 'readme.md'), validReadme());
  }
  mkdirSync(path.dirname(path.join(root, configFile)), { recursive: true });
  writeFileSync(path.join(root, configFile), config);
  return root;
}
