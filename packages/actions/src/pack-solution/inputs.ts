import { InputError, readChoice, readRequiredString, readString } from '../runtime/inputs.js';

export const PACK_TYPES = ['auto', 'unmanaged', 'managed', 'both'] as const;

/** The inputs of pack-solution, parsed and checked; names mirror action.yml in camelCase. */
export interface PackSolutionInputs {
  folder: string;
  solutionFile: string;
  packageType: (typeof PACK_TYPES)[number];
  version: string;
}

export function readPackSolutionInputs(): PackSolutionInputs {
  const solutionFile = readRequiredString('solution-file');
  if (!solutionFile.toLowerCase().endsWith('.zip'))
    throw new InputError(
      'solution-file',
      'must end in .zip.',
      'Dataverse imports a solution only from a .zip file.',
      {
        file: solutionFile,
      },
    );
  return {
    folder: readRequiredString('folder'),
    solutionFile,
    packageType: readChoice('package-type', PACK_TYPES, 'auto'),
    // packSolution checks it, and its error is said of this input (see main.ts).
    version: readString('version'),
  };
}
