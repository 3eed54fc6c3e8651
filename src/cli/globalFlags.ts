// The flags every command accepts. kubectl hands a plugin its arguments unchanged, so `kubectl gs` takes
// the same connection flags as kubectl (k8s.io/cli-runtime's ConfigFlags), plus --debug and
// --disable-version-check, exactly as the Go kubectl-gs does. No command may define a flag with one of
// these names or short aliases (test/unit/cli/flags.test.ts checks every command).
import type { Options } from 'yargs';

export interface GlobalOptions {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  cluster?: string;
  user?: string;
  server?: string;
  token?: string;
  as?: string;
  asGroup?: string[];
  asUid?: string;
  username?: string;
  password?: string;
  requestTimeout?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  cacheDir?: string;
  disableCompression?: boolean;
  debug?: boolean;
  disableVersionCheck?: boolean;
}

const connection = 'Connection flags (as kubectl):';

export const globalFlags: Record<string, Options> = {
  kubeconfig: { type: 'string', group: connection, describe: 'Path to the kubeconfig file to use for CLI requests.' },
  context: { type: 'string', group: connection, describe: 'The name of the kubeconfig context to use.' },
  namespace: { type: 'string', alias: 'n', group: connection, describe: 'If present, the namespace scope for this CLI request.' },
  cluster: { type: 'string', group: connection, describe: 'The name of the kubeconfig cluster to use.' },
  user: { type: 'string', group: connection, describe: 'The name of the kubeconfig user to use.' },
  server: { type: 'string', alias: 's', group: connection, describe: 'The address and port of the Kubernetes API server.' },
  token: { type: 'string', group: connection, describe: 'Bearer token for authentication to the API server.' },
  as: { type: 'string', group: connection, describe: 'Username to impersonate for the operation.' },
  'as-group': { type: 'array', string: true, group: connection, describe: 'Group to impersonate for the operation; repeat for more groups.' },
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
};

/** Every name and short alias the global flags use; a command flag must use none of them. */
export function globalFlagNames(): Set<string> {
  const names = new Set<string>();
  for (const [name, opt] of Object.entries(globalFlags)) {
    names.add(name);
    for (const a of ([] as string[]).concat((opt.alias as string | string[] | undefined) ?? [])) names.add(a);
  }
  return names;
}

/**
 * The command words of an argument list: what is left after flags and the values of the global flags
 * that take one (`-n foo get` -> [get]). A command flag's value can still be mistaken for a word, but
 * command flags come after their command, where only the first two words matter to the callers.
 */
export function commandWords(args: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    if (a.includes('=')) continue;
    const name = a.replace(/^--?/, '');
    const flag = globalFlags[name] ?? Object.values(globalFlags).find((o) => o.alias === name);
    if (flag && flag.type !== 'boolean') i++;
  }
  return words;
}

/** The key yargs gives a flag in argv (camel-case expansion): `as-group` -> `asGroup`. */
export function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Picks the global options out of a parsed yargs argv. */
export function pickGlobalOptions(argv: Record<string, unknown>): GlobalOptions {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(globalFlags)) {
    const key = camel(name);
    if (argv[key] !== undefined) out[key] = argv[key];
  }
  return out as GlobalOptions;
}
