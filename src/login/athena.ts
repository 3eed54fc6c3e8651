// Installation discovery through Athena, the installation's public GraphQL service (Go: pkg/installation
// and pkg/graphql): one POST of the GetInfo query below, byte for byte the Go tool's, as
// {"query": ...} JSON. The answer names the installation (codename, provider) and its Management API,
// issuer and CA. Requests time out after 15 s, as Go's client does.
import { UserError } from '../errors';
import { httpFetch, networkReason } from './http';
import { installationAddresses } from './installationUrl';

export const infoQuery = `
query GetInfo {
  identity {
    provider
    codename
  }

  kubernetes {
    apiUrl
    authUrl
    caCert
  }
}
`;

export interface Installation {
  k8sApiUrl: string;
  k8sInternalApiUrl: string;
  authUrl: string;
  provider: string;
  codename: string;
  caCert: string;
  sourcePath: string;
}

const requestTimeoutMs = 15_000;
const installationHint = 'make sure you\'re connected to the internet, OIDC authentication is configured for the Management API, and the Athena service is up and running';

export function unknownUrlMessage(path: string): string {
  return `'${path}' is not a valid Giant Swarm Management API URL. Please check the spelling. If not sure, pass the web UI URL of the installation or the installation handle as an argument instead.`;
}

/** Go's installation.New: Athena's GetInfo for the installation at `fromUrl`. */
export async function fetchInstallation(fromUrl: string, customAthenaUrl = ''): Promise<Installation> {
  const addresses = installationAddresses(fromUrl);
  if (!addresses) throw new UserError(unknownUrlMessage(fromUrl));
  const athenaUrl = `${customAthenaUrl || addresses.athenaUrl}/graphql`;
  let data: unknown;
  try {
    data = await executeQuery(athenaUrl, infoQuery);
  } catch (err) {
    throw new UserError(`cannot get installation information from ${athenaUrl}: ${(err as Error).message}; ${installationHint}`);
  }
  const info = (data ?? {}) as { identity?: Record<string, unknown>; kubernetes?: Record<string, unknown> };
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    k8sApiUrl: s(info.kubernetes?.apiUrl),
    k8sInternalApiUrl: `https://${addresses.internalPath}`,
    authUrl: s(info.kubernetes?.authUrl),
    provider: s(info.identity?.provider),
    codename: s(info.identity?.codename),
    caCert: s(info.kubernetes?.caCert),
    sourcePath: fromUrl,
  };
}

/** Go's graphql.ClientImpl.ExecuteQuery: non-200 is an error, GraphQL errors are joined with ", ", no data is an error. */
export async function executeQuery(url: string, query: string): Promise<unknown> {
  let response: Response;
  try {
    response = await httpFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Go's json.Encoder ends the body with a newline.
      body: JSON.stringify({ query }) + '\n',
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
  } catch (err) {
    throw new Error(networkReason(err));
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`HTTP status ${response.status}`);
  }
  let body: { data?: unknown; errors?: Array<{ message?: string }> };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new Error('the answer is not JSON');
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) throw new Error(body.errors.map((e) => e.message ?? '').join(', '));
  if (body.data === undefined || body.data === null) throw new Error('empty response');
  return body.data;
}
