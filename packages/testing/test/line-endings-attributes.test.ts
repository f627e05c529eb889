import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../src/index.js';

const git = (args: readonly string[], input?: string): string =>
  execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });

/** The files the tests compare byte for byte with what the build or `npm run docs` writes. */
function generatedFiles(): string[] {
  return git([
    'ls-files',
    '-z',
    '--',
    'docs/rules.md',
    'docs/actions.md',
    'docs/cli.md',
    'README.md',
    'packages/validator/src/generated',
    'dist',
  ])
    .split('\0')
    .filter((file) => file !== '');
}

/** The file at HEAD as git checks it out with core.autocrlf=true, the default of Git for Windows. */
function windowsCheckout(file: string): string {
  return git(['-c', 'core.autocrlf=true', 'cat-file', '--filters', `HEAD:${file}`]);
}

// A Windows clone had every text file with CRLF, so the drift tests of the generated files failed
// there on a clean checkout: the build writes LF. .gitattributes keeps them LF everywhere.
describe('the line endings a Windows clone checks out', () => {
  it('are LF in the generated files, whatever core.autocrlf says', () => {
    const files = generatedFiles();
    expect(files).toEqual(expect.arrayContaining(['docs/rules.md', 'README.md', 'dist/cli/index.cjs']));
    expect(files.filter((file) => windowsCheckout(file).includes('\r'))).toEqual([]);
  });

  it("are the checkout's own in the examples, which ci.yml runs the CLI on as a maker's Windows checkout has them", () => {
    const swagger = 'examples/certified-connectors/Contoso Tasks/apiDefinition.swagger.json';
    expect(windowsCheckout(swagger)).toContain('\r\n');
  });

  it('are LF in every other tracked text file, and images and zips are binary', () => {
    const files = git(['ls-files', '-z'])
      .split('\0')
      .filter((file) => file !== '' && !file.startsWith('examples/'));
    const attributes = git(['check-attr', '-z', '--stdin', 'eol'], files.join('\0')).split('\0');
    const notLf: string[] = [];
    for (let i = 0; i + 2 < attributes.length; i += 3)
      if (attributes[i + 2] !== 'lf') notLf.push(attributes[i]!);
    expect(notLf).toEqual([]);
    const binary = git(['check-attr', '-z', 'text', 'diff', '--', 'icon.png', 'solution.zip']).split('\0');
    expect(binary.slice(0, 12)).toEqual([
      'icon.png',
      'text',
      'unset',
      'icon.png',
      'diff',
      'unset',
      'solution.zip',
      'text',
      'unset',
      'solution.zip',
      'diff',
      'unset',
    ]);
  });
});
