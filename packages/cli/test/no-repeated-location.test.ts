import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { unwritableFolder } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';

/**
 * Every located user error, from the real throw sites and through the real CLI: the user reads
 * "file[:line:column]: error: message hint" on one line, the file once (the message does not say it
 * again), no "line N" in words, no stack trace, and a non-zero exit. The inputs are written here, so
 * nothing from ../shared is needed.
 */

const dirs: string[] = [];
const readOnly = unwritableFolder();
afterAll(() => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  readOnly?.cleanup();
});

function workdir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-errloc-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const SOLUTION_XML = `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml version="9.2" SolutionPackageVersion="9.2" languagecode="1033">
  <SolutionManifest>
    <UniqueName>Contoso</UniqueName>
    <Version>1.0.0.0</Version>
    <Managed>0</Managed>
  </SolutionManifest>
</ImportExportXml>
`;
const CUSTOMIZATIONS_XML = '<ImportExportXml />\n';
/** An unpacked solution that packs. */
const UNPACKED = {
  'src/Other/Solution.xml': SOLUTION_XML,
  'src/Other/Customizations.xml': CUSTOMIZATIONS_XML,
};

function zip(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(entries).map(([name, content]) => [
        name,
        typeof content === 'string' ? strToU8(content) : content,
      ]),
    ),
  );
}

/** A solution zip that unpacks: an unmanaged one (managed '0') or a managed one ('1'). */
function solutionZip(uniqueName = 'Contoso', managed = '0'): Uint8Array {
  const manifest = SOLUTION_XML.replace('Contoso', uniqueName).replace('<Managed>0', `<Managed>${managed}`);
  return zip({ 'solution.xml': manifest, 'customizations.xml': CUSTOMIZATIONS_XML });
}

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [`${prefix}${name}`, content]));
}

const SWAGGER = JSON.stringify(
  { swagger: '2.0', info: { title: 'Contoso', version: '1.0' }, host: 'api.contoso.com', paths: {} },
  null,
  2,
);
const PROPERTIES = JSON.stringify({ properties: { iconBrandColor: '#da3b01' } }, null, 2);
const BUILD = ['--out', 'out.zip', '--unique-name', 'X', '--publisher', 'Contoso', '--prefix', 'contoso'];
/** A connection the import command accepts; the settings file is read before anything is sent. */
const DATAVERSE_ENV = {
  DATAVERSE_ENVIRONMENT_URL: 'https://contoso.crm.dynamics.com',
  AZURE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  AZURE_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  CONNECTOR_ALM_CLIENT_SECRET: 'not-used',
};

interface Case {
  /** The bad input, as a user would make it. */
  what: string;
  files: Record<string, string | Uint8Array>;
  argv: string[];
  /** The environment, for commands that need a connection before they read their files. */
  env?: NodeJS.ProcessEnv;
  /** Values that must appear nowhere in the output (a certificate's password). */
  secrets?: string[];
  /** The location as the line must start with it: "file" or "file:line:column", relative or absolute. */
  location: string;
  /** The message, without the location. */
  message: RegExp;
  exitCode: number;
}

