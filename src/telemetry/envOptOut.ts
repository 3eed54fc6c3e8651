// The environment opt-outs. Kept in a module of its own with no imports, so src/cli/run.ts can check
// them without loading any other telemetry code.

/** True when KUBECTL_GS_TELEMETRY_OPTOUT is set to anything, or DO_NOT_TRACK is 1/true. */
export function optedOutByEnv(env: NodeJS.ProcessEnv): boolean {
  if (env.KUBECTL_GS_TELEMETRY_OPTOUT) return true;
  const dnt = (env.DO_NOT_TRACK ?? '').trim().toLowerCase();
  return dnt === '1' || dnt === 'true';
}
