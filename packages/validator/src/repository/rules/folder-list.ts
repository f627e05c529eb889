/** `a, b and c`, or `a, b, c and 4 more` beyond `max` names: messages stay one readable line. */
export function listFolders(folders: readonly string[], max = 3): string {
  const quoted = folders.map((folder) => `"${folder}"`);
  if (quoted.length <= max) {
    return quoted.length <= 1
      ? (quoted[0] ?? '')
      : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  }
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}