const CASES: Case[] = [
  {
    what: 'unpack: a solution zip that does not exist',
    files: {},
    argv: ['unpack', 'absent.zip', 'src'],
    location: 'absent.zip',
    message: /^does not exist\. Check the path of the zip file\.$/,
    exitCode: 2,
  },
  {
    what: 'unpack: a file that is not a zip',
    files: { 'bad.zip': 'not a zip' },
    argv: ['unpack', 'bad.zip', 'src'],
    location: 'bad.zip',
    message: /^is not a zip archive or is truncated \(.*\)\. Export or download the solution again\.$/,
    exitCode: 1,
  },
  {
    what: 'unpack: a zip that is not a solution',
    files: { 'bad.zip': zip({ 'readme.txt': 'x' }) },
    argv: ['unpack', 'bad.zip', 'src'],
    location: 'bad.zip',
    message: /^is not a Dataverse solution: it has no solution\.xml and customizations\.xml at its root\. /,
    exitCode: 2,
  },
  {
    what: 'unpack: a zip entry that would leave the target folder',
    files: {
      'bad.zip': zip({
        '../evil.txt': 'x',
        'solution.xml': SOLUTION_XML,
        'customizations.xml': CUSTOMIZATIONS_XML,
      }),
    },
    argv: ['unpack', 'bad.zip', 'src'],
    location: 'bad.zip',
    message:
      /^entry '\.\.\/evil\.txt' contains a '\.\.' segment that leaves the target folder; it is refused\. /,
    exitCode: 1,
  },
  {
    what: 'unpack: malformed XML in a solution zip',
    files: {
      'bad.zip': zip({
        'solution.xml': '<ImportExportXml>\n  <SolutionManifest>\n</ImportExportXml>',
        'customizations.xml': CUSTOMIZATIONS_XML,
      }),
    },
    argv: ['unpack', 'bad.zip', 'src'],
    location: 'bad.zip/solution.xml:3:18',
    message:
      /^invalid XML: unexpected close tag\. The zip was damaged or changed after export: export the solution again\.$/,
    exitCode: 1,
  },
  {
    what: 'unpack: a solution part that is not UTF-8',
    files: {
      'bad.zip': zip({
        'solution.xml': new Uint8Array([0x3c, 0x61, 0xc3, 0x28, 0x3e]),
        'customizations.xml': CUSTOMIZATIONS_XML,
      }),
    },
    argv: ['unpack', 'bad.zip', 'src'],
    location: 'bad.zip/solution.xml:1:3',
    message: /^is not valid UTF-8 \(byte 0xC3, 'Ã' in Windows-1252\)\. Save the file as UTF-8\.$/,
    exitCode: 1,
  },
  {
    what: 'unpack: a target folder that is a file',
    files: { 'ok.zip': solutionZip(), target: 'mine' },
    argv: ['unpack', 'ok.zip', 'target'],
    location: 'target',
    message: /^exists and is not a folder\. Give the path of a folder, or move the file out of the way\.$/,
    exitCode: 2,
  },
  {
    what: 'unpack: a target folder below a file',
    files: { 'ok.zip': solutionZip(), blocker: 'mine' },
    argv: ['unpack', 'ok.zip', 'blocker/src'],
    location: 'blocker',
    message: /^is a file, not a folder, so src cannot be made inside it\. /,
    exitCode: 2,
  },
  {
    what: 'unpack: a target folder that holds other files',
    files: { 'ok.zip': solutionZip(), 'target/notes.txt': 'mine' },
    argv: ['unpack', 'ok.zip', 'target'],
    location: 'target',
    message: /^already holds 1 file\. Unpack into a folder of its own /,
    exitCode: 1,
  },
  {
    what: 'unpack: an unmanaged zip where a managed one is asked for',
    files: { 'ok.zip': solutionZip() },
    argv: ['unpack', '--package-type', 'managed', 'ok.zip', 'src'],
    location: 'ok.zip',
    message: /^is an unmanaged solution, not a managed one\.$/,
    exitCode: 1,
  },
  {
    what: 'unpack: both exports, of two different solutions',
    files: { 'Contoso.zip': solutionZip(), 'Contoso_managed.zip': solutionZip('Fabrikam', '1') },
    argv: ['unpack', '--package-type', 'both', 'Contoso.zip', 'src'],
    location: 'Contoso_managed.zip',
    message: /^holds Fabrikam but Contoso\.zip holds Contoso\. Give the two exports of one solution\.$/,
    exitCode: 1,
  },
  {
    what: 'pack: a folder that does not exist',
    files: {},
    argv: ['pack', 'src', 'out.zip'],
    location: 'src',
    message: /^does not exist\. Give the folder that unpack wrote \(the one holding Other\/\)\.$/,
    exitCode: 2,
  },
  {
    what: 'pack: a pac solution project instead of its unpacked solution',
    files: { 'project/Contoso.cdsproj': '<Project />', ...prefixed('project/', UNPACKED) },
    argv: ['pack', 'project', 'out.zip'],
    location: 'project',
    message:
      /^is not an unpacked solution: it has no Other\/Solution\.xml and Other\/Customizations\.xml\. It holds one in src: give that folder\.$/,
    exitCode: 2,
  },
  {
    what: 'pack: an output that does not end in .zip',
    files: UNPACKED,
    argv: ['pack', 'src', 'out.tar'],
    location: 'out.tar',
    message: /^must end in \.zip\. Dataverse imports a solution only from a \.zip file\.$/,
    exitCode: 2,
  },
  {
    what: 'pack: an output that is a folder',
    files: { ...UNPACKED, 'out.zip/keep.txt': 'mine' },
    argv: ['pack', 'src', 'out.zip'],
    location: 'out.zip',
    message: /^is a folder; a zip cannot be written there\. /,
    exitCode: 2,
  },
  {
    what: 'pack: an output in a folder that is a file',
    files: { ...UNPACKED, dist: 'mine' },
    argv: ['pack', 'src', 'dist/out.zip'],
    location: 'dist',
    message:
      /^is a file, not a folder, so out\.zip cannot be made inside it\. Give a path that runs through folders only, or move the file out of the way\.$/,
    exitCode: 2,
  },
  {
    what: 'extract-connectors: a folder that is not a solution',
    files: { 'project/Contoso.cdsproj': '<Project />', ...prefixed('project/', UNPACKED) },
    argv: ['extract-connectors', 'project', 'connectors'],
    location: 'project',
    message:
      /^is neither a solution zip nor an unpacked solution folder \(no Other\/Solution\.xml\)\. It holds one in src: give that folder\.$/,
    exitCode: 2,
  },
  {
    what: 'pack: malformed XML in an unpacked solution',
    files: {
      'src/Other/Solution.xml': '<ImportExportXml>\n  <SolutionManifest>\n</ImportExportXml>\n',
      'src/Other/Customizations.xml': CUSTOMIZATIONS_XML,
    },
    argv: ['pack', 'src', 'out.zip'],
    location: 'src/Other/Solution.xml:3:18',
    message:
      /^invalid XML: unexpected close tag\. Fix the XML at that line \(the file was damaged or edited by hand\), or unpack the solution again\.$/,
    exitCode: 1,
  },
  {
    what: 'pack: a Solution.xml without a version',
    files: {
      'src/Other/Solution.xml': SOLUTION_XML.replace('<Version>1.0.0.0</Version>', ''),
      'src/Other/Customizations.xml': CUSTOMIZATIONS_XML,
    },
    argv: ['pack', 'src', 'out.zip'],
    location: 'src/Other/Solution.xml',
    message: /^has no <Version> in <SolutionManifest>\.$/,
    exitCode: 1,
  },
  {
    what: 'pack: a file in Templates/, which the import does not read',
    files: { ...UNPACKED, 'src/Templates/Welcome.xml': '<EmailTemplate />\n' },
    argv: ['pack', 'src', 'out.zip'],
    location: 'src/Templates/Welcome.xml',
    message:
      /^is not part of the solution: a solution keeps its templates inline in <Templates> of Other\/Customizations\.xml, .* Move the template into <Templates> of Other\/Customizations\.xml /,
    exitCode: 1,
  },
  {
    what: 'build-solution: bad JSON in a connector file',
    files: {
      'contoso-connector/apiDefinition.swagger.json': SWAGGER,
      'contoso-connector/apiProperties.json': '{\n  "properties": {\n    "a": 1,\n  }\n}\n',
    },
    argv: ['build-solution', 'contoso-connector', ...BUILD],
    location: 'contoso-connector/apiProperties.json:4:3',
    // A folder a person keeps: no export gives it back, validate names the edit.
    message:
      /^invalid JSON: property name expected\. Fix the JSON in the file; connector-alm validate on its folder shows each error and the edit that fixes it\.$/,
    exitCode: 1,
  },
  {
    what: 'build-solution: bad JSON in a connector swagger',
    files: {
      'contoso-connector/apiDefinition.swagger.json': '{\n  "swagger": "2.0",\n  "info": {\n}\n',
      'contoso-connector/apiProperties.json': '{"properties": {}}\n',
    },
    argv: ['build-solution', 'contoso-connector', ...BUILD],
    location: 'contoso-connector/apiDefinition.swagger.json:5:1',
    message:
      /^invalid JSON: .*\. Fix the JSON in the file; connector-alm validate on its folder shows each error and the edit that fixes it\.$/,
    exitCode: 1,
  },
  {
    what: 'pack: bad JSON in a connector file of an unpacked solution',
    files: {
      ...UNPACKED,
      'src/Connectors/contoso_x_connectionparameters.json': '{"a": }',
    },
    argv: ['pack', 'src', 'out.zip'],
    location: 'src/Connectors/contoso_x_connectionparameters.json:1:7',
    // A connector of a solution: exporting it again is a way back.
    message: /^invalid JSON: value expected\. Fix the JSON in the connector, or export the solution again\.$/,
    exitCode: 1,
  },
  {
    what: 'build-solution: a connector folder without a swagger',
    files: { 'contoso-connector/apiProperties.json': PROPERTIES },
    argv: ['build-solution', 'contoso-connector', ...BUILD],
    location: 'contoso-connector',
    // apiProperties.json makes it a connector folder with its swagger missing: exit code 1.
    message:
      /^has no apiDefinition\.swagger\.json, which a connector folder needs\. Add the connector's OpenAPI definition under that name, or extract the connector again \(extract-connectors writes it\)\.$/,
    exitCode: 1,
  },
  {
    what: 'build-solution: a connector folder whose swagger is misnamed',
    files: {
      'contoso-connector/apiDefination.swagger.json': SWAGGER,
      'contoso-connector/apiProperties.json': PROPERTIES,
    },
    argv: ['build-solution', 'contoso-connector', ...BUILD],
    location: 'contoso-connector',
    message:
      /^has no apiDefinition\.swagger\.json, but has 'apiDefination\.swagger\.json'\. Rename it to apiDefinition\.swagger\.json\.$/,
    exitCode: 1,
  },
  {
    what: 'build-solution: a connector file saved as Windows-1252, not UTF-8',
    files: {
      'contoso-connector/apiDefinition.swagger.json': SWAGGER,
      'contoso-connector/apiProperties.json': Buffer.from('{\n  "properties": {"x": "Café"}\n}\n', 'latin1'),
    },
    argv: ['build-solution', 'contoso-connector', ...BUILD],
    location: 'contoso-connector/apiProperties.json:2:27',
    message: /^is not valid UTF-8 \(byte 0xE9, 'é' in Windows-1252\)\. Save the file as UTF-8\.$/,
    exitCode: 1,
  },
  {
    what: 'build-solution: a swagger without a title',
    files: {
      'contoso-connector/apiDefinition.swagger.json': '{"swagger": "2.0", "info": {}}',
      'contoso-connector/apiProperties.json': PROPERTIES,
    },
    argv: ['build-solution', 'contoso-connector', ...BUILD],
    location: 'contoso-connector/apiDefinition.swagger.json',
    message: /^has no info\.title; the connector needs a display name\.$/,
    exitCode: 1,
  },
  {
    what: 'build-solution: a connector folder that does not exist',
    files: {},
    argv: ['build-solution', 'contoso-connector', ...BUILD],
    location: 'contoso-connector',
    message: /^does not exist\. Give a connector folder: /,
    exitCode: 2,
  },
  {
    what: 'build-solution: a connector path that is a file',
    files: { 'contoso-connector': SWAGGER },
    argv: ['build-solution', 'contoso-connector', ...BUILD],
    location: 'contoso-connector',
    message: /^is not a folder\. Give a connector folder: /,
    exitCode: 2,
  },
  ...(readOnly
    ? [
        {
          what: 'build-solution: a zip in a folder that cannot be written',
          files: {
            'contoso-connector/apiDefinition.swagger.json': SWAGGER,
            'contoso-connector/apiProperties.json': PROPERTIES,
          },
          argv: ['build-solution', 'contoso-connector', ...BUILD.slice(2)].concat([
            '--out',
            path.join(readOnly.folder, 'out.zip'),
          ]),
          location: path.join(readOnly.folder, 'out.zip'),
          message:
            /^cannot be written: permission denied \(E[A-Z]+, [a-z]+\)\. Choose a folder you can write to/,
          exitCode: 1,
        },
      ]
    : []),
  {
    what: 'package build: a package named like one of the zips it packs',
    files: { 'intro.md': '# Contoso\n', 'connector.zip': 'zip', 'flows.zip': 'zip' },
    argv: [
      'package',
      'build',
      'connector.zip',
      '--intro',
      'intro.md',
      '--connector-solution',
      'connector.zip',
      '--flow-solution',
      'flows.zip',
    ],
    location: 'connector.zip',
    message:
      /^is one of the files the package packs; writing the package would replace it\. Give the package another name\.$/,
    exitCode: 2,
  },
  {
    what: 'package build: two solution zips of one file name',
    files: { 'intro.md': '# Contoso\n', 'connector/Contoso.zip': 'zip', 'flow/contoso.zip': 'zip' },
    argv: [
      'package',
      'build',
      'package.zip',
      '--intro',
      'intro.md',
      '--connector-solution',
      'connector/Contoso.zip',
      '--flow-solution',
      'flow/contoso.zip',
    ],
    location: 'flow/contoso.zip',
    message:
      /^has the file name of the connector solution \(Contoso\.zip\) but for its case, which Windows, where Package Deployer runs, does not tell apart; the package keeps each solution in PkgAssets\/ under its file name\. Rename one of the two zips \(e\.g\. to contoso_flow\.zip\), then build the package again\.$/,
    exitCode: 2,
  },
  {
    what: 'package build: a package whose name does not end in .zip',
    files: { 'intro.md': '# Contoso\n', 'connector.zip': 'zip', 'flows.zip': 'zip' },
    argv: [
      'package',
      'build',
      'ContosoTasks',
      '--intro',
      'intro.md',
      '--connector-solution',
      'connector.zip',
      '--flow-solution',
      'flows.zip',
    ],
    location: 'ContosoTasks',
    message:
      /^must end in \.zip\. Give the package a name that ends in \.zip; the certification validator refuses any other\.$/,
    exitCode: 2,
  },
  {
    what: 'import: a certificate file that does not exist (its password printed nowhere)',
    files: { 'Contoso.zip': solutionZip() },
    argv: ['import', 'Contoso.zip', '--client-certificate', 'certs/contoso.pem'],
    env: {
      ...DATAVERSE_ENV,
      CONNECTOR_ALM_CLIENT_SECRET: undefined,
      CONNECTOR_ALM_CLIENT_CERTIFICATE_PASSWORD: 'c3rt-p4ssw0rd',
    },
    secrets: ['c3rt-p4ssw0rd'],
    location: 'certs/contoso.pem',
    message: /^The certificate file does not exist\. Give --client-certificate the PEM file /,
    exitCode: 2,
  },
  {
    what: 'import: a folder instead of a solution zip',
    files: UNPACKED,
    argv: ['import', 'src'],
    env: DATAVERSE_ENV,
    location: 'src',
    message:
      /^is a folder, not a solution zip\. It is an unpacked solution: pack it first \(connector-alm pack <this folder> <solution\.zip>\)/,
    exitCode: 2,
  },
  {
    what: 'import: a deployment settings file that is not JSON',
    files: { 'settings.json': '{\n  "EnvironmentVariables": [\n    { "SchemaName": "x", },\n  ]\n}\n' },
    argv: ['import', 'Contoso.zip', '--settings', 'settings.json'],
    env: DATAVERSE_ENV,
    location: 'settings.json:3:26',
    message:
      /^invalid JSON: property name expected\. Fix the JSON, or write the file again with pac solution create-settings\.$/,
    exitCode: 1,
  },
  {
    what: 'import: a connection reference whose ConnectionId is a number (skipped without a word before)',
    files: {
      'settings.json':
        '{\n  "ConnectionReferences": [\n    { "LogicalName": "cat_conn", "ConnectionId": 4711 }\n  ]\n}\n',
    },
    argv: ['import', 'Contoso.zip', '--settings', 'settings.json'],
    env: DATAVERSE_ENV,
    location: 'settings.json:3:50',
    message:
      /^ConnectionReferences\[0\]\.ConnectionId \(cat_conn\) is a number; Dataverse names a connection with text\. Write it in quotes/,
    exitCode: 1,
  },
  {
    what: 'import: a deployment settings file that does not exist',
    files: {},
    argv: ['import', 'Contoso.zip', '--settings', 'settings.json'],
    env: DATAVERSE_ENV,
    location: 'settings.json',
    message: /^does not exist\. Give the deployment settings file /,
    exitCode: 2,
  },
  {
    what: 'diff: a version that does not exist',
    files: {
      'contoso-connector/apiDefinition.swagger.json': SWAGGER,
      'contoso-connector/apiProperties.json': PROPERTIES,
    },
    argv: ['diff', 'old-connector', 'contoso-connector'],
    location: 'old-connector',
    message: /^does not exist\. Give a connector folder or its apiDefinition\.swagger\.json\.$/,
    exitCode: 2,
  },
  {
    what: 'validate: a path that does not exist',
    files: { '.git/HEAD': '' },
    argv: ['validate', 'contoso-connector'],
    location: 'contoso-connector',
    message: /^does not exist\. Give a connector folder, or a folder that holds connector folders\.$/,
    exitCode: 2,
  },
  {
    what: 'validate: a folder that holds no connector',
    files: { '.git/HEAD': '', 'docs/readme.md': '# Contoso\n' },
    argv: ['validate', 'docs'],
    location: 'docs',
    message:
      /^holds no connector folder\. A connector folder holds apiDefinition\.swagger\.json and apiProperties\.json\.$/,
    exitCode: 2,
  },
  {
    what: 'validate: a file outside any connector folder',
    files: { '.git/HEAD': '', 'notes.txt': 'x' },
    argv: ['validate', 'notes.txt'],
    location: 'notes.txt',
    message: /^is not a file of a connector folder\. A connector folder holds /,
    exitCode: 2,
  },
  {
    what: 'validate: a configuration file that does not exist',
    files: { '.git/HEAD': '' },
    argv: ['validate', '--config', 'ci/rules.yml', '.'],
    location: 'ci/rules.yml',
    message: /^The configuration file does not exist\. Check the path, /,
    exitCode: 2,
  },
  {
    what: 'validate: a configuration file that is not YAML',
    files: { '.git/HEAD': '', '.connector-alm.yml': 'rules:\n  a: [1\nprofile: x\n' },
    argv: ['validate', '.'],
    location: '.connector-alm.yml:3:1',
    message: /^The configuration file is not valid YAML: .*\. Fix the syntax at this position\.$/,
    exitCode: 2,
  },
  {
    what: 'validate: two configuration files in one folder',
    files: { '.git/HEAD': '', '.connector-alm.yml': '', '.connector-alm.json': '{}' },
    argv: ['validate', '.'],
    location: '.connector-alm.json',
    message: /^is a second configuration file in its folder, beside \.connector-alm\.yml\. /,
    // A mistake in the configuration, as docs/cli.md lists it among the usage errors (exit 2).
    exitCode: 2,
  },
];

