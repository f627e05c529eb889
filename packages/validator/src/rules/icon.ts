import type { RuleContext, RuleDefinition } from '../model/rule.js';
import { asString } from '../swagger/json-values.js';
import {
  colourDistance,
  meantBrandColour,
  parseHexColour,
  toHex,
  type Rgb,
} from './api-properties/brand-colour.js';
import { propertiesOf } from './api-properties/connection-parameters.js';
import { decodedIcon, type DecodedIcon } from './icon/png-image.js';

/**
 * The sizes Microsoft accepts: a square from 100×100 to 230×230 px (certification docs; the
 * checker rule connector-validate-iconsize says "1:1 within the range of 100x100 to 230x230
 * pixels"). Reviewers' boilerplate asks for 230×230 (PR #3473), the top of that range.
 */
const ICON_MIN_SIZE = 100;
const ICON_MAX_SIZE = 230;
/** How far the corner colour may be from iconBrandColor (RGB distance): antialiasing and compression, not a different colour. */
const BRAND_COLOUR_TOLERANCE = 24;
const CORNER_NAMES = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];
/**
 * Why the rules on an icon's content are off for independent publishers, as ICON-UNIQUE is: their
 * folders have no icon, and ICON-IP-NONE says to remove one. "Use your brand colour" (ICON-BG) on the
 * icon.png that ICON-IP-NONE says to delete was advice to improve a file that must go.
 */
const NOT_FOR_IP =
  'Off for independent-publisher connectors, which have no icon: ICON-IP-NONE says to remove an icon.png there.';

function iconOf(context: RuleContext): { data: Buffer; decoded: DecodedIcon } | undefined {
  const data = context.connector.files.icon?.data;
  return data ? { data, decoded: decodedIcon(data) } : undefined;
}

