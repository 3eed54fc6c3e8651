import { flags, loginOptions, type LoginFlagValues } from '../../../src/commands/login/login';

// The defaults of the flag table, as options() receives them when nothing is typed.
function defaults(over: Partial<LoginFlagValues> = {}): LoginFlagValues {
  const values: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(flags)) {
    const key = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    values[key] = 'default' in def ? def.default : def.type === 'boolean' ? false : def.type === 'list' ? [] : undefined;
  }
  return { ...(values as LoginFlagValues), ...over };
}

describe('login flags (Go cmd/login/flag.go)', () => {
  it("has Go's defaults", () => {
    const o = loginOptions(defaults(), [], {}, {}, false);
    expect(o).toMatchObject({ callbackHost: 'localhost', callbackPort: 0, loginTimeoutMs: 60_000, keepContext: false, deviceAuth: false, selfContained: '' });
    expect(o.workloadCluster).toMatchObject({ certificateTtl: '1h', certificateTtlMs: 3_600_000, proxyPort: 9000 });
  });

  it('takes --keep-context from KUBECTL_GS_LOGIN_KEEP_CONTEXT unless given, and accepts only true or false there', () => {
    expect(loginOptions(defaults(), [], {}, { KUBECTL_GS_LOGIN_KEEP_CONTEXT: 'true' }, false).keepContext).toBe(true);
    expect(loginOptions(defaults({ keepContext: false }), [], {}, { KUBECTL_GS_LOGIN_KEEP_CONTEXT: 'true' }, true).keepContext).toBe(false);
    expect(() => loginOptions(defaults(), [], {}, { KUBECTL_GS_LOGIN_KEEP_CONTEXT: 'yes' }, false)).toThrow("KUBECTL_GS_LOGIN_KEEP_CONTEXT environment variable must be either 'true' or 'false'");
  });

  it("refuses what Go's Validate refuses, with Go's words", () => {
    expect(() => loginOptions(defaults({ loginTimeout: '0s' }), [], {}, {}, false)).toThrow('--login-timeout cannot be negative or zero');
    expect(() => loginOptions(defaults({ loginTimeout: 'soon' }), [], {}, {}, false)).toThrow(/--login-timeout/);
    expect(() => loginOptions(defaults({ certificateTtl: '-1h' }), [], {}, {}, false)).toThrow('--certificate-ttl cannot be negative or zero.');
    expect(() => loginOptions(defaults({ certificateTtl: 'x' }), [], {}, {}, false)).toThrow('--certificate-ttl is not a valid duration.');
    expect(() => loginOptions(defaults({ apiEndpoint: 'https://api.x:6443', oidcIssuer: 'https://i' }), [], {}, {}, false)).toThrow(
      '--api-endpoint also requires --workload-cluster, --oidc-client-id, --api-ca-file to be set (a fully offline login cannot read these from the management cluster).',
    );
  });

  it('reads Go durations for --login-timeout', () => {
    expect(loginOptions(defaults({ loginTimeout: '2m30s' }), [], {}, {}, false).loginTimeoutMs).toBe(150_000);
  });
});
