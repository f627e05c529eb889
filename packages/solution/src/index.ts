/**
 * @connector-alm/solution: Dataverse solutions in source control. Safe zip reading and writing,
 * unpack to a canonical SolutionPackager-style folder, pack back, and conversion between solution
 * connectors and the PowerPlatformConnectors folder layout.
 */
export * from './zip/limits.js';
export * from './zip/entry-name.js';
export * from './zip/zip-errors.js';
export * from './zip/zip-reader.js';
export type { ZipEntryInfo } from './zip/zip-entry-info.js';
export * from './zip/zip-directory.js';
export * from './zip/zip-writer.js';
export * from './xml/xml-tree.js';
export * from './xml/parse-xml.js';
export * from './xml/serialize-xml.js';
export { EXPORT_STYLE, UNPACKED_STYLE, type XmlStyle } from './xml/xml-writer.js';
export * from './json/json-text.js';
export * from './fs/commit-folder.js';
export * from './fs/list-files.js';
export * from './fs/folder-path.js';
export * from './fs/check-writable.js';
/** Moved to core, where the validator writes fixed files with it too; still offered to this package's users. */
export { writeFileAtomically } from '@connector-alm/core';
export * from './solution/layout.js';
export * from './solution/manifest.js';
export * from './solution/solution-settings.js';
export * from './solution/solution-version.js';
export * from './solution/manifest-settings.js';
export * from './solution/solution-errors.js';
export * from './solution/environment-variables.js';
export * from './solution/connection-references.js';
export * from './solution/unpack.js';
export * from './solution/pack.js';
export * from './solution/pack-packages.js';
export * from './solution/solutions-in-folder.js';
export * from './solution/unpacked-for-zip.js';
export { misnamedPartsHint } from './solution/misnamed-parts.js';
export { leftOutWarning, leftOutWarnings } from './solution/left-out-files.js';
export { FOLDER_LINE_ENDINGS } from './solution/line-endings-file.js';
export * from './connector/solution-connector.js';
export * from './connector/repository-layout.js';
export * from './connector/api-properties.js';
export * from './connector/read-solution-connectors.js';
export { extractConnectors, type ExtractOptions } from './connector/extract.js';
export type { ExtractedConnector, FoundUnder, RenamedFrom } from './connector/extracted-connector.js';
export type { NotReplaced } from './connector/unsaved-edits.js';
export * from './connector/renamed-connectors.js';
export * from './connector/left-connectors.js';
export * from './connector/extract-and-remove-left.js';
export * from './connector/extract-report.js';
export * from './connector/connector-identity.js';
export * from './connector/existing-identity.js';
export * from './connector/read-repository-connector.js';
export * from './connector/environment-variable-references.js';
export * from './connector/carried-environment-variables.js';
export * from './connector/build-solution.js';
export * from './certification/package-findings.js';
export * from './certification/package-rules.js';
export * from './certification/check-package.js';
export * from './certification/build-package.js';
