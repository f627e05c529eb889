/** Unique names of solutions and publishers: letters, digits and underscores, starting with a letter or _. */
export function isUniqueName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
