import { SOLUTION_DEFINITION_CHARACTERS } from '@connector-alm/core';
import { repositoryBytes, repositoryLength } from '../../loader/connector-folder.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { overlapSearchSkipped } from '../operations/duplicate-route-rules.js';
import { schemaMeasurer } from './schema-measure.js';

/**
 * Platform limits. The operation and schema counts are from the FAQ limits table; the depth limit is
 * not published (SchemaTooDeep has a placeholder), so it is set above the deepest merged connector
 * and can be changed here.
 */
export const SWAGGER_LIMITS = {
  /** "the file must be less than 1 MB" (FAQ); the import fails above it. */
  maxBytes: 1024 * 1024,
  /** A Dataverse solution stores the definition in a 500,000-character column (issue #3567). */
  maxSolutionCharacters: SOLUTION_DEFINITION_CHARACTERS,
  maxOperations: 256,
  maxSchemasPerOperation: 16_384,
  maxSchemasTotal: 256 * 16_384,
  maxSchemaDepth: 32,
};

export const documentLimitRules: RuleDefinition[] = [
  {
    id: 'SWG-SIZE',
    file: 'swagger',
    title: 'Keep the swagger under 1 MB.',
    description:
      'The platform imports swagger files of less than 1 MB (FAQ; CERT 3d: "Swagger files shouldn\'t be greater than 1 MB"). In a Dataverse solution the definition is also limited to 500,000 characters (issue #3567), reported as a warning for custom connectors (info otherwise). Split a very large API into several connectors.',
    levels: sameLevels('error'),
    example: { bad: 'apiDefinition.swagger.json of 1.2 MB', inWords: true },
    check(context) {
      const file = context.connector.files.swagger;
      if (!file) return;
      // Measured as the repository has it: a Windows checkout's CR LF counts as one character.
      const bytes = repositoryBytes(file, SWAGGER_LIMITS.maxBytes);
      if (bytes >= SWAGGER_LIMITS.maxBytes) {
        context.report({
          line: 1,
          message:
            'The platform accepts only swagger files of less than 1 MB. Remove unused definitions and operations, or split the connector.',
          // Apart from the message, which validate --base matches with the base's: the size changes
          // with every edit, and made the finding new (and the base's fixed) at each change.
          // In bytes: just over the limit, "1.0 MB" read as within it.
          transientNote: `This one is ${bytes.toLocaleString('en-US')} bytes; 1 MB is ${SWAGGER_LIMITS.maxBytes.toLocaleString('en-US')} bytes.`,
        });
        return;
      }
      const characters = repositoryLength(file.document?.text ?? '', SWAGGER_LIMITS.maxSolutionCharacters);
      if (characters > SWAGGER_LIMITS.maxSolutionCharacters) {
        context.report({
          line: 1,
          // Solutions matter for custom connectors moved between environments, less for certification.
          severity: context.profile === 'custom' ? 'warning' : 'info',
          message:
            'The swagger is longer than the 500,000 characters a Dataverse solution stores, so the connector cannot be moved in a solution.',
          transientNote: `It has ${characters.toLocaleString('en-US')} characters.`,
        });
      }
    },
  },
  {
    id: 'SWG-OPS-MAX',
    file: 'swagger',
    title: 'Define at most 256 operations.',
    description:
      'A connector can have at most 256 operations (FAQ; SVR: TotalOperationsCountExceedsMaxAllowed). The largest merged connector has 219.',
    levels: sameLevels('error'),
    msCode: 'TotalOperationsCountExceedsMaxAllowed',
    msMessage: "The total number of operations in the swagger exceeds the maximum allowed value of '{0}'.",
    example: { bad: 'A swagger with 300 operations.', inWords: true },
    check(context) {
      const operations = context.swagger?.operations ?? [];
      if (operations.length <= SWAGGER_LIMITS.maxOperations) return;
      context.report({
        pointer: '/paths',
        message: `The total number of operations in the swagger exceeds the maximum allowed value of '${SWAGGER_LIMITS.maxOperations}'.`,
        // The count, and what it stops, come and go while the problem stays (as the sizes above).
        transientNote:
          `It has ${operations.length}.` +
          (context.swagger && overlapSearchSkipped(context.swagger)
            ? ' Overlapping routes (SWG-PATH-PARTIAL-DUP) are not looked for in a swagger this large.'
            : ''),
      });
    },
  },
  {
    id: 'SWG-SCHEMA-COUNT',
    file: 'swagger',
    title: "Keep each operation's expanded schemas under the platform limit.",
    description:
      'The platform counts schemas after expanding `$ref`s: at most 16,384 per operation and 256 × 16,384 in the swagger (FAQ; SVR). Deeply shared definitions can blow up when expanded.',
    levels: sameLevels('error'),
    msCode: 'TotalSchemasCountExceedsMaxAllowed',
    msMessage:
      "The total number of schemas in the operation has exceeded the maximum allowed value of '{0}'.",
    example: { bad: 'An operation whose response expands to 20,000 schemas.', inWords: true },
    check(context) {
      if (!context.swagger) return;
      const operations = context.swagger.operations;
      const sizes = schemaMeasurer(context.swagger).operationSizes();
      let total = 0;
      for (let index = 0; index < operations.length; index++) {
        const operation = operations[index]!;
        const size = sizes[index]!;
        total += size.count;
        if (size.count > SWAGGER_LIMITS.maxSchemasPerOperation) {
          context.report({
            pointer: operation.pointer,
            message: `The total number of schemas in the operation has exceeded the maximum allowed value of '${SWAGGER_LIMITS.maxSchemasPerOperation}'.`,
            // Apart from the message, as SWG-SIZE's: an edit of a schema the operation uses changes it.
            transientNote: `It has ${size.count.toLocaleString('en-US')} after expanding $refs.`,
          });
        }
      }
      if (total > SWAGGER_LIMITS.maxSchemasTotal) {
        context.report({
          pointer: '/paths',
          message: `The maximum allowed number of schemas in the swagger is '${SWAGGER_LIMITS.maxSchemasTotal}'.`,
          transientNote: `It has ${total.toLocaleString('en-US')} after expanding $refs.`,
        });
      }
    },
  },
  {
    id: 'SWG-SCHEMA-DEPTH',
    file: 'swagger',
    title: 'Do not nest schemas too deeply.',
    description: `The platform rejects schemas nested too deeply, counting through \`$ref\`s (SVR: SchemaTooDeep). Microsoft does not publish the limit; this tool uses ${SWAGGER_LIMITS.maxSchemaDepth} levels of properties and items, above every merged connector. Recursive definitions count once.`,
    levels: sameLevels('error'),
    msCode: 'SchemaTooDeep',
    msMessage:
      "The schema exceeds the maximum allowed depth. Schemas must not exceed a depth of '{0}', including referenced ('$ref') schemas.",
    example: { bad: 'A response schema with 40 levels of nested objects.', inWords: true },
    check(context) {
      if (!context.swagger) return;
      const operations = context.swagger.operations;
      const sizes = schemaMeasurer(context.swagger).operationSizes();
      const reported = new Set<string>();
      for (let index = 0; index < operations.length; index++) {
        const operation = operations[index]!;
        const size = sizes[index]!;
        // Depth first: the pointer is built only for an operation that is too deep.
        if (size.depth <= SWAGGER_LIMITS.maxSchemaDepth) continue;
        const pointer = size.deepestPointer ?? operation.pointer;
        if (reported.has(pointer)) continue;
        reported.add(pointer);
        context.report({
          pointer,
          message: `The schema exceeds the maximum allowed depth. Schemas must not exceed a depth of '${SWAGGER_LIMITS.maxSchemaDepth}', including referenced ('$ref') schemas.`,
        });
      }
    },
  },
];
