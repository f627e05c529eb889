import type { RuleDefinition } from '../model/rule.js';
import { versioningRules } from './operations/versioning.js';

/** Catalog §1.5: operation versioning (x-ms-api-annotation, deprecated). */
export const swaggerVersioningRules: RuleDefinition[] = versioningRules;
