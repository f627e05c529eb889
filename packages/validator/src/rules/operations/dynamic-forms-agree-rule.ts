import { childPointer } from '../../json/pointer.js';
import { sameLevels, type RuleDefinition } from '../../model/rule.js';
import { asObject, asString } from '../../swagger/json-values.js';
import { nameExcerpt } from '../../text/message-values.js';
import { dynamicCalls, type DynamicExtension } from './dynamic-index.js';

/**
 * The newer form of each dynamic extension, the older one a holder may carry beside it, and the
 * key of each that names the item's value (none for schemas: SWG-DYN-PROPS-PATH compares theirs).
 */
const PAIRS: readonly {
  newer: DynamicExtension;
  older: DynamicExtension;
  newerValuePath?: string;
  olderValuePath?: string;
}[] = [
  {
    newer: 'x-ms-dynamic-list',
    older: 'x-ms-dynamic-values',
    newerValuePath: 'itemValuePath',
    olderValuePath: 'value-path',
  },
  { newer: 'x-ms-dynamic-properties', older: 'x-ms-dynamic-schema' },
];

const WHY =
  'Designers that read the newer form use it, the others the older one, so makers would see different values';

export const dynamicFormsAgreeRule: RuleDefinition = {
  id: 'SWG-DYN-FORMS-AGREE',
  file: 'swagger',
  title: 'Have the newer and older dynamic forms on one holder call the same operation.',
  description:
    'A parameter or property may carry x-ms-dynamic-list beside x-ms-dynamic-values, or x-ms-dynamic-properties beside x-ms-dynamic-schema, for designers that know only the older form (openapi-extensions doc). Designers that read the newer form use it and the others the older one, so both must call the same operationId, and the list must take the item value from the same path (itemValuePath and value-path). Checked at the newer form. None of the 387 list/values and 110 properties/schema pairs of the merged connectors calls another operation, and one takes another item value, so a warning.',
  levels: sameLevels('warning'),
  example: {
    placement: 'parameter',
    bad: '"x-ms-dynamic-values": { "operationId": "ListFolders", "value-path": "id" }, "x-ms-dynamic-list": { "operationId": "ListProjects", "itemValuePath": "id" }',
    good: '"x-ms-dynamic-values": { "operationId": "ListFolders", "value-path": "id" }, "x-ms-dynamic-list": { "operationId": "ListFolders", "itemValuePath": "id" }',
  },
  check({ swagger, report }) {
    for (const call of swagger ? dynamicCalls(swagger) : []) {
      const pair = PAIRS.find((candidate) => candidate.newer === call.extension);
      if (!pair) continue;
      const older = asObject(call.holder[pair.older]);
      if (!older) continue;
      const newerId = asString(call.call.operationId);
      const olderId = asString(older.operationId);
      if (newerId !== undefined && olderId !== undefined && newerId !== olderId) {
        report({
          pointer: childPointer(call.pointer, 'operationId'),
          message: `${pair.newer} calls '${nameExcerpt(newerId)}', but ${pair.older} beside it calls '${nameExcerpt(olderId)}'. ${WHY}: call the same operation in both.`,
        });
        continue;
      }
      if (pair.newerValuePath === undefined || pair.olderValuePath === undefined) continue;
      const newerPath = asString(call.call[pair.newerValuePath]);
      const olderPath = asString(older[pair.olderValuePath]);
      if (newerPath === undefined || olderPath === undefined || newerPath === olderPath) continue;
      report({
        pointer: childPointer(call.pointer, pair.newerValuePath),
        message: `${pair.newer} takes the item value from '${nameExcerpt(newerPath)}', but ${pair.older} beside it from '${nameExcerpt(olderPath)}' (${pair.olderValuePath}). ${WHY}: name the same property in both.`,
      });
    }
  },
};
