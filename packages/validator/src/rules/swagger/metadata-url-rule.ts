import { quoted } from '../../text/message-values.js';
import { childPointer } from '../../json/pointer.js';
import { certificationLevels, type RuleDefinition } from '../../model/rule.js';
import { asString } from '../../swagger/json-values.js';
import { valueWrite } from '../value-write-advice.js';
import { isAbsoluteHttpUrl } from './absolute-http-url.js';
import { meantHttpUrl } from './meant-http-url.js';
import { nodesOfKinds, structureOf } from './structure.js';
import type { NodeKind } from './structure/swagger-fields.js';
import { entryPointer, metadataEntries } from './connector-metadata-entries.js';

/** The objects whose `url` must be an absolute http(s) URL. */
const URL_KINDS: readonly NodeKind[] = ['contact', 'externalDocs', 'license'];

export const metadataUrlRule: RuleDefinition = {
  id: 'SWG-META-URL',
  file: 'swagger',
  title: 'Give absolute http(s) URLs for Website, Privacy policy and contact or docs links.',
  description:
    'Website and Privacy policy "should be a URL" (CERT), and `url` properties must be absolute URLs (SVR: UrlNotValid). Merged connectors show `www.in-d.ai`, `hhttps://…`, `htpts://…`, `https://https://…` and `Not Available`. Where the URL meant is clear (no scheme before a host with a dot, a scheme one slip from `https` or `http`, or one written twice), the finding names it and `validate --fix` writes it.',
  levels: certificationLevels('error'),
  namesFixes: 'valueWrites',
  msCode: 'UrlNotValid',
  msMessage: "The 'url' property must be a valid absolute URL.",
  example: {
    placement: 'connectorMetadata',
    bad: '{ "propertyName": "Website", "propertyValue": "www.contoso.com" }',
    good: '{ "propertyName": "Website", "propertyValue": "https://www.contoso.com" }',
  },
  check(context) {
    if (!context.swagger) return;
    for (const entry of metadataEntries(context)) {
      if (entry.name !== 'Website' && entry.name !== 'Privacy policy') continue;
      if (typeof entry.value !== 'string' || isAbsoluteHttpUrl(entry.value)) continue;
      const meant = meantHttpUrl(entry.value);
      context.report({
        pointer: entryPointer(entry, 'propertyValue'),
        message: `The '${entry.name}' value ${quoted(entry.value)} must be a valid absolute URL (https://…).${didYouMean(meant)}`,
        ...(meant === undefined ? {} : valueWrite(context, 'swagger', meant)),
      });
    }
    // The three kinds' lists, not every node: findings are sorted by place afterwards.
    for (const nodes of nodesOfKinds(structureOf(context.swagger), URL_KINDS)) {
      for (const node of nodes) {
        const url = asString(node.value.url);
        if (url === undefined || isAbsoluteHttpUrl(url)) continue;
        const meant = meantHttpUrl(url);
        context.report({
          pointer: childPointer(node.pointer, 'url'),
          message: `The 'url' property must be a valid absolute URL.${didYouMean(meant)}`,
          ...(meant === undefined ? {} : valueWrite(context, 'swagger', meant)),
        });
      }
    }
  },
};

function didYouMean(meant: string | undefined): string {
  return meant === undefined ? '' : ` Did you mean ${quoted(meant)}?`;
}
