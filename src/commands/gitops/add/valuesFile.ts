// Reads a user values file for --cluster-user-config, --user-configmap and --user-secret with the
// template commands' reader (a YAML mapping, trailing spaces trimmed), trimmed as the Go tool trims it.
import { UserError } from '../../../errors';
import { Problems } from '../../../template/validate';
import { readValuesFile } from '../../../template/valuesFile';

export function readUserValues(flag: string, path: string | undefined, kind: 'text' | 'bytes'): string | undefined {
  if (path === undefined || path === '') return undefined;
  const problems = new Problems();
  const file = readValuesFile(flag, path, problems);
  if (!file) throw new UserError(problems.list[0]);
  return (kind === 'text' ? file.text : file.bytes.toString('utf8')).trim();
}
