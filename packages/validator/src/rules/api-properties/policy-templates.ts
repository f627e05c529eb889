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
