// The command that fixes a dead session: `kubectl gs login <installation>`. The plugin knows only the
// issuer and client ID, so the kubeconfig is searched for the context whose user runs this plugin with
// that issuer: a management cluster context gs-<codename> gives the codename (what users type), any other
// context its own name (login takes context names too). Only on the error path.
import { contextParts } from './contextNames';
import { envClientId, envIssuerUrl, type PluginSettings } from './pluginEnv';

export function loginHint(settings: Pick<PluginSettings, 'issuerUrl' | 'clientId'>, env: NodeJS.ProcessEnv): string {
  const generic = "'kubectl gs login <installation>'";
  try {
    const { loadKubeconfig } = require('../kube/kubeconfig') as typeof import('../kube/kubeconfig');
    const config = loadKubeconfig(undefined, env);
    const matches: string[] = [];
    for (const [name, context] of config.contexts) {
      const user = context.user ? config.users.get(context.user) : undefined;
      const vars = new Map((user?.exec?.env ?? []).map((e) => [e.name, e.value]));
      if (vars.get(envIssuerUrl) === settings.issuerUrl && vars.get(envClientId) === settings.clientId) matches.push(name);
    }
    const preferred = (config.currentContext && matches.includes(config.currentContext) ? config.currentContext : undefined) ?? matches.find((n) => contextParts(n)?.length === 1) ?? matches[0];
    if (!preferred) return generic;
    const parts = contextParts(preferred);
    return `'kubectl gs login ${parts?.length === 1 ? parts[0] : preferred}'`;
  } catch {
    return generic;
  }
}
