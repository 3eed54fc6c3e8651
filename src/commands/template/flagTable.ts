// Declares a command's flags from one table and reads them back typed: strings, whole numbers (kept as
// NaN with a problem when not a number), booleans, lists (repeatable and comma-separated, as cobra's
// StringSlice) and arrays (repeatable, each value whole, as cobra's StringArray). No yargs defaults:
// an absent flag stays undefined so commands know what the user actually gave.
import type { Argv, Options } from 'yargs';
import { camel } from '../../cli/globalFlags';

export type FlagKind = 'string' | 'number' | 'boolean' | 'list' | 'array';

export interface FlagSpec {
  name: string;
  kind: FlagKind;
  describe: string;
  group?: string;
  hidden?: boolean;
  alias?: string;
}

export function addFlags(y: Argv, specs: FlagSpec[]): Argv {
  for (const s of specs) {
    // Lists are declared as strings (repeating one gives an array) so they never swallow following words.
    const opt: Options = { type: s.kind === 'boolean' ? 'boolean' : 'string', describe: s.describe, hidden: s.hidden };
    if (s.group) opt.group = s.group;
    if (s.alias) opt.alias = s.alias;
    y.option(s.name, opt);
  }
  return y;
}

export interface ReadFlags {
  values: Record<string, unknown>;
  given: string[];
  problems: string[];
}

export function readFlags(argv: Record<string, unknown>, specs: FlagSpec[]): ReadFlags {
  const values: Record<string, unknown> = {};
  const given: string[] = [];
  const problems: string[] = [];
  for (const s of specs) {
    const raw = argv[s.name];
    const key = camel(s.name);
    if (raw === undefined) {
      if (s.kind === 'list' || s.kind === 'array') values[key] = [];
      if (s.kind === 'boolean') values[key] = false;
      continue;
    }
    given.push(s.name);
    const items = Array.isArray(raw) ? raw.map(String) : [String(raw)];
    const last = items[items.length - 1];
    switch (s.kind) {
      case 'boolean':
        values[key] = Array.isArray(raw) ? Boolean(raw[raw.length - 1]) : Boolean(raw);
        break;
      case 'string':
        values[key] = last;
        break;
      case 'number':
        if (/^-?\d+$/.test(last.trim())) values[key] = Number(last);
        else {
          values[key] = Number.NaN;
          problems.push(`--${s.name} must be a whole number, got "${last}"`);
        }
        break;
      case 'list':
        values[key] = items.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
        break;
      case 'array':
        values[key] = items;
        break;
    }
  }
  return { values, given, problems };
}
