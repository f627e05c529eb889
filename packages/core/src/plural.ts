/** "1 connector", "2 connectors": a count with its noun, for the English of reports and logs. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
