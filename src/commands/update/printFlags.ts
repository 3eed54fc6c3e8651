// The print flags the Go `update` commands take (genericclioptions.NewPrintFlags): -o/--output, --template,
// --allow-missing-template-keys, --show-managed-fields. The Go tool registers them and prints its message
// regardless; here they do what kubectl patch does with them: -o prints the object as the server returned
// it after the write, and without -o the command prints the Go tool's message.
import type { OutputStream } from '../../cli/deps';
import { defineFlags } from '../../cli/flagTable';
import { outputFlags } from '../get/flags';
import type { KubeObject } from '../../kube';
import { parseOutputChoice, type OutputChoice } from '../../output/outputChoice';

export const printFlagDefs = defineFlags({
  ...outputFlags,
  output: { ...outputFlags.output, describe: outputFlags.output.describe.replace('(default: a table)', '(default: a message)') },
});

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
