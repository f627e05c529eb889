import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, temporaryFolders } from '@connector-alm/testing';

// `validate -o` naming a file of the connector it validates wrote the report over it, exit 0: one
// slip of the shell's completion, and the swagger was gone. The built CLI refuses such a path before
// it validates or fixes anything, located at the path, exit 2, and leaves every file as it was.

const CLI = path.join(REPO_ROOT, 'dist/cli/index.cjs');
const CONNECTOR = path.join(REPO_ROOT, 'examples/certified-connectors/Contoso Tasks');
const folders = temporaryFolders('cli-report-over-connector-');
afterAll(() => folders.cleanup());

const HINT = 'Give -o the path of a report file of its own, e.g. report.sarif.';

function connectorCopy(): { cwd: string; files: () => Record<string, string> } {
  const cwd = folders.make();
  cpSync(CONNECTOR, path.join(cwd, 'custom-connectors', 'X'), { recursive: true });
  const folder = path.join(cwd, 'custom-connectors', 'X');
  const files = () =>
    Object.fromEntries(
      readdirSync(folder)
        .sort()
        .map((name) => [name, readFileSync(path.join(folder, name), 'latin1')]),
    );
  return { cwd, files };
}

function validate(cwd: string, ...argv: string[]) {
  return spawnSync(process.execPath, [CLI, 'validate', ...argv], { cwd, encoding: 'utf8' });
}

describe('validate -o naming a file of a connector', () => {
  it.each<[string, string, string, string[]]>([
    ['the swagger', 'custom-connectors/X/apiDefinition.swagger.json', 'apiDefinition.swagger.json', []],
    [
      'apiProperties.json, by a path that goes round',
      './custom-connectors/X/../X/apiProperties.json',
      'apiProperties.json',
      [],
    ],
    ['the readme, with --fix', 'custom-connectors/X/readme.md', 'readme.md', ['--fix']],
  ])('is refused for %s, and nothing is written', (_what, output, name, options) => {
    const { cwd, files } = connectorCopy();
    const before = files();
    const run = validate(cwd, 'custom-connectors/X', ...options, '-o', output);
    expect(run.stderr).toBe(
      `${path.normalize(output)}: error: is the ${name} of the connector in ${path.join('custom-connectors', 'X')}; the report would be written over it. ${HINT}\n`,
    );
    expect(run.status).toBe(2);
    expect(files()).toEqual(before);
  });

  it('is refused through a link to it, and where the connector is the working directory', () => {
    const { cwd, files } = connectorCopy();
    const before = files();
    symlinkSync(path.join('custom-connectors', 'X', 'apiProperties.json'), path.join(cwd, 'report.json'));
    const run = validate(cwd, 'custom-connectors/X', '--format', 'json', '-o', 'report.json');
    expect(run.stderr).toContain(
      'report.json: error: is the apiProperties.json of the connector in custom-connectors/X;',
    );
    expect(run.status).toBe(2);
    const here = validate(path.join(cwd, 'custom-connectors', 'X'), '.', '-o', 'apiProperties.json');
    expect(here.stderr).toBe(
      `apiProperties.json: error: is the apiProperties.json of the connector here; the report would be written over it. ${HINT}\n`,
    );
    expect(here.status).toBe(2);
    expect(files()).toEqual(before);
  });

  it('writes a report file of its own beside the connector, and one named like a connector file elsewhere', () => {
    const { cwd } = connectorCopy();
    // readme.md of a folder that holds no connector (the repository's own) is the maker's to overwrite.
    const elsewhere = validate(cwd, 'custom-connectors/X', '-o', 'readme.md');
    expect(elsewhere.status).toBe(0);
    expect(readFileSync(path.join(cwd, 'readme.md'), 'utf8')).toContain('No problems');
    const beside = validate(cwd, 'custom-connectors/X', '-o', 'custom-connectors/X/report.txt');
    expect(beside.status).toBe(0);
    expect(readFileSync(path.join(cwd, 'custom-connectors/X/report.txt'), 'utf8')).toContain(
      'custom-connectors/X [custom]',
    );
  });
});
