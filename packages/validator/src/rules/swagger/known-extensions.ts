import { swapAwareDistance } from '@connector-alm/core';

/**
 * The `x-ms-*` extensions a connector swagger may use. The repo's JSON schema lists only a few; the
 * rest are documented on "OpenAPI extensions" (EXT) or are real but unschematized (the OpenAI and
 * Copilot ones, counted in the corpus by the hundreds), or are AutoRest extensions that swaggers
 * generated from Azure specs carry and the platform ignores harmlessly.
 */
export const KNOWN_XMS_EXTENSIONS: ReadonlySet<string> = new Set([
  // Power Platform connector extensions (EXT, the repo schema).
  'x-ms-api-annotation',
  'x-ms-capabilities',
  'x-ms-connector-metadata',
  'x-ms-deployment-version',
  'x-ms-docs',
  'x-ms-dynamic-list',
  'x-ms-dynamic-properties',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-tree',
  'x-ms-dynamic-values',
  'x-ms-editor',
  'x-ms-editor-options',
  'x-ms-enum-values',
  'x-ms-keywords',
  'x-ms-media-kind',
  'x-ms-no-generic-test',
  'x-ms-notification',
  'x-ms-notification-content',
  'x-ms-notification-url',
  'x-ms-openai-data',
  'x-ms-openai-manifest',
  'x-ms-openai-published-to-copilots',
  'x-ms-operation-context',
  'x-ms-pageable',
  'x-ms-property-name-alias',
  'x-ms-require-user-confirmation',
  'x-ms-safe-operation',
  'x-ms-secret',
  'x-ms-summary',
  'x-ms-test-value',
  'x-ms-trigger',
  'x-ms-trigger-hint',
  'x-ms-trigger-metadata',
  'x-ms-url-encoding',
  'x-ms-visibility',
  'x-ms-apihub-cached-response',
  // Copilot Studio: marks the operation that is an MCP (Model Context Protocol) server.
  'x-ms-agentic-protocol',
  // AutoRest extensions (Azure REST API specs).
  'x-ms-azure-resource',
  'x-ms-client-default',
  'x-ms-client-flatten',
  'x-ms-client-name',
  'x-ms-client-request-id',
  'x-ms-code-generation-settings',
  'x-ms-discriminator-value',
  'x-ms-enum',
  'x-ms-error-response',
  'x-ms-examples',
  'x-ms-external',
  'x-ms-header-collection-prefix',
  'x-ms-identifiers',
  'x-ms-long-running-operation',
  'x-ms-long-running-operation-options',
  'x-ms-mutability',
  'x-ms-odata',
  'x-ms-parameter-grouping',
  'x-ms-parameter-location',
  'x-ms-parameterized-host',
  'x-ms-paths',
  'x-ms-request-id',
  'x-ms-skip-url-encoding',
]);

/** Two edits in the part after `x-ms-` is a typo; more is another word. */
const MAX_TYPO_EDITS = 2;

/** The known extension an unknown `x-ms-*` key most likely meant, for a "did you mean" hint. */
export function suggestExtension(key: string): string | undefined {
  return closestExtension(key)?.name;
}

/**
 * The known extension an unknown `x-ms-*` key most likely meant (the first of the closest), and
 * whether another one is as close: only an untied one is sure enough for `validate --fix`.
 */
export function closestExtension(key: string): { name: string; tied: boolean } | undefined {
  // `x-ms-summary title`, `x-ms-summary:`: a known name followed by junk.
  const head = key.split(/[\s:]/)[0]!;
  if (head !== key && KNOWN_XMS_EXTENSIONS.has(head)) return { name: head, tied: false };
  const lower = key.toLowerCase();
  if (KNOWN_XMS_EXTENSIONS.has(lower)) return { name: lower, tied: false };
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const known of KNOWN_XMS_EXTENSIONS) {
    // Bounded: a distance above the limit is never the suggestion, so its exact value is not needed.
    const distance = swapAwareDistance(lower, known, MAX_TYPO_EDITS);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) tied = true;
  }
  return bestDistance <= MAX_TYPO_EDITS ? { name: best!, tied } : undefined;
}
