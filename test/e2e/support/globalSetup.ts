// Jest globalSetup of the e2e project: ONE kube-apiserver for the whole run. Its facts go to a JSON file
// whose path is in KGS_E2E_APISERVER, which the test workers inherit (test/e2e/support/env.ts reads it).
// If KGS_E2E_APISERVER already names a facts file (a server someone keeps running between runs), it is reused.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer, type ApiServerFacts } from './apiserver';

export const factsEnv = 'KGS_E2E_APISERVER';

export default async function globalSetup(): Promise<void> {
  const existing = process.env[factsEnv];
  if (existing && existsSync(existing)) return;
  const server = await startApiServer();
  const { stop: _stop, ...facts } = server;
  const factsDir = mkdtempSync(join(tmpdir(), 'kgs-e2e-'));
  const factsFile = join(factsDir, 'apiserver.json');
  writeFileSync(factsFile, JSON.stringify(facts satisfies ApiServerFacts, null, 2));
  process.env[factsEnv] = factsFile;
  // globalTeardown runs in this same process and sees this global.
  (globalThis as { __kgsE2e?: { server: ApiServer; factsDir: string } }).__kgsE2e = { server, factsDir };
}
