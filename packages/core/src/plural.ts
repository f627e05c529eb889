/**
 * "1 connector", "2 connectors": a count with its noun, for the English of reports and logs. `written`
 * is the count as the text shows it, where that is not its plain digits ("1,500 more findings").
 */
export function plural(count: number, noun: string, written = String(count)): string {
  return `${written} ${noun}${count === 1 ? '' : 's'}`;
}
