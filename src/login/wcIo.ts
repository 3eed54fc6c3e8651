// The world side of workload-cluster login for the real command: files, the clock, stdout/stderr, the
// kubeconfig writer, and the issuer menu's question (asked only when stdin and stdout are both terminals, as Go does, so that
// neither the prompt nor the answer can be swallowed by a redirect).
import type { Kubeconfig } from '../kube/kubeconfig';
import { saveKubeconfig, type KubeconfigLocation } from './kubeconfigWrite';
import type { WcLoginDeps } from './wcLogin';

export type WcTerminalIo = Pick<WcLoginDeps, 'readFile' | 'interactive' | 'ask' | 'now' | 'out' | 'err'>;

export function terminalIo(stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): WcTerminalIo {
  let lines: AsyncIterator<string> | undefined;
  return {
    readFile: (path) => (require('node:fs') as typeof import('node:fs')).readFileSync(path, 'utf8'),
    interactive: !!stdin.isTTY && !!stdout.isTTY,
    ask: async (prompt) => {
      stdout.write(prompt);
      if (!lines) {
        const readline = require('node:readline') as typeof import('node:readline');
        lines = readline.createInterface({ input: stdin, terminal: false })[Symbol.asyncIterator]();
      }
      const next = await lines.next();
      return next.done ? undefined : next.value;
    },
    now: () => new Date(),
    out: (text) => stdout.write(text),
    err: (text) => stderr.write(text),
  };
}

/**
 * The kubeconfig side: edits saved where client-go would save them (kubeconfigWrite.ts: the file defining
 * an entry, else the default file; locked, atomic, 0600); a --self-contained file is one explicit file.
 */
export function wcKubeconfigIo(location: KubeconfigLocation, config: Kubeconfig): WcLoginDeps['kubeconfig'] {
  const path = require('node:path') as typeof import('node:path');
  return {
    config,
    edit: (edit) => saveKubeconfig(location, edit),
    editFile: (file, edit) => {
      const target = path.resolve(file);
      return saveKubeconfig({ files: [target], defaultFile: target, explicit: true }, edit);
    },
  };
}
