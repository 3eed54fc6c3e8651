// fmt's formatting flags (%-+# 0, width, precision) and padding, shared by the fmt printers.

export interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number; // -1 when absent
  prec: number; // -1 when absent
}

export const noFlags = (): Flags => ({
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
  wid: -1,
  prec: -1,
});

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export function pad(s: string, f: Flags): string {
  if (f.wid < 0) return s;
  const n = f.wid - runeCount(s);
  if (n <= 0) return s;
  if (f.minus) return s + ' '.repeat(n);
  return (f.zero ? '0' : ' ').repeat(n) + s;
}

/** Precision truncates strings to that many runes. */
export function truncate(s: string, f: Flags): string {
  if (f.prec < 0) return s;
  const chars = [...s];
  return chars.length > f.prec ? chars.slice(0, f.prec).join('') : s;
}
