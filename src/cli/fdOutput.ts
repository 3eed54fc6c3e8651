// Standard output and error written straight to their file descriptors with write(2), as a Go program
// writes them. Touching process.stdout or process.stderr builds Node's stream machinery (and on a terminal
// loads tty and net too): measured under callgrind, the two streams cost about 17 M instructions, over a
// tenth of `kubectl-gs version`, for output that POSIX Node writes synchronously anyway.
//
// What the streams did for us is kept: a reader that goes away ends the program as SIGPIPE would; a
// descriptor someone left non-blocking (EAGAIN) hands the rest of the output to Node's stream, which waits
// for the reader; isTTY is asked of node:tty only for a character device other than /dev/null (node:tty
// loads net and stream, ~2 ms, and every command run from a script or CI would pay it: see isTerminal).
import { fstatSync, statSync, writeSync } from 'node:fs';
import type { OutputStream } from '../deps';

export interface FdOutputOptions {
  /** The descriptor: 1 or 2. */
  fd: number;
  /** Node's own stream for the same descriptor, built only if a write would block. */
  stream: () => NodeJS.WriteStream;
  /** A write failed for good (EPIPE, EBADF, EIO...): the caller ends the program. */
  onError: (err: NodeJS.ErrnoException) => void;
  /** write(2), injectable so a test can make it fail or write short. */
  write?: (fd: number, buffer: Uint8Array, offset: number) => number;
  /** isatty(3); isTerminal by default. */
  isatty?: (fd: number) => boolean;
}

/** An OutputStream that also takes bytes (the rest of a chunk that write(2) had taken part of). */
export interface ByteOutput extends OutputStream {
  write(chunk: string | Uint8Array): boolean;
}

export function fdOutput(o: FdOutputOptions): OutputStream {
  const write = o.write ?? ((fd, buffer, offset) => writeSync(fd, buffer, offset));
  let stream: ByteOutput | undefined;
  let tty: boolean | undefined;
  return {
    write(chunk: string): boolean {
      if (stream) return stream.write(chunk);
      const bytes = Buffer.from(chunk, 'utf8');
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += write(o.fd, bytes, offset);
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          if (e.code === 'EINTR') continue;
          if (e.code !== 'EAGAIN') {
            o.onError(e);
            return false;
          }
          // Non-blocking descriptor and a slow reader: Node's stream queues and waits; order is kept because
          // everything before this point has already been written.
          stream = streamOutput(o.stream());
          return stream.write(bytes.subarray(offset));
        }
      }
      return true;
    },
    drain: () => stream?.drain?.() ?? Promise.resolve(),
    get isTTY(): boolean {
      tty ??= (o.isatty ?? isTerminal)(o.fd);
      return tty;
    },
  };
}

/**
 * Node's own stream as an OutputStream whose drain() resolves once every byte written so far has been
 * handed to the OS. The stream's 'drain' event is not enough: it only follows a write that returned false,
 * so a last write under the high-water mark could still be queued when the program exits (measured: a
 * slow reader of a pipe lost the last 32 KB of `get clusters -o yaml`).
 */
export function streamOutput(s: NodeJS.WriteStream): ByteOutput {
  let pending = 0;
  let waiters: Array<() => void> = [];
  const settled = () => {
    if (--pending > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  return {
    write(chunk: string | Uint8Array): boolean {
      pending++;
      return s.write(chunk, settled);
    },
    drain: () => new Promise<void>((resolve) => (pending === 0 ? resolve() : waiters.push(resolve))),
    get isTTY(): boolean {
      return !!s.isTTY;
    },
  };
}

/**
 * isatty(3), answered without node:tty where that is certain: a terminal is always a character device, and
 * /dev/null (a redirect to nowhere, or stdio 'ignore') is one that is never a terminal.
 */
export function isTerminal(fd: number): boolean {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false;
  }
  if (!stat.isCharacterDevice() || stat.rdev === devNullDevice()) return false;
  return (require('node:tty') as typeof import('node:tty')).isatty(fd);
}

function devNullDevice(): number {
  try {
    return statSync('/dev/null').rdev;
  } catch {
    return -1;
  }
}
