// kubectl (cobra/pflag) reads short flags more freely than yargs: `-ojson`, `-o=yaml`, `-ojsonpath={..}`,
// `-Ao wide`, `-nmyns`. yargs reads `-ojson` as the switches -o -j -s -o -n, so such arguments are
// rewritten here, before any parser sees them, into spellings both parsers read the same way:
// `-ojson` -> `--output=json`, `-Ao` -> `-A -o`. pflag's rule: walk the letters; a switch letter stands
// alone, a letter that takes a value takes the rest of the argument (an "=" after it dropped), or the
// next argument when nothing is left.
//
// Every short letter means the same flag, of the same type, in every command that has it (the global
// -n and -s, and -o, -l, -c, -f, -A, -q of the commands); test/unit/cli/shortFlags.test.ts checks that against
// the whole command tree, so a new flag cannot quietly break this table.

/** Short letters that take a value, with their long names. */
export const valueShorts: Record<string, string> = { o: 'output', l: 'selector', c: 'cluster-name', n: 'namespace', s: 'server', f: 'values-schema-file' };

/** Short letters that are switches. */
export const switchShorts = new Set(['A', 'h', 'q']);

function expandOne(arg: string): string[] | undefined {
  const out: string[] = [];
  for (let j = 1; j < arg.length; j++) {
    const letter = arg[j];
    if (switchShorts.has(letter)) {
      out.push(`-${letter}`);
      continue;
    }
    const long = valueShorts[letter];
    if (!long) return undefined;
    let value = arg.slice(j + 1);
    if (value.startsWith('=')) value = value.slice(1);
    out.push(value === '' && !arg.slice(j + 1).startsWith('=') ? `-${letter}` : `--${long}=${value}`);
    return out;
  }
  return out;
}

/**
 * The arguments with every compact short-flag spelling expanded; everything else (long flags, plain `-o`,
 * words, anything after `--`, letters no command knows) is left exactly as it was.
 */
export function expandShortFlags(args: string[]): string[] {
  const end = args.indexOf('--');
  const out: string[] = [];
  for (const [i, arg] of args.entries()) {
    const plain = (end >= 0 && i >= end) || !/^-[A-Za-z]./.test(arg);
    const expanded = plain ? undefined : expandOne(arg);
    if (expanded) out.push(...expanded);
    else out.push(arg);
  }
  return out;
}
