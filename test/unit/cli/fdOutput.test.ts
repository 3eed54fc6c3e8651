import { EventEmitter } from 'node:events';
import { fdOutput } from '../../../src/cli/fdOutput';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** A write(2) that takes at most `max` bytes per call and records what reached the descriptor. */
function shortWriter(max: number) {
  const written: Buffer[] = [];
  const write = (_fd: number, buffer: Uint8Array, offset: number) => {
    const part = Buffer.from(buffer.subarray(offset, offset + max));
    written.push(part);
    return part.length;
  };
  return { write, text: () => Buffer.concat(written).toString('utf8'), calls: () => written.length };
}

/** Stands in for Node's stream after EAGAIN: collects writes and holds their callbacks until flush(). */
class FakeStream extends EventEmitter {
  chunks: Buffer[] = [];
  full = false;
  private callbacks: Array<() => void> = [];
  write(chunk: string | Uint8Array, done: () => void) {
    this.chunks.push(Buffer.from(chunk));
    this.callbacks.push(done);
    return !this.full;
  }
  flush(n: number) {
    for (const done of this.callbacks.splice(0, n)) done();
  }
}

describe('fdOutput', () => {
  it('writes every byte of a multi-byte text through short writes, without building the stream', () => {
    const w = shortWriter(3);
    const stream = jest.fn();
    const out = fdOutput({ fd: 1, stream, onError: jest.fn(), write: w.write });
    const text = 'Grüße, 世界 — kubectl gs\n';
    expect(out.write(text)).toBe(true);
    expect(w.text()).toBe(text);
    expect(w.calls()).toBe(Math.ceil(Buffer.byteLength(text) / 3));
    expect(stream).not.toHaveBeenCalled();
  });

  it('retries a write interrupted by a signal (EINTR)', () => {
    const w = shortWriter(1 << 20);
    let failures = 1;
    const write = (fd: number, b: Uint8Array, o: number) => {
      if (failures-- > 0) throw errno('EINTR');
      return w.write(fd, b, o);
    };
    const onError = jest.fn();
    const out = fdOutput({ fd: 1, stream: jest.fn(), onError, write });
    expect(out.write('once\n')).toBe(true);
    expect(w.text()).toBe('once\n');
    expect(onError).not.toHaveBeenCalled();
  });

  it('hands the rest to Node\'s stream when the descriptor would block (EAGAIN), keeping the order', async () => {
    const w = shortWriter(4);
    let room = 2;
    const write = (fd: number, b: Uint8Array, o: number) => {
      if (room-- <= 0) throw errno('EAGAIN');
      return w.write(fd, b, o);
    };
    const fake = new FakeStream();
    const stream = jest.fn(() => fake as unknown as NodeJS.WriteStream);
    const out = fdOutput({ fd: 1, stream, onError: jest.fn(), write });
    out.write('abcdefghij');
    fake.full = true;
    expect(out.write('KLM')).toBe(false);
    fake.full = false;
    expect(out.write('n')).toBe(true);
    expect(stream).toHaveBeenCalledTimes(1);
    expect(w.text() + Buffer.concat(fake.chunks).toString()).toBe('abcdefghijKLMn');
    expect(w.text()).toBe('abcdefgh');
    // drain() waits for every queued write, also the last one that fit under the high-water mark.
    let drained = false;
    const drain = out.drain!().then(() => (drained = true));
    fake.flush(2);
    await new Promise((r) => setImmediate(r));
    expect(drained).toBe(false);
    fake.flush(1);
    await drain;
    expect(drained).toBe(true);
  });

  it('reports a reader that went away (EPIPE) to the caller once and writes nothing more', () => {
    const onError = jest.fn();
    const out = fdOutput({ fd: 1, stream: jest.fn(), onError, write: () => { throw errno('EPIPE'); } });
    expect(out.write('lost\n')).toBe(false);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0].code).toBe('EPIPE');
  });

  it('asks isatty only when isTTY is read, and only once', () => {
    const isatty = jest.fn((fd: number) => fd === 2);
    const out = fdOutput({ fd: 2, stream: jest.fn(), onError: jest.fn(), write: shortWriter(64).write, isatty });
    out.write('x');
    expect(isatty).not.toHaveBeenCalled();
    expect(out.isTTY).toBe(true);
    expect(out.isTTY).toBe(true);
    expect(isatty).toHaveBeenCalledTimes(1);
    expect(isatty).toHaveBeenCalledWith(2);
  });

  it('drains at once when everything went straight to the descriptor', async () => {
    const out = fdOutput({ fd: 1, stream: jest.fn(), onError: jest.fn(), write: shortWriter(64).write });
    out.write('done\n');
    await expect(out.drain!()).resolves.toBeUndefined();
  });
});

describe('isTerminal', () => {
  const { closeSync, openSync } = require('node:fs') as typeof import('node:fs');
  const { isatty } = require('node:tty') as typeof import('node:tty');
  const { isTerminal } = require('../../../src/cli/fdOutput') as typeof import('../../../src/cli/fdOutput');

  it.each([
    ['a regular file', () => openSync(__filename, 'r')],
    ['/dev/null', () => openSync('/dev/null', 'w')],
    ['/dev/zero, a character device that is no terminal', () => openSync('/dev/zero', 'r')],
  ])('answers as isatty does for %s', (_name, open) => {
    const fd = open();
    try {
      expect(isTerminal(fd)).toBe(false);
      expect(isTerminal(fd)).toBe(isatty(fd));
    } finally {
      closeSync(fd);
    }
  });

  it('answers false for a descriptor that is not open', () => {
    expect(isTerminal(987_654)).toBe(false);
  });
});
