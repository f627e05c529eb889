import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { UsageError } from '@connector-alm/core';
import { temporaryFolders } from '@connector-alm/testing';
import { buildSolutionZip, createTestCertificate } from '@connector-alm/dataverse/testing';
import { portRefusal, startDevServer } from '../src/commands/dev-server.js';
import { runCli } from '../src/program.js';
import { memoryIo } from './memory-io.js';
import { bannerVariables } from './banner-variables.js';

const folders = temporaryFolders('cli-dev-server-');
afterAll(() => folders.cleanup());

/** A real listener on a loopback port, as another program (or a dev-server left running) holds one. */
async function listening(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port that nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = await listening();
  await probe.close();
  return probe.port;
}

/** A folder of solution zips named as Dataverse names its exports. */
function solutionsFolder(): string {
  const folder = path.join(folders.make(), 'solutions');
  mkdirSync(folder);
  writeFileSync(
    path.join(folder, 'ContosoTasks_1_0_0_3.zip'),
    buildSolutionZip({ uniqueName: 'ContosoTasks', version: '1.0.0.3' }),
  );
  writeFileSync(
    path.join(folder, 'Fabrikam.zip'),
    buildSolutionZip({ uniqueName: 'FabrikamConnectors', version: '2.1.0.0', managed: true }),
  );
  return folder;
}

