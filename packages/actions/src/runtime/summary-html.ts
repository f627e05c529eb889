/**
 * Text for the HTML that @actions/core's summary builds (addHeading, addTable, addList and addLink
 * put their strings into the HTML as they are): a name from a solution, a connector or a folder shows
 * as itself instead of becoming markup (`<img>`, `</td></table>`, `<details>`). Line breaks become
 * spaces, since a blank line would end the HTML block and let the rest be read as markdown.
 */
export function summaryText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
