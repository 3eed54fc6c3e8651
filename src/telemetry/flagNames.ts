// The names of the flags a user typed, never their values: only names the command or the global flags
// define, each as its canonical long name (`-o` -> `output`, `--no-debug` -> `debug`). Works from the
// raw arguments, because parsed argv also holds defaults the user never typed.
import type { CommandDefinition } from '../cli/command';
import { globalFlags } from '../cli/globalFlags';

interface FlagTable {
  /** Every accepted spelling (long name, alias, camelCase) -> canonical long name. */
  byName: Map<string, string>;
}

function addFlag(table: FlagTable, name: string, alias: unknown): void {
  table.byName.set(name, name);
  table.byName.set(name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), name);
  for (const a of ([] as unknown[]).concat(alias ?? [])) if (typeof a === 'string') table.byName.set(a, name);
}

/**
 * Records the flags a command's builder declares, without loading yargs: the builder gets a stand-in
 * that notes option()/options() calls and returns itself for every other method.
 */
function commandFlags(def: CommandDefinition<unknown>, table: FlagTable): void {
  if (!def.builder) return;
  const recorder: any = new Proxy(function () {}, {
    get(_t, prop) {
      if (prop === 'option' || prop === 'options') {
        return (name: string | Record<string, { alias?: unknown }>, opt?: { alias?: unknown }) => {
          if (typeof name === 'string') addFlag(table, name, opt?.alias);
          else for (const [n, o] of Object.entries(name ?? {})) addFlag(table, n, o?.alias);
          return recorder;
        };
      }
      if (prop === 'alias') {
        return (name: string | Record<string, unknown>, alias?: unknown) => {
          if (typeof name === 'string') {
            for (const a of ([] as unknown[]).concat(alias ?? [])) if (typeof a === 'string') table.byName.set(a, table.byName.get(name) ?? name);
          }
          return recorder;
        };
      }
      if (prop === 'then') return undefined;
      return () => recorder;
    },
    apply: () => recorder,
  });
  try {
    def.builder(recorder);
  } catch {
    // A builder that needs a real yargs: its own flags are then simply not reported.
  }
}

export function flagTable(def: CommandDefinition<unknown>): FlagTable {
  const table: FlagTable = { byName: new Map() };
  for (const [name, opt] of Object.entries(globalFlags)) addFlag(table, name, opt.alias);
  commandFlags(def, table);
  return table;
}

/** Canonical long names of the known flags present in args, sorted, each once. */
export function usedFlagNames(def: CommandDefinition<unknown>, args: string[]): string[] {
  if (!args.some((a) => a.startsWith('-'))) return [];
  const table = flagTable(def);
  const used = new Set<string>();
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    let name: string;
    if (arg.startsWith('--')) {
      name = arg.slice(2).split('=')[0];
      if (!table.byName.has(name) && name.startsWith('no-')) name = name.slice(3);
    } else {
      // Short flags: `-o`, `-ojson`, `-o=json`: the first letter is the flag.
      name = arg.slice(1, 2);
    }
    const canonical = table.byName.get(name);
    if (canonical) used.add(canonical);
  }
  return [...used].sort();
}
