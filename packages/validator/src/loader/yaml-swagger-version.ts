import { fileHead } from './file-head.js';

/**
 * Which specification a swagger written in YAML declares in its first lines: `swagger: "2.0"`, the
 * one a connector is (convert it to JSON), or `openapi: 3.x`, which no connector is (it must become
 * Swagger 2.0 first: "convert to JSON" alone leaves an OpenAPI 3 file the platform refuses).
 */
export type DeclaredSpecification = 'swagger-2.0' | 'openapi-3';

/** How much of the file is read: the version key is the first or nearly the first in both. */
const HEAD_BYTES = 4096;

const SWAGGER_2 = /^["']?swagger["']?[ \t]*:[ \t]*["']?2\.0\b/m;
const OPENAPI_3 = /^["']?openapi["']?[ \t]*:[ \t]*["']?3\./m;

/** The specification `head` (the start of a YAML file) declares at its top level, if it says. */
export function declaredSpecification(head: string): DeclaredSpecification | undefined {
  if (OPENAPI_3.test(head)) return 'openapi-3';
  if (SWAGGER_2.test(head)) return 'swagger-2.0';
  return undefined;
}

/**
 * declaredSpecification of the file at `file`, reading only its first HEAD_BYTES. Undefined for a
 * file that cannot be read: the advice then stays the general one.
 */
export function declaredSpecificationOf(file: string): DeclaredSpecification | undefined {
  const head = fileHead(file, HEAD_BYTES);
  return head && declaredSpecification(head.toString('utf8'));
}
