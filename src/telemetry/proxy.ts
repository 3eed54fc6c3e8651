// Which proxy a request to the endpoint goes through, with the rules of Go's net/http
// (ProxyFromEnvironment): HTTPS_PROXY for https URLs, HTTP_PROXY for http ones (upper or lower case),
// NO_PROXY exceptions, and never a proxy for localhost or loopback addresses.
import { ipFamily } from './ip';

function envVar(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name] || env[name.toLowerCase()] || undefined;
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (ipFamily(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** One NO_PROXY entry: `*`, a host or IP (optionally with :port), `.domain` or `domain` (subdomains too). */
function matchesNoProxy(entry: string, host: string, port: string): boolean {
  let e = entry.trim().toLowerCase();
  if (!e) return false;
  if (e === '*') return true;
  let entryPort: string | undefined;
  const m = /^(.*):(\d+)$/.exec(e);
  if (m && !e.includes('::')) {
    e = m[1];
    entryPort = m[2];
  }
  e = e.replace(/^\[|\]$/g, '');
  if (entryPort && entryPort !== port) return false;
  if (e.startsWith('*.')) e = e.slice(1);
  if (e.startsWith('.')) return host.endsWith(e) || host === e.slice(1);
  return host === e || host.endsWith('.' + e);
}

export function proxyFor(endpoint: URL, env: NodeJS.ProcessEnv): URL | undefined {
  const host = endpoint.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isLoopback(host)) return undefined;
  const port = endpoint.port || (endpoint.protocol === 'https:' ? '443' : '80');
  const noProxy = envVar(env, 'NO_PROXY');
  if (noProxy && noProxy.split(',').some((entry) => matchesNoProxy(entry, host, port))) return undefined;
  const raw = endpoint.protocol === 'https:' ? envVar(env, 'HTTPS_PROXY') : envVar(env, 'HTTP_PROXY');
  if (!raw) return undefined;
  try {
    // Go accepts "host:port" without a scheme and treats it as http://.
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return undefined;
  }
}
