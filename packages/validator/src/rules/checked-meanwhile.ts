/**
 * Said of a file that the loader read for a connector file it is only meant to be
 * (isReadUnderMeantName: apiProperty.json for apiProperties.json), after the rename asked for: its
 * findings are the ones it will have once renamed, and until then nothing but this check reads it.
 * Before, such a file was not read, and its maker met every finding on it only after renaming it.
 */
export function checkedMeanwhile(canonical: string): string {
  return `It is checked here as the connector's ${canonical}; other tools do not read it until it is renamed.`;
}
