import { excerpt } from '../../text/message-values.js';
import { type RuleContext, type RuleDefinition } from '../../model/rule.js';
import { asString } from '../../swagger/json-values.js';
import {
  FORBIDDEN_BRAND_COLOURS,
  HEX_COLOUR,
  IP_BRAND_COLOUR,
  isNearWhite,
  meantBrandColour,
  parseHexColour,
} from './brand-colour.js';
import { propertiesOf } from './connection-parameters.js';
import { reportSchemaProblems } from './schema-problems.js';
import { valueWrite } from '../value-write-advice.js';

const BRAND_POINTER = '/properties/iconBrandColor';

/** The iconBrandColor as written. */
function writtenBrandColourOf(context: RuleContext): string | undefined {
  return asString(propertiesOf(context.apiProperties)?.iconBrandColor);
}

/** The iconBrandColor as meant (meantBrandColour): `3b5bdb` is read as `#3b5bdb`. */
function brandColourOf(context: RuleContext): string | undefined {
  const written = writtenBrandColourOf(context);
  return written === undefined ? undefined : meantBrandColour(written);
}

export const apiPropertiesBrandRules: RuleDefinition[] = [
  {
    id: 'PROP-BRAND-FORMAT',
    file: 'apiProperties',
    title: 'Write iconBrandColor as an HTML hex colour `#RRGGBB`.',
    description:
      "The repository README asks for an HTML hex code; every merged connector writes `#RRGGBB`. A colour written without its '#' (`3b5bdb`) is read as meant by the other rules (the icon's background, the colours certification rejects), and `validate --fix` writes the '#'.",
    levels: { certified: 'error', 'independent-publisher': 'error', custom: 'warning' },
    example: {
      placement: 'apiProperties',
      bad: '"iconBrandColor": "blue"',
      good: '"iconBrandColor": "#3b5bdb"',
    },
    namesFixes: 'valueWrites',
    check(context) {
      reportSchemaProblems(context, 'PROP-BRAND-FORMAT');
      const written = writtenBrandColourOf(context);
      if (written === undefined || HEX_COLOUR.test(written)) return;
      const meant = meantBrandColour(written);
      context.report({
        pointer: BRAND_POINTER,
        message: HEX_COLOUR.test(meant)
          ? `The iconBrandColor "${written}" is not an HTML hex colour; write it as ${meant}, with its '#'.`
          : `The iconBrandColor "${excerpt(written)}" is not an HTML hex colour; write it as #RRGGBB, e.g. #3b5bdb.`,
        ...(meant === written ? {} : valueWrite(context, 'apiProperties', meant)),
      });
    },
  },
  {
    id: 'PROP-BRAND-FORBIDDEN',
    file: 'apiProperties',
    title: 'Do not use the default blue or white as brand colour.',
    description:
      'Certification rejects the designer default `#007ee5` and white `#ffffff` ("the icon colour cannot be the same as the default", PR #3187; PR template). Near-white colours such as `#fefefe` or `#f5f5f5` (20+ merged connectors) are workarounds that still show a white tile, so they get a warning. Four legacy certified connectors break the hard rule.',
    levels: { certified: 'error', 'independent-publisher': 'off', custom: 'off' },
    example: {
      placement: 'apiProperties',
      bad: '"iconBrandColor": "#007ee5"',
      good: '"iconBrandColor": "#3b5bdb"',
    },
    check(context) {
      const colour = brandColourOf(context);
      const rgb = colour === undefined ? undefined : parseHexColour(colour);
      if (!colour || !rgb) return;
      // The message quotes the colour as written; `validate --base` matches it in any case, so that
      // #EEEEEE respelt #eeeeee is no new finding (a PDF4me commit).
      const lowerCase = colour.toLowerCase();
      if (FORBIDDEN_BRAND_COLOURS.includes(lowerCase)) {
        context.report({
          pointer: BRAND_POINTER,
          message: `The iconBrandColor ${colour} is not allowed: the icon colour cannot be the default ${FORBIDDEN_BRAND_COLOURS[0]} or white. Use your brand's colour, the same as the icon background.`,
          matchedAs: `PROP-BRAND-FORBIDDEN\u0000not allowed\u0000${lowerCase}`,
        });
      } else if (isNearWhite(rgb)) {
        context.report({
          pointer: BRAND_POINTER,
          severity: 'warning',
          message: `The iconBrandColor ${colour} is almost white; certification rejects white backgrounds. Use your brand's colour, the same as the icon background.`,
          matchedAs: `PROP-BRAND-FORBIDDEN\u0000almost white\u0000${lowerCase}`,
        });
      }
    },
  },
  {
    id: 'PROP-BRAND-IP',
    file: 'apiProperties',
    title: 'Independent publisher connectors use the brand colour #da3b01.',
    description:
      'Independent publisher connectors all get the generic orange icon, so their iconBrandColor must be `#da3b01` (README; certification step 4). All 395 merged IP connectors comply.',
    levels: { certified: 'off', 'independent-publisher': 'error', custom: 'off' },
    example: {
      placement: 'apiProperties',
      bad: '"iconBrandColor": "#3b5bdb"',
      good: '"iconBrandColor": "#da3b01"',
    },
    check(context) {
      const properties = propertiesOf(context.apiProperties);
      if (!properties) return;
      const colour = brandColourOf(context);
      if (colour?.toLowerCase() === IP_BRAND_COLOUR) return;
      context.report({
        pointer: BRAND_POINTER,
        message:
          colour === undefined
            ? `Independent publisher connectors must set "iconBrandColor": "${IP_BRAND_COLOUR}".`
            : `The iconBrandColor of an independent publisher connector must be ${IP_BRAND_COLOUR}, not ${excerpt(colour)}.`,
      });
    },
  },
];
