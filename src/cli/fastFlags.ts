// The one step both fast parsers (get, template) share: reading one flag and its value from an argument
// list the way yargs would, for the plain spellings only: --flag value, --flag=value, -f value, and a
// switch as --flag, --flag=true|false or, where yargs allows it (negationAllowed), --no-flag. Anything
// else is reported as not plain, so the caller hands the whole list to yargs.

export interface FlagRead<K> {
  known: K;
  value: string | boolean;
  /** The index of the last argument this flag used (its value's, when the value was separate). */
  last: number;
}

/**
 * Whether yargs reads --no-x as x=false for a command: not when the command declares a flag whose name
 * starts with "no-" (--no-headers, --no-proxy), since its builder then switches yargs' negation off so
 * that such flags keep their own meaning; as in cobra, --x=false is the spelling that always works.
 */
export function negationAllowed(flagNames: string[]): boolean {
  return !flagNames.some((n) => n.startsWith('no-'));
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
  negation = false,
): FlagRead<K> | 'positional' | undefined {
  const arg = args[i];
  let known: K | undefined;
  let inline: string | undefined;
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    known = long.get(name);
    if (eq >= 0) inline = arg.slice(eq + 1);
    // yargs reads --no-x as x=false for a switch x (unless a flag is really named no-x, found above).
    const negated = negation && known === undefined && eq < 0 && name.startsWith('no-') ? long.get(name.slice(3)) : undefined;
    if (negated !== undefined && isSwitch(negated)) {
      // A separate true/false after it is read by yargs as the switch's value: left to yargs.
      return args[i + 1] === 'true' || args[i + 1] === 'false' ? undefined : { known: negated, value: false, last: i };
    }
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
