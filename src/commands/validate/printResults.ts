// How `validate apps` shows its results: kubectl's table (NAMESPACE NAME VERSION RESULT), or with -o report
// the Go tool's report (per namespace: its apps and errors, then each problem as "field - description - value").
import type { OutputStream } from '../../cli/deps';
import { Sink } from '../../output/sink';
import { TableWriter, cellText } from '../../output/table';
import type { AppResult } from './apps';

const plural = (word: string, n: number) => (n === 1 ? word : `${word}s`);

function resultCell(r: AppResult): string {
  if (r.noSchema) return 'n/a: app has no values schema';
  if (r.error) return r.error;
  return `${r.problems.length} ${plural('error', r.problems.length)}`;
}

export async function printResultsTable(out: OutputStream, results: AppResult[]): Promise<void> {
  const table = new TableWriter(new Sink(out), { headers: ['NAMESPACE', 'NAME', 'VERSION', 'RESULT'] });
  const spec = (r: AppResult) => (r.app.spec ?? {}) as { version?: unknown };
  await table.writeRows(results.map((r) => [r.app.metadata.namespace ?? '', r.app.metadata.name, cellText(spec(r).version), cellText(resultCell(r))]));
}

export async function printReport(out: OutputStream, results: AppResult[]): Promise<void> {
  const byNamespace = new Map<string, AppResult[]>();
  for (const r of results) {
    const ns = r.app.metadata.namespace ?? '';
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), r]);
  }
  let text = `\nValidated ${results.length} ${plural('app', results.length)} across ${byNamespace.size} ${plural('namespace', byNamespace.size)}\n\n`;
  for (const [ns, rs] of byNamespace) {
    const errors = rs.reduce((n, r) => n + r.problems.length + (r.error ? 1 : 0), 0);
    text += `${ns} [${rs.length} ${plural('app', rs.length)}, ${errors} ${plural('error', errors)}]\n`;
    if (errors === 0) continue;
    for (const r of rs) {
      text += `  ${r.app.metadata.name}:\n`;
      for (const p of r.problems) text += `    ${p.field} - ${p.description} - ${p.value}\n`;
      if (r.error) text += `    ${r.error}\n`;
      text += '\n';
    }
    text += '\n';
  }
  await new Sink(out).write(text);
}