export const iconRules: RuleDefinition[] = [
  {
    id: 'ICON-PNG',
    file: 'icon',
    title: 'icon.png must be a real PNG image.',
    description: `The icon is a PNG named icon.png (certification; policy 5000.1.1.1 "Icon validation failure"). The file is checked by its content, not its name: a JPEG or a broken file renamed to .png is rejected on upload. The image ends with its IEND chunk: bytes after it, which image decoders ignore, are reported at most as a warning (no merged icon has any), and the image is judged as it is. ${NOT_FOR_IP}`,
    levels: { certified: 'error', 'independent-publisher': 'off', custom: 'warning' },
    milderCases: [{ when: "for bytes after the image's IEND chunk", atMost: 'warning' }],
    // Microsoft's checker rule connector-validate-pngiconimage.
    msMessage:
      'The icon image is invalid.Icon image should be valid image file and must be submitted in PNG format as icon.png.',
    example: { bad: 'icon.png that is a JPEG file', good: 'icon.png saved as PNG' },
    check(context) {
      const icon = iconOf(context);
      if (!icon) return;
      if (!icon.decoded.ok) {
        context.report({ message: `icon.png is not a valid PNG image: ${icon.decoded.reason}.` });
      } else if (icon.decoded.trailingBytes > 0) {
        const count = icon.decoded.trailingBytes;
        context.report({
          message: `icon.png has ${count.toLocaleString('en-US')} ${count === 1 ? 'byte' : 'bytes'} after the end of its image (its IEND chunk); image decoders ignore them, and they can be removed.`,
          severity: 'warning',
        });
      }
    },
  },
  {
    id: 'ICON-SIZE',
    file: 'icon',
    title: 'The icon is a square of 100×100 to 230×230 pixels.',
    description: `The certification docs and Microsoft's checker (rule connector-validate-iconsize: "Update the icon dimensions to 1:1 within the range of 100x100 to 230x230 pixels") accept a square icon from 100×100 to 230×230 px; reviewers' boilerplate asks for 230×230 with a ~160×160 logo centred in it (PR #3473, #3250). 9 of the 11 icons committed in certified folders are 230×230; the others are 400×400 and 471×471. An image of more than 4096×4096 px is not decoded: its size is read from its header, and ICON-BG does not look at its background. ${NOT_FOR_IP}`,
    levels: { certified: 'warning', 'independent-publisher': 'off', custom: 'info' },
    msMessage:
      'The icon image size is invalid. Update the icon dimensions to 1:1 within the range of 100x100 to 230x230 pixels.',
    example: { bad: 'icon.png of 471×471 px', good: 'icon.png of 230×230 px' },
    check(context) {
      const icon = iconOf(context);
      if (!icon?.decoded.ok) return;
      const { width, height } = icon.decoded;
      const inRange = width >= ICON_MIN_SIZE && width <= ICON_MAX_SIZE;
      if (width !== height || !inRange) {
        context.report({
          message: `The icon is ${width}×${height} px; it must be square, from ${ICON_MIN_SIZE}×${ICON_MIN_SIZE} to ${ICON_MAX_SIZE}×${ICON_MAX_SIZE} px (${ICON_MAX_SIZE}×${ICON_MAX_SIZE} is best), with the logo (about 160×160) centred on the brand colour.`,
        });
      }
    },
  },
  {
    id: 'ICON-BG',
    file: 'icon',
    title: 'The icon background is opaque and equals iconBrandColor.',
    description: `The icon background must not be transparent or white and must be the iconBrandColor of apiProperties.json (certification docs; Microsoft's checker rule connector-validate-backgroundwithbrandiconcolor; PR #3473). The four corner pixels are checked: they must be opaque and within a small tolerance of the brand colour. Merged examples: Kanbanize has transparent corners, RecordedFutureV2 a #2074b5 corner with brand #0071CE. ${NOT_FOR_IP}`,
    levels: { certified: 'warning', 'independent-publisher': 'off', custom: 'info' },
    // Microsoft's checker rule connector-validate-backgroundwithbrandiconcolor.
    msMessage: 'The background color of icon image is invalid. Update with consistent background.',
    example: {
      bad: 'icon.png with transparent corners',
      good: 'icon.png on a solid #3b5bdb square, "iconBrandColor": "#3b5bdb"',
    },
    check(context) {
      const icon = iconOf(context);
      // An image too large to decode has no corners read: ICON-SIZE reports its size.
      if (!icon?.decoded.ok || !icon.decoded.corners) return;
      const corners = icon.decoded.corners;
      const transparent = corners.findIndex((corner) => corner.a < 255);
      if (transparent >= 0) {
        context.report({
          message: `The icon's ${CORNER_NAMES[transparent]} corner is transparent (alpha ${corners[transparent]!.a}); the background must be an opaque square of the brand colour, without rounded corners.`,
        });
        return;
      }
      const brandWritten = asString(propertiesOf(context.apiProperties)?.iconBrandColor);
      // As meant: `3b5bdb` is `#3b5bdb`, whose '#' PROP-BRAND-FORMAT asks for.
      const brandText = brandWritten === undefined ? undefined : meantBrandColour(brandWritten);
      const brand = brandText === undefined ? undefined : parseHexColour(brandText);
      const white: Rgb = { r: 255, g: 255, b: 255 };
      const corner = corners[0]!;
      if (colourDistance(corner, white) <= BRAND_COLOUR_TOLERANCE) {
        context.report({
          message: `The icon background is white (${toHex(corner)}); use your brand colour.`,
        });
        return;
      }
      if (!brand) return;
      const off = corners.findIndex((pixel) => colourDistance(pixel, brand) > BRAND_COLOUR_TOLERANCE);
      if (off >= 0) {
        context.report({
          message: `The icon's ${CORNER_NAMES[off]} corner is ${toHex(corners[off]!)}, but iconBrandColor is ${brandText}; the background must be the brand colour.`,
        });
      }
    },
  },
  {
    id: 'ICON-IP-NONE',
    file: 'icon',
    title: 'Independent publisher connectors have no icon.',
    description:
      'Independent publisher connectors get a generic orange icon; the PR checklist says "I confirm that I am not submitting a connector icon". No merged IP folder has an icon.png.',
    levels: { certified: 'off', 'independent-publisher': 'error', custom: 'off' },
    example: { bad: 'independent-publisher-connectors/Contoso/icon.png', good: 'no icon.png' },
    check(context) {
      if (context.connector.files.icon) {
        context.report({
          message:
            'Independent publisher connectors must not include an icon: the generic independent-publisher icon is used. Remove icon.png.',
        });
      }
    },
  },
  {
    id: 'ICON-IN-REPO',
    file: 'icon',
    title: 'Certified connector icons go to the certification portal.',
    description:
      'Only 11 of 619 certified folders commit an icon.png: the icon is uploaded with the certification package. An absent icon is fine in the repository; a committed one is only informational.',
    levels: { certified: 'info', 'independent-publisher': 'off', custom: 'off' },
    example: { bad: 'certified-connectors/Contoso/icon.png' },
    check(context) {
      if (context.connector.files.icon) {
        context.report({
          message:
            'icon.png is not needed in the repository: certified connector icons are submitted with the certification package.',
        });
      }
    },
  },
];
