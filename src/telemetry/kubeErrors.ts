// The HTTP status behind an error thrown by the Kubernetes client, whatever its shape: telemetry codes
// against the KubeClient interface only, which does not fix an error type.
export function statusOf(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as Record<string, unknown>;
  for (const key of ['statusCode', 'status', 'code']) {
    const v = e[key];
    if (typeof v === 'number' && v >= 100 && v < 600) return v;
  }
  const response = e.response as Record<string, unknown> | undefined;
  if (response && typeof response.statusCode === 'number') return response.statusCode;
  const message = typeof e.message === 'string' ? e.message : '';
  if (/\bforbidden\b|\b403\b/i.test(message)) return 403;
  if (/\bnot ?found\b|\b404\b/i.test(message)) return 404;
  if (/\bunauthori[sz]ed\b|\b401\b/i.test(message)) return 401;
  if (/\bconflict\b|already exists|\b409\b/i.test(message)) return 409;
  return undefined;
}
