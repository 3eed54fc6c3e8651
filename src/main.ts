// Entry point of the executable. Kept tiny: everything is loaded on demand.
import { realDeps } from './cli/deps';
import { runCli } from './cli/run';

async function main(): Promise<void> {
  const deps = realDeps();
  const code = await runCli(process.argv.slice(2), deps);
  await Promise.all([deps.stdout.drain?.(), deps.stderr.drain?.()]);
  // Exit at once: open keep-alive sockets or a telemetry request still waiting for its answer must not
  // hold the user's shell.
  process.exit(code);
}

/** What the build's warm-up (scripts/warm-up.cjs) runs commands with, to make the code cache (src/seaMain.ts). */
export interface WarmUpApp {
  runCli: typeof runCli;
  realDeps: typeof realDeps;
}

const warmUp = (globalThis as { __kgsWarmUp?: (app: WarmUpApp) => void }).__kgsWarmUp;
if (warmUp) {
  // Only the build sets this: it runs commands in this process instead of the one in process.argv.
  warmUp({ runCli, realDeps });
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
