// In-memory deps for calling run() and runCli() directly in unit tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deps, OutputStream } from '../../src/cli/deps';

export interface CapturedStream extends OutputStream {
  text(): string;
}

export function captureStream(): CapturedStream {
  let buffer = '';
  return {
    write(chunk: string) {
      buffer += chunk;
      return true;
    },
    text: () => buffer,
  };
}

export interface FakeDeps extends Deps {
  stdout: CapturedStream;
  stderr: CapturedStream;
}

export function fakeDeps(overrides: Partial<Deps> = {}): FakeDeps {
  const home = mkdtempSync(join(tmpdir(), 'kgs-unit-'));
  return {
    stdout: captureStream(),
    stderr: captureStream(),
    now: () => new Date('2026-11-23T12:00:00Z'),
    configDir: () => join(home, 'config'),
    cacheDir: () => join(home, 'cache'),
    kube: async () => {
      throw new Error('this test has no cluster');
    },
    ...overrides,
    // Telemetry off unless a test turns it on (KUBECTL_GS_TELEMETRY_OPTOUT: ''): its first-run notice
    // would otherwise land on stderr in every test.
    env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1', ...(overrides.env ?? {}) },
  } as unknown as FakeDeps;
}
