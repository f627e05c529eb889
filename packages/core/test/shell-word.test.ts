import { execFileSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { powerShellQuoted, shellWord } from '../src/shell-word.js';
import { settingVariables, unsettingVariable } from '../src/shell-variables.js';

describe('shellWord', () => {
  it('leaves a path of plain characters bare', () => {
    expect(shellWord('certified-connectors/AikiDocs', 'linux')).toBe('certified-connectors/AikiDocs');
    expect(shellWord('certified-connectors/AikiDocs', 'win32')).toBe('certified-connectors/AikiDocs');
    expect(shellWord('C:\\Users\\maker\\repo', 'win32')).toBe('C:\\Users\\maker\\repo');
  });

  it('quotes a path with spaces, quotes or shell characters so that a shell reads it back whole', () => {
    for (const text of ['certified-connectors/Contoso Tasks', "O'Brien $HOME", 'a;b|c*', '']) {
      const word = shellWord(text, 'linux');
      expect(word).not.toBe(text);
      expect(execFileSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' })).toBe(text);
    }
  });

  // The walkthrough's build-solution line, 'certified-connectors/Africa'\''s Talking', ran in no
  // Windows shell.
  it('quotes for PowerShell on Windows: single quotes, a quote inside doubled', () => {
    expect(shellWord("certified-connectors/Africa's Talking", 'win32')).toBe(
      "'certified-connectors/Africa''s Talking'",
    );
    expect(shellWord('D:\\work\\$repo', 'win32')).toBe("'D:\\work\\$repo'");
    // PowerShell takes ’ for a quote too: undoubled, it would end the word.
    expect(shellWord('Africa’s Talking', 'win32')).toBe("'Africa’’s Talking'");
    // `@` starts a splat and `%` is ForEach-Object at the start of a word in PowerShell.
    expect(shellWord('@contoso', 'win32')).toBe("'@contoso'");
    expect(shellWord('', 'win32')).toBe("''");
  });
});

describe('powerShellQuoted', () => {
  it('quotes even plain text, as a value assigned in PowerShell must be', () => {
    expect(powerShellQuoted('http://127.0.0.1:8080')).toBe("'http://127.0.0.1:8080'");
  });
});

describe('the lines that set and remove environment variables', () => {
  const variables = [
    ['DATAVERSE_ENVIRONMENT_URL', 'http://127.0.0.1:8080'],
    ['CONNECTOR_ALM_CLIENT_SECRET', "it's secret"],
  ] as const;

  it('are export and unset in a POSIX shell, which reads the values back', () => {
    const line = settingVariables(variables, 'linux');
    expect(line).toBe(
      "export DATAVERSE_ENVIRONMENT_URL=http://127.0.0.1:8080 CONNECTOR_ALM_CLIENT_SECRET='it'\\''s secret'",
    );
    expect(
      execFileSync('sh', ['-c', `${line}; printf %s "$CONNECTOR_ALM_CLIENT_SECRET"`], { encoding: 'utf8' }),
    ).toBe("it's secret");
    expect(unsettingVariable('CONNECTOR_ALM_CLIENT_SECRET', 'linux')).toBe(
      'unset CONNECTOR_ALM_CLIENT_SECRET',
    );
  });

  it('are $env: assignments and Remove-Item in PowerShell on Windows', () => {
    expect(settingVariables(variables, 'win32')).toBe(
      "$env:DATAVERSE_ENVIRONMENT_URL = 'http://127.0.0.1:8080'; $env:CONNECTOR_ALM_CLIENT_SECRET = 'it''s secret'",
    );
    expect(unsettingVariable('CONNECTOR_ALM_CLIENT_SECRET', 'win32')).toBe(
      'Remove-Item Env:CONNECTOR_ALM_CLIENT_SECRET',
    );
  });
});
