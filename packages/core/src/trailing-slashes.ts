/**
 * `text` without the slashes at its end. A loop from the end, not `replace(/\/+$/, '')`: the engine
 * tries that pattern at every slash and runs each try to the end of its run, quadratic on a long run
 * of slashes followed by anything else (a basePath of 1 MB of slashes took minutes).
 */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
  return end === text.length ? text : text.slice(0, end);
}
