import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * GitHub's own OpenAPI description of the operations the local server implements (cut from
 * @octokit/openapi by scripts/extract-openapi-subset.mjs). Every request body the client sends and
 * every response body the server returns is checked against it, so neither can drift from GitHub.
 */
interface OpenApiOperation {
  operationId: string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } & Record<
    string,
    unknown
  >;
}

export interface RouteMatch {
  operationId: string;
  params: Record<string, string>;
}

export interface ContractViolation {
  operationId: string;
  /** 'request' or the response status. */
  part: string;
  errors: string[];
}

const SCHEMA_ID = 'github';

/**
 * Where the subset sits beside the module at `moduleUrl`. A URL's pathname is not a file path: it
 * keeps %20 for a space and reads `/C:/…` on Windows, so the URL is converted as a file URL.
 */
export function subsetDocumentFile(moduleUrl: string, windows = process.platform === 'win32'): string {
  const paths = windows ? path.win32 : path.posix;
  return paths.join(paths.dirname(fileURLToPath(moduleUrl, { windows })), 'openapi', 'github-subset.json');
}

// The subset sits next to this file in the sources; a bundle carries no JSON, so the server is for
// tests and tools that run from the sources.
function loadDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(subsetDocumentFile(import.meta.url), 'utf8')) as OpenApiDocument;
}

/**
 * Rewrites local `#/components/...` refs to the registered document, so operation schemas compile
 * alone, and OpenAPI 3.0's `nullable` without a `type` (the commit schema's author: null, or one of
 * two shapes) as JSON Schema says it, null or the rest: Ajv reads `nullable` only beside `type`, and
 * refuses to compile the schema otherwise.
 */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node === null || typeof node !== 'object') return node;
  const rebased = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? `${SCHEMA_ID}${value}` : rebase(value),
    ]),
  );
  if (rebased.nullable !== true || 'type' in rebased) return rebased;
  const { nullable: _nullable, ...rest } = rebased;
  return { anyOf: [{ type: 'null' }, rest] };
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly document: OpenApiDocument;
  private readonly routes: {
    method: string;
    pattern: RegExp;
    names: string[];
    operation: OpenApiOperation;
  }[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument = loadDocument()) {
    this.document = document;
    // strict: false because OpenAPI schemas carry keywords JSON Schema does not know (x-*, nullable is
    // understood by Ajv natively). GitHub's own formats int64/timestamp are not checked.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    addFormats(this.ajv);
    this.ajv
      .addFormat('int64', true)
      .addFormat('timestamp', true)
      .addFormat('uri-template', true)
      .addFormat('repo.nwo', true);
    this.ajv.addSchema({ components: rebase(document.components) } as object, SCHEMA_ID);
    for (const [template, item] of Object.entries(document.paths)) {
      const names: string[] = [];
      // {ref} in git/get-ref and update-ref spans slashes (heads/feature/x); other params do not.
      // GitHub's own OpenAPI description, read by the test server: no pull request writes it.
      // eslint-disable-next-line regexp/no-super-linear-move
      const source = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return name === 'ref' ? '(.+)' : '([^/]+)';
      });
      for (const [method, operation] of Object.entries(item)) {
        this.routes.push({
          method: method.toUpperCase(),
          pattern: new RegExp(`^${source}$`),
          names,
          operation,
        });
      }
    }
  }

  /** The documented operation for a method and path, with its path parameters decoded. */
  match(method: string, pathname: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]),
      );
      return { operationId: route.operation.operationId, params };
    }
    return undefined;
  }

  checkRequest(operationId: string, body: unknown): string[] {
    const operation = this.operation(operationId);
    const schema = operation.requestBody?.content['application/json']?.schema;
    if (!schema) return [];
    return this.run(`${operationId} request`, schema, body);
  }

  /** Problems with a response; an undocumented status is one too. */
  checkResponse(operationId: string, status: number, body: unknown): string[] {
    const operation = this.operation(operationId);
    const response = operation.responses[String(status)];
    if (!response) return [`status ${status} is not documented for ${operationId}`];
    const resolved = response.$ref
      ? this.document.components.responses[response.$ref.split('/').pop()!]
      : response;
    const schema = resolved?.content?.['application/json']?.schema;
    if (!schema) return [];
    return this.run(`${operationId} ${status}`, schema, body);
  }

  /** An error body GitHub may send on any operation (401, rate limits, permission 403/404). */
  checkBasicError(body: unknown): string[] {
    return this.run('basic-error', { $ref: '#/components/schemas/basic-error' }, body);
  }

  private operation(operationId: string): OpenApiOperation {
    const route = this.routes.find((candidate) => candidate.operation.operationId === operationId);
    if (!route) throw new Error(`operation ${operationId} is not in the OpenAPI subset`);
    return route.operation;
  }

  private run(key: string, schema: unknown, value: unknown): string[] {
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(rebase(schema) as object);
      this.compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(describeAjvError);
  }
}

function describeAjvError(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`;
}
