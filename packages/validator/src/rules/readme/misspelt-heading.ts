import { swapAwareDistance } from '@connector-alm/core';
import { ConnectorCache } from '../../model/connector-cache.js';
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
export function misspeltHeadings(headings: readonly ReadmeHeading[]): readonly MisspeltHeading[] {
  return cache.getOrBuild(headings, findMisspeltHeadings);
}

/**
 * Worked out once per readme: README-OPS-MATCH reads them for every readme, README-SECTIONS-* for
 * those that miss a section (185 of the 371 corpus readmes), and measuring every heading against
 * every section name took 0.66 ms for the corpus readmes.
 */
const cache = new ConnectorCache<readonly ReadmeHeading[], readonly MisspeltHeading[]>();

function findMisspeltHeadings(headings: readonly ReadmeHeading[]): readonly MisspeltHeading[] {
  const found: MisspeltHeading[] = [];
  for (const heading of headings) {
    if (heading.depth > 3) continue;
    const colon = heading.text.indexOf(':');
    // Normalized already, without a colon: most headings have none.
    const name = colon === -1 ? heading.normalized : normalizeTitle(heading.text, 0, colon);
    const meant = closestSpelling(name);
    // A heading some section takes is spelt right (`Publishers`, `Deployment steps`).
    if (meant === undefined || TEMPLATE_SECTIONS.some((section) => section.matches.test(heading.normalized)))
      continue;
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
  let best: NormalizedSpelling | undefined;
  let bestDistance = Infinity;
  let tied = false;
  const first = name.charCodeAt(0);
  for (const candidate of NORMALIZED_SPELLINGS) {
    const { normalized, limit, section } = candidate;
    if (first !== normalized.charCodeAt(0) || Math.abs(name.length - normalized.length) > limit) continue;
    const distance = swapAwareDistance(name, normalized, limit);
    if (distance === 0 || distance > limit || distance > bestDistance) continue;
    if (distance === bestDistance && best?.section !== section) tied = true;
    else if (distance < bestDistance) tied = false;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return tied || best === undefined ? undefined : { section: best.section, spelling: best.spelling };
}

interface NormalizedSpelling {
  section: TemplateSection;
  spelling: string;
  normalized: string;
  /** The most edits a heading may be from it: one, or one in eight letters. */
  limit: number;
}

/** Every section's names, normalized once: each readme's headings are measured against them all. */
const NORMALIZED_SPELLINGS: readonly NormalizedSpelling[] = TEMPLATE_SECTIONS.flatMap((section) =>
  section.spellings.map((spelling) => {
    const normalized = normalizeTitle(spelling);
    return { section, spelling, normalized, limit: Math.max(1, Math.floor(normalized.length / 8)) };
  }),
);
