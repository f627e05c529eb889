import { CODES, ODataFailure } from './http-kit.js';

type ParameterType = 'string' | 'boolean' | 'guid' | 'base64' | 'array' | 'object' | 'number';

export interface ActionSignature {
  required: Record<string, ParameterType>;
  optional: Record<string, ParameterType>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Binds a JSON action body against the action's parameters as the OData layer does: unknown names,
 * missing required ones and wrong types are 400s, so a client sending a bad body fails here as it
 * would against the real service.
 */
export function bindParameters(
  action: string,
  body: unknown,
  signature: ActionSignature,
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ODataFailure(400, CODES.badRequest, `The request body of '${action}' must be a JSON object.`);
  }
  const values = body as Record<string, unknown>;
  const known = { ...signature.required, ...signature.optional };
  for (const name of Object.keys(values)) {
    if (name.startsWith('@odata.')) continue;
    if (!(name in known)) {
      throw new ODataFailure(
        400,
        CODES.badRequest,
        `The parameter '${name}' in the request payload is not a valid parameter for the operation '${action}'.`,
      );
    }
  }
  for (const name of Object.keys(signature.required)) {
    if (values[name] === undefined || values[name] === null) {
      throw new ODataFailure(
        400,
        CODES.badRequest,
        `The required parameter '${name}' of the operation '${action}' is missing.`,
      );
    }
  }
  for (const [name, value] of Object.entries(values)) {
    const type = known[name];
    if (type === undefined || value === null) continue;
    if (!hasType(value, type)) {
      throw new ODataFailure(
        400,
        CODES.badRequest,
        `Cannot convert the value of parameter '${name}' of the operation '${action}' to type ${edmName(type)}.`,
      );
    }
  }
  return values;
}

function hasType(value: unknown, type: ParameterType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'guid':
      return typeof value === 'string' && GUID.test(value);
    case 'base64':
      return typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
  }
}

function edmName(type: ParameterType): string {
  return {
    string: 'Edm.String',
    boolean: 'Edm.Boolean',
    number: 'Edm.Int32',
    guid: 'Edm.Guid',
    base64: 'Edm.Binary',
    array: 'Collection',
    object: 'complex type',
  }[type];
}

/** The settings ExportSolution and ExportSolutionAsync may include, each a boolean. */
export const EXPORT_FLAGS = [
  'ExportAutoNumberingSettings',
  'ExportCalendarSettings',
  'ExportCustomizationSettings',
  'ExportEmailTrackingSettings',
  'ExportExternalApplications',
  'ExportGeneralSettings',
  'ExportIsvConfig',
  'ExportMarketingSettings',
  'ExportOutlookSynchronizationSettings',
  'ExportRelationshipRoles',
  'ExportSales',
] as const;

export const EXPORT_SOLUTION: ActionSignature = {
  required: { SolutionName: 'string', Managed: 'boolean' },
  optional: {
    ...Object.fromEntries(EXPORT_FLAGS.map((flag) => [flag, 'boolean' as const])),
    TargetVersion: 'string',
    ExportComponentsParams: 'object',
  },
};

export const IMPORT_SOLUTION: ActionSignature = {
  required: {
    OverwriteUnmanagedCustomizations: 'boolean',
    PublishWorkflows: 'boolean',
    CustomizationFile: 'base64',
    ImportJobId: 'guid',
  },
  optional: {
    ConvertToManaged: 'boolean',
    SkipProductUpdateDependencies: 'boolean',
    HoldingSolution: 'boolean',
    SkipQueueRibbonJob: 'boolean',
    LayerDesiredOrder: 'object',
    AsyncRibbonProcessing: 'boolean',
    ComponentParameters: 'array',
    SolutionParameters: 'object',
  },
};

/**
 * Learn's StageAndUpgradeAsync: ImportSolution's parameters without HoldingSolution (the action stages
 * the holding solution itself), LayerDesiredOrder and SolutionParameters. ImportJobId is optional there
 * (the service makes one); the client always sends its own, to follow the import job.
 */
export const STAGE_AND_UPGRADE: ActionSignature = {
  required: {
    OverwriteUnmanagedCustomizations: 'boolean',
    PublishWorkflows: 'boolean',
    CustomizationFile: 'base64',
  },
  optional: {
    ImportJobId: 'guid',
    ConvertToManaged: 'boolean',
    SkipProductUpdateDependencies: 'boolean',
    SkipQueueRibbonJob: 'boolean',
    AsyncRibbonProcessing: 'boolean',
    ComponentParameters: 'array',
  },
};

export const DOWNLOAD_EXPORT_DATA: ActionSignature = { required: { ExportJobId: 'guid' }, optional: {} };

/** ComponentParameters entries must name their entity type and carry that type's key columns. */
export function checkComponentParameters(parameters: unknown[]): void {
  for (const [index, parameter] of parameters.entries()) {
    const entry = parameter as Record<string, unknown>;
    const type = entry?.['@odata.type'];
    const ok =
      type === 'Microsoft.Dynamics.CRM.environmentvariablevalue'
        ? typeof entry.schemaname === 'string' && typeof entry.value === 'string'
        : type === 'Microsoft.Dynamics.CRM.connectionreference'
          ? typeof entry.connectionreferencelogicalname === 'string' && typeof entry.connectionid === 'string'
          : false;
    if (!ok) {
      throw new ODataFailure(
        400,
        CODES.badRequest,
        `ComponentParameters[${index}] is not an environmentvariablevalue (schemaname, value) or a connectionreference (connectionreferencelogicalname, connectionid).`,
      );
    }
  }
}
