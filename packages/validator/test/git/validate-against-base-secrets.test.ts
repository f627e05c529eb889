import { describe, expect, it } from '@jest/globals';
import { formatJson } from '../../src/reporters/json-reporter.js';
import { onlyNewFindings } from '../../src/git/only-new-findings.js';
import { validateAgainstBase } from '../../src/git/validate-against-base.js';
import { secretRules } from '../../src/rules/general-secrets.js';
import { validConnectorFiles, validReadme } from '../helpers/valid-connector.js';
import { connectorFiles, createRepository } from './repository-fixture.js';

// Built from pieces so that no secret-shaped literal is committed.
const KEY = '9f8c2e7d' + '4b1a6f3e0c5d8b2a7e4f1c6d';
const OTHER_KEY = '7c1e94b2' + 'd6f08a3e5c7b9d1f2a4e6c8b0d3f';
// Masked as KEY is ("9f8c****** (32 characters)"): its finding's message reads the same.
const SAME_MASK_KEY = '9f8c5a1b' + '3d7e2f9c6b4a8d1e5f0c7a2b';
const call = (key: string) => `Try https://api.example.com/v1/items?api_key=${key}`;

describe('validate --base: one secret in several places, as one finding', () => {
  it('stays existing when an edit moves its places or cleans some of them; another secret is new', async () => {
    const folder = 'certified-connectors/Contoso';
    const repo = createRepository('dev');
    repo.write(
      connectorFiles(folder, {
        ...validConnectorFiles(),
        'readme.md': [validReadme(), call(KEY), call(KEY), call(KEY), ''].join('\n'),
      }),
    );
    repo.commitAll('dev: a readme with one key in three places');
    repo.git('checkout', '--quiet', '-b', 'pr');
    // Two lines above the key, one of its places cleaned, and a second key.
    repo.write(
      connectorFiles(folder, {
        ...validConnectorFiles(),
        'readme.md': [
          validReadme(),
          'Intro.',
          '',
          call(KEY),
          call('{apiKey}'),
          call(KEY),
          call(OTHER_KEY),
          '',
        ].join('\n'),
      }),
    );
    repo.commitAll('pr: reword the readme');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: secretRules });

    const secrets = result.findings.filter((finding) => finding.ruleId === 'GEN-SECRETS');
    expect(secrets.map(({ line, baseline }) => ({ line, baseline }))).toEqual([
      { line: 28, baseline: 'existing' },
      { line: 31, baseline: 'new' },
    ]);
    expect(secrets[0]!.message).toMatch(
      / The same value is in 1 more place, on line 30: remove it there too\.$/,
    );
    expect(onlyNewFindings(result).findings.filter((finding) => finding.ruleId === 'GEN-SECRETS')).toEqual([
      secrets[1],
    ]);
  });

  it('calls a secret new that replaced another whose finding reads the same', async () => {
    const folder = 'certified-connectors/Contoso';
    const readme = (...keys: string[]) => [validReadme(), ...keys.map(call), ''].join('\n');
    const repo = createRepository('dev');
    repo.write(connectorFiles(folder, { ...validConnectorFiles(), 'readme.md': readme(KEY) }));
    repo.commitAll('dev: a readme with a key');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.write(connectorFiles(folder, { ...validConnectorFiles(), 'readme.md': readme(SAME_MASK_KEY) }));
    repo.commitAll('pr: another key');

    const result = await validateAgainstBase(['.'], 'dev', { cwd: repo.dir, rules: secretRules });

    const secrets = result.findings.filter((finding) => finding.ruleId === 'GEN-SECRETS');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.message).toContain('9f8c****** (32 characters)');
    expect(secrets[0]!.baseline).toBe('new');
    // Neither the secret nor anything made of it is output.
    const output = formatJson(result);
    expect(output).not.toContain(SAME_MASK_KEY);
    expect(output).not.toContain(secrets[0]!.identity!);
  });
});
