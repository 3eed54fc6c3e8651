// `kubectl gs credential-plugin` (hidden): the exec credential plugin that kubeconfig entries written by
// `kubectl gs login` (this one's or the Go tool's) run before every kubectl command. It reads the
// KUBECTL_GS_OIDC_* variables of the entry and prints an ExecCredential with a usable id token: from the
// entry or the shared cache without any network (pluginCached.ts), else renewed under the cache lock
// (pluginRenew.ts, loaded only then). Tokens go to stdout only, where kubectl reads them.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';

export type CredentialPluginOptions = Record<string, never>;

export async function run(_options: CredentialPluginOptions, deps: Deps): Promise<number> {
  const { pluginSettings } = await import('../../login/pluginEnv');
  const { cachedCredential } = await import('../../login/pluginCached');
  const { execCredentialJson, requestedApiVersion } = await import('../../login/execCredential');
  const settings = pluginSettings(deps.env);
  if (typeof settings === 'string') throw new UserError(settings);
  const now = deps.now().getTime();
  let credential = cachedCredential(settings, deps.env, now);
  if (!credential) {
    const { renewedCredential } = await import('../../login/pluginRenew');
    try {
      credential = await renewedCredential(settings, { env: deps.env, stderr: deps.stderr, now: () => deps.now().getTime() });
    } finally {
      await (await import('../../login/http')).closeHttp();
    }
  }
  deps.stdout.write(execCredentialJson(credential.token, credential.until, requestedApiVersion(deps.env)));
  return 0;
}

export const definition = defineCommand({
  name: 'credential-plugin',
  describe: 'OIDC credential plugin for kubectl exec authentication',
  hidden: true,
  counted: false,
  options: (): CredentialPluginOptions => ({}),
  run,
});
