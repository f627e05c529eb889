import type { RuleDefinition } from '../model/rule.js';
import { documentHostRules } from './swagger/document-host.js';
import { documentLimitRules } from './swagger/document-limits.js';
import { documentStructureRules } from './swagger/document-structure.js';
import { documentTextRules } from './swagger/document-text.js';
import { nameDescriptionRules } from './swagger/name-descriptions.js';

/** Catalog §1.1 (as it applies to the swagger) and §1.2: the document's structure, host and limits. */
export const swaggerDocumentRules: RuleDefinition[] = [
  ...documentStructureRules,
  ...documentHostRules,
  ...documentLimitRules,
  ...documentTextRules,
  ...nameDescriptionRules,
];
