// Every TLS secure context the program makes (the API server's, telemetry's) is made here, so that a
// context trusting one cluster CA costs what it should.
//
// Why: Node >= 22 builds the process's default root store (its ~120 bundled roots plus every certificate
// in NODE_EXTRA_CA_CERTS, and the system store with --use-system-ca) the first time a secure context is
// given a `ca` option, although that context then trusts only its `ca`. Measured on Node 24.21, the first
// createSecureContext({ ca }): 2 ms with NODE_EXTRA_CA_CERTS unset, 11-17 ms with it naming a
// 144-certificate bundle (as corporate and sandboxed machines do), and on the API request's critical path.
// A context made without `ca` trusts the process defaults instead, and tls.setDefaultCACertificates()
// replaces those without building the root store (1.5 ms): so the cluster CA becomes the default for the
// moment its context is made. A context keeps the store it was made with; later changes of the defaults
// do not reach it (test/unit/tlsTrust.test.ts checks this on real handshakes). A context that wants
// Node's own defaults (telemetry to its public endpoint) gets them back first, which costs about what the
// root store would have (7-15 ms), but off the command's path: telemetry's handshake starts while the
// command waits on the API server. Where the root store is cheap (no extra or system certificates) the
// trade does not pay, and contexts are made the ordinary way.
import type { SecureContext } from 'node:tls';

export type CaList = Array<string | Buffer>;

export interface ContextOptions {
  /** The certificates to trust (PEM, each may hold several); undefined for Node's defaults. */
  ca?: CaList;
  /** A client certificate and its key (PEM). */
  cert?: string | Buffer;
  key?: string | Buffer;
}

/** Whether the process defaults are, at the moment, a CA list set here rather than Node's own. */
let replaced = false;

export function secureContextFor(options: ContextOptions, env: NodeJS.ProcessEnv = process.env): SecureContext {
  const tls = require('node:tls') as typeof import('node:tls');
  const identity = { ...(options.cert ? { cert: options.cert } : {}), ...(options.key ? { key: options.key } : {}) };
  if (!replaced && !rootStoreIsCostly(env)) return tls.createSecureContext({ ...identity, ...(options.ca ? { ca: options.ca } : {}) });
  if (options.ca) {
    try {
      tls.setDefaultCACertificates(options.ca);
    } catch {
      // Not a certificate Node can parse: made the ordinary way, it trusts nothing, and the handshake
      // then fails with the unknown-authority error users get today.
      return tls.createSecureContext({ ...identity, ca: options.ca });
    }
    replaced = true;
  } else if (replaced) {
    tls.setDefaultCACertificates(nodeDefaults(tls, env));
    replaced = false;
  }
  return tls.createSecureContext(identity);
}

function systemCaEnabled(env: NodeJS.ProcessEnv): boolean {
  return /--use-system-ca\b/.test(`${process.execArgv.join(' ')} ${env.NODE_OPTIONS ?? ''}`) || env.NODE_USE_SYSTEM_CA === '1';
}

/** Whether Node's default root store holds more than its bundled roots, and so is slow to build. */
function rootStoreIsCostly(env: NodeJS.ProcessEnv): boolean {
  return !!env.NODE_EXTRA_CA_CERTS || systemCaEnabled(env);
}

/** Node's own default CA list: its bundled roots, NODE_EXTRA_CA_CERTS, and the system store when enabled. */
function nodeDefaults(tls: typeof import('node:tls'), env: NodeJS.ProcessEnv): string[] {
  const system = systemCaEnabled(env) ? tls.getCACertificates('system') : [];
  return [...tls.getCACertificates('bundled'), ...tls.getCACertificates('extra'), ...system];
}
