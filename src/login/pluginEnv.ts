// What the Go login writes into a kubeconfig's exec entry (cmd/login/auth.go oidcExec) and the credential
// plugin reads back (cmd/credentialplugin/runner.go): the same four variable names.
export const envIssuerUrl = 'KUBECTL_GS_OIDC_ISSUER_URL';
export const envClientId = 'KUBECTL_GS_OIDC_CLIENT_ID';
export const envIdToken = 'KUBECTL_GS_OIDC_ID_TOKEN';
export const envRefreshToken = 'KUBECTL_GS_OIDC_REFRESH_TOKEN';

export interface PluginSettings {
  issuerUrl: string;
  clientId: string;
  idToken: string;
  refreshToken: string;
}

/** The plugin's settings, or the one-line error Go gives when the issuer or client ID is missing. */
export function pluginSettings(env: NodeJS.ProcessEnv): PluginSettings | string {
  const issuerUrl = env[envIssuerUrl] ?? '';
  const clientId = env[envClientId] ?? '';
  if (!issuerUrl || !clientId) return `missing required environment variables: ${envIssuerUrl}, ${envClientId}`;
  return { issuerUrl, clientId, idToken: env[envIdToken] ?? '', refreshToken: env[envRefreshToken] ?? '' };
}
