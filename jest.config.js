/** Jest in ESM mode: the @actions/* and @octokit/* packages are ESM-only. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/test/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@connector-alm/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // As in every bundle (scripts/validation-worker.mjs): yazl's CRC-32 from Node's zlib.
    '^buffer-crc32$': '<rootDir>/packages/solution/src/zip/native-crc32.ts',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 60000,
  // Installs the Node.js the runner starts action bundles with, once per run (scripts/runner-node.mjs).
  globalSetup: '<rootDir>/scripts/jest-global-setup.mjs',
  // Fails a test that makes no assertion (expect.hasAssertions before each test).
  setupFilesAfterEnv: ['<rootDir>/scripts/jest-has-assertions.mjs'],
  // Jest's default is one worker fewer than the cores: on a 2-core runner that is one, and every suite
  // ran in turn. Most of the suites' time is waiting (child processes, local servers, git), which a
  // second worker overlaps.
  maxWorkers: '100%',
  // A worker is replaced once a suite leaves its heap above this. Without a limit each of the two
  // workers of a full run ended at 1.7-1.9 GB and took 320-390 ms to exit once told to (measured,
  // Node 20; no handle open): Jest force-exits a worker after 500 ms, so a slightly busier machine
  // printed "A worker process has failed to exit gracefully". With the limit a worker ends near
  // 250-430 MB and exits in under 100 ms, and the suites ran no slower (packages/validator and
  // core: 73 s, as without it).
  workerIdleMemoryLimit: '512MB',
};
