// One typed table per command declares its flags. Everything else is derived from it: the yargs
// definition (help and errors), the yargs-parser configuration of the fast path, completion candidates,
// telemetry's flag names, deprecation notices, and the typed values a command's options() receives
// (FlagValues<typeof table>). Adding a flag is one line in a table.
import { UserError } from './errors';

export type FlagType =
  /** One value; given twice, the last wins (cobra's String). */
  | 'string'
  /** A switch: --x, --x=true|false, and --no-x where the command has no flag named no-* (see negation). */
  | 'boolean'
  /** A whole number; anything else is one clear error line. */
  | 'number'
  /** Repeatable and comma-separated, empty items dropped (cobra's StringSlice). */
  | 'list'
  /** Repeatable, each value kept whole (cobra's StringArray). */
  | 'array';

export interface FlagDef {
  type: FlagType;
  /** One-letter short name (`-o`). */
  short?: string;
  /** Other long names that mean the same flag (`--app-version` for `--version`). */
  aliases?: readonly string[];
  /** The value when the flag is not given; shown in help as cobra shows it: (default "x"). */
  default?: string | number | boolean | readonly string[];
  /** Help section heading, e.g. 'Cluster flags:'. */
  group?: string;
  describe: string;
  /** Accepted but left out of help and completion. */
  hidden?: boolean;
  /** Given -> stderr says `Flag --x has been deprecated, <this>` (cobra's words); hidden from help. */
  deprecated?: string;
  /** The only values accepted (checked after parsing, one line naming them). */
  choices?: readonly string[];
  /** Values shell completion offers for an open set (e.g. -o jsonpath=...): not enforced. */
  completions?: readonly string[];
}

export type FlagTable = Readonly<Record<string, FlagDef>>;

/** Declares a table with its literal types kept, so FlagValues can tell each flag's type and default. */
export function defineFlags<const T extends FlagTable>(table: T): T {
  return table;
}

/** `as-group` -> `asGroup`: the key a flag's value has in FlagValues. */
export type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

type ValueOf<F extends FlagDef> = F['type'] extends 'boolean'
  ? boolean
  : F['type'] extends 'list' | 'array'
    ? string[]
    : F['type'] extends 'number'
      ? F extends { default: number } ? number : number | undefined
      : F extends { default: string } ? string : string | undefined;

/** The typed values of a table's flags: what options() gets, with defaults applied. */
export type FlagValues<T extends FlagTable> = { -readonly [K in keyof T & string as Camel<K>]: ValueOf<T[K]> };

export function camel(name: string): string {
  // A loop, not a replace() with a callback: it runs for every flag of every table at each start-up.
  let dash = name.indexOf('-');
  if (dash < 0) return name;
  let out = '';
  let from = 0;
  while (dash >= 0) {
    const next = name.charCodeAt(dash + 1);
    if (next >= 97 && next <= 122) {
      out += name.slice(from, dash) + String.fromCharCode(next - 32);
      from = dash + 2;
    }
    dash = name.indexOf('-', dash + 1);
  }
  return out + name.slice(from);
}

/**
 * Whether --no-x reads as x=false: not when the table has a flag whose name starts with "no-"
 * (--no-headers, --no-proxy), which keeps its own meaning; as in cobra, --x=false always works.
 */
export function negationAllowed(table: FlagTable): boolean {
  return !Object.keys(table).some((n) => n.startsWith('no-'));
}

/** Help text of one flag: its description, cobra's default note, and deprecation/choices. */
export function describeFlag(def: FlagDef): string {
  let text = def.describe;
  if (def.choices && !/\bone of\b/.test(text)) text += ` One of: ${def.choices.join(', ')}.`;
  const d = def.default;
  const shown = d === undefined || d === false || (Array.isArray(d) && d.length === 0) ? undefined : typeof d === 'string' ? `"${d}"` : Array.isArray(d) ? `[${d.join(',')}]` : String(d);
  if (shown !== undefined && !/\(default\b/.test(text)) text += ` (default ${shown})`;
  return text;
}

/** Every name a table's flags answer to (long names, aliases, short letters), each to its long name. */
export function namesOf(table: FlagTable): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name, def] of Object.entries(table)) {
    names.set(name, name);
    for (const a of def.aliases ?? []) names.set(a, name);
    if (def.short) names.set(def.short, name);
  }
  return names;
}

