// "1", "true", "yes", "on" (any case) turn a KUBECTL_GS_TELEMETRY_* switch on; anything else leaves it off.
export function flagsOn(value: string | undefined): boolean {
  return ['1', 'true', 'yes', 'on'].includes((value ?? '').trim().toLowerCase());
}
