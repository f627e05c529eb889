import { swapAwareDistance } from '@connector-alm/core';
import { normalizeTitle } from '../../text/normalize-title.js';
import type { ReadmeHeading } from './outline.js';
import { TEMPLATE_SECTIONS, type TemplateSection } from './sections.js';

/** A heading that spells the name of a template section wrongly, and how to write it. */
export interface MisspeltHeading {
  heading: ReadmeHeading;
  section: TemplateSection;
  /** The heading as the section is written, at its own level: "## Prerequisites", "## Publisher: Contoso". */
  written: string;
}

/**
 * The headings (levels 1 to 3, where sections are found) that no template section takes but that
 * are a slip or two from one of its names: the same first letter, then one edit, or one in eight
 * letters of a longer name, a swap of two letters one edit ("Supproted Operations", "Prerequisities",
 * "Publsher: Contoso"), and nearer to that section's names than to any other's. Looser, a word of
 * its own read as a slip: "Employment" two edits from "Deployment", "Retirements" from
 * "Requirements". Only the words before a colon are measured: the publisher's
 * name follows it. In document order.
 */
export function misspeltHeadings(headings: readonly ReadmeHeading[]): MisspeltHeading[] {
  const found: MisspeltHeading[] = [];
  for (const heading of headings) {
    if (heading.depth > 3 || TEMPLATE_SECTIONS.some((section) => section.matches.test(heading.normalized)))
      continue;
    const colon = heading.text.indexOf(':');
    const name = normalizeTitle(heading.text, 0, colon === -1 ? heading.text.length : colon);
    const meant = closestSpelling(name);
    if (meant === undefined) continue;
    const rest = colon === -1 ? '' : heading.text.slice(colon);
    found.push({
      heading,
      section: meant.section,
      written: `${'#'.repeat(heading.depth)} ${meant.spelling}${rest}`,
    });
  }
  return found;
}

/** The one section name `name` (normalized) is a slip of, and that name as written; none for a tie. */
function closestSpelling(name: string): { section: TemplateSection; spelling: string } | undefined {
  let best: { section: TemplateSection; spelling: string } | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const section of TEMPLATE_SECTIONS) {
    for (const spelling of section.spellings) {
      const normalized = normalizeTitle(spelling);
      if (name.charCodeAt(0) !== normalized.charCodeAt(0)) continue;
      const limit = Math.max(1, Math.floor(normalized.length / 8));
      const distance = swapAwareDistance(name, normalized, limit);
      if (distance === 0 || distance > limit || distance > bestDistance) continue;
      if (distance === bestDistance && best?.section !== section) tied = true;
      else if (distance < bestDistance) tied = false;
      if (distance < bestDistance) {
        best = { section, spelling };
        bestDistance = distance;
      }
    }
  }
  return tied ? undefined : best;
}
