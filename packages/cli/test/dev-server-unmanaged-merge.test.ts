import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { startLocalServer, type LocalServer } from '@connector-alm/dataverse';
import { describeWith, SOLUTION_FIXTURES, temporaryFolders } from '@connector-alm/testing';
import { runCli } from '../src/program.js';
import { localServerEnv } from './local-server-env.js';
import { memoryIo } from './memory-io.js';

// The maker's round trip on dev-server with a real export: a solution with a canvas app beside its
// connector, the connector extracted, edited and built back with build-solution --existing (which
// leaves the app out), imported, exported and unpacked. Dataverse keeps the app; so must the local
// server, or the unpacked solution shows the app deleted.

const ZIP = path.join(SOLUTION_FIXTURES, 'InstagramBasicDisplay/InstagramBasicDisplay.zip');
const APP_ID = '5c4d3e2f-1111-4222-8333-944455556666';
const SECRET = 'dev-server-unmanaged-merge-secret';
const folders = temporaryFolders('cli-unmanaged-merge-');

let server: LocalServer;
beforeAll(async () => {
  if (!existsSync(ZIP)) return;
  server = await startLocalServer({
    apps: [{ clientId: APP_ID, secret: SECRET }],
    solutions: [new Uint8Array(readFileSync(ZIP))],
    // The export job is done at its first status read: what the round trip keeps is this file's
    // subject, the wait for a job packages/dataverse's tests'. The default 3 reads cost the export 3 s.
    asyncPolls: 1,
  });
});
afterAll(async () => {
  await server?.close();
  folders.cleanup();
});

describeWith(SOLUTION_FIXTURES, 'InstagramBasicDisplay')('dev-server and a connector-only import', () => {
  it('exports the canvas app the import lacked, with the connector as the import brought it', async () => {
    const cwd = folders.make();
    const env = localServerEnv(server, APP_ID, SECRET);
    const cli = async (...argv: string[]) => {
      const io = memoryIo(cwd, env);
      const code = await runCli(argv, io);
      return { code, out: io.out(), err: io.err() };
    };
    expect(await cli('extract-connectors', ZIP, 'custom-connectors')).toMatchObject({ code: 0, err: '' });
    const [connector] = readdirSync(path.join(cwd, 'custom-connectors'));
    const built = await cli(
      'build-solution',
      `custom-connectors/${connector}`,
      '--out',
      'connector.zip',
      '--existing',
      ZIP,
    );
    expect(built).toMatchObject({ code: 0, err: '' });
    const entries = Object.keys(unzipSync(new Uint8Array(readFileSync(path.join(cwd, 'connector.zip')))));
    expect(entries.filter((name) => name.startsWith('CanvasApps/'))).toEqual([]);

    expect(await cli('import', 'connector.zip')).toMatchObject({ code: 0, err: '' });
    expect(await cli('export', 'InstagramFeed', '-o', 'exported.zip')).toMatchObject({ code: 0 });
    const exported = unzipSync(new Uint8Array(readFileSync(path.join(cwd, 'exported.zip'))));
    const builtEntries = unzipSync(new Uint8Array(readFileSync(path.join(cwd, 'connector.zip'))));
    expect(
      Object.keys(exported)
        .filter((name) => name.startsWith('CanvasApps/'))
        .sort(),
    ).toEqual([
      'CanvasApps/cr715_instagramposts_bc759_BackgroundImageUri',
      'CanvasApps/cr715_instagramposts_bc759_DocumentUri.msapp',
    ]);
    // Each component once: the connector as the import brought it, the app as the solution had it.
    const customizations = Buffer.from(exported['customizations.xml']!).toString('utf8');
    expect(customizations.match(/<Connector>/g)).toHaveLength(1);
    expect(customizations.match(/<CanvasApp>/g)).toHaveLength(1);
    for (const name of Object.keys(builtEntries).filter((entry) => entry.startsWith('Connector/')))
      expect(Buffer.from(exported[name]!).equals(Buffer.from(builtEntries[name]!))).toBe(true);

    const unpacked = await cli('unpack', 'exported.zip', 'solutions/InstagramFeed');
    expect(unpacked.code).toBe(0);
    const solution = readFileSync(path.join(cwd, 'solutions/InstagramFeed/Other/Solution.xml'), 'utf8');
    expect(solution).toContain('schemaName="cr715_instagramposts_bc759"');
    expect(solution).toContain('schemaName="cr715_5Finstagrampost"');
    expect(existsSync(path.join(cwd, 'solutions/InstagramFeed/CanvasApps'))).toBe(true);
  });
});
