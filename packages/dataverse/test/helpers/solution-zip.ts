import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';

/** What `buildSolutionZip` puts in the zip. */
export interface SolutionZipOptions {
  uniqueName: string;
  /** Its English LocalizedName: the unique name unless set. */
  displayName?: string;
  version: string;
  managed?: boolean;
  /** Schema names of the custom connectors it lists as root components. */
  connectors?: string[];
  extra?: Record<string, string>;
  /** Environment variables by schema name, with the default value each has ('' or absent: none). */
  environmentVariables?: Record<string, { defaultValue?: string; currentValue?: string }>;
  /** Logical names of connection references, in customizations.xml's <connectionreferences>. */
  connectionReferences?: string[];
}

/** A small unmanaged solution zip in the native export's shape: solution.xml, customizations.xml, [Content_Types].xml. */
export function buildSolutionZip(options: SolutionZipOptions): Uint8Array {
  const roots = (options.connectors ?? [])
    .map((name) => `<RootComponent type="372" schemaName="${name}" behavior="0" />`)
    .join('');
  const solutionXml = `<ImportExportXml version="9.2.24083.211" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SolutionManifest>
    <UniqueName>${options.uniqueName}</UniqueName>
    <LocalizedNames><LocalizedName description="${options.displayName ?? options.uniqueName}" languagecode="1033" /></LocalizedNames>
    <Descriptions />
    <Version>${options.version}</Version>
    <Managed>${options.managed ? 1 : 0}</Managed>
    <Publisher><UniqueName>contoso</UniqueName><CustomizationPrefix>cr1a6</CustomizationPrefix></Publisher>
    ${roots === '' ? '<RootComponents />' : `<RootComponents>${roots}</RootComponents>`}
    <MissingDependencies />
  </SolutionManifest>
</ImportExportXml>`;
  const references = (options.connectionReferences ?? [])
    .map(
      (name) =>
        `<connectionreference connectionreferencelogicalname="${name}"><connectionreferencedisplayname>${name}</connectionreferencedisplayname><connectorid>/providers/Microsoft.PowerApps/apis/shared_x</connectorid><iscustomizable>1</iscustomizable><statecode>0</statecode><statuscode>1</statuscode></connectionreference>`,
    )
    .join('');
  const customizationsXml = `<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Entities /><Connectors />${references ? `<connectionreferences>${references}</connectionreferences>` : ''}<Languages><Language>1033</Language></Languages></ImportExportXml>`;
  const contentTypes = `<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /></Types>`;
  const entries: Record<string, Uint8Array> = {
    'customizations.xml': strToU8(customizationsXml),
    '[Content_Types].xml': strToU8(contentTypes),
    'solution.xml': strToU8(solutionXml),
  };
  for (const [schemaName, values] of Object.entries(options.environmentVariables ?? {})) {
    const folder = `environmentvariabledefinitions/${schemaName}`;
    entries[`${folder}/environmentvariabledefinition.xml`] = strToU8(
      `<environmentvariabledefinition schemaname="${schemaName}"><displayname default="${schemaName}" />${values.defaultValue ? `<defaultvalue>${values.defaultValue}</defaultvalue>` : ''}<type>100000000</type></environmentvariabledefinition>`,
    );
    if (values.currentValue)
      entries[`${folder}/environmentvariablevalues.json`] = strToU8(
        JSON.stringify({
          environmentvariablevalues: { environmentvariablevalue: { value: values.currentValue } },
        }),
      );
  }
  for (const [name, text] of Object.entries(options.extra ?? {})) entries[name] = strToU8(text);
  return zipSync(entries);
}

/**
 * Writes the zip that `buildSolutionZip(options)` makes into `folder`, named `fileName` or else
 * after the solution (`Contoso.zip`), for an import to read; returns its path.
 */
export function solutionZipIn(
  folder: string,
  options: SolutionZipOptions,
  fileName = `${options.uniqueName}.zip`,
): string {
  const file = path.join(folder, fileName);
  writeFileSync(file, buildSolutionZip(options));
  return file;
}
