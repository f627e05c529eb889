import type { Profile } from '../../model/finding.js';

/**
 * The label the Independent Publisher program appends to a connector's display name, as in
 * "Tavily (Independent Publisher)". Since 2025 publishers write it into info.title themselves: 12 of
 * the 46 independent-publisher folders merged between October 2024 and September 2025 do (Anthropic,
 * Kagi, Ticketmaster, US Congress, …). Their names before the label all fit the 30-character limit
 * while 8 full titles do not, so the title rules judge the name without the label.
 */
const LABEL = /^(.*\S)\s+\(independent publisher\)$/i;

/**
 * The connector's name as the title rules judge it: for an independent-publisher connector, the
 * title without a trailing "(Independent Publisher)"; otherwise the title unchanged. A certified
 * connector has no business carrying the label, so its title is judged whole.
 */
export function titleName(title: string, profile: Profile): string {
  if (profile !== 'independent-publisher') return title;
  return LABEL.exec(title)?.[1] ?? title;
}
