import { Sink } from '../../../src/output/sink';
import { cellText, TableWriter } from '../../../src/output/table';
import { captureStream } from '../../support/fakeDeps';

function table(headers: string[], noHeaders = false) {
  const out = captureStream();
  return { out, writer: new TableWriter(new Sink(out), { headers, noHeaders }) };
}

describe('TableWriter (kubectl layout)', () => {
  it('pads every column but the last to its widest cell + 3, at least 6 wide', async () => {
    const { out, writer } = table(['NAME', 'AGE', 'X', 'DESCRIPTION']);
    await writer.writeRows([['a', '5m', '', 'last column is not padded']]);
    expect(out.text()).toBe('NAME   AGE   X     DESCRIPTION\na      5m          last column is not padded\n');
  });

  it('keeps widths across pages and only widens them (RememberWidths)', async () => {
    const { out, writer } = table(['NAME', 'AGE']);
    await writer.writeRows([['abc', '1d']]);
    await writer.writeRows([['a-much-longer-name', '2d'], ['x', '3d']]);
    expect(out.text()).toBe('NAME   AGE\nabc    1d\na-much-longer-name   2d\nx                    3d\n');
    expect(writer.rowCount).toBe(3);
  });

  it('omits the header with noHeaders and writes nothing for no rows', async () => {
    const { out, writer } = table(['NAME', 'AGE'], true);
    await writer.writeRows([]);
    expect(out.text()).toBe('');
    await writer.writeRows([['a', 'b']]);
    expect(out.text()).toBe('a     b\n');
  });

  it('shows the first line of a multi-line cell, and makes escapes visible', () => {
    expect(cellText('one\ntwo')).toBe('one...');
    expect(cellText('a\tb\x1b[31m')).toBe('a b^[[31m');
    expect(cellText(undefined)).toBe('');
    expect(cellText(3)).toBe('3');
    expect(cellText('a\rb')).toBe('a...');
    expect(cellText('plain text, no control characters')).toBe('plain text, no control characters');
  });

  it('counts a character outside the BMP (a surrogate pair) as one column, as the terminal does', async () => {
    const { out, writer } = table(['NAME', 'X']);
    await writer.writeRows([['🚀🚀🚀🚀', 'a'], ['é', 'b']]);
    expect(out.text()).toBe('NAME   X\n🚀🚀🚀🚀   a\né      b\n');
  });

  it('waits for the stream to drain when it says its buffer is full', async () => {
    const written: string[] = [];
    let drains = 0;
    const stream = { write: (c: string) => (written.push(c), false), drain: async () => void drains++ };
    await new TableWriter(new Sink(stream), { headers: ['A', 'B'] }).writeRows([['1', '2']]);
    expect(drains).toBe(1);
    expect(written.join('')).toBe('A     B\n1     2\n');
  });
});
