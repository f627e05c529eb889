import type { RuleDefinition } from '../model/rule.js';
import { webhookRules } from './operations/webhooks.js';

/** Catalog §1.8: webhooks and triggers. */
export const swaggerWebhooksRules: RuleDefinition[] = webhookRules;
