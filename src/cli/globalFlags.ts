// The flags every command accepts. kubectl hands a plugin its arguments unchanged, so `kubectl gs` takes
// the same connection flags as kubectl (k8s.io/cli-runtime's ConfigFlags), plus --debug and
// --disable-version-check, exactly as the Go kubectl-gs does. No command may define a flag with one of
// these names or short aliases (test/unit/cli/flags.test.ts checks every command).
import { camel, defineFlags, namesOf, type FlagValues } from './flagTable';

const connection = 'Connection flags (as kubectl):';

export const globalFlags = defineFlags({
  kubeconfig: { type: 'string', group: connection, describe: 'Path to the kubeconfig file to use for CLI requests.' },
  context: { type: 'string', group: connection, describe: 'The name of the kubeconfig context to use.' },
  namespace: { type: 'string', short: 'n', group: connection, describe: 'If present, the namespace scope for this CLI request.' },
  cluster: { type: 'string', group: connection, describe: 'The name of the kubeconfig cluster to use.' },
  user: { type: 'string', group: connection, describe: 'The name of the kubeconfig user to use.' },
  server: { type: 'string', short: 's', group: connection, describe: 'The address and port of the Kubernetes API server.' },
  token: { type: 'string', group: connection, describe: 'Bearer token for authentication to the API server.' },
  as: { type: 'string', group: connection, describe: 'Username to impersonate for the operation.' },
  'as-group': { type: 'array', group: connection, describe: 'Group to impersonate for the operation; repeat for more groups.' },
  'as-uid': { type: 'string', group: connection, describe: 'UID to impersonate for the operation.' },
  username: { type: 'string', group: connection, describe: 'Username for basic authentication to the API server.' },
  password: { type: 'string', group: connection, describe: 'Password for basic authentication to the API server.' },
  'request-timeout': { type: 'string', group: connection, describe: 'How long to wait for a single server request, e.g. 1s, 2m, 3h. 0 means no timeout.' },
  'insecure-skip-tls-verify': { type: 'boolean', group: connection, describe: "If true, the server's certificate is not checked. This makes your HTTPS connections insecure." },
  'tls-server-name': { type: 'string', group: connection, describe: 'Server name to use for server certificate validation.' },
  'certificate-authority': { type: 'string', group: connection, describe: 'Path to a cert file for the certificate authority.' },
  'client-certificate': { type: 'string', group: connection, describe: 'Path to a client certificate file for TLS.' },
  'client-key': { type: 'string', group: connection, describe: 'Path to a client key file for TLS.' },
  'cache-dir': { type: 'string', group: connection, describe: 'Default cache directory (accepted for kubectl compatibility).' },
  'disable-compression': { type: 'boolean', group: connection, describe: 'If true, opt out of response compression for all requests to the server.' },
  debug: { type: 'boolean', describe: 'Toggle debug mode: full error output, and one line per API request.' },
  'disable-version-check': { type: 'boolean', describe: 'Disable self-update version check.' },
});

/**
 * The global options a command gets. Partial: code that connects to a cluster (src/kube) is also called
 * with only the few it needs.
 */
export type GlobalOptions = Partial<FlagValues<typeof globalFlags>>;

/** Every name and short alias the global flags use; a command flag must use none of them. */
export function globalFlagNames(): Set<string> {
  return new Set(namesOf(globalFlags).keys());
}

/**
 * The command words of an argument list: what is left after flags and the values of the global flags
 * that take one (`-n foo get` -> [get]). A command flag's value can still be mistaken for a word, but
 * command flags come after their command, where only the first two words matter to the callers.
 */
export function commandWords(args: string[]): string[] {
  const globalNames = namesOf(globalFlags);
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    if (a.includes('=')) continue;
    const long = globalNames.get(a.replace(/^--?/, ''));
    if (long && globalFlags[long as keyof typeof globalFlags].type !== 'boolean') i++;
  }
  return words;
}

export { camel };
