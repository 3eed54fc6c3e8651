// The one step both fast parsers (get, template) share: reading one flag and its value from an argument
// list the way yargs would, for the plain spellings only: --flag value, --flag=value, -f value, and a
// switch as --flag or --flag=true|false. Anything else is reported as not plain, so the caller hands
// the whole list to yargs.

export interface FlagRead<K> {
  known: K;
  value: string | boolean;
  /** The index of the last argument this flag used (its value's, when the value was separate). */
  last: number;
}

/**
 * Reads the flag at args[i]. Returns 'positional' for an argument that is not a flag, undefined for a
 * flag this parser does not take (unknown, -abc, -x=value, a value that looks like a flag, an empty
 * value, or a switch followed by a separate true/false, which yargs reads as the switch's value).
 */
export function readFlag<K>(
  args: string[],
  i: number,
  long: Map<string, K>,
  short: Map<string, K>,
  isSwitch: (known: K) => boolean,
): FlagRead<K> | 'positional' | undefined {
  const arg = args[i];
  let known: K | undefined;
  let inline: string | undefined;
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    known = long.get(eq < 0 ? arg.slice(2) : arg.slice(2, eq));
    if (eq >= 0) inline = arg.slice(eq + 1);
  } else if (arg.startsWith('-') && arg.length > 1) {
    if (arg.length !== 2) return undefined;
    known = short.get(arg[1]);
  } else {
    return 'positional';
  }
  if (known === undefined) return undefined;
  if (isSwitch(known)) {
    if (inline === undefined) return args[i + 1] === 'true' || args[i + 1] === 'false' ? undefined : { known, value: true, last: i };
    return inline === 'true' || inline === 'false' ? { known, value: inline === 'true', last: i } : undefined;
  }
  const text = inline ?? args[i + 1];
  if (text === undefined || text === '' || (inline === undefined && text.startsWith('-'))) return undefined;
  return { known, value: text, last: inline === undefined ? i + 1 : i };
}
