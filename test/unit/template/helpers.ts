// Runs `kubectl gs template ...` in-process (the template group only, telemetry off) and captures output.
import { runCli } from '../../../src/cli/run';
import { templateGroup } from '../../../src/commands/template';
import { fakeDeps } from '../../support/fakeDeps';

export interface TemplateRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function template(args: string[]): Promise<TemplateRun> {
  const deps = fakeDeps({ env: { KUBECTL_GS_TELEMETRY_OPTOUT: '1' } });
  const code = await runCli(['template', ...args], deps, { commands: [], groups: [templateGroup] });
  return { code, stdout: deps.stdout.text(), stderr: deps.stderr.text() };
}

/** The stderr lines, without the `error: ` prefix. */
export function errorLines(r: TemplateRun): string[] {
  return r.stderr.split('\n').filter(Boolean).map((l) => l.replace(/^error: /, ''));
}
