// Two projects: `unit` (fast, in-process, fakes allowed) and `e2e` (the built executable through the
// real kubectl, a real kube-apiserver and a real HTTP receiver on loopback).
const transform = { '^.+\\.(ts|js|mjs)$': '<rootDir>/test/support/esbuild-transform.cjs' };
const common = {
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      // jest 29 takes testTimeout only at the top level; e2e tests get theirs here.
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/timeout.ts'],
      // One real kube-apiserver for the whole e2e run (test/e2e/support/env.ts reaches it).
      globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/e2e/support/globalTeardown.ts',
    },
    // `npm run test:release`: two full releases from clean clones (10-25 minutes), so not in `npm test`.
    { ...common, displayName: 'release', testMatch: ['<rootDir>/test/release/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/test/e2e/support/timeout.ts'] },
  ],
};
