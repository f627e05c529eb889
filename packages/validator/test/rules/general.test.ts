import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runRules, writeConnector } from '../helpers/fixture.js';
import { validateFolder } from '../../src/validate.js';
import { findRule } from '../../src/rules/index.js';
import { validConnectorFiles } from '../helpers/valid-connector.js';

describe('GEN-JSON-PARSE', () => {
  it('fires on a trailing comma, at its line', async () => {
    const findings = await runRules({ 'apiDefinition.swagger.json': '{\n  "swagger": "2.0",\n}' }, [
      'GEN-JSON-PARSE',
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'GEN-JSON-PARSE', severity: 'error', line: 2, column: 19 });
    expect(findings[0]!.message).toMatch(/trailing comma/);
    expect(findings[0]!.file).toMatch(/apiDefinition\.swagger\.json$/);
  });

  it('stays quiet on strict JSON', async () => {
    expect(await runRules(validConnectorFiles(), ['GEN-JSON-PARSE'])).toEqual([]);
  });
});

describe('GEN-ENCODING', () => {
  it('fires on a Windows-1252 readme, at the bad byte', async () => {
    const findings = await runRules(
      { ...validConnectorFiles(), 'readme.md': Buffer.from('# Title\ncaf\xe9\n', 'latin1') },
      ['GEN-ENCODING'],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, column: 4 });
  });

  it('stays quiet on UTF-8', async () => {
    expect(await runRules({ ...validConnectorFiles(), 'readme.md': '# Café\n' }, ['GEN-ENCODING'])).toEqual(
      [],
    );
  });
});

describe('GEN-SYMLINK', () => {
  it('does not read a file linked from outside the folder', async () => {
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'outside-')), 'secret.json');
    writeFileSync(outside, '{"secret": "do not read"}');
    const files = validConnectorFiles();
    delete files['apiProperties.json'];
    const folder = writeConnector(files);
    symlinkSync(outside, path.join(folder, 'apiProperties.json'));
    const result = await validateFolder(folder, { rules: [findRule('GEN-SYMLINK')!] });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toMatch(/outside the connector folder/);
  });
});
