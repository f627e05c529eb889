/** Whether `text` is JSON as `JSON.parse` reads it: no comments, no trailing commas, one value. */
export function isStrictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
