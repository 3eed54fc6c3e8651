// What a command's run() may touch in the world, as types every room may use (the CLI makes the real
// ones: src/cli/deps.ts; tests pass fakes).
import type { ConnectionFlags, KubeClient } from './kube';

export interface OutputStream {
  write(chunk: string): boolean;
  /** Resolves once everything written so far has been handed to the OS (for large outputs). */
  drain?(): Promise<void>;
  isTTY?: boolean;
}

export interface Deps {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  /** The current time; injectable so ages and durations can be tested. */
  now(): Date;
  /** The directory for per-user configuration (XDG_CONFIG_HOME/kubectl-gs by default). */
  configDir(): string;
  /** The directory for caches (XDG_CACHE_HOME/kubectl-gs by default). */
  cacheDir(): string;
  /**
   * Builds a Kubernetes client from the global connection flags. Loaded lazily so that commands that
   * never talk to a cluster never load the client code.
   */
  kube(global: ConnectionFlags & { debug?: boolean }): Promise<KubeClient>;
  /**
   * How to run this program again (the telemetry spool flusher starts it in the background). Absent in
   * tests, where nothing is spawned.
   */
  self?(): { command: string; args: string[] };
}
