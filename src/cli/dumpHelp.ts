// Build-time entry (scripts/build.mjs): prints every command's help as JSON, to be embedded in the
// executable so that --help needs no yargs at run time.
import { renderAllHelp } from './parse';
import { commandTree } from './tree';

process.stdout.write(JSON.stringify(renderAllHelp(commandTree())));
