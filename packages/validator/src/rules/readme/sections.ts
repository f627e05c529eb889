import type { Profile } from '../../model/finding.js';
import type { ReadmeHeading } from './outline.js';

/** A section of the repository's readme templates, and the heading variants merged readmes use for it. */
export interface TemplateSection {
  heading: string;
  matches: RegExp;
  requiredIn: Profile[];
  /** Other headings that stand for the section in the readme of an MCP server connector. */
  mcpMatches?: RegExp;
  /**
   * The names `matches` takes, as written, that a misspelt heading is measured against
   * (misspelt-heading.ts): each of at least nine letters, so that a short word of its own ("Auctions")
   * is not taken for a slip of one ("Actions"), nor "Operation 1" for "Operations".
   */
  spellings: readonly string[];
  /** The Publisher section, whose heading (or text) names the publisher (publisher-name.ts). */
  namesPublisher?: true;
}

export const SUPPORTED_OPERATIONS_HEADING =
  /^(supported|available)?(operations|actions|triggers|actionsandtriggers|triggersandactions)/;
export const CREDENTIALS_HEADING = /credential/;

/**
 * What an MCP server connector offers is its server's tools ("## Available Tools", "## MCP Tools",
 * "## Supported Tools"), which Copilot Studio lists from the server: its readme documents them in
 * place of operations. Or it describes what they do, as the tools are found at runtime: the merged
 * certified AffinityMCP's "## Supported capabilities". Only for MCP servers: no merged readme of
 * another connector stands a capabilities section for its operations.
 */
export const MCP_TOOLS_HEADING = /^(supported|available)?(mcp)?(server)?(tools|capabilities)/;

/**
 * The credentials section under the names merged readmes give it: "How to get API key" (tyntec),
 * "Obtaining an API Key", "Access Your API Key", "Obtaining Token", "Authentication".
 */
export const CREDENTIALS_SECTION =
  /credential|apikey|accesskey|^(howto)?(obtain(ing)?|get(ting)?)(an|a|the|your)?(access|auth(entication|orization)?)?(key|token)|^authentication$/;

/**
 * From templates/certified-connectors/readme.md and templates/Independent Publisher/readme.md: the
 * same sections, except that Deployment Instructions is optional for independent publishers.
 * Patterns run on normalized headings (lower case, letters and digits only).
 */
export const TEMPLATE_SECTIONS: TemplateSection[] = [
  {
    heading: '## Publisher: <name>',
    matches: /^publisher/,
    spellings: ['Publisher'],
    namesPublisher: true,
    requiredIn: ['certified', 'independent-publisher'],
  },
  {
    heading: '## Prerequisites',
    matches: /^prerequisite|^requirements/,
    spellings: ['Prerequisites', 'Requirements'],
    requiredIn: ['certified', 'independent-publisher'],
  },
  {
    heading: '## Supported Operations',
    matches: SUPPORTED_OPERATIONS_HEADING,
    spellings: [
      'Supported Operations',
      'Supported Actions',
      'Supported Triggers',
      'Available Operations',
      'Available Actions',
    ],
    requiredIn: ['certified', 'independent-publisher'],
    mcpMatches: MCP_TOOLS_HEADING,
  },
  {
    heading: '## Obtaining Credentials',
    matches: CREDENTIALS_SECTION,
    spellings: ['Obtaining Credentials', 'Credentials'],
    requiredIn: ['certified', 'independent-publisher'],
  },
  {
    heading: '## Known Issues and Limitations',
    matches: /knownissue|limitation/,
    spellings: ['Known Issues and Limitations', 'Known Issues', 'Limitations'],
    requiredIn: ['certified', 'independent-publisher'],
  },
  {
    heading: '## Deployment Instructions',
    matches: /deploy/,
    requiredIn: ['certified'],
    spellings: ['Deployment Instructions', 'Deployment'],
  },
];

export function findSection(headings: readonly ReadmeHeading[], pattern: RegExp): ReadmeHeading | undefined {
  return headings.find((heading) => heading.depth <= 3 && pattern.test(heading.normalized));
}
