import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { locateFindings } from '../src/engine.js';
import type { PendingFinding } from '../src/model/pending-finding.js';
import { loadConnectorFolder } from '../src/loader/connector-folder.js';
import type { FileKind } from '../src/model/finding.js';
import type { Report } from '../src/model/report.js';
import type { RuleMetadata } from '../src/model/rule.js';
import { MAX_MESSAGE_LENGTH } from '../src/text/message-length.js';
import { writeConnector } from './helpers/fixture.js';

function ruleOn(id: string, file: FileKind): RuleMetadata {
  return {
    id,
    file,
    title: id,
    description: id,
    levels: { certified: 'error', 'independent-publisher': 'error', custom: 'error' },
  };
}

const swaggerRule = ruleOn('TEST-SWAGGER', 'swagger');
const propertiesRule = ruleOn('TEST-PROPERTIES', 'apiProperties');

function pendingOf(rule: RuleMetadata, report: Report): PendingFinding {
  return { rule, severity: 'warning', report };
}

describe('locateFindings', () => {
  it('places each report at its own pointer, whatever file, order or repeats the reports have', async () => {
    const folder = writeConnector({
      'apiDefinition.swagger.json': '{\n  "info": {\n    "title": "T"\n  },\n  "paths": {}\n}',
      // A trailing comma: this file is located through the error-tolerant tree.
      'apiProperties.json': '{\n  "properties": {\n    "iconBrandColor": "#fff",\n  }\n}',
    });
    const connector = await loadConnectorFolder(folder, path.dirname(folder));
    const pending = [
      pendingOf(swaggerRule, { message: 'a', pointer: '/paths' }),
      pendingOf(propertiesRule, { message: 'b', pointer: '/properties/iconBrandColor' }),
      pendingOf(swaggerRule, { message: 'c', pointer: '/info/title' }),
      pendingOf(swaggerRule, { message: 'd', pointer: '/paths' }),
      pendingOf(swaggerRule, { message: 'e', pointer: '/info/missing' }),
      pendingOf(swaggerRule, { message: 'f', file: 'apiProperties', pointer: '/properties' }),
      pendingOf(swaggerRule, { message: 'g', offset: 4, length: 6 }),
      pendingOf(swaggerRule, { message: 'h', path: 'other.json', pointer: '/info' }),
    ];
    const placed = locateFindings(connector, pending).map(
      ({ message, file, pointer, line, column, endLine, endColumn }) => [
        message,
        file,
        pointer,
        line,
        column,
        endLine,
        endColumn,
      ],
    );
    expect(placed).toEqual([
      ['e', 'Contoso/apiDefinition.swagger.json', '/info/missing', 2, 3, 2, 9],
      ['g', 'Contoso/apiDefinition.swagger.json', undefined, 2, 3, 2, 9],
      ['c', 'Contoso/apiDefinition.swagger.json', '/info/title', 3, 5, 3, 12],
      ['a', 'Contoso/apiDefinition.swagger.json', '/paths', 5, 3, 5, 10],
      ['d', 'Contoso/apiDefinition.swagger.json', '/paths', 5, 3, 5, 10],
      ['f', 'Contoso/apiProperties.json', '/properties', 2, 3, 2, 15],
      ['b', 'Contoso/apiProperties.json', '/properties/iconBrandColor', 3, 5, 3, 21],
      ['h', 'Contoso/other.json', undefined, 1, 1, undefined, undefined],
    ]);
  });

  it('cuts a message past MAX_MESSAGE_LENGTH, whichever rule made it: no template is trusted to be short', async () => {
    const folder = writeConnector({ 'apiDefinition.swagger.json': '{\n  "paths": {}\n}' });
    const connector = await loadConnectorFolder(folder, path.dirname(folder));
    const long = `The name '${'n'.repeat(100_000)}' is quoted whole.`;
    const [finding] = locateFindings(connector, [
      pendingOf(swaggerRule, { message: long, pointer: '/paths' }),
    ]);
    expect(finding!.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(finding!.message).toMatch(/^The name 'n+… \(Message cut: it had 100,028 characters; /);
    expect([finding!.line, finding!.pointer]).toEqual([2, '/paths']);
  });
});
