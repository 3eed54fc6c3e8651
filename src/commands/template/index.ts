// `kubectl gs template ...`: manifests for GitOps repositories or `kubectl apply`, rendered offline.
import type { CommandGroup } from '../../cli/command';
import * as app from './app';
import * as catalog from './catalog';
import * as cluster from './cluster';
import { fastParseTemplate, type FastTemplateCommand } from './fastArgs';
import * as organization from './organization';

const modules = [app, catalog, cluster, organization];
const fastCommands: FastTemplateCommand[] = modules.map((m) => ({ definition: m.definition, flags: m.flags }));

export const templateGroup: CommandGroup = {
  name: 'template',
  describe: 'Template manifests (clusters, apps, catalogs, organizations) to apply or commit. Works offline.',
  commands: modules.map((m) => m.definition),
  fastParse: (args) => fastParseTemplate(fastCommands, args),
};
