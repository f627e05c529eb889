import type { RuleDefinition } from '../model/rule.js';
import { infoMetadataRules } from './swagger/info-metadata.js';
import { infoTextRules } from './swagger/info-text.js';

/** Catalog §1.3: `info` and connector metadata, the certification rules. */
export const swaggerInfoRules: RuleDefinition[] = [...infoTextRules, ...infoMetadataRules];
