import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  closeValidationWorkers,
  releaseWorker,
  takeWorker,
  WORKER_YOUNG_GENERATION_MB,
} from '../../src/parallel/idle-workers.js';
import { validateFoldersInParallel } from '../../src/parallel/pool.js';
import { validatePaths } from '../../src/validate.js';
import { secretIdentityKey } from '../../src/rules/general-secrets/secret-identity.js';
import type { ConnectorResult } from '../../src/connector-result.js';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { buildValidationWorker } from '../../../../scripts/validation-worker.mjs';
import { CORPUS_DIR, corpusAvailable } from '../helpers/fixture.js';
import { validApiProperties, validSwagger } from '../helpers/valid-connector.js';

// A worker cannot load TypeScript sources, so the worker bundle is built here from the current
// sources, as scripts/build.mjs builds it for dist/.
let scratch: string;
let workerScript: string;
let tree: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'connector-alm-parallel-'));
  workerScript = path.join(scratch, 'validate-worker.cjs');
  await buildValidationWorker(workerScript);
  tree = path.join(scratch, 'repo');
  // Folders that differ in findings and profiles, so that a result put in the wrong place shows.
  for (let i = 0; i < 7; i++) {
    const top = i % 2 === 0 ? 'certified-connectors' : 'independent-publisher-connectors';
    const folder = path.join(tree, top, `Contoso ${i}`);
    mkdirSync(folder, { recursive: true });
    const swagger = validSwagger();
    swagger.info.title = `Contoso ${i}`;
    if (i % 3 === 1) delete swagger.info.description;
    if (i % 3 === 2) swagger.paths['/tasks'].get.operationId = `list tasks ${i}`;
    // A secret, whose identity a worker must make with the main thread's key for the results to agree
    // (built from pieces so that no secret-shaped literal is committed).
    if (i === 0)
      swagger.info.description = `Call https://api.example.com/v1/items?api_key=${'9f8c2e7d' + '4b1a6f3e0c5d8b2a7e4f1c6d'}.`;
    writeFileSync(path.join(folder, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
    writeFileSync(path.join(folder, 'apiProperties.json'), JSON.stringify(validApiProperties(), null, 2));
  }
  writeFileSync(path.join(tree, 'certified-connectors', 'Contoso 4', 'settings.json'), '{ "title": ');
}, 60_000);

afterAll(async () => {
  await closeValidationWorkers();
  rmSync(scratch, { recursive: true, force: true });
});

