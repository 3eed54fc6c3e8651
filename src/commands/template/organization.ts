// `kubectl gs template organization`: a security.giantswarm.io/v1alpha1 Organization.
import { defineCommand } from '../../cli/command';
import type { Deps } from '../../cli/deps';
import { defineFlags } from '../../cli/flagTable';

export interface OrganizationOptions {
  name?: string;
  output?: string;
}

export const flags = defineFlags({
  name: { type: 'string', describe: 'Organization name: lowercase letters, digits and -, at most 59 characters. (required)' },
  output: { type: 'string', describe: 'Write the manifest to this file (replaced atomically) instead of stdout.' },
});

export async function run(options: OrganizationOptions, deps: Deps): Promise<number> {
  const [{ Problems, checkOrganization, required }, { toYaml }, out] = await Promise.all([
    import('../../template/validate'),
    import('../../template/yaml'),
    import('../../template/output'),
  ]);
  const problems = new Problems();
  problems.add(required('name', options.name, 'the organization name, e.g. --name acme'));
  if (options.name) problems.add(checkOrganization('name', options.name));
  if (!problems.empty) return out.reportProblems(problems.list, deps);
  const organization = {
    apiVersion: 'security.giantswarm.io/v1alpha1',
    kind: 'Organization',
    metadata: { name: options.name },
    spec: {},
    status: {},
  };
  return out.emit(toYaml(organization), options.output, deps);
}

export const definition = defineCommand({
  name: 'organization',
  aliases: ['org'],
  describe: 'Template an Organization.',
  examples: [['$0 template organization --name acme', 'The Organization "acme" (its namespace will be org-acme)']],
  flags,
  options: (values): OrganizationOptions => values,
  run,
});
