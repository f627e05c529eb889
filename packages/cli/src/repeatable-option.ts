/**
 * The argument parser of a repeatable option (`--label a --label b`), with `[]` as its default:
 * every value given, in order.
 */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