describe('validating on worker threads', () => {
  it('gives the same results, in the same order, as one thread', async () => {
    const serial = await validatePaths([tree], { cwd: tree, concurrency: 'off' });
    const seen: string[] = [];
    const parallel = await validatePaths([tree], {
      cwd: tree,
      concurrency: 3,
      workerScript,
      onConnector: (result) => seen.push(result.path),
    });
    expect(serial.findings.length).toBeGreaterThan(0);
    expect(serial.findings.find((finding) => finding.ruleId === 'GEN-SECRETS')?.identity).toBeDefined();
    expect(parallel).toEqual(serial);
    expect(seen).toEqual(serial.connectors.map((connector) => connector.path));
  });

  it('keeps the workers of a run for the next one', async () => {
    await closeValidationWorkers();
    await validatePaths([tree], { cwd: tree, concurrency: 2, workerScript });
    const kept = [takeWorker(workerScript), takeWorker(workerScript)];
    const fresh = takeWorker(workerScript);
    expect(Math.max(...kept.map((worker) => worker.threadId))).toBeLessThan(fresh.threadId);
    // Started with room for a connector's parsed swagger in the young generation.
    expect(fresh.resourceLimits?.maxYoungGenerationSizeMb).toBe(WORKER_YOUNG_GENERATION_MB);
    for (const worker of [...kept, fresh]) releaseWorker(workerScript, worker);
    const again = await validatePaths([tree], { cwd: tree, concurrency: 3, workerScript });
    expect(again).toEqual(await validatePaths([tree], { cwd: tree, concurrency: 'off' }));
  });

  it('passes the configuration and a forced profile to the workers', async () => {
    const options = {
      cwd: tree,
      profile: 'custom' as const,
      config: { rules: { 'SWG-INFO-DESC-REQ': 'off' as const }, ignore: [] },
    };
    const serial = await validatePaths([tree], { ...options, concurrency: 'off' });
    const parallel = await validatePaths([tree], { ...options, concurrency: 2, workerScript });
    const withoutConfig = await validatePaths([tree], { cwd: tree, concurrency: 2, workerScript });
    const described = (findings: { ruleId: string }[]) =>
      findings.filter((finding) => finding.ruleId === 'SWG-INFO-DESC-REQ').length;
    expect(described(withoutConfig.findings)).toBeGreaterThan(0);
    expect(described(parallel.findings)).toBe(0);
    expect(parallel.connectors.every((connector) => connector.profile === 'custom')).toBe(true);
    expect(parallel).toEqual(serial);
  });

  it('passes what git ignores in each folder to the workers', async () => {
    const repo = path.join(scratch, 'git-repo');
    cpSync(tree, repo, { recursive: true });
    execFileSync('git', ['init', '--quiet'], { cwd: repo });
    writeFileSync(path.join(repo, '.gitignore'), 'settings.json\n');
    const notes = (result: { findings: { ruleId: string; file: string }[] }) =>
      result.findings
        .filter((finding) => finding.file.endsWith('settings.json'))
        .map((finding) => finding.ruleId);
    for (const gitIgnored of ['mark', 'leave-out'] as const) {
      const serial = await validatePaths(['.'], { cwd: repo, concurrency: 'off', gitIgnored });
      const parallel = await validatePaths(['.'], { cwd: repo, concurrency: 2, workerScript, gitIgnored });
      expect(parallel).toEqual(serial);
      // Contoso 4's settings.json does not parse: checked as it is on disk, but no SET-NOT-IN-PR.
      expect(notes(serial)).toEqual(gitIgnored === 'mark' ? ['GEN-JSON-PARSE'] : []);
    }
  });

  it("fails with the caller's error when its onConnector callback throws", async () => {
    const failing = () => {
      throw new Error('progress output closed');
    };
    await expect(
      validatePaths([tree], { cwd: tree, concurrency: 2, workerScript, onConnector: failing }),
    ).rejects.toThrow('progress output closed');
    await expect(
      validatePaths([tree], { cwd: tree, concurrency: 'off', onConnector: failing }),
    ).rejects.toThrow('progress output closed');
  });

  it('fails with the folder problem when a worker cannot read a folder', async () => {
    const missing = path.join(tree, 'certified-connectors', 'Gone');
    await expect(
      validateFoldersInParallel(
        [missing],
        { cwd: tree, config: { rules: {}, ignore: [] }, secretIdentityKey: secretIdentityKey() },
        {
          workerScript,
          workers: 1,
        },
      ),
    ).rejects.toThrow(/ENOENT/);
  });

  it('runs on the workers only when asked for more than one thread', async () => {
    const broken = path.join(scratch, 'broken-worker.cjs');
    writeFileSync(broken, 'throw new Error("cannot load");');
    await expect(validatePaths([tree], { cwd: tree, concurrency: 2, workerScript: broken })).rejects.toThrow(
      /A validation worker failed/,
    );
    const onThisThread = await validatePaths([tree], { cwd: tree, concurrency: 'off', workerScript: broken });
    expect(onThisThread.connectors).toHaveLength(7);
  });

  it('fails clearly, and settles, when no worker thread can be made', async () => {
    // A bare relative path is refused by the Worker constructor itself, as a process limit on
    // threads (EAGAIN) is: synchronously, before any worker exists.
    await expect(
      validateFoldersInParallel(
        [tree],
        { cwd: tree, config: { rules: {}, ignore: [] }, secretIdentityKey: secretIdentityKey() },
        { workerScript: 'validate-worker.cjs', workers: 2 },
      ),
    ).rejects.toThrow(/Could not start a validation worker: .*absolute path/);
  });

  it('fails clearly when a folder cannot be sent to a worker', async () => {
    // A library caller's configuration with a function in it does not survive the structured clone.
    const config = { rules: {}, ignore: [], describe: () => 'not data' };
    await expect(
      validateFoldersInParallel(
        [tree],
        { cwd: tree, config, secretIdentityKey: secretIdentityKey() },
        { workerScript, workers: 2 },
      ),
    ).rejects.toThrow(/Could not send a folder to a validation worker: .*could not be cloned/);
  });

  it('sends each worker its next folder before it has answered the one it is on', async () => {
    // A real worker that answers a folder only once the next one has arrived, or after a second
    // without one (the last folders of the run): it names each answer after what it saw.
    const eager = path.join(scratch, 'queue-watching-worker.cjs');
    writeFileSync(
      eager,
      `const { parentPort } = require('node:worker_threads');
      const waiting = [];
      const answer = (task, seen) => parentPort.postMessage({
        index: task.index,
        result: { path: task.folder, name: seen, profile: 'custom', findings: [] },
      });
      parentPort.on('message', (task) => {
        const previous = waiting.shift();
        if (previous) { clearTimeout(previous.timer); answer(previous.task, 'next queued'); }
        waiting.push({ task, timer: setTimeout(() => { waiting.shift(); answer(task, 'alone'); }, 1000) });
      });`,
    );
    const folders = Array.from({ length: 8 }, (_, index) => `folder ${index}`);
    const results = await validateFoldersInParallel(
      folders,
      { cwd: tree, config: { rules: {}, ignore: [] }, secretIdentityKey: secretIdentityKey() },
      { workerScript: eager, workers: 2 },
    );
    expect(results.map((result) => result.path)).toEqual(folders);
    // Only each worker's last folder has nothing queued behind it.
    const alone = results.filter((result) => result.name === 'alone');
    expect(alone).toHaveLength(2);
  }, 20_000);

  it("sends the run's setup once to each worker, with its first folder", async () => {
    // A real worker that names each answer after whether its task carried a setup, and which.
    const telling = path.join(scratch, 'setup-telling-worker.cjs');
    writeFileSync(
      telling,
      `const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (task) => parentPort.postMessage({
        index: task.index,
        result: { path: task.folder, name: task.setup ? task.setup.cwd : 'none', profile: 'custom', findings: [] },
      }));`,
    );
    const folders = Array.from({ length: 9 }, (_, index) => `folder ${index}`);
    const run = async (cwd: string) =>
      (
        await validateFoldersInParallel(
          folders,
          { cwd, config: { rules: {}, ignore: [] }, secretIdentityKey: secretIdentityKey() },
          { workerScript: telling, workers: 2 },
        )
      ).map((result) => result.name);
    const first = await run('run one');
    expect(first.filter((name) => name === 'run one')).toHaveLength(2);
    expect(first.filter((name) => name === 'none')).toHaveLength(7);
    // Workers kept from the first run get the second run's setup, again once each.
    const second = await run('run two');
    expect(second.filter((name) => name === 'run two')).toHaveLength(2);
    expect(second.filter((name) => name === 'none')).toHaveLength(7);
  });

  it('fails clearly when a worker cannot start', async () => {
    const broken = path.join(scratch, 'broken-worker.cjs');
    writeFileSync(broken, 'throw new Error("cannot load");');
    const results: ConnectorResult[] = [];
    await expect(
      validateFoldersInParallel(
        [tree],
        { cwd: tree, config: { rules: {}, ignore: [] }, secretIdentityKey: secretIdentityKey() },
        {
          workerScript: broken,
          workers: 2,
          onConnector: (result) => results.push(result),
        },
      ),
    ).rejects.toThrow(/A validation worker failed: cannot load/);
    expect(results).toEqual([]);
  });
});

(corpusAvailable ? describe : describe.skip)('the corpus on worker threads', () => {
  it('gives exactly the findings of a run on one thread', async () => {
    const serial = await validatePaths([CORPUS_DIR], { cwd: CORPUS_DIR, concurrency: 'off' });
    const parallel = await validatePaths([CORPUS_DIR], { cwd: CORPUS_DIR, concurrency: 2, workerScript });
    expect(parallel.connectors.length).toBe(373);
    expect(parallel).toEqual(serial);
  }, 120_000);
});
