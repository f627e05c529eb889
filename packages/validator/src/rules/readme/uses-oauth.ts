import type { RuleContext } from '../../model/rule.js';
import { asObject, entriesOf } from '../../swagger/json-values.js';
import { hasParameterType } from '../api-properties/connection-parameters.js';

/**
 * The connector signs in with OAuth (an oauthSetting connection parameter, or an oauth2 security
 * definition): its readme must then tell how to register the OAuth app.
 */
export function usesOAuth(context: RuleContext): boolean {
  if (hasParameterType(context.apiProperties, 'oauthSetting')) return true;
  return entriesOf(context.swagger?.root.securityDefinitions).some(
    ([, definition]) => asObject(definition)?.type === 'oauth2',
  );
}
