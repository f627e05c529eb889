/** Brand colours: `#RRGGBB` strings, as apiProperties.json writes them and icon backgrounds are compared. */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
/** The colour of the generic orange icon every independent-publisher connector gets. */
export const IP_BRAND_COLOUR = '#da3b01';
/** The designer's default colour and plain white, which certification rejects (PR #3187). */
export const FORBIDDEN_BRAND_COLOURS = ['#007ee5', '#ffffff'];

/**
 * The colour an iconBrandColor means: as written, or `#RRGGBB` where only the '#' is left out
 * (`"3b5bdb"`). PROP-BRAND-FORMAT tells that slip, and `validate --fix` writes the '#'; the other
 * rules judge the colour meant in the same run (the icon's background against it, the colours
 * certification rejects), where they said nothing of it until the '#' was written.
 */
export function meantBrandColour(written: string): string {
  return /^[0-9a-fA-F]{6}$/.test(written) ? `#${written}` : written;
}

export function parseHexColour(text: string): Rgb | undefined {
  if (!HEX_COLOUR.test(text)) return undefined;
  const value = Number.parseInt(text.slice(1), 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff };
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** Euclidean distance in RGB space: 0 for equal colours, about 441 for black against white. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a.r - b.r, a.g - b.g, a.b - b.b);
}

/**
 * Almost white: every channel at least 0xEE. Merged certified connectors use `#fefefe`, `#fffff9`,
 * `#f5f5f5`, `#eeeeee` as workarounds for the ban on `#ffffff`; the icon still looks white.
 */
export function isNearWhite(colour: Rgb): boolean {
  return colour.r >= 0xee && colour.g >= 0xee && colour.b >= 0xee;
}
