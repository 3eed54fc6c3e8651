// The print flags the Go `update` commands take (genericclioptions.NewPrintFlags): -o/--output, --template,
// --allow-missing-template-keys, --show-managed-fields. The Go tool registers them and prints its message
// regardless; here they do what kubectl patch does with them: -o prints the object as the server returned
// it after the write, and without -o the command prints the Go tool's message.
import type { OutputStream } from '../../cli/deps';
import type { FlagDef } from '../../cli/flagTable';
import type { KubeObject } from '../../kube/client';
import { parseOutputChoice, type OutputChoice } from '../../output/outputChoice';

export const printFlagDefs = {
  output: {
    type: 'string', short: 'o',
    describe: 'Output format: json, yaml, name, jsonpath=TEMPLATE, jsonpath-file=FILE, jsonpath-as-json=TEMPLATE, go-template=TEMPLATE, go-template-file=FILE (default: a message)',
    completions: ['json', 'yaml', 'name', 'jsonpath=', 'jsonpath-file=', 'jsonpath-as-json=', 'go-template=', 'go-template-file='],
  },
  template: { type: 'string', describe: 'Template string or path to template file to use when -o=go-template, -o=go-template-file, -o=jsonpath or -o=jsonpath-file' },
  'allow-missing-template-keys': {
    type: 'boolean', default: true,
    describe: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats',
  },
  'show-managed-fields': { type: 'boolean', describe: 'If true, keep the managedFields when printing objects in JSON or YAML format' },
} as const satisfies Record<string, FlagDef>;

export interface PrintValues {
  output?: string;
  template?: string;
  allowMissingTemplateKeys: boolean;
  showManagedFields: boolean;
}

export interface PrintChoice extends OutputChoice {
  showManagedFields: boolean;
}

/** Checked before the first request, so a typo in -o never leaves a half-done update behind. */
export function printChoice(v: PrintValues): PrintChoice {
  const choice = parseOutputChoice({ output: v.output, template: v.template, allowMissingTemplateKeys: v.allowMissingTemplateKeys });
  return { ...choice, showManagedFields: v.showManagedFields };
}

/** The object in the chosen format, or the message when no -o was given. */
export async function printResult(out: OutputStream, choice: PrintChoice, obj: KubeObject, kind: { kind: string; group: string }, message: string): Promise<void> {
  if (choice.format === 'table') {
    out.write(message);
    return;
  }
  const { printObject } = await import('../../output/printer');
  await printObject(out, obj, {
    format: choice.format,
    render: choice.render,
    showManagedFields: choice.showManagedFields,
    table: { headers: [], row: () => [] },
    kind: kind.kind,
    group: kind.group,
  });
}
