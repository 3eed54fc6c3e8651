// Recognising the API server's answers in errors thrown by the Kubernetes client: KubeApiError
// (src/kube/errors.ts) carries the HTTP status in `code`; test doubles may use the other usual names.
export function httpStatusOf(err: unknown): number | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as Record<string, unknown>;
  for (const key of ['statusCode', 'status', 'httpStatus', 'code']) {
    const v = e[key];
    if (typeof v === 'number' && v >= 100 && v < 600) return v;
  }
  return undefined;
}

export const isNotFound = (err: unknown): boolean => httpStatusOf(err) === 404;
export const isForbidden = (err: unknown): boolean => httpStatusOf(err) === 403;
