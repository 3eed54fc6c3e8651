// The flags a user typed, by canonical long name, never with their values: for telemetry's flag names and
// for deprecation notices. Read from the raw arguments, because parsed values also hold defaults the user
// never typed. Only names the command's or the global table declares count; anything else is dropped.
import { camel, namesOf, type FlagTable } from './flagTable';

export function usedFlagNames(tables: FlagTable[], args: string[]): string[] {
  if (!args.some((a) => a.startsWith('-'))) return [];
  const byName = new Map<string, string>();
  for (const table of tables) {
    for (const [name, long] of namesOf(table)) {
      byName.set(name, long);
      byName.set(camel(name), long);
    }
  }
  const used = new Set<string>();
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    let name: string;
    if (arg.startsWith('--')) {
      name = arg.slice(2).split('=')[0];
      if (!byName.has(name) && name.startsWith('no-')) name = name.slice(3);
    } else {
      // Short flags: `-o`, `-ojson`, `-o=json`: the first letter is the flag.
      name = arg.slice(1, 2);
    }
    const canonical = byName.get(name);
    if (canonical) used.add(canonical);
  }
  return [...used].sort();
}
