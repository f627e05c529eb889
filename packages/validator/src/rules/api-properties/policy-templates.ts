/**
 * Policy templates and the parameters each one requires (published schema, catalog §3.1), by lower-case
 * id: the platform matches template ids case-insensitively (merged connectors write `dynamichosturl`,
 * `dynamicHostUrl`, `setHeader`, `SetValueFromUrl`). Every parameter name carries the
 * `x-ms-apimTemplateParameter.` prefix.
 */
export const TEMPLATE_PARAMETER_PREFIX = 'x-ms-apimTemplateParameter.';
export const OPERATION_NAME_PARAMETER = 'x-ms-apimTemplate-operationName';
/**
 * Where in the exchange a policy runs. Like operationName it is a template setting, not a template
 * parameter, so it has no `x-ms-apimTemplateParameter.` prefix, and merged connectors write it on
 * setheader, setproperty, convertobjecttoarray, dynamichosturl and setvaluefromurl alike.
 */
export const POLICY_SECTION_PARAMETER = 'x-ms-apimTemplate-policySection';
export const POLICY_SECTIONS: readonly string[] = ['Request', 'Response', 'Failure'];

export const POLICY_TEMPLATE_REQUIRED_PARAMETERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['convertarraytoobject', ['propertyParentPath', 'keyWithinCollectionPath', 'newPropertyPath']],
  ['convertobjecttoarray', ['propertyParentPath', 'newPropertyPath']],
  ['dynamichosturl', ['urlTemplate']],
  ['encodepropertyvalue', ['propertyParentPath', 'newPropertyPath']],
  ['pollingtrigger', ['triggerConfig', 'triggerDataPath']],
  ['routerequesttoendpoint', ['newPath']],
  ['setheader', ['name', 'value']],
  [
    'setproperty',
    ['newPropertyParentPathTemplate', 'newPropertySubPathTemplate', 'propertyValuePathTemplate'],
  ],
  ['setqueryparameter', ['name', 'value']],
  ['setvaluefromurl', ['parameterTemplate', 'parameterValueUrl', 'parameterValuePathTemplate']],
  ['stringreplace', ['propertyParentPath', 'sourceString', 'replacementString', 'newPropertyPath']],
  ['stringtoarray', ['propertyParentPath', 'delimiterList', 'childPropertyName', 'newPropertyPath']],
  ['updatenextlink', ['nextLinkPropertyName']],
  // Real platform templates used by merged connectors but missing from the published schema.
  ['dynamicsubdomain', []],
  ['moveproperties', []],
  ['setconnectionstatustounauthenticated', []],
]);

/**
 * The templates above that the published schema has, whose parameters it types. The three it lacks
 * are left alone: nothing says what their parameters are.
 */
export const PUBLISHED_POLICY_TEMPLATES: ReadonlySet<string> = new Set(
  [...POLICY_TEMPLATE_REQUIRED_PARAMETERS.keys()].filter(
    (id) => !['dynamicsubdomain', 'moveproperties', 'setconnectionstatustounauthenticated'].includes(id),
  ),
);

/**
 * The template parameters the published schema types as objects, by template: pollingtrigger's
 * triggerConfig maps query parameter names to value expressions (all 19 in merged connectors are
 * objects). Every other parameter of a published template is a string, as every one written in merged
 * connectors is.
 */
export const POLICY_OBJECT_PARAMETERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['pollingtrigger', ['triggerConfig']],
]);

/** Enumerated template parameter values (schema), by the parameter's name without its prefix. */
export const POLICY_PARAMETER_ENUMS: ReadonlyMap<
  string,
  Readonly<Record<string, readonly string[]>>
> = new Map<string, Readonly<Record<string, readonly string[]>>>([
  [
    'routerequesttoendpoint',
    {
      httpMethod: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', '@Request.OriginalHTTPMethod'],
    },
  ],
  ['setheader', { existsAction: ['override', 'skip', 'append'] }],
]);
