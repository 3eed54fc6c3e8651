// Which kind of address the user gave `kubectl gs login`, and where that installation's Athena is, exactly
// as the Go tool decides (pkg/installation/url.go): a Management API URL (g8s.<base> or api.<base>), a
// workload cluster API URL (api.<id>.k8s.<base>), a web UI URL (happa.<base>), or an IP address with a
// port. Athena is https://athena.<base> (for an IP address: the address itself), its GraphQL at /graphql.

export type UrlType = 'invalid' | 'k8sApi' | 'happa' | 'wcK8sApi' | 'ipAddress';

const k8sApiRegexp = /([^.]*)g8s.*$/;
const wcK8sApiRegexp = /^api\.[0-9a-zA-Z]{5,10}\.k8s.*$/;
const ipAddressRegexp = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(:[0-9]+)$/;

const hostOnly = (u: string) => u.split(':')[0];

export function urlType(u: string): UrlType {
  if (ipAddressRegexp.test(u)) return 'ipAddress';
  if (u.includes('happa.')) return 'happa';
  if (wcK8sApiRegexp.test(hostOnly(u))) return 'wcK8sApi';
  const h = hostOnly(u);
  if (k8sApiRegexp.test(h) || h.startsWith('api.')) return 'k8sApi';
  return 'invalid';
}

export interface InstallationAddresses {
  basePath: string;
  /** internal-<host>: Go's --internal-api host (without scheme). */
  internalPath: string;
  athenaUrl: string;
  type: UrlType;
}

/** Go's GetBaseAndInternalPath, or undefined for an address of unknown type (Go's unknownUrlTypeError). */
export function installationAddresses(input: string): InstallationAddresses | undefined {
  const u = /^http(s)?:\/\/.*$/.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.replace(/:$/, '') || 'https';
  const host = url.host; // Go's URL.Host: host[:port]
  const type = urlType(host);
  const sanitized = (h: string) => {
    const parts = hostOnly(h).split('.');
    return parts.slice(1).join('.');
  };
  const internal = (h: string) => `internal-${hostOnly(h)}`;
  const athena = (base: string) => (type === 'ipAddress' ? `${scheme}://${base}` : `${scheme}://athena.${base}`);
  switch (type) {
    case 'wcK8sApi': {
      const base = sanitized(host);
      return { basePath: base, internalPath: internal(host), athenaUrl: athena(base), type };
    }
    case 'k8sApi': {
      const m = k8sApiRegexp.exec(host);
      const base = m ? m[0] : sanitized(host);
      return { basePath: base, internalPath: internal(base), athenaUrl: athena(base), type };
    }
    case 'happa': {
      const base = host.split('happa.').join('');
      return { basePath: base, internalPath: internal(base), athenaUrl: athena(base), type };
    }
    case 'ipAddress':
      return { basePath: host, internalPath: host, athenaUrl: athena(host), type };
    default:
      return undefined;
  }
}
