// One typed table per command declares its flags. Everything else is derived from it: the yargs
// definition (help and errors), the yargs-parser configuration of the fast path, completion candidates,
// telemetry's flag names, deprecation notices, and the typed values a command's options() receives
// (FlagValues<typeof table>). Adding a flag is one line in a table.

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
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
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
