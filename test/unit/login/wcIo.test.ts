// The issuer menu reads answers line by line from stdin, and says when input ends.
import { PassThrough } from 'node:stream';
import { terminalIo } from '../../../src/login/wcIo';

it('asks on stdout and reads one line per question until input ends', async () => {
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  const out = new PassThrough();
  let printed = '';
  out.on('data', (c: Buffer) => (printed += c.toString()));
  const io = terminalIo(stdin, out as unknown as NodeJS.WriteStream, out as unknown as NodeJS.WriteStream);
  expect(io.interactive).toBe(false); // pipes, not terminals
  (stdin as unknown as PassThrough).end('x\n2\n');
  expect(await io.ask('Select an issuer [1-2]: ')).toBe('x');
  expect(await io.ask('again: ')).toBe('2');
  expect(await io.ask('last: ')).toBeUndefined();
  expect(printed).toBe('Select an issuer [1-2]: again: last: ');
});
