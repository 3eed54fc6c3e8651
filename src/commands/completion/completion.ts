// `kubectl gs completion bash|zsh|fish|powershell [--no-descriptions]`: prints a completion script.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { defineFlags } from '../../cli/flagTable';
import { completionScript, shells, type Shell } from './scripts';

export interface CompletionOptions {
  shell: Shell;
  descriptions: boolean;
}

export async function run(options: CompletionOptions, deps: Deps): Promise<number> {
  deps.stdout.write(completionScript(options.shell, options.descriptions));
  return 0;
}

export const flags = defineFlags({
  'no-descriptions': { type: 'boolean', describe: 'Complete without the description beside each command and flag' },
});

export const definition = defineCommand({
  name: 'completion',
  positionals: '<shell>',
  // The parsers refuse any other shell, with the list, before options() runs.
  positionalChoices: { shell: shells },
  describe: 'Print a shell completion script (bash, zsh, fish or powershell)',
  counted: false,
  examples: [
    ['source <(kubectl-gs completion bash)', 'Load completion into the current bash session'],
    ['kubectl-gs completion zsh > "${fpath[1]}/_kubectl-gs"', 'Install completion for zsh'],
    ['kubectl-gs completion fish --no-descriptions | source', 'fish, values only'],
  ],
  flags,
  options: (values, ctx): CompletionOptions => ({ shell: ctx.positionals[0] as Shell, descriptions: !values.noDescriptions }),
  run,
});
