// The flags every `kubectl gs get` command shares, named as kubectl names them: -o/--output (with
// --template, --allow-missing-template-keys, --show-managed-fields), --no-headers, -A/--all-namespaces, -l/--selector. (-n/--namespace is a global connection flag.)
// Flags are declared as data (FlagSpec) so that yargs and the fast argument parser (fastArgs.ts), which
// answers the common `get` invocations without loading yargs, read the same declarations.
import type { Argv } from 'yargs';
import type { GlobalOptions } from '../../cli/globalFlags';

export interface GetOptions {
  /** The object name given as positional argument (lower-cased, as the Go kubectl-gs does). */
  name?: string;
  output?: string;
  /** --template: the template for -o jsonpath / go-template given without "=...". */
  template?: string;
  allowMissingTemplateKeys: boolean;
  showManagedFields: boolean;
  noHeaders: boolean;
  allNamespaces: boolean;
  selector?: string;
  global: GlobalOptions;
}

export interface FlagSpec {
  name: string;
  alias?: string;
  type: 'boolean' | 'string' | 'number';
  default?: boolean | number;
  describe: string;
  hidden?: boolean;
}

export interface FlagChoices {
  /** Cluster-scoped resources hide -A (accepted and ignored). */
  namespaced?: boolean;
  /** Commands that print only a table take no -o. */
  output?: boolean;
}

export const noHeadersFlag: FlagSpec = { name: 'no-headers', type: 'boolean', default: false, describe: 'Do not print the table header' };

/** The output flags of kubectl's PrintFlags, which the Go kubectl-gs adds to every `get` that prints more than a table. */
const outputFlags: FlagSpec[] = [
  {
    name: 'output', alias: 'o', type: 'string',
    describe: 'Output format: json, yaml, name, jsonpath=TEMPLATE, jsonpath-file=FILE, jsonpath-as-json=TEMPLATE, go-template=TEMPLATE, go-template-file=FILE (default: a table)',
  },
  { name: 'template', type: 'string', describe: 'Template string or path to template file to use when -o=go-template, -o=go-template-file, -o=jsonpath or -o=jsonpath-file' },
  {
    name: 'allow-missing-template-keys', type: 'boolean', default: true,
    describe: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats',
  },
  { name: 'show-managed-fields', type: 'boolean', default: false, describe: 'If true, keep the managedFields when printing objects in JSON or YAML format' },
];

export function getFlagSpecs(choices: FlagChoices = {}): FlagSpec[] {
  const { namespaced = true, output = true } = choices;
  return [
    ...(output ? outputFlags : []),
    noHeadersFlag,
    { name: 'selector', alias: 'l', type: 'string', describe: 'Label selector to filter on, e.g. -l key1=value1,key2=value2' },
    // Cluster-scoped resources accept -A and ignore it, as kubectl does (`kubectl get nodes -A`).
    {
      name: 'all-namespaces', alias: 'A', type: 'boolean', default: false, hidden: !namespaced,
      describe: 'List the objects across all namespaces; the namespace of the current context (or -n) is ignored',
    },
  ];
}

/** Declares the flags to yargs; `name` describes the optional [name] positional. */
export function addFlags(y: Argv, flags: FlagSpec[], name?: string): Argv {
  // A string, always: names such as "12345" must not turn into numbers.
  if (name) y.positional('name', { type: 'string', describe: name });
  // --no-headers as kubectl spells it; yargs would otherwise read it as the negation of "--headers".
  if (flags.some((f) => f.name === noHeadersFlag.name)) y.parserConfiguration({ 'boolean-negation': false });
  for (const f of flags) {
    y.option(f.name, {
      type: f.type,
      describe: f.describe,
      ...(f.alias ? { alias: f.alias } : {}),
      ...(f.default !== undefined ? { default: f.default } : {}),
      ...(f.hidden ? { hidden: true } : {}),
      ...(f.type !== 'boolean' ? { requiresArg: true } : {}),
    });
  }
  return y;
}

export function getOptions(argv: Record<string, unknown>, global: GlobalOptions): GetOptions {
  const name = typeof argv.name === 'string' && argv.name !== '' ? argv.name.toLowerCase() : undefined;
  return {
    name,
    output: argv.output as string | undefined,
    template: (argv.template as string | undefined) || undefined,
    allowMissingTemplateKeys: argv.allowMissingTemplateKeys !== false,
    showManagedFields: argv.showManagedFields === true,
    noHeaders: argv.noHeaders === true,
    allNamespaces: argv.allNamespaces === true,
    selector: (argv.selector as string | undefined) || undefined,
    global,
  };
}