describe('a located error names its location once, first, and the CLI exits non-zero without a stack', () => {
  it.each(CASES.map((c) => [c.what, c] as const))('%s', async (_what, c) => {
    const cwd = workdir(c.files);
    const io = memoryIo(cwd, c.env);
    const code = await runCli(c.argv, io);
    const err = io.err();
    expect(code).toBe(c.exitCode);
    expect(io.out()).toBe('');
    expect(err.endsWith('\n') && err.indexOf('\n') === err.length - 1).toBe(true);
    const line = err.slice(0, -1);
    // Paths are shown as the command was given them, or absolute: either way, they end so.
    const at = line.indexOf(`${c.location}: error: `);
    expect(at).toBeGreaterThanOrEqual(0);
    const shownLocation = line.slice(0, at + c.location.length);
    expect(path.resolve(cwd, shownLocation)).toBe(path.resolve(cwd, c.location));
    const message = line.slice(at + c.location.length + ': error: '.length);
    expect(message).toMatch(c.message);
    // Said once: the file (by its last part) and no line or column in words.
    const file = c.location.replace(/:\d+:\d+$/, '');
    expect(line.split(path.basename(file)).length - 1).toBe(1);
    expect(message).not.toMatch(/\bline \d|\bcolumn \d|:\d+:\d+/);
    expect(line).not.toMatch(/^\s+at /m);
    for (const secret of c.secrets ?? []) expect(err).not.toContain(secret);
  });
});
