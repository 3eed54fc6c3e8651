// kubectl's table layout (k8s.io/cli-runtime printers + tabwriter): upper-case headers, every column but
// the last padded to its widest cell plus 3 spaces and at least 6 characters wide, the last column never
// padded (no trailing spaces).
//
// Streaming: rows arrive a page at a time (500 objects per list request). kubectl gathers every page
// before printing, so its memory grows with the list. Here each page is laid out as soon as it arrives
// and then forgotten, so memory stays at one page whatever the list size and the first rows show up
// after the first request. Column widths are remembered and only grow (tabwriter's RememberWidths, which
// kubectl uses across its own flushes): the widths of the first page usually fit the rest; a wider cell
// in a later page widens that column from that page on.
import type { Sink } from './sink';

const padding = 3;
const minWidth = 6;

export interface TableOptions {
  headers: string[];
  noHeaders?: boolean;
}

/** What kubectl shows for one cell: the first line only (then "..."), terminal escapes made visible. */
export function cellText(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  // Almost every cell is plain text: a scan for control characters spares the regular expressions below,
  // which V8 compiles to machine code once they run often (at 1 000 rows: 2 MB more peak memory).
  return hasControl(s) ? cleanCell(s) : s;
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20) return true;
  return false;
}

function cleanCell(cell: string): string {
  let s = cell;
  const lineBreak = s.search(/[\n\r\f]/);
  if (lineBreak >= 0) s = s.slice(0, lineBreak) + '...';
  // A tab would split the cell in two; an ESC could drive the terminal.
  return s.replace(/\t/g, ' ').replace(/\x1b/g, '^[');
}

/** Characters as the terminal counts them (code points: a surrogate pair is one). */
function displayWidth(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}

export class TableWriter {
  private readonly widths: number[];
  private headerDone: boolean;
  private rowsWritten = 0;

  constructor(
    private readonly sink: Sink,
    private readonly options: TableOptions,
  ) {
    this.widths = options.headers.map(() => 0);
    this.headerDone = !!options.noHeaders;
  }

  /** How many data rows have been written. */
  get rowCount(): number {
    return this.rowsWritten;
  }

  /** Lays out and writes one page of rows (cells already turned into text by cellText or plain strings). */
  async writeRows(rows: string[][]): Promise<void> {
    if (rows.length === 0) return;
    const cells = rows.map((row) => row.map(cellText));
    const last = this.widths.length - 1;
    if (!this.headerDone) this.grow(this.options.headers);
    for (const row of cells) this.grow(row);
    let out = '';
    if (!this.headerDone) {
      out += this.line(this.options.headers.map((h) => h.toUpperCase()), last);
      this.headerDone = true;
    }
    for (const row of cells) out += this.line(row, last);
    this.rowsWritten += rows.length;
    await this.sink.write(out);
  }

  private grow(row: string[]): void {
    for (let i = 0; i < this.widths.length - 1; i++) {
      const w = Math.max(minWidth, displayWidth(row[i] ?? '') + padding);
      if (w > this.widths[i]) this.widths[i] = w;
    }
  }

  private line(row: string[], last: number): string {
    let s = '';
    for (let i = 0; i < last; i++) {
      const cell = row[i] ?? '';
      s += cell + ' '.repeat(this.widths[i] - displayWidth(cell));
    }
    return s + (row[last] ?? '') + '\n';
  }
}