/** A value that is not what its flag takes; reported as one line by the CLI (cobra's wording). */
export class FlagValueError extends UserError {
  constructor(flag: string, value: string, why: string) {
    super(`invalid argument "${value}" for "--${flag}" flag: ${why}`);
    this.name = 'FlagValueError';
  }
}

function lastOf(raw: unknown): unknown {
  return Array.isArray(raw) ? raw[raw.length - 1] : raw;
}

/**
 * The typed values of a table's flags from parsed argv (yargs or yargs-parser, which were given no
 * defaults, so a key present means the user typed the flag). Defaults are applied here, once.
 */
export function readValues<T extends FlagTable>(table: T, argv: Record<string, unknown>): { values: FlagValues<T>; given: Set<string> } {
  const values: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const [name, def] of Object.entries(table)) {
    const raw = argv[name];
    const key = camel(name);
    if (raw !== undefined) given.add(name);
    const items = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map((v) => (typeof v === 'string' ? v : String(v)));
    switch (def.type) {
      case 'boolean': {
        const v = lastOf(raw);
        values[key] = v === undefined ? def.default === true : v === true || v === 'true';
        break;
      }
      case 'string':
        values[key] = raw === undefined ? def.default : items[items.length - 1];
        break;
      case 'number': {
        if (raw === undefined) {
          values[key] = def.default;
          break;
        }
        const text = items[items.length - 1].trim();
        if (!/^-?\d+$/.test(text)) throw new FlagValueError(name, text, 'must be a whole number');
        values[key] = Number(text);
        break;
      }
      case 'list':
        values[key] = raw === undefined ? [...((def.default as readonly string[] | undefined) ?? [])] : items.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
        break;
      case 'array':
        values[key] = raw === undefined ? [...((def.default as readonly string[] | undefined) ?? [])] : items;
        break;
    }
    if (def.choices && raw !== undefined) {
      const chosen = values[key];
      for (const v of Array.isArray(chosen) ? chosen : [chosen]) {
        if (!def.choices.includes(String(v))) throw new FlagValueError(name, String(v), `must be one of: ${def.choices.join(', ')}`);
      }
    }
  }
  return { values: values as FlagValues<T>, given };
}

/** The flags of tables, as yargs-parser's options: the one configuration both parsers use. */
export interface ParserConfig {
  string: string[];
  boolean: string[];
  alias: Record<string, string[]>;
  narg: Record<string, number>;
  configuration: Record<string, boolean>;
}

export function parserConfig(tables: FlagTable[]): ParserConfig {
  const config: ParserConfig = { string: [], boolean: [], alias: {}, narg: {}, configuration: {} };
  for (const table of tables) {
    for (const [name, def] of Object.entries(table)) {
      // Every type but boolean is read as strings (a repeated one gives an array) and typed by readValues:
      // numbers are checked there, and lists never swallow the words after them.
      if (def.type === 'boolean') config.boolean.push(name);
      else {
        config.string.push(name);
        // One value, always: `--context` given last with nothing after it is an error, not "".
        config.narg[name] = 1;
      }
      const aliases = [...(def.aliases ?? []), ...(def.short ? [def.short] : [])];
      if (aliases.length) config.alias[name] = aliases;
    }
  }
  config.configuration = {
    'boolean-negation': tables.every(negationAllowed),
    'populate--': true,
    // `get clusters 12345` names a cluster "12345", not a number.
    'parse-positional-numbers': false,
  };
  return config;
}
