import {
  readLines,
  readList,
  readPositiveInteger,
  readRequiredString,
  readString,
} from '../runtime/inputs.js';

/** The inputs of extract-connectors, parsed and checked; names mirror action.yml in camelCase. */
export interface ExtractConnectorsInputs {
  source: string;
  destination: string;
  maxSizeMb: number;
  /** The code page of zip entry names without the UTF-8 flag; undefined for the default reading. */
  zipNameEncoding: string | undefined;
  /** The solution as last extracted, whose connectors that source lacks lose their folders. */
  previousSource: string | undefined;
  /** The connectors to extract, by logical name or display name; empty for every one. */
  connectors: string[];
  /** The other roots of the solution's connectors, relative to the workspace; one a line. */
  otherRoots: string[];
}

export function readExtractConnectorsInputs(): ExtractConnectorsInputs {
  return {
    source: readRequiredString('source'),
    destination: readRequiredString('destination'),
    maxSizeMb: readPositiveInteger('max-size-mb', 2048),
    zipNameEncoding: readString('zip-name-encoding') || undefined,
    previousSource: readString('previous-source') || undefined,
    // One per line or comma-separated, as labels are read: a logical name never has a comma.
    connectors: readList('connectors'),
    // One per line only: a folder's name may hold a comma.
    otherRoots: readLines('other-roots'),
  };
}
