import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CONFIG, type ValidatorConfig } from '../src/config/config-types.js';
import { findRule } from '../src/rules/index.js';
import { validateFolder } from '../src/validate.js';
import { writeConnector } from './helpers/fixture.js';
import { validConnectorFiles } from './helpers/valid-connector.js';

// Some rules rate one case of theirs milder than the rule (a readme that is not UTF-8 is a warning of
// GEN-ENCODING, an error elsewhere). A level the configuration gives the rule must still hold for
// that case: a maker who turns GEN-ENCODING down to info saw the readme's finding stay a warning.
const windows1252 = Buffer.from('# Title\nSee the docs \x96 and more.\n', 'latin1');

async function encodingSeverities(level: 'error' | 'warning' | 'info' | undefined): Promise<string[][]> {
  const folder = writeConnector({
    ...validConnectorFiles(),
    'readme.md': windows1252,
    'script.csx': windows1252,
  });
  const config: ValidatorConfig = { ...DEFAULT_CONFIG, rules: level ? { 'GEN-ENCODING': level } : {} };
  const result = await validateFolder(folder, { rules: [findRule('GEN-ENCODING')!], config });
  return result.findings.map((finding) => [finding.file.split('/').pop()!, finding.severity]);
}

describe('a level the configuration gives a rule', () => {
  it('lowers every finding of the rule, those of a milder case too', async () => {
    expect(await encodingSeverities('info')).toEqual([
      ['readme.md', 'info'],
      ['script.csx', 'info'],
    ]);
  });

  it('leaves a milder case milder: a rule raised to error does not raise what it rates a warning', async () => {
    expect(await encodingSeverities('error')).toEqual([
      ['readme.md', 'warning'],
      ['script.csx', 'error'],
    ]);
  });

  it('is the rule level, then the case lowers it: as without a configuration', async () => {
    expect(await encodingSeverities('warning')).toEqual([
      ['readme.md', 'warning'],
      ['script.csx', 'warning'],
    ]);
    expect(await encodingSeverities(undefined)).toEqual([
      ['readme.md', 'warning'],
      ['script.csx', 'error'],
    ]);
  });
});
