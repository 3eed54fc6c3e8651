// Jest globalTeardown of the e2e project: stops the server globalSetup started (not one that was reused).
import { rmSync } from 'node:fs';
import type { ApiServer } from './apiserver';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __kgsE2e?: { server: ApiServer; factsDir: string } }).__kgsE2e;
  if (!state) return;
  await state.server.stop();
  rmSync(state.factsDir, { recursive: true, force: true });
  delete process.env.KGS_E2E_APISERVER;
}
