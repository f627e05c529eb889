/**
 * The most characters Dataverse keeps of a connector's definition in a solution: imports of larger
 * ones failed (PowerPlatformConnectors issue #3567). Microsoft's documents disagree (500,000 and
 * 1,000,000), so both the validator (SWG-SIZE) and build-solution warn above it rather than refuse.
 */
export const SOLUTION_DEFINITION_CHARACTERS = 500_000;
