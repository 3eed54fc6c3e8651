// Go's VerifyIDTokenWithKubernetesAPI: GET /version with the new id token, trusting the cluster's CA, so a
// login that the API server would refuse is reported at once (as a warning: the login itself succeeded).
export function verifyIdTokenWithApi(idToken: string, server: string, caPem: string, timeoutMs = 15_000): Promise<void> {
  const https = require('node:https') as typeof import('node:https');
  return new Promise((resolve, reject) => {
    const url = new URL('/version', server.endsWith('/') ? server : `${server}/`);
    const req = https.request(url, { headers: { Authorization: `Bearer ${idToken}` }, ...(caPem ? { ca: caPem } : {}), timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) resolve();
        else reject(new Error(res.statusCode === 401 ? 'token verification failed: unauthorized' : `token verification process failed: HTTP ${res.statusCode}`));
      });
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => reject(new Error(`token verification process failed: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    req.end();
  });
}
