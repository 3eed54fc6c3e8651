// Folders that hold login secrets (the token cache, a kubeconfig's folder). Files are written with the
// shared atomic writer (src/files); folders follow Go's MkdirAll: new ones 0700, existing ones (~/.kube)
// left as they are, since other tools keep files there too.

/** mkdir -p with mode 0700 for folders that hold secrets; existing folders keep their mode. */
export function ensurePrivateDir(dir: string): void {
  const fs = require('node:fs') as typeof import('node:fs');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}
