// The flags every `kubectl gs get` command shares, named as kubectl names them: -o/--output,
// --no-headers, -A/--all-namespaces, -l/--selector. (-n/--namespace is a global connection flag.)
import type { Argv } from 'yargs';
import type { GlobalOptions } from '../../cli/globalFlags';

export interface GetOptions {
  /** The object name given as positional argument (lower-cased, as the Go kubectl-gs does). */
  name?: string;
  output?: string;
  noHeaders: boolean;
  allNamespaces: boolean;
  selector?: string;
  global: GlobalOptions;
}

export interface FlagChoices {
  /** Cluster-scoped resources hide -A (accepted and ignored). */
  namespaced?: boolean;
  /** Commands that print only a table take no -o. */
  output?: boolean;
  /** Describes the optional [name] positional; omit for commands without one. */
  name?: string;
}

export function addGetFlags(y: Argv, choices: FlagChoices = {}): Argv {
  const { namespaced = true, output = true } = choices;
  // A string, always: names such as "12345" must not turn into numbers.
  if (choices.name) y.positional('name', { type: 'string', describe: choices.name });
  if (output) y.option('output', { alias: 'o', type: 'string', describe: 'Output format: json, yaml or name (default: a table)', requiresArg: true });
  addNoHeaders(y);
  y.option('selector', { alias: 'l', type: 'string', describe: 'Label selector to filter on, e.g. -l key1=value1,key2=value2', requiresArg: true });
  // Cluster-scoped resources accept -A and ignore it, as kubectl does (`kubectl get nodes -A`).
  y.option('all-namespaces', {
    alias: 'A', type: 'boolean', default: false, hidden: !namespaced,
    describe: 'List the objects across all namespaces; the namespace of the current context (or -n) is ignored',
  });
  return y;
}

/** --no-headers as kubectl spells it; yargs would otherwise read it as the negation of "--headers". */
export function addNoHeaders(y: Argv): Argv {
  return y
    .parserConfiguration({ 'boolean-negation': false })
    .option('no-headers', { type: 'boolean', default: false, describe: 'Do not print the table header' });
}

export function getOptions(argv: Record<string, unknown>, global: GlobalOptions): GetOptions {
  const name = typeof argv.name === 'string' && argv.name !== '' ? argv.name.toLowerCase() : undefined;
  return {
    name,
    output: argv.output as string | undefined,
    noHeaders: argv.noHeaders === true,
    allNamespaces: argv.allNamespaces === true,
    selector: (argv.selector as string | undefined) || undefined,
    global,
  };
}
