// `kubectl gs completion bash|zsh|fish|powershell`: prints a completion script for the shell.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { UserError } from '../../cli/errors';
import { scripts } from './scripts';

export interface CompletionOptions {
  shell: string;
}

export async function run(options: CompletionOptions, deps: Deps): Promise<number> {
  const script = scripts[options.shell];
  if (!script) {
    throw new UserError(`unsupported shell "${options.shell}"; use one of: ${Object.keys(scripts).join(', ')}`);
  }
  deps.stdout.write(script);
  return 0;
}

export const definition = defineCommand<CompletionOptions>({
  name: 'completion',
  positionals: '<shell>',
  describe: 'Print a shell completion script (bash, zsh, fish or powershell)',
  counted: false,
  examples: [
    ['source <(kubectl-gs completion bash)', 'Load completion into the current bash session'],
    ['kubectl-gs completion zsh > "${fpath[1]}/_kubectl-gs"', 'Install completion for zsh'],
  ],
  builder: (y) => y.positional('shell', { type: 'string', choices: Object.keys(scripts), describe: 'The shell' }),
  options: (argv) => ({ shell: String(argv.shell) }),
  run,
});