describe('dev-server', () => {
  it('names the solutions it serves by unique name and version, and puts a real one in the export line', async () => {
    const cwd = folders.make();
    const { server, banner } = await startDevServer(
      { solutions: solutionsFolder(), loginPort: 0, dataversePort: 0 },
      memoryIo(cwd),
    );
    try {
      expect(banner).toContain('\n  ContosoTasks 1.0.0.3, FabrikamConnectors 2.1.0.0 (managed)\n');
      expect(banner).toContain('\n  npx connector-alm export ContosoTasks\n');
      // The login host is exported with the rest, not typed on every command.
      expect(bannerVariables(banner)).toMatchObject({ AZURE_AUTHORITY_HOST: server.authorityHost });
    } finally {
      await server.close();
    }
  });

  it('serving nothing, says to import a solution first, and the import line it prints makes one to export', async () => {
    const { server, banner } = await startDevServer(
      { loginPort: 0, dataversePort: 0 },
      memoryIo(folders.make()),
    );
    try {
      expect(banner).toContain(
        '(0 solutions, in memory)\n  No solution to export yet: import a solution zip',
      );
      const importLine = banner.split('\n').find((line) => line.startsWith('  npx connector-alm import '));
      expect(importLine).toBe('  npx connector-alm import <solution.zip>');
      // The lines as a new user pastes them, with the placeholder filled in.
      const io = memoryIo(folders.make(), bannerVariables(banner));
      writeFileSync(
        path.join(io.cwd, 'contoso.zip'),
        buildSolutionZip({ uniqueName: 'ContosoTasks', version: '1.0.0.3' }),
      );
      const importArgv = importLine!.trim().replace('<solution.zip>', 'contoso.zip').split(' ').slice(2);
      expect(await runCli(importArgv, io)).toBe(0);
      const exportArgv = banner
        .split('\n')
        .find((line) => line.startsWith('  npx connector-alm export '))!
        .trim()
        .replace('<solution>', 'ContosoTasks')
        .split(' ')
        .slice(2);
      expect(await runCli([...exportArgv, '-o', 'out.zip', '--no-publish'], io)).toBe(0);
      expect(existsSync(path.join(io.cwd, 'out.zip'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  // With the fixtures' folder, the first name was a managed solution's, and the line printed failed.
  it('puts an unmanaged solution in the export line, which runs as printed, when a managed one sorts first', async () => {
    const folder = path.join(folders.make(), 'solutions');
    mkdirSync(folder);
    writeFileSync(
      path.join(folder, 'Azure.zip'),
      buildSolutionZip({ uniqueName: 'AzureOpenAIService', version: '1.0.0.1', managed: true }),
    );
    writeFileSync(
      path.join(folder, 'Contoso.zip'),
      buildSolutionZip({ uniqueName: 'ContosoTasks', version: '1.0.0.3' }),
    );
    const { server, banner } = await startDevServer(
      { solutions: folder, loginPort: 0, dataversePort: 0 },
      memoryIo(folders.make()),
    );
    try {
      const exportLine = banner.split('\n').find((line) => line.startsWith('  npx connector-alm export '));
      expect(exportLine).toBe('  npx connector-alm export ContosoTasks');
      const io = memoryIo(folders.make(), bannerVariables(banner));
      expect(await runCli([...exportLine!.trim().split(' ').slice(2), '--no-publish'], io)).toBe(0);
      expect(existsSync(path.join(io.cwd, 'ContosoTasks.zip'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('serving managed solutions only, says none can be exported and to import an unmanaged one', async () => {
    const folder = path.join(folders.make(), 'solutions');
    mkdirSync(folder);
    writeFileSync(
      path.join(folder, 'Azure.zip'),
      buildSolutionZip({ uniqueName: 'AzureOpenAIService', version: '1.0.0.1', managed: true }),
    );
    const { server, banner } = await startDevServer(
      { solutions: folder, loginPort: 0, dataversePort: 0 },
      memoryIo(folders.make()),
    );
    try {
      expect(banner).toContain(
        '\n  AzureOpenAIService 1.0.0.1 (managed)\n  No solution to export yet: a managed solution cannot be exported, here as in Dataverse.',
      );
      expect(banner).toContain(
        '\n  npx connector-alm import <solution.zip>\n  npx connector-alm export <solution>\n',
      );
    } finally {
      await server.close();
    }
  });

  it('serving an empty folder, says to import a solution, not to serve a folder', async () => {
    const folder = folders.make();
    const { server, banner } = await startDevServer(
      { solutions: folder, loginPort: 0, dataversePort: 0 },
      memoryIo(folders.make()),
    );
    try {
      expect(banner).toContain(
        `(0 solutions from ${folder})\n  No solution to export yet: the folder holds no solution zip. Import one (a zip that build-solution or pack wrote, or an export): it is kept in the folder.\n`,
      );
      expect(banner).not.toContain('--solutions <folder>');
    } finally {
      await server.close();
    }
  });

  // A mistyped --solutions (solutons for solutions) made that folder and served nothing from it: the
  // banner's "0 solutions from …/solutons" was all that told the maker.
  it('refuses a --solutions folder that does not exist, and makes none', async () => {
    const cwd = folders.make();
    mkdirSync(path.join(cwd, 'solutions'));
    // Closed if it started after all (before, it made the folder and served it).
    const refused = await startDevServer(
      { solutions: 'solutons', loginPort: 0, dataversePort: 0 },
      memoryIo(cwd),
    ).then(
      ({ server }) => server.close(),
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(UsageError);
    expect(refused).toMatchObject({
      message: 'The --solutions folder does not exist.',
      location: { file: path.join(cwd, 'solutons') },
      hint: 'Give the folder that holds the solution zips to serve, or make it first to start from an empty one (the solutions you import are written to it), or leave --solutions out to keep them in memory.',
    });
    expect(readdirSync(cwd)).toEqual(['solutions']);
  });

  // "solutons: error: does not exist." named the path, not the option it was given to.
  it('names --solutions when it refuses its folder, exit 2', async () => {
    const io = memoryIo(folders.make());
    writeFileSync(path.join(io.cwd, 'solutions.zip'), '');
    expect(await runCli(['dev-server', '--solutions', 'solutons'], io)).toBe(2);
    expect(await runCli(['dev-server', '--solutions', 'solutions.zip'], io)).toBe(2);
    // The file's hint is for a file: "make it first" fits only a folder that is missing.
    expect(io.err()).toBe(
      'solutons: error: The --solutions folder does not exist. Give the folder that holds the solution zips to serve, or make it first to start from an empty one (the solutions you import are written to it), or leave --solutions out to keep them in memory.\n' +
        'solutions.zip: error: The --solutions path is a file, not a folder. Give the folder that holds the solution zips to serve, this file among them if it is one, or leave --solutions out to keep the solutions in memory.\n',
    );
  });

  it('names the file in the way of a --solutions folder below it', async () => {
    const io = memoryIo(folders.make());
    writeFileSync(path.join(io.cwd, 'solutions'), '');
    expect(await runCli(['dev-server', '--solutions', 'solutions/contoso'], io)).toBe(2);
    expect(io.err()).toMatch(
      /^solutions: error: is a file, not a folder, so contoso cannot be read inside it\. Give --solutions a folder whose path runs through folders only, or move the file out of the way/,
    );
    // "Make it first" cannot be done while the file is there.
    expect(io.err()).not.toContain('make it first');
  });

  it('says which zips of the folder it does not serve, and why', async () => {
    const folder = solutionsFolder();
    writeFileSync(path.join(folder, 'notes.zip'), 'not a zip');
    const { server, banner } = await startDevServer(
      { solutions: folder, loginPort: 0, dataversePort: 0 },
      memoryIo(folders.make()),
    );
    try {
      expect(banner).toMatch(/\n {2}not served: notes\.zip: is not a zip file\. Give a solution \.zip .*\n/);
      expect(banner).toContain('(2 solutions from ');
    } finally {
      await server.close();
    }
  });

  it('names a zip it leaves out for another of the same solution, older or the same version', async () => {
    const folder = solutionsFolder();
    // An export kept beside a later import of the same solution, and a copy of that import.
    writeFileSync(
      path.join(folder, 'ContosoTasks.zip'),
      buildSolutionZip({ uniqueName: 'ContosoTasks', version: '1.0.0.4' }),
    );
    writeFileSync(
      path.join(folder, 'ContosoTasks_copy.zip'),
      buildSolutionZip({ uniqueName: 'ContosoTasks', version: '1.0.0.4' }),
    );
    const { server, banner } = await startDevServer(
      { solutions: folder, loginPort: 0, dataversePort: 0 },
      memoryIo(folders.make()),
    );
    try {
      expect(banner).toContain('\n  ContosoTasks 1.0.0.4, FabrikamConnectors 2.1.0.0 (managed)\n');
      expect(banner).toContain(
        "\n  not served: ContosoTasks_1_0_0_3.zip: an older version (1.0.0.3) of solution 'ContosoTasks' than ContosoTasks.zip (1.0.0.4), which is served.\n",
      );
      expect(banner).toContain(
        "\n  not served: ContosoTasks_copy.zip: the same version (1.0.0.4) of solution 'ContosoTasks' as ContosoTasks.zip, which is served.\n",
      );
    } finally {
      await server.close();
    }
  });

  it('names the zip it serves, the newest, beside each older zip of the same solution', async () => {
    const folder = folders.make();
    for (const version of ['1.0.0.1', '1.0.0.2', '1.0.0.3']) {
      writeFileSync(
        path.join(folder, `Contoso_${version.replaceAll('.', '_')}.zip`),
        buildSolutionZip({ uniqueName: 'Contoso', version }),
      );
    }
    const { server, banner } = await startDevServer(
      { solutions: folder, loginPort: 0, dataversePort: 0 },
      memoryIo(folders.make()),
    );
    try {
      expect(banner).toContain('\n  Contoso 1.0.0.3\n');
      for (const version of ['1.0.0.1', '1.0.0.2']) {
        expect(banner).toContain(
          `\n  not served: Contoso_${version.replaceAll('.', '_')}.zip: an older version (${version}) of solution 'Contoso' than Contoso_1_0_0_3.zip (1.0.0.3), which is served.\n`,
        );
      }
    } finally {
      await server.close();
    }
  });

  it('accepts the certificate of --client-certificate, and export signs in with that file as the banner says', async () => {
    const cwd = folders.make();
    writeFileSync(path.join(cwd, 'cert.pem'), createTestCertificate().pem);
    const { server, banner } = await startDevServer(
      { solutions: solutionsFolder(), clientCertificate: 'cert.pem', loginPort: 0, dataversePort: 0 },
      memoryIo(cwd),
    );
    try {
      const certificateLine = banner.split('\n').find((line) => line.includes('--client-certificate'));
      expect(certificateLine).toBe(
        `  npx connector-alm export ContosoTasks --client-certificate ${path.join(cwd, 'cert.pem')}`,
      );
      expect(banner).toContain('\n  unset CONNECTOR_ALM_CLIENT_SECRET\n');
      const { CONNECTOR_ALM_CLIENT_SECRET: secret, ...withoutSecret } = bannerVariables(banner);
      expect(secret).toBeDefined();
      const io = memoryIo(folders.make(), withoutSecret);
      const argv = certificateLine!.trim().split(' ').slice(2);
      expect(await runCli([...argv, '-o', 'out.zip', '--no-publish'], io)).toBe(0);
      expect(io.err()).toBe('');
      expect(existsSync(path.join(io.cwd, 'out.zip'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('refuses a --client-certificate file that holds no certificate, at that file, exit 2 as export does', async () => {
    const cwd = folders.make();
    writeFileSync(
      path.join(cwd, 'key.pem'),
      '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n',
    );
    const io = memoryIo(cwd);
    expect(await runCli(['dev-server', '--client-certificate', 'key.pem'], io)).toBe(2);
    expect(io.err()).toBe(
      'key.pem: error: holds no X.509 certificate in PEM (-----BEGIN CERTIFICATE-----). Give --client-certificate the PEM file that export and import sign in with (a .pfx converts with openssl pkcs12 -in cert.pfx -out cert.pem -nodes).\n',
    );
    expect(io.err()).not.toContain('MIIB');
  });

  it('refuses a --client-certificate file that does not exist, exit 2', async () => {
    const io = memoryIo(folders.make());
    expect(await runCli(['dev-server', '--client-certificate', 'cert.pem'], io)).toBe(2);
    expect(io.err()).toMatch(
      /^cert\.pem: error: The certificate file does not exist\. Give --client-certificate/,
    );
  });

  it('refuses a --dataverse-port another program listens on, exit 2, and frees the login port it had taken', async () => {
    const taken = await listening();
    const loginPort = await freePort();
    try {
      const io = memoryIo(folders.make());
      const code = await runCli(
        ['dev-server', '--login-port', String(loginPort), '--dataverse-port', String(taken.port)],
        io,
      );
      expect(io.err()).toBe(
        `error: --dataverse-port ${taken.port} is in use on 127.0.0.1: another program (or another dev-server) listens on it. Give another port, or leave the option out to take a free one.\n`,
      );
      expect(code).toBe(2);
      // The login host had started: left listening, it would keep the command from ever exiting.
      const again = await listening(loginPort);
      await again.close();
    } finally {
      await taken.close();
    }
  });

  it('refuses a --login-port another program listens on, exit 2', async () => {
    const taken = await listening();
    try {
      const io = memoryIo(folders.make());
      expect(await runCli(['dev-server', '--login-port', String(taken.port)], io)).toBe(2);
      expect(io.err()).toMatch(
        new RegExp(`^error: --login-port ${taken.port} is in use on 127\\.0\\.0\\.1: another program`),
      );
    } finally {
      await taken.close();
    }
  });

  // Listening on a port below 1024 fails with EACCES for a normal user only; these tests run as root
  // too, where it succeeds. The refusal is made from the error Node gives (code and port).
  it('refuses a port that needs administrator rights (EACCES) as the option that chose it', () => {
    const error = Object.assign(new Error('listen EACCES: permission denied 127.0.0.1:80'), {
      code: 'EACCES',
      port: 80,
    });
    const refusal = portRefusal(error, { loginPort: 0, dataversePort: 80 });
    // A UsageError: exit code 2.
    expect(refusal).toBeInstanceOf(UsageError);
    expect(refusal?.message).toBe(
      '--dataverse-port 80 cannot be listened on without administrator rights (ports below 1024 need them on most systems).',
    );
    expect(refusal?.hint).toBe('Give another port, or leave the option out to take a free one.');
    expect(portRefusal(error, { loginPort: 80, dataversePort: 0 })?.message).toMatch(/^--login-port 80 /);
  });

  it('refuses the same port for the login host and the environment, exit 2', async () => {
    const io = memoryIo(folders.make());
    expect(await runCli(['dev-server', '--login-port', '5000', '--dataverse-port', '5000'], io)).toBe(2);
    expect(io.err()).toBe(
      'error: --login-port and --dataverse-port are both 5000: the login host and the environment each need a port of their own. Give two ports, or leave one out to take a free one.\n',
    );
  });
});
