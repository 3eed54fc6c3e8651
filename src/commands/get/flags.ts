// The flags every `kubectl gs get` command shares, named as kubectl names them: -o/--output (with
// --template, --allow-missing-template-keys, --show-managed-fields), --no-headers, -A/--all-namespaces, -l/--selector. (-n/--namespace is a global connection flag.)
// Each command's table is built from these pieces (src/cli/flagTable.ts).
import type { CommandContext } from '../../cli/command';
import { defineFlags, type FlagValues } from '../../cli/flagTable';
import type { GlobalOptions } from '../../cli/globalFlags';
import { getFormats } from '../../output/outputChoice';

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

export const noHeadersFlag = defineFlags({
  'no-headers': { type: 'boolean', describe: 'Do not print the table header' },
});

/** The output flags of kubectl's PrintFlags, which the Go kubectl-gs adds to every `get` that prints more than a table. */
export const outputFlags = defineFlags({
  output: {
    type: 'string', short: 'o', completions: getFormats,
    describe: 'Output format: json, yaml, name, jsonpath=TEMPLATE, jsonpath-file=FILE, jsonpath-as-json=TEMPLATE, go-template=TEMPLATE, go-template-file=FILE (default: a table)',
  },
  template: { type: 'string', describe: 'Template string or path to template file to use when -o=go-template, -o=go-template-file, -o=jsonpath or -o=jsonpath-file' },
  'allow-missing-template-keys': {
    type: 'boolean', default: true,
    describe: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats',
  },
  'show-managed-fields': { type: 'boolean', describe: 'If true, keep the managedFields when printing objects in JSON or YAML format' },
});

const selectorFlag = defineFlags({
  selector: { type: 'string', short: 'l', describe: 'Label selector to filter on, e.g. -l key1=value1,key2=value2' },
});

const allNamespacesFlag = {
  type: 'boolean', short: 'A',
  describe: 'List the objects across all namespaces; the namespace of the current context (or -n) is ignored',
} as const;

/** The flags of a `get` for namespaced objects: output, --no-headers, -l, -A. */
export const getFlags = defineFlags({ ...outputFlags, ...noHeadersFlag, ...selectorFlag, 'all-namespaces': allNamespacesFlag });

/** Cluster-scoped objects accept -A and ignore it, as kubectl does (`kubectl get nodes -A`): hidden. */
export const clusterScopedGetFlags = defineFlags({ ...outputFlags, ...noHeadersFlag, ...selectorFlag, 'all-namespaces': { ...allNamespacesFlag, hidden: true } });

type GetValues = FlagValues<typeof getFlags>;

/** The options every `get` shares, from its flag values (any table built from getFlags' pieces). */
export function getOptions(values: Partial<GetValues>, ctx: CommandContext): GetOptions {
  const name = ctx.positionals[0] ? ctx.positionals[0].toLowerCase() : undefined;
  return {
    name,
    output: values.output,
    template: values.template || undefined,
    allowMissingTemplateKeys: values.allowMissingTemplateKeys !== false,
    showManagedFields: values.showManagedFields === true,
    noHeaders: values.noHeaders === true,
    allNamespaces: values.allNamespaces === true,
    selector: values.selector || undefined,
    global: ctx.global,
  };
}
