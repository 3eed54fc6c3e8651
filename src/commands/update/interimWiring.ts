// Until the flag-table API (defineCommand with `flags`) lands on main: declares a FlagTable to yargs and
// reads the values back camel-cased with the table's defaults. Removed when the commands move to it.
import type { Argv } from 'yargs';
import { camel, type FlagTable } from '../../cli/flagTable';

export function tableBuilder(table: FlagTable): (y: Argv) => Argv {
  return (y) => {
    for (const [name, def] of Object.entries(table)) {
      y.option(name, {
        type: def.type === 'boolean' ? 'boolean' : 'string',
        describe: def.describe,
        ...(def.short ? { alias: def.short } : {}),
        ...(def.hidden ? { hidden: true } : {}),
        ...(def.type !== 'boolean' ? { requiresArg: true } : {}),
      });
    }
    return y;
  };
}

export function tableValues(table: FlagTable, argv: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(table)) {
    const raw = argv[name];
    const last = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (def.type === 'boolean') values[camel(name)] = last === undefined ? def.default === true : Boolean(last);
    else if (def.type === 'list' || def.type === 'array') {
      const items = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map(String);
      values[camel(name)] = def.type === 'list' ? items.flatMap((i) => i.split(',')).filter(Boolean) : items;
    } else values[camel(name)] = last === undefined ? def.default : String(last);
  }
  return values;
}
