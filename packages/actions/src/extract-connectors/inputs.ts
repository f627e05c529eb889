import { readPositiveInteger, readRequiredString } from '../runtime/inputs.js';

/** The inputs of extract-connectors, parsed and checked; names mirror action.yml in camelCase. */
export interface ExtractConnectorsInputs {
  source: string;
  destination: string;
  maxSizeMb: number;
}

export function readExtractConnectorsInputs(): ExtractConnectorsInputs {
  return {
    source: readRequiredString('source'),
    destination: readRequiredString('destination'),
    maxSizeMb: readPositiveInteger('max-size-mb', 2048),
  };
}
