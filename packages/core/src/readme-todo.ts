/**
 * The marker of what a person still has to write in a readme that extract-connectors wrote from an
 * API definition, which says nothing of the publisher, the prerequisites or the credentials. The
 * validator's README-PLACEHOLDER reports it until it is replaced, so that no TODO reaches the
 * connector's documentation page. It is the word in capitals, at a line start followed by a colon
 * (`TODO: what the operation does.`) or after a heading's colon (`## Publisher: TODO`): never the
 * word in prose ("a Todoist connector", "To Do lists").
 */
export const README_TODO = 'TODO';

/** A readme line left for a person: `TODO: <what to write in its place>`. */
export function readmeTodoLine(whatToWrite: string): string {
  return `${README_TODO}: ${whatToWrite}`;
}

/** A readme heading whose value is left for a person (`## Publisher: TODO`). */
export function readmeTodoHeading(heading: string): string {
  return `${heading}: ${README_TODO}`;
}
