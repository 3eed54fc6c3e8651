import { request } from 'node:http';
import { startCallbackServer } from '../../../src/login/callbackServer';

function get(url: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('login callback server', () => {
  it('binds the loopback address, names http://localhost in the redirect URI, and answers one callback', async () => {
    const seen: string[] = [];
    const server = await startCallbackServer('localhost', 0, async (url) => {
      seen.push(url.href);
      return 'tokens';
    });
    expect(server.redirectUri).toBe(`http://localhost:${server.port}/oauth/callback`);
    expect((await get(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    expect((await get(`http://127.0.0.1:${server.port}/oauth/callback`, 'OPTIONS')).status).toBe(200);
    const page = await get(`http://127.0.0.1:${server.port}/oauth/callback?code=c1&state=s1`);
    expect(page.body).toContain('SSO authentication complete');
    await expect(server.result).resolves.toBe('tokens');
    expect(seen).toEqual([`http://localhost:${server.port}/oauth/callback?code=c1&state=s1`]);
    // One request only: the server is gone.
    await expect(get(`http://127.0.0.1:${server.port}/oauth/callback?code=c2&state=s1`)).rejects.toThrow();
  });

  it('shows the failure page and rejects when the callback is refused (wrong state, denied consent)', async () => {
    const server = await startCallbackServer('127.0.0.1', 0, async () => {
      throw new Error('state mismatch');
    });
    const page = await get(`http://127.0.0.1:${server.port}/oauth/callback?error=access_denied&state=x`);
    expect(page.body).toContain('SSO authentication failed');
    await expect(server.result).rejects.toThrow('state mismatch');
  });

  it('refuses a port in use with the error of the bind', async () => {
    const first = await startCallbackServer('127.0.0.1', 0, async () => 1);
    await expect(startCallbackServer('127.0.0.1', first.port, async () => 1)).rejects.toThrow(/EADDRINUSE/);
    first.close();
  });
});
