// Lists trade a little speed for memory. V8's optimizing compilers (Maglev, Turbofan) compile the
// row-formatting code once it gets hot, and running them maps several MB more of the executable's code
// into memory. Measured on `get clusters -A` with 1 000 clusters: peak RSS 73.2 -> 67.9 MB when these
// flags are switched right before the list is read, with no measurable change in time; 10 clusters: no
// change either way; 10 000 clusters: 7 % slower (2.33 -> 2.49 s, against kubectl's 3.04 s).
// The young generation is also kept at its starting size (--semi-space-growth-factor=1): each page of 500
// objects survives a scavenge or two, and V8 answers that by doubling the young generation, memory the
// process then keeps. 1 000 clusters: 65.7 -> 63.0 MB, no change in time (204.6 -> 201.0 ms).
//
// They are switched at run time, not at start-up: a V8 flag change alters the flag hash that Node's
// built-in code cache is checked against, so every built-in module loaded afterwards is compiled from
// source (tls: 4 -> 9 ms), and set as start-up flags they cost `get` 12 ms. By the time a list is
// requested, the modules a listing needs are loaded.
let switched = false;

export function preferMemoryOverSpeed(): void {
  if (switched) return;
  switched = true;
  // A cross-built executable's own code cache must be made before the switch (src/seaCodeCache.ts says why);
  // the executable's main script sets this hook when it is to make one.
  (globalThis as { __kgsBeforeV8FlagChange?: () => void }).__kgsBeforeV8FlagChange?.();
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  for (const flag of ['--no-maglev', '--no-turbofan', '--optimize-for-size', '--semi-space-growth-factor=1']) setFlagsFromString(flag);
}
