// Helm timeouts as the App CRD accepts them (pattern ^([0-9]+(\.[0-9]+)?(ms|s|m))+$): Go duration input
// such as 90s, 5m or 1h30m is normalized to minutes and seconds, e.g. "6m0s", "90m0s".
const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Helm timeout in ms: unsigned decimals with ms|s|m|h only (no sign, no ns/us), as the App CRD's pattern
 *  allows; undefined otherwise. kube's parseGoTimeDuration is the full Go syntax, for --request-timeout. */
export function parseHelmTimeoutDuration(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * unitMs[m[2]];
    consumed = re.lastIndex;
  }
  return consumed === text.length && text.length > 0 ? total : undefined;
}

export function formatTimeout(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const rest = ms - minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = Math.round(rest - seconds * 1000);
  if (millis > 0) return `${minutes > 0 ? `${minutes}m` : ''}${seconds > 0 ? `${seconds}s` : ''}${millis}ms`;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
