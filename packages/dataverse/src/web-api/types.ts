/** Rows and action payloads of the Web API, with the field names the service uses. */

export interface WhoAmIResponse {
  BusinessUnitId: string;
  UserId: string;
  OrganizationId: string;
}

export interface SolutionRecord {
  solutionid: string;
  uniquename: string;
  friendlyname: string;
  version: string;
  ismanaged: boolean;
}

/** The optional `Export*Settings` flags of ExportSolution, all false unless asked for. */
export const EXPORT_SETTINGS = [
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
export type ExportSetting = (typeof EXPORT_SETTINGS)[number];

export interface ExportRequest {
  solutionName: string;
  managed: boolean;
  settings?: Partial<Record<ExportSetting, boolean>>;
}

/** A ComponentParameters entry: an environment variable value or a connection reference. */
export type ComponentParameter =
  | { '@odata.type': 'Microsoft.Dynamics.CRM.environmentvariablevalue'; schemaname: string; value: string }
  | {
      '@odata.type': 'Microsoft.Dynamics.CRM.connectionreference';
      connectionreferencelogicalname: string;
      connectionid: string;
      connectorid?: string;
    };

export interface ImportRequest {
  /** The solution's unique name, for messages only (not sent: Dataverse reads it from the file). */
  solutionName?: string;
  customizationFile: Uint8Array;
  importJobId: string;
  overwriteUnmanagedCustomizations: boolean;
  publishWorkflows: boolean;
  convertToManaged?: boolean;
  skipProductUpdateDependencies?: boolean;
  holdingSolution?: boolean;
  componentParameters?: ComponentParameter[];
}

export interface AsyncOperationRecord {
  asyncoperationid: string;
  statecode: number;
  statuscode: number;
  message: string | null;
  friendlymessage: string | null;
  completedon: string | null;
}

export interface ImportJobRecord {
  importjobid: string;
  progress: number | null;
  solutionname: string | null;
  completedon: string | null;
  data?: string | null;
}
