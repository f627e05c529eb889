import {
  readBoolean,
  readChoice,
  readPositiveInteger,
  readRequiredString,
  readString,
} from '../runtime/inputs.js';

export const PACKAGE_TYPES = ['auto', 'unmanaged', 'managed', 'both'] as const;
export const STALE_POLICIES = ['delete', 'keep'] as const;

/** The inputs of unpack-solution, parsed and checked; names mirror action.yml in camelCase. */
export interface UnpackSolutionInputs {
  solutionFile: string;
  folder: string;
  packageType: (typeof PACKAGE_TYPES)[number];
  resetVersion: string;
  staleFiles: (typeof STALE_POLICIES)[number];
  overwrite: boolean;
  maxSizeMb: number;
  /** The code page of zip entry names without the UTF-8 flag; undefined for the default reading. */
  zipNameEncoding: string | undefined;
}

export function readUnpackSolutionInputs(): UnpackSolutionInputs {
  return {
    solutionFile: readRequiredString('solution-file'),
    folder: readRequiredString('folder'),
    packageType: readChoice('package-type', PACKAGE_TYPES, 'auto'),
    // unpackSolution checks it, and its error is said of this input (see main.ts).
    resetVersion: readString('reset-version'),
    staleFiles: readChoice('stale-files', STALE_POLICIES, 'delete'),
    overwrite: readBoolean('overwrite', true),
    maxSizeMb: readPositiveInteger('max-size-mb', 2048),
    zipNameEncoding: readString('zip-name-encoding') || undefined,
  };
}
