import { asArray, asObject, asString, type JsonObject } from '../../swagger/json-values.js';
import { propertiesOf } from './connection-parameters.js';

/** One entry of apiProperties.json's policyTemplateInstances that names its template. */
export interface PolicyInstance {
  /** Its index in policyTemplateInstances. */
  index: number;
  /** The templateId as written. */
  templateId: string;
  /** The templateId in lower case: the platform matches template ids without regard to case. */
  template: string;
  /** Its `parameters`, when it has an object there. */
  parameters: JsonObject | undefined;
}

/**
 * The policy template instances of apiProperties.json, in order. Entries that are not an object
 * with a string templateId are left out: the platform cannot apply them, and the schema rules
 * report them.
 */
export function policyInstances(apiProperties: JsonObject | undefined): PolicyInstance[] {
  const instances = asArray(propertiesOf(apiProperties)?.policyTemplateInstances);
  const policies: PolicyInstance[] = [];
  if (!instances) return policies;
  for (let index = 0; index < instances.length; index++) {
    const instance = asObject(instances[index]);
    const templateId = asString(instance?.templateId);
    if (!instance || templateId === undefined) continue;
    policies.push({
      index,
      templateId,
      template: templateId.toLowerCase(),
      parameters: asObject(instance.parameters),
    });
  }
  return policies;
}
